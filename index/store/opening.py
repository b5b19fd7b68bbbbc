"""Open the live store under HOME: created on first use, refused when built with another model or parser.

An empty store takes whatever model the settings name (its Chroma collection is cleared,
since it may be fixed to another dimension); a store with documents must be rebuilt.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import StoreError, StoreMismatchError
from index.settings import Settings
from index.store import db, layout
from index.store.facade import Store
from index.store.layout import MANIFEST_NAME, SQLITE_NAME
from index.store.lock import WriteLock
from index.store.manifest import Manifest


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Open the live store under settings.home, refusing one built with another model or parser version."""
    home: Path = settings.home
    root = layout.current_root(home)
    if root is None:
        if not create:
            raise StoreError(f"no BudgetQA store in {home}: run `budgetqa ingest PATH...` first")
        home.mkdir(parents=True, exist_ok=True)
        with WriteLock(home, settings.lock_timeout).held():
            root = layout.current_root(home)
            if root is None:
                root = layout.new_root(home)
                Manifest(settings.embed_model).save(root / MANIFEST_NAME)
                db.connect(root / SQLITE_NAME).close()
                layout.point_to(home, root)
    manifest = Manifest.load(root / MANIFEST_NAME)
    if manifest is None:
        raise StoreError(f"the store in {root} has no manifest.json; run `budgetqa doctor` or rebuild it")
    try:
        manifest.check(settings.embed_model, home)
    except StoreMismatchError:
        store = Store(settings, manifest, root)
        if db.rows(store.conn):
            raise
        with store.writing():  # an empty store can take another model
            store.manifest = Manifest(settings.embed_model)
            store.manifest.save(store.root / MANIFEST_NAME)
            store.chroma.clear()  # the old collection may be fixed to another dimension
        return store
    return Store(settings, manifest, root)

"""Open the live store under HOME: created on first use, refused when built with another model or parser.

An empty store takes whatever model the settings name (its Chroma collection is cleared,
since it may be fixed to another dimension); a store with documents must be rebuilt.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import StoreError, StoreMismatchError
from index.intake import file_sha256
from index.settings import Settings
from index.store import db, layout
from index.store.facade import Store
from index.store.layout import MANIFEST_NAME, SQLITE_NAME
from index.store.lock import WriteLock
from index.store.manifest import Manifest


def open_store(settings: Settings, *, create: bool = True, reseed: Path | None = None) -> Store:
    """Open the live store under settings.home, refusing one built with another model or parser version.

    With `reseed` (the bundled sample): a store of another version that holds that file and nothing
    else is rebuilt from it (no user document to lose), then opened; `Store.reseeded` says so.
    """
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
        rows = db.rows(store.conn)
        if rows and reseed is not None and {r.sha256 for r in rows} == {file_sha256(reseed)}:
            store.close()
            _rebuild_from(settings, reseed)
            rebuilt = open_store(settings, create=create)
            rebuilt.reseeded = True
            return rebuilt
        if rows:
            raise
        with store.writing():  # an empty store can take another model
            store.manifest = Manifest(settings.embed_model)
            store.manifest.save(store.root / MANIFEST_NAME)
            store.chroma.clear()  # the old collection may be fixed to another dimension
        return store
    return Store(settings, manifest, root)


def _rebuild_from(settings: Settings, sample: Path) -> None:
    from index.rebuild import rebuild_store

    report = rebuild_store(settings, [sample])
    if report.failed:
        name, reason = report.failed[0]
        raise StoreError(
            f"the store in {settings.home} is of an older BudgetQA; rebuilding it from {name} failed: {reason}"
        )

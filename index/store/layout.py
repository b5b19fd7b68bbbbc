"""Where a store's files live under HOME, and how a rebuilt store replaces the old one in one step.

HOME/store.current names the live store folder (HOME/store-<stamp>). A rebuild
fills a new folder beside it and swaps by replacing that one small file
(`os.replace`, atomic): a reader opens the old store or the new one, never a
mixture. A folder being filled holds a `.builder` file naming the process that
fills it; folders that are not live and whose builder is gone are leftovers,
removed by the next repair. Stores made before this layout keep their files in
HOME itself ("legacy") until their first rebuild.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path

from index.settings import Settings
from index.store.lock import WriteLock, Writer, this_writer

POINTER = "store.current"
PREFIX = "store-"
BUILDER = ".builder"
MANIFEST_NAME = "manifest.json"
SQLITE_NAME = "store.sqlite"
BM25_DIR = "bm25"
STORE_FILES = ("chroma", SQLITE_NAME, f"{SQLITE_NAME}-wal", f"{SQLITE_NAME}-shm", BM25_DIR, MANIFEST_NAME)


def current_root(home: Path) -> Path | None:
    """The live store folder: the one HOME/store.current names, else HOME itself for a legacy store, else None."""
    try:
        name = (home / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return home if (home / MANIFEST_NAME).exists() else None
    if not name.startswith(PREFIX) or "/" in name or "\\" in name:
        raise ValueError(f"{home / POINTER} does not name a store folder: {name!r}")
    return home / name


def pointer_stamp(home: Path) -> tuple[int, int] | None:
    """Changes whenever the pointer is replaced (inode, mtime): a cheap test for 'the store was swapped'."""
    try:
        st = os.stat(home / POINTER)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def new_root(home: Path) -> Path:
    """A fresh, empty store folder beside the live one, marked as being built by this process."""
    home.mkdir(parents=True, exist_ok=True)
    root = home / f"{PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    root.mkdir()
    (root / BUILDER).write_text(str(this_writer()), encoding="utf-8")
    return root


def point_to(home: Path, root: Path) -> None:
    """Make `root` the live store in one atomic step (and durable: file and folder synced)."""
    builder = root / BUILDER
    if builder.exists():
        builder.unlink()
    tmp = home / f".{POINTER}.{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(root.name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, home / POINTER)
    finally:
        tmp.unlink(missing_ok=True)
    fd = os.open(home, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def builder_running(root: Path) -> bool:
    """Whether the process that is filling `root` still runs (False when nobody is filling it)."""
    try:
        writer = Writer.parse((root / BUILDER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    return writer is not None and writer.running() is not False


def leftovers(home: Path) -> list[Path]:
    """Store folders that are not live and not being built, legacy files beside a live store folder, and the
    temp files of writes that were killed (BM25 and manifest being replaced, a pointer being written).

    Only meaningful under the write lock (writes and swaps happen only under it).
    """
    try:
        live = current_root(home)
    except ValueError:
        return []
    out = [p for p in sorted(home.glob(f"{PREFIX}*")) if p.is_dir() and p != live and not builder_running(p)]
    if live is not None and live != home:
        out.extend(home / name for name in STORE_FILES if (home / name).exists())
    if live is not None:
        out.extend(sorted([*live.glob(f".{BM25_DIR}.*"), *live.glob(".manifest.*")]))
    out.extend(sorted(home.glob(f".{POINTER}.*")))
    return out


def remove_root(home: Path, root: Path) -> None:
    """Delete a store folder, or a legacy store's files in HOME (never the models or the lock)."""
    if root != home:
        shutil.rmtree(root, ignore_errors=True)
        return
    for name in STORE_FILES:
        remove_path(home / name)


def remove_path(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def reset_store(settings: Settings) -> None:
    """Delete the store under settings.home (never the built models), under the write lock."""
    from index.store.chroma_backend import ChromaBackend

    home = settings.home
    home.mkdir(parents=True, exist_ok=True)
    with WriteLock(home, settings.lock_timeout).held():
        roots = [p for p in home.glob(f"{PREFIX}*") if p.is_dir()]
        if settings.chroma_url:
            for root in [*roots, home]:  # HOME itself: a legacy store's collection
                ChromaBackend(root, settings.chroma_url).drop()
        remove_path(home / POINTER)
        for root in [*roots, home]:
            remove_root(home, root)

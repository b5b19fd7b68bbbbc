"""The store's copies of ingested files, content-addressed: HOME/files/<sha256>.pdf (or .txt, .md).

The chat page renders a cited page from a PDF's copy, and shows the lines
around a cited line from a text file's (the upload itself is deleted once read). Copies are written and removed by the store under its
write lock, in the order its rows are: the copy is in place before the
document is marked done, and removed after the document's rows are gone.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

FILES_DIR = "files"
_SHA = re.compile(r"^[0-9a-f]{64}$")
SUFFIXES = (".pdf", ".txt", ".md")


def kept_path(home: Path, sha256: str, suffix: str = ".pdf") -> Path:
    """Where the copy of the file with this sha256 and suffix lives (it may not exist: older stores)."""
    if not _SHA.match(sha256) or suffix not in SUFFIXES:
        raise ValueError(f"not a sha256 digest and a known suffix: {sha256!r} {suffix!r}")
    return Path(home) / FILES_DIR / f"{sha256}{suffix}"


def find_kept(home: Path, sha256: str) -> Path | None:
    """The kept copy of this file, whichever its type, or None."""
    return next((p for s in SUFFIXES if (p := kept_path(home, sha256, s)).exists()), None)


def keep_file(home: Path, sha256: str, source: Path) -> Path:
    """Copy `source` into the store (atomically: a temporary name, then rename); a present copy is kept."""
    suffix = source.suffix.lower() if source.suffix.lower() in SUFFIXES else ".txt"
    target = kept_path(home, sha256, suffix)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{sha256}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def drop_file(home: Path, sha256: str) -> None:
    """Remove the copy of a removed document (nothing when there is none)."""
    for suffix in SUFFIXES:
        kept_path(home, sha256, suffix).unlink(missing_ok=True)


def prune_files(home: Path, keep: set[str]) -> None:
    """Remove the copies of files no longer in the store (after a rebuild swapped in exactly `keep`, by sha256)."""
    folder = Path(home) / FILES_DIR
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix in SUFFIXES and _SHA.match(path.stem) and path.stem not in keep:
            path.unlink(missing_ok=True)

"""The store's copies of ingested PDFs, content-addressed: HOME/files/<sha256>.pdf.

The chat page renders a cited page from this copy (the upload itself is
deleted once read). Copies are written and removed by the store under its
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


def kept_path(home: Path, sha256: str) -> Path:
    """Where the copy of the PDF with this sha256 lives (it may not exist: text files, older stores)."""
    if not _SHA.match(sha256):
        raise ValueError(f"not a sha256 digest: {sha256!r}")
    return Path(home) / FILES_DIR / f"{sha256}.pdf"


def keep_file(home: Path, sha256: str, source: Path) -> Path:
    """Copy `source` into the store (atomically: a temporary name, then rename); a present copy is kept."""
    target = kept_path(home, sha256)
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
    kept_path(home, sha256).unlink(missing_ok=True)

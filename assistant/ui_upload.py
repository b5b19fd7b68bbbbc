"""Uploaded files: the size limit checked before reading, and Gradio's copies deleted afterwards.

Gradio saves each upload as `<upload folder>/<hash>/<name>`; once indexed (or refused) the
copy has no use, and leaving it would keep every uploader's files on disk.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md")
DEFAULT_MAX_UPLOAD_MB = 50.0
CEILING_FACTOR = 4  # Gradio itself refuses (in English) uploads this many times over the limit


def upload_limit_mb(settings: Any) -> float:
    """`settings.max_upload_mb` where the settings have it, else BUDGETQA_MAX_UPLOAD_MB, else 50."""
    configured = getattr(settings, "max_upload_mb", None)
    if configured is not None:
        return float(configured)
    try:
        return float(os.environ.get("BUDGETQA_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB


def screen_uploads(paths: Iterable[Path], limit_mb: float) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to read, and (name, Chinese reason) for those refused: an unsupported type, or over the limit."""
    accepted: list[Path] = []
    refused: list[tuple[str, str]] = []
    for path in paths:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            refused.append((path.name, "不支持这种文件类型，只接受 PDF、TXT 和 MD 文件"))
            continue
        try:
            size_mb = path.stat().st_size / 1_000_000
        except OSError:
            accepted.append(path)  # ingest reports the missing file in its own words
            continue
        if size_mb > limit_mb:
            refused.append((path.name, f"文件 {size_mb:.1f} MB，超过上传上限 {limit_mb:g} MB"))
        else:
            accepted.append(path)
    return accepted, refused


def without_temp_copies(upload: Any) -> None:
    """Make this `gr.File` hand over the upload's own path.

    Gradio's `File` preprocessing opens an empty `tmpXXXX` file in the upload folder for
    every file it passes on, and never closes or deletes it (and refuses a wrong type with an
    English error over the page); this keeps the path and leaves the type check to
    `screen_uploads`.
    """
    from gradio.utils import NamedString

    def path_only(data: Any) -> NamedString:
        return NamedString(data.path)

    upload._process_single_file = path_only


def upload_root() -> Path:
    """Where Gradio keeps uploads (GRADIO_TEMP_DIR, else the system temp folder's `gradio`)."""
    from gradio.utils import get_upload_folder

    return Path(get_upload_folder()).resolve()


def remove_uploads(paths: Iterable[Path], root: Path) -> None:
    """Delete Gradio's copies of these uploads and their emptied hash folders; never touch anything outside `root`."""
    root = root.resolve()
    for path in paths:
        resolved = Path(path).resolve()
        if root not in resolved.parents:
            continue
        with contextlib.suppress(FileNotFoundError):
            resolved.unlink()
        folder = resolved.parent
        while folder != root and root in folder.parents:
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent


def private_upload_folder(home: Path) -> Path:
    """A folder only this user can read, under the store's home, for Gradio's uploads (GRADIO_TEMP_DIR).

    Called at start-up, when no upload is in flight: it also deletes what an earlier run left
    behind (Gradio's `tmpXXXX` part files of uploads that were cut off or refused, and copies).
    """
    folder = home / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    for leftover in folder.iterdir():
        if leftover.is_file() and leftover.name.startswith("tmp"):
            leftover.unlink(missing_ok=True)
        elif leftover.is_dir() and len(leftover.name) >= 32:  # Gradio's <hash>/<name> copies
            shutil.rmtree(leftover, ignore_errors=True)
    return folder

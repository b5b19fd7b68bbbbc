"""Read a .txt/.md disclosure: decode (UTF-8 with or without BOM, GBK/GB18030), split lines, find tables.

Text disclosures are usually text already extracted from a PDF (the Dapeng
sample): narrative paragraphs plus tab-separated table rows under `表 N`
titles. Tables are split out by `index.text_tables.split_text_tables`.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import ReadError
from index.model import Extracted, Line
from index.text_tables import split_text_tables

# Control characters other than \t \n \r \f: a text with more than this share is binary.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def _is_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and chr(b) not in _ALLOWED_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * max(len(head), 1)


def _has_control_chars(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0)
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_text(path: Path, data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM or not), then GB18030 (a superset of GBK), then a detected charset."""
    if _is_binary(data):
        raise ReadError(path, "this is a binary file, not text; give a .pdf with a text layer or a UTF-8/GBK .txt")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _has_control_chars(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _has_control_chars(str(best)):
        raise ReadError(path, "cannot decode the text (not UTF-8 or GBK); save it as UTF-8 and try again")
    return str(best)


def extract_text(path: Path) -> Extracted:
    """Read a text disclosure into narrative lines (page None) and tables."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(path, f"cannot read the file ({err.strerror or err})") from err
    text = decode_text(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [Line(text=raw) for raw in text.split("\n")]
    narrative, tables = split_text_tables(lines)
    return Extracted(lines=narrative, tables=tables, page_count=None)

"""Read a .txt/.md disclosure: decode (UTF-8 with or without BOM, GBK/GB18030, UTF-16/32 with BOM), split lines, find tables.

Text disclosures are usually text already extracted from a PDF (the Dapeng
sample): narrative paragraphs plus tab-separated table rows under `表 N`
titles. Tables are split out by `index.read.text_tables.split_text_tables`.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import ReadError
from index.model import Extracted, Line
from index.read.text_tables import split_text_tables

# Control characters other than \t \n \r \f: a text with more than this share is binary.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


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


def _wide_without_bom(data: bytes) -> str | None:
    """'UTF-16' / 'UTF-32' when the bytes decode as such without a BOM into clean text (mostly CJK or ASCII)."""
    head = data[:8192]
    for name, width, encodings in (
        ("UTF-32", 4, ("utf-32-le", "utf-32-be")),
        ("UTF-16", 2, ("utf-16-le", "utf-16-be")),
    ):
        cut = head[: len(head) - len(head) % width]
        for encoding in encodings:
            try:
                text = cut.decode(encoding, errors="strict")
            except UnicodeDecodeError:
                continue
            plain = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
            if text and not _has_control_chars(text) and plain > 0.9 * len(text):
                return name
    return None


def decode_text(path: Path, data: bytes) -> str:
    """Decode bytes: UTF-16/32 by their BOM, else UTF-8 (BOM or not), then GB18030 (a superset of GBK), then a detected charset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ReadError(
                    path,
                    f"the file starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} ({err.reason})",
                ) from err
            if _has_control_chars(text):
                raise ReadError(
                    path, f"the {encoding.upper()} text holds control characters; it is not a text disclosure"
                )
            return text
    if _is_binary(data):
        wide = _wide_without_bom(data)
        if wide:
            raise ReadError(
                path, f"this looks like {wide} text without a byte-order mark; save it as UTF-8 (or {wide} with a BOM)"
            )
        raise ReadError(
            path, "this is a binary file, not text; give a .pdf with a text layer or a UTF-8/GBK/UTF-16 .txt"
        )
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

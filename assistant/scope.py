"""Which documents a question is about: explicit ids, or names and years the question mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.analyze import Query
from assistant.normalize import normalize
from index.errors import QuestionError

# Administrative prefixes that say where, not who: dropped to find a department's short name.
_PLACE = re.compile(r"^(.{1,3}?[省市])?(.{1,4}?(区|县|新区))?(人民政府)?")


def short_names(department: str) -> list[str]:
    """`上海市普陀区司法局` -> [`上海市普陀区司法局`, `普陀区司法局`, `司法局`]."""
    full = normalize(department)
    names = [full]
    rest = _PLACE.sub("", full)
    if rest and rest != full:
        names.append(rest)
    m = re.match(r"^(.{1,3}?[省市])(.+)$", full)
    if m and m.group(2) not in names:
        names.append(m.group(2))
    return [n for n in names if len(n) >= 2]


def resolve_scope(query: Query, summaries: Sequence[dict[str, Any]], doc: str | Sequence[str] | None) -> list[str]:
    """Document ids in scope. Explicit `doc` wins; else documents the question names; else all."""
    ids = [s["doc_id"] for s in summaries]
    if doc:
        wanted = [doc] if isinstance(doc, str) else list(doc)
        unknown = [d for d in wanted if not any(i == d or i.startswith(d) for i in ids)]
        if unknown:
            raise QuestionError(f"没有这个文件：{', '.join(unknown)}（用 `budgetqa docs` 查看已载入文件的 ID）")
        return [i for i in ids if any(i == d or i.startswith(d) for d in wanted)]
    named = [s["doc_id"] for s in summaries if any(n in query.norm for n in short_names(s.get("department") or ""))]
    scope = named or ids
    if query.years and len(scope) > 1:
        by_year = [s["doc_id"] for s in summaries if s["doc_id"] in scope and s.get("year") in query.years]
        if by_year:
            scope = by_year
    return scope

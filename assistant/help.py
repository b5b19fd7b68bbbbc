"""The welcome and help text: what can be asked, which documents are loaded, example questions.

Used by the chat page for its empty-chat welcome and when someone asks `你能做什么` / `帮助`;
plain text (the page escapes it), so the CLI can print the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from index.lexicon import load_data

LISTED_DOCUMENTS = 6  # more are counted, not named
_NOISE = re.compile(r"[\s\W_]+")

WHAT_CAN_BE_ASKED = (
    "我可以回答关于已载入的部门预算、单位预算和部门决算的问题：某一项的金额、比上年增减和增长率、"
    "占比、合计与差额、不同年度或部门之间的比较，以及“主要用在哪些方面”这类问题。"
    "每个数字都注明出处（表格、行、列和页码）；文件里没有的数字，我会直接说明没有。"
)


@cache
def _phrases() -> tuple[tuple[str, ...], frozenset[str]]:
    raw = load_data("assistant.data", "help.toml")
    greetings = tuple(sorted((_squash(g) for g in raw["greetings"]), key=len, reverse=True))
    return greetings, frozenset(_squash(r) for r in raw["requests"])


def _squash(text: str) -> str:
    return _NOISE.sub("", text.lower())


def is_help_request(question: str) -> bool:
    """True for `帮助`, `你好，你能做什么？`, a bare greeting and the like (not for a question about a document)."""
    rest = _squash(question)
    greetings, requests = _phrases()
    greeted = False
    while rest:
        greeting = next((g for g in greetings if rest.startswith(g)), None)
        if greeting is None:
            break
        rest, greeted = rest[len(greeting) :], True
    return (greeted and not rest) or rest in requests


def document_name(summary: Mapping[str, Any]) -> str:
    """`深圳市大鹏新区政务服务数据管理局 2022年部门预算`; the title (which names year and kind) when no department was read."""
    if not summary.get("department"):
        return str(summary.get("title") or summary.get("file_name") or summary.get("doc_id") or "")
    name = summary["department"]
    year = f"{summary['year']}年" if summary.get("year") else ""
    kind = f"{summary.get('scope') or ''}{summary.get('stage') or ''}"
    return " ".join(part for part in (str(name or ""), f"{year}{kind}") if part)


def documents_line(documents: Sequence[Mapping[str, Any]]) -> str:
    """Which documents are loaded, in one line."""
    if not documents:
        return "还没有载入文件：请先上传一份 PDF 或 TXT 格式的预算、决算文件。"
    names = "；".join(document_name(d) for d in documents[:LISTED_DOCUMENTS])
    more = f"等 {len(documents)} 份" if len(documents) > LISTED_DOCUMENTS else ""
    return f"已载入 {len(documents)} 份文件：{names}{more}。"


def help_text(documents: Sequence[Mapping[str, Any]], examples: Sequence[str]) -> str:
    """What can be asked, which documents are loaded and (if any) numbered example questions; plain text."""
    parts = [WHAT_CAN_BE_ASKED, documents_line(documents)]
    if examples:
        parts.append("可以这样问：\n" + "\n".join(f"{i}. {q}" for i, q in enumerate(examples, 1)))
    return "\n\n".join(parts)

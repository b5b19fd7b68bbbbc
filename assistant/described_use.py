"""An item named by what the document says it is for (管空间地理运维、政务光纤一期运维这些…的那个项目).

People who do not know an item's name describe it by its use, often in the document's own words: the sentence
that prints the item's figure goes on to say what it pays for (信息化运维项目 315 万元，空间地理运维、政务光纤一期
运维…等信息化项目的维护), or the sections under a heading naming the item do (人民调解项目经费情况说明 › 一、项目概述).
When a question found nothing, the pieces of its words are looked for in those
sentences, after the item's name; an item whose sentences hold them, clearly more than any other item's, is
the one described, and the question is answered as if it had named it. The words must say they describe an
item (…那一块的项目, …的那个项目): one use asked as if it were an item (智慧城市专家综合服务的预算) is a part the
document may not print apart.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from assistant.analyze import Query
from assistant.lexicon import says_known_term
from index.model import HEADING_SEP, Fact, Hit
from index.text import bigrams, containment, normalize

# where a description breaks into pieces: lists, 的, pointers (这些, 那一块), what asks the figure, and the verbs of
# getting a thing done (请中介机构搞审计、做绩效评价: 中介机构, 审计, 做绩效评价; a 做 leading a piece goes with
# `_LEAD`, one inside it stays: 做审计和绩效评价 is said as one)
_BREAKS = re.compile(
    r"[,，、?？:：;；()（）“”\"]|这些|那些|这类|那一块|那块|这块|那个|这个|的|是|有|多少|几|比|搞|请|找"
)
# words around a piece that are no part of what the item is for
_LEAD = re.compile(r"^(来电人问|市民问|请问|管(?!理)|做|搞|负责|用于|用来|专门|主要|给|为|在)+")
_TRAIL = re.compile(r"(项目|事项|工作|那一块|那块|预算|经费|资金|钱|花|安排|了)+$")
# what says the words before it describe an item (…那一块的项目, …这些…的那个项目, …那块)
# …or that money is asked by what it is spent on (做各类审计和绩效评价花了多少, 花在…上的钱)
_POINTER = re.compile(
    "那个|那一块|那块|这块|这一块|那部分|这部分|[那这]一?项|那一?类|那笔|的项目|的事项|花了|花费|花在|的钱"
)
MIN_PIECE = 4  # characters a piece of description needs to say anything of its own
PIECE_FOUND = 0.8  # share of a piece's bigrams its sentence must hold (智慧城市研究课题 in 智慧城市领域研究课题)
MIN_SAID = 8  # characters of description found that name an item by its use: two pieces, not one name's fragment
AHEAD = 2.0  # how far the item described must be ahead of any other item
MAX_TITLE_WORDS = 6  # characters a heading may add to the item it names (人民调解项目 + 经费情况说明)


_YEAR = re.compile(r"20\d{2}年度?")
_JOINERS = str.maketrans("和与", "及及")  # 审计和绩效评价 says what 审计及绩效评价 says
_EVERY_KIND = re.compile("各种|各项|各个")


def pieces_of(asked: str) -> list[str]:
    """The pieces of a question's words that may say what an item is for (空间地理运维, 政务光纤一期运维)."""
    found = (_TRAIL.sub("", _LEAD.sub("", p)) for p in _BREAKS.split(_YEAR.sub(",", asked)))
    return [p for p in found if len(p) >= MIN_PIECE and not re.search(r"\d", p)]


def _after_name(fact: Fact) -> str | None:
    """What the fact's sentence or row says after the item's name, or None when the name is not in it."""
    quote, name = normalize(fact.source.quote), normalize(fact.subject)
    at = quote.find(name)
    return quote[at + len(name) :] if at >= 0 else None


def _said_after_name(fact: Fact) -> str:
    """What the fact's sentence says after the item's name (all of it when the name is not in it)."""
    after = _after_name(fact)
    return normalize(fact.source.quote) if after is None else after


# a row's figure then a cell of words saying what the item is for (大厅运营事务 312 为企业群众提供一门式一窗式政务服务…)
_ROW_USE = re.compile(r"^[\d,.]+[\u4e00-\u9fff][\u4e00-\u9fff,、;:]{11}")


def _row_describes(fact: Fact) -> bool:
    """A table row whose cells say what the item is for (重点项目预算绩效情况说明), not only figures, dates or
    the next column's row label (一般公共预算拨款 5,883 政府办公厅（室）及相关机构事务 2,625)."""
    return bool(_ROW_USE.match(_after_name(fact) or ""))


def _own_sections(fact: Fact, hits: Sequence[Hit]) -> str:
    """The text of the sections retrieved under a heading that names the fact's item (人民调解项目经费情况说明 ›
    一、项目概述 for 人民调解项目): what the document says the item is, beside the sentence printing its figure."""
    head = (fact.source.section or fact.source.locator).split(HEADING_SEP)[0].strip()
    name, titled = normalize(fact.subject), normalize(head)
    if not titled.startswith(name) or len(titled) - len(name) > MAX_TITLE_WORDS:  # not 第三部分 部门预算支出具体情况
        return ""
    return "".join(
        normalize(h.text)
        for h in hits
        if h.doc_id == fact.source.doc_id and h.kind == "section" and h.locator.split(HEADING_SEP)[0].strip() == head
    )


def read_by_use(query: Query, facts: Sequence[Fact], hits: Sequence[Hit] = ()) -> tuple[str, str] | None:
    """(words, name): the item whose own sentences (and the sections its heading names, among `hits`) say it pays
    for what the question describes, or None."""
    asked = query.norm.split("|")[0]
    pieces = pieces_of(asked)
    if not pieces:
        return None
    said: dict[str, list[str]] = {}
    for fact in facts:
        if not fact.is_money or not fact.subject.strip() or (fact.origin == "table" and not _row_describes(fact)):
            continue
        text = _said_after_name(fact) + _own_sections(fact, hits)
        name, held = normalize(fact.subject), bigrams(text.translate(_JOINERS))
        found = [f for p in pieces if p not in name and (f := _found(p, held))]
        if sum(map(len, found)) > sum(map(len, said.get(name, []))):
            said[name] = found
    ranked = sorted(((n, sum(map(len, f))) for n, f in said.items()), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_SAID:
        return None
    best, score = ranked[0]
    if any(other * AHEAD > score for name, other in ranked[1:] if not _alike(name, best)):
        return None
    written = query.asked or asked  # as asked: the framing takes a pointer (那一项) off the words it reads
    if not _POINTER.search(written[min(max(written.find(p), 0) for p in said[best]) :]):
        return None  # 智慧城市专家综合服务的预算: one use of an item asked as an item, which the document may not print
    return "、".join(said[best]), best


def as_named(query: Query, words: str, name: str) -> Query:
    """The question as if it had named `name` where it described it: the name in place of the description's
    pieces (`words`, joined by 、), so they narrow the item no further (福利费和生活补贴 is no 福利费 row)."""
    asked, *rest = query.norm.split("|")
    first, *others = words.split("、")
    asked = asked.replace(first, name, 1)  # said where the description began, as if asked by name
    for piece in others:
        asked = asked.replace(piece, "")
    return dataclasses.replace(query, norm="|".join([asked, *rest, name]), terms=[*query.terms, name], content=(name,))


def _found(piece: str, held: frozenset[str]) -> str:
    """The longest end of a piece the sentence holds (大鹏新区数据局管空间地理运维: 空间地理运维), else its longest run
    (会计师事务所中介机构做审计: 中介机构, who does it), or "". 和, 与 and 及
    join alike (审计和绩效评价 is what 审计及绩效评价 says); 各种, 各项 say 各类."""
    read = _EVERY_KIND.sub("各类", piece).translate(_JOINERS)  # as long as the piece: its ends are the piece's
    for start in range(len(piece) - MIN_PIECE + 1):
        if containment(bigrams(read[start:]), held) >= PIECE_FOUND:
            return piece[start:]
    for size in range(len(piece) - 1, MIN_PIECE - 1, -1):  # …or a run inside: 中介机构 of 会计师事务所中介机构做审计
        for start in range(len(piece) - size + 1):
            run = read[start : start + size]
            if containment(bigrams(run), held) >= PIECE_FOUND and not says_known_term(run):  # 人员经费: a name
                return _trimmed(piece, start, start + size, held)
    return ""


def _trimmed(piece: str, start: int, end: int, held: frozenset[str]) -> str:
    """The run without an end character the sentence does not hold (把空间地理运维: 空间地理运维)."""
    while end - start > MIN_PIECE and not bigrams(piece[start : start + 2]) <= held:
        start += 1
    while end - start > MIN_PIECE and not bigrams(piece[end - 2 : end]) <= held:
        end -= 1
    return piece[start:end]


def _alike(a: str, b: str) -> bool:
    """Two names of one item (信息化运维项目, 信息化运维)."""
    return a in b or b in a

"""Clauses about the two figures just compared or answered: `哪个多，多了多少` (the larger named, with how much more),
`多的那项是多少` (the larger's figure), `两者相差多少` (the gap), `两个数差多少（表6减表1）` (the first less the second,
each named by words of its own question), each citing every place printing the two figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer_types import Answer, Citation
from assistant.compose import cite_marks, exact, format_value, load_templates
from index.model import MONEY_UNITS, convert_money

_WHICH_ONE = r"(?:哪个|哪一?[项栏列笔个]|谁)更?"  # which of the two (哪一栏更大: of two columns)
_WHICH = re.compile(_WHICH_ONE + r"(?P<word>多|少|高|低|大|小)")
_BY_HOW_MUCH = re.compile(r"(多|少|高|低|大|小|差)(了|出)?(多少|几)|相差多少|差距是?多少|差额是?多少|[,?]")
# After a comparison: the larger (smaller) one (多的那项是多少), or how far apart the two are (两者相差多少, 多出多少,
# 高出多少, the same item in two tables: 两张表相差多少)
_THAT_ONE = re.compile(r"(?:较|更)?(?P<word>多|大|高|少|小|低)的(?:那|这)?(?:一)?(?:项|个|家|笔|部分)?")
_GAP = re.compile(
    r"((?:这|前)?两个数字?|两数|两者|二者|两项|两个|它们|这?两张?表|两处)?(之间)?(相差|差多少|差额|差距|(多|高|大|超)出了?|(多|少|高|低|大|小)了?多少|比另一(项|个|家)(多|少)?)"
)
_ASKING_ONLY = re.compile(r"是多少|为多少|多少|是|为|有|的|那|决算数?|预算数?|金额|亿元|万元|元|[,?。]")


def which_of_previous(clause: str, before: Sequence[Answer]) -> Answer | None:
    """A clause naming no item that asks about the two figures just answered or compared: `哪个多，多了多少`
    (the larger named, with how much more), `多的那项是多少` (the larger's figure), `两者相差多少` (the gap); or about
    the figure just answered and one the asker states (`跟5,883万元相差多少`: `gap_to_stated`)."""
    stated = gap_to_stated(clause, before[-1]) if before else None
    if stated is not None:
        return stated
    pair = _compared_pair(before)
    if pair is None:
        return None
    big, small, places = pair
    which = _WHICH.search(clause)
    if which:
        if _BY_HOW_MUCH.sub("", _WHICH.sub("", clause)):
            return None
        less = which.group("word") in "少低小"
        return _gap_answer(clause, *((small, big) if less else (big, small)), places, less=less)
    that = _THAT_ONE.search(clause)
    if that and not _ASKING_ONLY.sub("", clause.replace(that.group(0), "")):
        less = that.group("word") in "少低小"
        one = small if less else big
        text = load_templates().render(
            "compared_value",
            subject=one.subject or "",
            more="少" if less else "多",
            value=format_value(one.value or 0.0, one.unit or ""),
            unit=one.unit or "",
            cite=cite_marks(1, len(cites := _every_place(one, places=places))),
        )
        return replace(one, question=clause, answer=text, citations=cites, intent="compare")
    gap = _GAP.search(clause)
    order = _ORDER.search(clause)  # (表6减表1): which figure is taken from which
    rest = clause.replace(gap.group(0), "").replace(order.group(0), "") if gap and order else clause
    if gap and order and not _ASKING_ONLY.sub("", rest):
        first = [a for a in (big, small) if _said_of(order.group("a"), a) and not _said_of(order.group("b"), a)]
        second = [a for a in (big, small) if _said_of(order.group("b"), a) and not _said_of(order.group("a"), a)]
        if len(first) != 1 or len(second) != 1 or first[0] is second[0]:
            return None  # the order names neither figure's question apart: not said which is taken from which
        if big.subject == small.subject:  # one item in two tables (表6, 表1): each named by the words said of it
            named = {
                id(a): replace(a, subject=f"{w}{a.subject or ''}")
                for a, w in ((first[0], order["a"]), (second[0], order["b"]))
            }
            big, small, first = named[id(big)], named[id(small)], [named[id(first[0])]]
        if first[0] is big:
            return _gap_answer(clause, big, small, places, less=False)
        answered = _gap_answer(clause, small, big, places, less=True)
        return replace(answered, value=-(answered.value or 0.0))
    if gap and not _ASKING_ONLY.sub("", clause.replace(gap.group(0), "")):
        return _gap_answer(clause, big, small, places, less=False)
    return None


# `A和B哪个多？多多少`: after the which-question, by how much (a gap asked with no item of its own)
_GAP_TOO = re.compile(_WHICH_ONE + r"[多少高低大小][^?,]*[?,][^?]{0,4}?(?:[多少高低大小]出?了?多少|相差多少|差多少)")


def asks_gap_too(question: str) -> bool:
    """Does a which-of-two question ask by how much as well (`哪个多？多多少元`)?"""
    return _GAP_TOO.search(question) is not None


def with_gap(compared: Answer, *, less: bool) -> Answer:
    """A comparison of two items (`compared.compared`, the winner first) answered with how much the winner is larger
    (smaller): the gap is the figure, the winner named."""
    winner, loser = compared.compared
    gapped = _gap_answer(compared.question, winner, loser, compared.citations, less=less)
    return replace(gapped, compared=compared.compared, year=compared.year)


def _said_of(words: str, answer: Answer) -> bool:
    """Do `words` (表6, 住房公积金) name the figure of `answer`: in its question, or where it was read (its first
    citation: 表6 政府预算拨款收支总表 · 本年收入合计)?"""
    where = answer.citations[0].locator if answer.citations else ""
    return re.search(re.escape(words) + r"(?!\d)", f"{answer.question} {where}") is not None


# the order of a difference said in brackets after it (两个数差多少（表6减表1）): the first figure less the second
_ORDER = re.compile(r"\((?P<a>[^()减]{1,12}?)减去?(?P<b>[^()减]{1,12}?)\)")


def _compared_pair(before: Sequence[Answer]) -> tuple[Answer, Answer, list[Citation]] | None:
    """The two figures a clause about "the two" means, larger first: the items the answer just before compared, or
    the last two figures answered (in one unit, each naming its item); and the places the comparison cited."""
    latest = next((a for a in reversed(before) if len(a.compared) == 2), None)
    if latest is not None:  # 哪个多？多的那项是多少，两者相差多少: every later clause means the two compared
        given = list(latest.compared)
    else:
        given = [a for a in before if a.value is not None and not a.abstained and a.citations and a.subject][-2:]
    if len(given) < 2 or given[0].unit != given[1].unit or given[0].value is None or given[1].value is None:
        return None
    big, small = sorted(given, key=lambda a: a.value or 0.0, reverse=True)
    return big, small, list(latest.citations) if latest is not None else []


def _every_place(*answers: Answer, places: Sequence[Citation] = ()) -> list[Citation]:
    """Every place printing the figures of `answers` (a table row and the sentence stating it), each once: their
    own citations, then those of the comparison that named them (`places`) that print one of their figures."""
    mine = [c for a in answers for c in a.citations]
    more = [c for c in places if any(_prints(c, a) for a in answers)]
    return list({(c.doc, c.locator, c.quote): c for c in [*mine, *more]}.values())


def _prints(c: Citation, a: Answer) -> bool:
    """Does the citation's quote print the answer's figure (in the citation's own unit)?"""
    if a.value is None or not a.unit or not c.unit:
        return False
    money = a.unit in MONEY_UNITS and c.unit in MONEY_UNITS
    v = convert_money(a.value, a.unit, c.unit) if money else a.value if c.unit == a.unit else None
    quote = c.quote.replace(",", "")
    return v is not None and any(f"{v:.{p}f}" in quote for p in (0, 1, 2) if round(v, p) == round(v, 4))


def _gap_answer(clause: str, winner: Answer, loser: Answer, places: Sequence[Citation], *, less: bool) -> Answer:
    """How much more (less) the winner is than the loser, from their figures and citations."""
    unit = winner.unit or ""
    gap = exact(abs((winner.value or 0.0) - (loser.value or 0.0)))
    names = [a.subject or "" for a in (winner, loser)]
    formula = " − ".join(
        f"{n}{format_value(a.value or 0.0, unit)}" for n, a in zip(names, (winner, loser), strict=True)
    )
    formula = f"{formula} = {'-' if less else ''}{format_value(gap, unit)}{unit}"
    text = load_templates().render(
        "which_more",
        winner=names[0],
        more="少" if less else "多",
        gap="少" if less else "多",
        value=format_value(gap, unit),
        unit=unit,
        formula=formula,
        cite=cite_marks(1, len(cites := _every_place(winner, loser, places=places))),
    )
    return Answer(
        question=clause, answer=text, value=gap, unit=unit, citations=cites, formula=formula, intent="compare"
    )


# the figure just answered against one the asker states (跟5,883万元相差多少, 与表里的5,883万元差了多少)
_STATED_GAP = re.compile(
    r"^(?:那|这)?(?:跟|与|和|比)(?:[^,?\d]{0,8}?的)?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<unit>亿元|万元|元)(?:相|之间)?差(?:了|距|额)?(?:是|有)?多少"
)


def gap_to_stated(clause: str, last: Answer) -> Answer | None:
    """`…加起来是多少？跟5,883万元相差多少`: the figure just answered less the one the asker states, with the formula and
    the answer's own citations; None for any other clause, or when the last part has no money figure."""
    m = _STATED_GAP.match(clause)
    if m is None or last.abstained or last.value is None or last.unit not in MONEY_UNITS:
        return None
    said = convert_money(float(m.group("n").replace(",", "")), m.group("unit"), last.unit)
    unit = last.unit
    gap = exact(last.value - said)
    formula = f"{format_value(last.value, unit)} − {format_value(said, unit)} = {format_value(gap, unit)}{unit}"
    text = load_templates().render(
        "difference",
        subject=f"{last.subject or '上一问的结果'}与所说的{format_value(said, unit)}{unit}",
        gap="相差",
        value=format_value(gap, unit),
        unit=unit,
        formula=formula,
        cite=cite_marks(1, len(last.citations)),
    )
    return Answer(
        question=clause,
        answer=text,
        value=gap,
        unit=unit,
        citations=list(last.citations),
        formula=formula,
        intent="difference",
    )

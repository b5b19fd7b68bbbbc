"""The facts a computation's operands name: one per part of the question (`find_parts`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.analyze import Query
from assistant.codes import CODE, codes_named, deepest
from assistant.cues import cue
from assistant.match import Scored, choose, confident, rank_facts
from assistant.names import table_title
from assistant.operations.base import Context
from assistant.operations.places import agreeing
from assistant.operations.tables import named_table
from index.model import Fact
from index.text import normalize

_NEXT_TO = 3  # characters between a code and the name it is printed with: brackets, 类/款/项


def part_codes(query: Query, part: str, parts: Sequence[str]) -> list[str]:
    """The 科目编码 said of one part: those printed next to its name (普法宣传（2040605）、公共法律服务（2040607）),
    plus those next to no part's name (司法（20406）款下…: where every part sits) unless the part's own is under
    them. A code beside another part's name is that part's only, so three parts named with their codes are
    three rows, never the first one thrice."""
    opening = CODE.match(part) if by_code_only(parts) else None
    if opening:  # 201、206、208的支出总计: parts told apart by their codes alone are each its code's row
        return [opening.group(1)]
    asked = codes_named(
        query.norm.split("|")[0]
    )  # 201类占支出合计: 201 is the part 一般公共服务支出's, not the whole's
    spans = {p: _span(asked, _own(p)) for p in parts}
    own: list[str] = []
    for m in CODE.finditer(asked):
        gaps = {p: _gap(s, m.span()) for p, s in spans.items() if s and _gap(s, m.span()) <= _NEXT_TO}
        if asked[m.start() - 1 : m.start()] == "(":  # 对个人和家庭的补助（303类）占…: a bracket follows its name
            gaps = _named_before(spans, m.start() - 1) or gaps
        if not gaps or min(gaps, key=lambda p: gaps[p]) == part:  # the nearest name: 普法宣传（2040605）、公共…
            own.append(m.group(1))
    # a code where every part sits is no part's own row when the part names one under it (204…，2040604基层司法业务)
    return deepest(own)


def by_code_only(parts: Sequence[str]) -> bool:
    """Are the parts told apart by the codes they open with alone (201支出总计, 206支出总计)?"""
    return len(parts) >= 2 and all(CODE.match(p) for p in parts) and len({CODE.sub("", p) for p in parts}) == 1


def _named_before(spans: dict[str, tuple[int, int] | None], bracket: int) -> dict[str, int]:
    """The parts whose names end just before a bracket (by their gap to it)."""
    return {p: bracket - s[1] for p, s in spans.items() if s and 0 <= bracket - s[1] <= _NEXT_TO}


def _own(part: str) -> str:
    """A part without the container said before it (一般公共预算中，基层司法业务: 基层司法业务)."""
    inner = cue("container").match(part)
    return inner.group(2) if inner else part


def _span(text: str, part: str) -> tuple[int, int] | None:
    """Where a part's name is said: the longest piece of it the question holds (a head shared by all parts,
    written once after the last, is said there, not beside this part's name)."""
    for size in range(len(part), 1, -1):
        for start in range(len(part) - size + 1):
            at = text.find(part[start : start + size])
            if at >= 0:
                return at, at + size
    return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def find_parts(query: Query, ctx: Context, parts: Sequence[str], places: list[Fact] | None = None) -> list[Fact] | None:
    """The fact each named part asks for (None when one is not found). `places` collects other places
    printing the same figures, so a computed answer cites every place its operands are stated."""
    chosen: list[Fact] = []
    container = _container_code(query, ctx.facts)  # 城乡社区管理事务款下面的A、B、C: the rows under that 款
    tables = {f.source.table for f in ctx.facts if f.source.table}
    for part in parts:
        ranked = rank_part(replace(query, codes=part_codes(query, part, parts)) if len(parts) > 1 else query, ctx, part)
        if len(parts) > 1 and (table := _part_table(part, tables)):  # 表6…的X比表1…的X: each part in its table
            ranked = [s for s in ranked if s.fact.source.table == table] or ranked
        if not ranked or not confident(ranked[0], ctx.tun):
            return None
        best = _under_same_parent(choose(ranked, anchor=chosen[0] if chosen else None, tun=ctx.tun), ranked, chosen)
        best = _under_container(best, ranked, container)
        opening = CODE.match(part) if by_code_only(parts) else None
        if opening and best.fact.code != opening.group(1):  # 299的支出总计 where no row 299 is printed: not found
            return None
        chosen.append(best.fact)
        if places is not None:
            places.extend(agreeing(best.fact, best, ranked, limit=2, facts=ctx.facts))
    return chosen


def rank_part(query: Query, ctx: Context, part: str) -> list[Scored]:
    """The facts in scope scored for one part of the question, best first."""
    return rank_facts(
        query, ctx.facts, text=part, departments=ctx.departments, hits=ctx.hits, doc_years=ctx.doc_years, tun=ctx.tun
    )


_PART_TABLE = re.compile(r"^(?P<table>(?:表\d+)?[^,?;的]{0,30}?表\d*)(?=的|里|中|上|[\u4e00-\u9fff])")


def _part_table(part: str, tables: set[str]) -> str | None:
    """The table a part of the question opens by naming (表6政府预算拨款收支总表的本年收入合计): by its number, or
    the table whose title it is exactly, or the one its title names most."""
    m = _PART_TABLE.match(part)
    if m is None or not cue("table_words").search(m.group("table")):
        return None
    hint = m.group("table")
    exact = [t for t in tables if table_title(t) == re.sub(r"^表\d+", "", hint)]
    return exact[0] if len(exact) == 1 and not re.match(r"表\d", hint) else named_table(hint, tables)


def _under_same_parent(best: Scored, ranked: Sequence[Scored], chosen: Sequence[Fact]) -> Scored:
    """An operand printed under parallel parents (实有在编人数 of 行政编制总数 and of 事业编制总数) is the one
    under the item an operand before it is or belongs to: 事业编制总数减去实有在编人数 is 15 − 13, not 15 − 9."""
    heads = {normalize(f.subject) for f in chosen} | {normalize(f.context) for f in chosen if f.context}
    if not chosen or normalize(best.fact.context) in heads:
        return best
    for s in ranked[:20]:
        if s.score < best.score - 1e-9:
            break  # only among equals: an operand naming its own parent (事业编制实有在编人数) keeps it
        same = s.name == best.name and normalize(s.fact.measure) == normalize(best.fact.measure)
        if same and s.fact.context and normalize(s.fact.context) in heads:
            return s
    return best


_CONTAINER = re.compile(
    r"(?P<name>[\u4e00-\u9fff()]{2,24}?)(?:款|类)?(?:\(\d{3,5}\))?(?:下面|下属|之下|底下|下(?![降半年拨达]))的?"
)


def _container_code(query: Query, facts: Sequence[Fact]) -> str:
    """The code of a 类 or 款 the question names as where its parts sit (城乡社区管理事务款下面的…), or ""."""
    m = _CONTAINER.search(query.norm.split("|")[0])
    if m is None:
        return ""
    name = m.group("name")
    codes = {f.code for f in facts if f.code and len(f.code) in (3, 5) and name.endswith(normalize(f.subject))}
    return max(codes, key=len) if len(codes) == 1 else ""


def _under_container(best: Scored, ranked: Sequence[Scored], container: str) -> Scored:
    """Of rows alike by name (一般行政管理事务 under several 款), the one under the container named."""
    if not container or not best.fact.code or best.fact.code.startswith(container):
        return best  # a sentence's figure carries no code: its place is its own
    measure = normalize(best.fact.measure)
    alike = (
        s
        for s in ranked[:20]
        if s.name == best.name and normalize(s.fact.measure) == measure and (s.fact.code or "").startswith(container)
    )
    return next(alike, best)


def printed_twice(facts: Sequence[Fact]) -> bool:
    """Are the operands one figure printed in two places (机关运行经费 217.83 in the table, 下属1家机关和1家参公事业
    单位…的机关运行经费 217.83 in a sentence): the same value, unit and year, each name inside the longest?"""
    if len(facts) < 2 or len({(f.value, f.unit, f.year) for f in facts}) > 1:
        return False
    names = sorted((normalize(f.subject) for f in facts), key=len)
    return all(n in names[-1] for n in names)

"""Answer a question from facts: choose, compute by rule, phrase with templates, cite.

Never invents a number: every value in an answer is a fact's value or arithmetic
over cited facts, and when nothing matches well the fixed abstention phrase is
returned instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import (
    RowLookup,
    citation_for,
    cite_checked,
    cite_marks,
    describe,
    format_value,
    load_templates,
    measure_phrase,
    money_unit_for,
    year_phrase,
)
from assistant.match import Scored, confident, fact_name, rank_facts, vocabulary
from assistant.normalize import bigrams, normalize
from index.model import Fact, Hit


@dataclass(slots=True)
class Context:
    """What the engine needs besides the question: facts in scope, retrieval hits, names."""

    facts: Sequence[Fact]
    hits: Sequence[Hit] = ()
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> title
    departments: frozenset[str] = frozenset()
    doc_years: dict[str, int | None] = field(default_factory=dict)
    rows: RowLookup | None = None


class Engine:
    """Rule-based answering over facts (the extractive mode)."""

    def answer(self, query: Query, ctx: Context) -> Answer:
        handler = {
            "change": self._change,
            "rate": self._rate,
            "share": self._share,
            "sum": self._sum,
            "difference": self._difference,
            "compare": self._compare,
        }.get(query.intent, self._lookup)
        answer = handler(query, ctx)
        answer.intent = answer.intent or query.intent
        return answer

    # -- plain lookups ---------------------------------------------------------------------------

    def _lookup(self, query: Query, ctx: Context) -> Answer:
        ranked = rank_facts(query, ctx.facts, departments=ctx.departments, hits=ctx.hits)
        empty = self._empty_table(query, ctx)
        best = ranked[0] if ranked else None
        if empty and (not confident(best) or (best is not None and empty.score >= best.score)):
            return self._answer_empty(query, empty, ctx)
        if not confident(best):
            if query.years and self._derivable_prior_year(query, ctx):
                return self._prior_year(query, ctx)
            return self.abstain(query)
        assert best is not None
        fact = best.fact
        others = self._conflicts(best, ranked, ctx)
        if fact.origin != "table" and any(o.origin == "table" for o in others):
            # the document disagrees with itself: answer from the table, cite the text too
            table_fact = next(o for o in others if o.origin == "table")
            others = [fact, *(o for o in others if o is not table_fact)]
            fact = table_fact
        unit = money_unit_for([fact], query.unit)
        value = fact.in_unit(unit)
        if value is None or (query.unit and not _unit_compatible(query.unit, unit)):
            return self.abstain(query)
        cites = self._cite([fact, *others], ctx)
        if not cites or cites[0].locator != fact.source.locator:
            return self.abstain(query, warning="找到的数字无法在原文中核对，未作回答。")
        name = fact_name(fact, ctx.departments)
        text = load_templates().render(
            "lookup",
            subject=fact.subject if name == normalize(fact.subject) else name,
            year=year_phrase(fact),
            measure=measure_phrase(fact, name),
            value=format_value(value, unit, places=_places(fact, unit)),
            unit=unit,
            cite=cite_marks(1, 1),
        )
        warnings = []
        if others:
            listed = "；".join(
                f"{c.locator}：{describe(o, unit)}{unit}" for o, c in zip(others, cites[1:], strict=False)
            )
            warnings.append(f"文件中同一项目另有不同数字（{listed}），以上按表格数字作答。")
            text += "另见" + cite_marks(2, len(cites) - 1) + "：文件中该项数字不一致。"
        if query.intent == "yesno":
            verdict = "有" if value else "没有"
            text = load_templates().render(
                "yesno",
                verdict=verdict,
                subject=fact.subject,
                year=year_phrase(fact),
                measure=measure_phrase(fact, name),
                value=format_value(value, unit, places=_places(fact, unit)),
                unit=unit,
                cite=cite_marks(1, 1),
            )
        return Answer(
            question=query.text,
            answer=text,
            value=value,
            unit=unit,
            citations=cites,
            warnings=warnings,
            intent="lookup",
        )

    def _empty_table(self, query: Query, ctx: Context) -> Scored | None:
        empties = [f for f in ctx.facts if f.empty]
        if not empties:
            return None
        voc = vocabulary()
        ranked = rank_facts(
            query,
            empties,
            departments=ctx.departments,
            hits=ctx.hits,
            allow=frozenset(voc.special_measures | {normalize(f.measure) for f in empties}),
        )
        best = ranked[0] if ranked else None
        if best is None:
            return None
        title = normalize(best.fact.source.table or best.fact.subject)
        core = bigrams(query.content)
        return best if core and len(core & bigrams(title)) / len(core) >= 0.6 else None

    def _answer_empty(self, query: Query, scored: Scored, ctx: Context) -> Answer:
        fact = scored.fact
        unit = query.unit if query.unit and fact.in_unit(query.unit) is not None else fact.unit
        cites = [citation_for(fact, ctx.titles, ctx.rows)]
        text = load_templates().render(
            "empty", subject=fact.source.table or fact.subject, value="0", unit=unit, cite=cite_marks(1, 1)
        )
        return Answer(question=query.text, answer=text, value=0.0, unit=unit, citations=cites, intent="empty")

    def _conflicts(self, best: Scored, ranked: Sequence[Scored], ctx: Context) -> list[Fact]:
        """Other facts naming the same thing with a value that disagrees (not just rounding)."""
        chosen = best.fact
        found: list[Fact] = []
        name_b = bigrams(best.name)
        for other in ranked[1:40]:
            f = other.fact
            if (
                f.source.doc_id != chosen.source.doc_id
                or f.year != chosen.year
                or not f.is_money
                or not chosen.is_money
            ):
                continue
            if (f.source.table, f.source.row) == (chosen.source.table, chosen.source.row):
                continue
            ob = bigrams(other.name)
            if not name_b or not ob or 2 * len(name_b & ob) / (len(name_b) + len(ob)) < 0.75:
                continue
            if normalize(f.measure) != normalize(chosen.measure) and not (
                normalize(f.measure) in vocabulary().default_measures
                and normalize(chosen.measure) in vocabulary().default_measures
            ):
                continue
            if _disagree(chosen, f) and all(_disagree(f, g) for g in found):
                found.append(f)
        return found[:2]

    # -- year-on-year ----------------------------------------------------------------------------

    def _change(self, query: Query, ctx: Context) -> Answer:
        return self._stated_or_derived(query, ctx, vocabulary().change_measures, "change")

    def _rate(self, query: Query, ctx: Context) -> Answer:
        return self._stated_or_derived(query, ctx, vocabulary().rate_measures, "rate")

    def _stated_or_derived(self, query: Query, ctx: Context, measures: frozenset[str], intent: str) -> Answer:
        ranked = rank_facts(query, ctx.facts, departments=ctx.departments, hits=ctx.hits, allow=measures)
        best = ranked[0] if ranked else None
        if confident(best):
            assert best is not None
            fact = best.fact
            unit = "%" if intent == "rate" else money_unit_for([fact], query.unit)
            value = fact.in_unit(unit)
            if value is not None:
                cites = self._cite([fact], ctx)
                if cites:
                    direction = "增加" if value > 0 else ("减少" if value < 0 else "持平，变化")
                    text = load_templates().render(
                        intent,
                        subject=fact.subject,
                        year=year_phrase(fact),
                        direction=direction,
                        value=format_value(abs(value), unit),
                        unit=unit,
                        cite=cite_marks(1, 1),
                    )
                    return Answer(
                        question=query.text, answer=text, value=value, unit=unit, citations=cites, intent=intent
                    )
        return self._derive_from_years(query, ctx, intent)

    def _derive_from_years(self, query: Query, ctx: Context, intent: str) -> Answer:
        """Change or rate from the same item's figures for two consecutive years."""
        ranked = [
            s
            for s in rank_facts(query, ctx.facts, departments=ctx.departments, hits=ctx.hits)
            if s.fact.year is not None
        ]
        if not ranked or not confident(ranked[0]):
            return self.abstain(query)
        current = ranked[0]
        prior = next(
            (
                s
                for s in ranked[1:60]
                if s.fact.year == (current.fact.year or 0) - 1
                and s.name == current.name
                and normalize(s.fact.measure) == normalize(current.fact.measure)
                and s.fact.source.doc_id == current.fact.source.doc_id
            ),
            None,
        )
        if prior is None:
            # the current year's figure must be the later one
            later = next(
                (s for s in ranked[1:60] if s.name == current.name and s.fact.year == (current.fact.year or 0) + 1),
                None,
            )
            if later is None:
                return self.abstain(query)
            current, prior = later, current
        a, b = current.fact, prior.fact
        unit = money_unit_for([a, b], query.unit if intent == "change" else None)
        va, vb = a.in_unit(unit), b.in_unit(unit)
        if va is None or vb is None or (intent == "rate" and vb == 0):
            return self.abstain(query)
        cites = self._cite([a, b], ctx)
        if len(cites) < 2:
            return self.abstain(query)
        if intent == "change":
            value, out_unit = va - vb, unit
            formula = f"{a.year}年{format_value(va, unit)} − {b.year}年{format_value(vb, unit)} = {format_value(value, unit)}{unit}"
        else:
            value, out_unit = round((va - vb) / vb * 100, 2), "%"
            formula = f"({a.year}年{format_value(va, unit)} − {b.year}年{format_value(vb, unit)}) ÷ {format_value(vb, unit)} = {format_value(value, '%')}%"
        direction = "增加" if value > 0 else ("减少" if value < 0 else "持平，变化")
        text = load_templates().render(
            "derived_rate" if intent == "rate" else "prior_year",
            **(
                {
                    "subject": a.subject,
                    "year": year_phrase(a),
                    "direction": direction,
                    "value": format_value(abs(value), out_unit),
                    "unit": out_unit,
                    "formula": formula,
                    "cite": cite_marks(1, 2),
                }
                if intent == "rate"
                else {
                    "subject": f"{a.subject}比上年{direction}",
                    "year": "",
                    "value": format_value(abs(value), out_unit),
                    "unit": out_unit,
                    "formula": formula,
                    "cite": cite_marks(1, 2),
                }
            ),
        )
        return Answer(
            question=query.text,
            answer=text,
            value=value,
            unit=out_unit,
            citations=cites,
            formula=formula,
            intent=intent,
        )

    def _derivable_prior_year(self, query: Query, ctx: Context) -> bool:
        years = {y for y in ctx.doc_years.values() if y}
        return any(y - 1 in query.years for y in years)

    def _prior_year(self, query: Query, ctx: Context) -> Answer:
        """A prior-year figure derived from this year's figure and its stated change."""
        asked = query.years[0]
        this_year = Query(
            **{**_fields(query), "years": [asked + 1], "norm": query.norm.replace(f"{asked}年", f"{asked + 1}年")}
        )
        current = rank_facts(this_year, ctx.facts, departments=ctx.departments, hits=ctx.hits)
        changes = rank_facts(
            this_year, ctx.facts, departments=ctx.departments, hits=ctx.hits, allow=vocabulary().change_measures
        )
        if not current or not changes or not confident(current[0]) or not confident(changes[0]):
            return self.abstain(query)
        a, d = current[0].fact, changes[0].fact
        if normalize(fact_name(a, ctx.departments)) != normalize(fact_name(d, ctx.departments)) and normalize(
            a.subject
        ) != normalize(d.subject):
            return self.abstain(query)
        unit = money_unit_for([a, d], query.unit)
        va, vd = a.in_unit(unit), d.in_unit(unit)
        if va is None or vd is None:
            return self.abstain(query)
        cites = self._cite([a, d], ctx)
        if len(cites) < 2:
            return self.abstain(query)
        value = va - vd
        formula = f"{a.year}年{format_value(va, unit)} − 比上年增加{format_value(vd, unit)} = {format_value(value, unit)}{unit}"
        text = load_templates().render(
            "prior_year",
            subject=a.subject,
            year=f"{asked}年",
            value=format_value(value, unit),
            unit=unit,
            formula=formula,
            cite=cite_marks(1, 2),
        )
        return Answer(
            question=query.text,
            answer=text,
            value=value,
            unit=unit,
            citations=cites,
            formula=formula,
            intent="prior_year",
        )

    # -- arithmetic over named items -------------------------------------------------------------

    def _parts(self, query: Query, ctx: Context, parts: Sequence[str]) -> list[Fact] | None:
        chosen: list[Fact] = []
        for part in parts:
            ranked = rank_facts(query, ctx.facts, text=part, departments=ctx.departments, hits=ctx.hits)
            if not ranked or not confident(ranked[0]):
                return None
            chosen.append(ranked[0].fact)
        return chosen

    def _share(self, query: Query, ctx: Context) -> Answer:
        parts = list(query.parts)
        if len(parts) == 1:
            parts.append("支出总计")
        facts = self._parts(query, ctx, parts[:2]) if len(parts) >= 2 else None
        if not facts:
            return self.abstain(query)
        part, whole = facts
        unit = money_unit_for(facts, None)
        vp, vw = part.in_unit(unit), whole.in_unit(unit)
        if vp is None or vw in (None, 0):
            return self.abstain(query)
        assert vw is not None
        value = round(vp / vw * 100, 1)
        formula = f"{describe(part, unit)} ÷ {describe(whole, unit)} = {value}%"
        return self._computed(
            query, ctx, "share", facts, value, "%", formula, subject=f"{part.subject}占{whole.subject}"
        )

    def _sum(self, query: Query, ctx: Context) -> Answer:
        facts = self._parts(query, ctx, query.parts) if len(query.parts) >= 2 else None
        if not facts:
            return self._lookup(query, ctx)
        unit = money_unit_for(facts, query.unit)
        values = [f.in_unit(unit) for f in facts]
        if any(v is None for v in values):
            return self.abstain(query)
        total = sum(v for v in values if v is not None)
        formula = " + ".join(describe(f, unit) for f in facts) + f" = {format_value(total, unit)}{unit}"
        return self._computed(
            query, ctx, "sum", facts, total, unit, formula, subject="、".join(f.subject for f in facts)
        )

    def _difference(self, query: Query, ctx: Context) -> Answer:
        facts = self._parts(query, ctx, query.parts[:2]) if len(query.parts) >= 2 else None
        if not facts:
            return self._change(query, ctx)
        unit = money_unit_for(facts, query.unit)
        va, vb = (f.in_unit(unit) for f in facts)
        if va is None or vb is None:
            return self.abstain(query)
        value = va - vb
        formula = f"{describe(facts[0], unit)} − {describe(facts[1], unit)} = {format_value(value, unit)}{unit}"
        return self._computed(
            query, ctx, "difference", facts, value, unit, formula, subject=f"{facts[0].subject}与{facts[1].subject}"
        )

    def _compare(self, query: Query, ctx: Context) -> Answer:
        """Compare one item across the documents in scope (or two named items)."""
        docs = sorted({f.source.doc_id for f in ctx.facts})
        picks: list[Fact] = []
        if len(docs) >= 2:
            for doc in docs:
                ranked = rank_facts(
                    query, [f for f in ctx.facts if f.source.doc_id == doc], departments=ctx.departments, hits=ctx.hits
                )
                if ranked and confident(ranked[0]):
                    picks.append(ranked[0].fact)
        elif len(query.parts) >= 2:
            picks = self._parts(query, ctx, query.parts) or []
        if len(picks) < 2:
            return self.abstain(query)
        unit = money_unit_for(picks, query.unit)
        values = [(f.in_unit(unit) or 0.0, f) for f in picks]
        less = any(w in query.norm for w in ("少", "低", "小"))
        value, winner = (min if less else max)(values, key=lambda vf: vf[0])
        label = ctx.titles.get(winner.source.doc_id, winner.subject) if len(docs) >= 2 else winner.subject
        formula = "；".join(
            f"{ctx.titles.get(f.source.doc_id, '') if len(docs) >= 2 else ''}{describe(f, unit)}{unit}"
            for _, f in values
        )
        return self._computed(
            query,
            ctx,
            "compare",
            picks,
            value,
            unit,
            formula,
            subject=picks[0].subject,
            winner=label,
            more="少" if less else "多",
        )

    def _computed(
        self,
        query: Query,
        ctx: Context,
        intent: str,
        facts: Sequence[Fact],
        value: float,
        unit: str,
        formula: str,
        **extra: str,
    ) -> Answer:
        cites = self._cite(facts, ctx)
        if len(cites) < len(facts):
            return self.abstain(query, warning="计算所需的数字无法在原文中逐一核对，未作回答。")
        text = load_templates().render(
            intent,
            value=format_value(abs(value) if intent == "difference" else value, unit),
            unit=unit,
            formula=formula,
            cite=cite_marks(1, len(cites)),
            **extra,
        )
        return Answer(
            question=query.text, answer=text, value=value, unit=unit, citations=cites, formula=formula, intent=intent
        )

    # -- shared ----------------------------------------------------------------------------------

    def _cite(self, facts: Sequence[Fact], ctx: Context) -> list[Citation]:
        """Citations for facts whose quote really holds the number; unverifiable ones are dropped."""
        return [citation_for(f, ctx.titles, ctx.rows) for f in facts if cite_checked(f)]

    def abstain(self, query: Query, warning: str | None = None) -> Answer:
        return Answer(
            question=query.text,
            answer=load_templates().abstain,
            abstained=True,
            warnings=[warning] if warning else [],
            intent=query.intent,
        )


def _fields(query: Query) -> dict[str, object]:
    return {name: getattr(query, name) for name in Query.__slots__}


def _places(fact: Fact, unit: str) -> int | None:
    """Keep printed decimals (2,087,959.00 元); 2 places after converting 元 to 万元."""
    if unit == fact.unit:
        text = fact.text.replace(",", "")
        return len(text.split(".")[1]) if "." in text and text.split(".")[1].isdigit() else None
    return 2 if fact.is_money else None


def _unit_compatible(wanted: str, unit: str) -> bool:
    money = ("元", "万元", "亿元")
    return wanted == unit or (wanted in money and unit in money)


def _disagree(a: Fact, b: Fact) -> bool:
    """Values differ beyond printing: same unit any difference; across units beyond rounding."""
    vb = b.in_unit(a.unit)
    if vb is None:
        return False
    if a.unit == b.unit:
        return abs(a.value - vb) > 1e-9
    # b printed in another unit: consistent if b is a rounding of a
    places = _printed_places(b)
    va_in_b = a.in_unit(b.unit)
    return va_in_b is not None and round(va_in_b, places) != round(b.value, places)


def _printed_places(fact: Fact) -> int:
    text = fact.text.replace(",", "")
    digits = text.split(".")[1] if "." in text else ""
    n = 0
    for ch in digits:
        if not ch.isdigit():
            break
        n += 1
    return n

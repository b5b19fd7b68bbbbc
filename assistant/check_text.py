"""Checks of the narrative: its figures against the tables and against itself, and the changes,
shares and comparisons it states against the figures it states them from.

A narrative figure agrees with a table figure when the table figure, converted
to the narrative's unit (元/万元), rounds or truncates to it at the narrative's
precision. A stated percentage agrees when it lies within the range the
printed inputs allow (each may have been rounded by half its last digit), widened
by the rule's tolerance in percentage points.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from assistant.check_rules import Figure, Finding, Rule, decimals, half_step, judge, report
from assistant.stated import AMOUNTS, by_section, stated_shares
from index.facts.table import vocabulary
from index.model import Document, Fact
from index.text import squash

_CHANGES = ("比上年增减", "增长率")
_LAST_YEAR = ("预算执行数", "上年预算数", "上年决算数", *AMOUNTS)


def _name(subject: str) -> str:
    """A subject reduced for matching across table and text (`购置和运行维护费` = `购置及运行维护费`)."""
    return re.sub(r"[和及与、]", "", squash(subject))


def _slack(f: Fact) -> float:
    """Half the last printed digit; none for a figure given in words (`持平`)."""
    return half_step(f) if re.search(r"\d", f.text) else 0.0


def agrees(text_fact: Fact, other: Fact, tolerance: float = 0.0) -> bool:
    """True when `other`, in the narrative's unit, rounds or truncates to the stated value at its precision."""
    value = other.in_unit(text_fact.unit)
    if value is None:
        return True
    d = decimals(text_fact.text)
    step = 10.0**-d
    allowed = step / 2 + tolerance * step
    rounded = round(value, d)
    truncated = math.trunc(value * 10**d) / 10**d
    return (
        min(abs(rounded - text_fact.value), abs(truncated - text_fact.value)) < allowed - 1e-9
        or abs(value - text_fact.value) < 1e-9
    )


def _title_match(text_subject: str, table_fact: Fact) -> bool:
    """`财政拨款收入支出总计` names the 总计 row of the table titled `财政拨款收入支出决算总表`."""
    if table_fact.subject != "合计" or not table_fact.source.table:
        return False
    name = squash(text_subject)
    for label in vocabulary()["rows"]["total_labels"]:
        if name.endswith(label) and len(name) > len(label):
            stem = re.sub(r"预算|决算", "", name[: -len(label)])
            title = re.sub(r"预算|决算", "", squash(table_fact.source.table))
            return bool(stem) and stem in title
    return False


class _TableIndex:
    """Table money figures by 科目编码 and by reduced name, built once per document."""

    def __init__(self, facts: list[Fact]) -> None:
        self.by_code: dict[str, list[Fact]] = defaultdict(list)
        self.by_name: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            self.by_name[_name(f.subject)].append(f)
            if f.code:
                self.by_code[f.code].append(f)
        self.totals = [f for f in facts if f.subject == "合计"]

    def candidates(self, t: Fact) -> list[Fact]:
        """The table figures of the item a narrative figure names, of the same year and kind of amount."""
        cands = (self.by_code.get(t.code, []) if t.code else []) or self.by_name.get(_name(t.subject), [])
        cands = cands or [f for f in self.totals if _title_match(t.subject, f)]
        cands = [f for f in cands if t.year is None or f.year in (t.year, None)]
        if t.measure == "比上年增减":
            return [f for f in cands if f.measure == "比上年增减"]
        cands = [f for f in cands if f.measure not in _CHANGES]
        return [f for f in cands if f.measure == t.measure or f.measure not in AMOUNTS]


def _exact_title(text_subject: str, table_fact: Fact) -> bool:
    """`收入支出总计` names the total of `收入支出决算总表` exactly (not of `财政拨款收入支出决算总表`)."""
    if not table_fact.source.table:
        return False
    stem = re.sub(r"预算|决算|合计$|总计$", "", squash(text_subject))
    title = re.sub(r"预算|决算|总表$|表$", "", squash(table_fact.source.table))
    return bool(stem) and stem == title


def check_narrative_table(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """Every amount the narrative states for an item agrees with one of that item's table figures."""
    index = _TableIndex([f for fs in tables.values() for f in fs])
    out: list[Finding] = []
    seen: set[tuple[object, ...]] = set()
    for t in doc.facts:
        if t.origin != "text" or not t.is_money or t.measure not in rule.measures or t.source.table:
            continue
        cands = index.candidates(t)
        if not cands or any(agrees(t, f, rule.tolerance) for f in cands):
            continue
        cands.sort(key=lambda f: (not _exact_title(t.subject, f), abs((f.in_unit(t.unit) or 0) - t.value)))
        shown = list({(f.source.table, f.value): f for f in cands}.values())[:2]
        key = (t.subject, t.value, t.source.quote, tuple(f.source.locator for f in shown))
        if key in seen:
            continue
        seen.add(key)
        near = shown[0].in_unit(t.unit) or 0.0
        tables_text = "、".join(f"{f.source.table} {f.text}{f.unit}" for f in shown)
        message = f"文字称 {t.subject} {t.text}，表格为 {tables_text}"
        figures = [Figure.of(t, "文字")] + [Figure.of(f, "表格") for f in shown]
        diff = round(t.value - near, decimals(t.text))
        out += report(rule, "error", message, figures, difference=diff, unit=t.unit)
    return out


def check_narrative_repeat(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """The narrative states the same item's amount the same way each time."""
    groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in doc.facts:
        if f.origin == "text" and f.is_money and f.measure in rule.measures and len(_name(f.subject)) >= 3:
            if not f.source.table:
                groups[(_name(f.subject), f.code, f.measure, f.year, f.context)].append(f)
    out: list[Finding] = []
    for group in groups.values():
        first = group[0]
        for other in group[1:]:
            if not agrees(first, other) and not agrees(other, first):
                message = f"文字前后不一致：{first.subject} {first.text} 与 {other.text}"
                diff = round(other.value - first.value, max(decimals(first.text), decimals(other.text)))
                figures = [Figure.of(first, "文字"), Figure.of(other, "文字")]
                out += report(rule, "error", message, figures, difference=diff, unit=first.unit)
                break
    return out


# ---- stated changes, ratios and comparisons ---------------------------------------------------------------


def _ratio_range(num: tuple[float, float], den: tuple[float, float]) -> tuple[float, float] | None:
    """[min, max] of num ÷ den × 100 over the intervals the printed inputs stand for; None when den may be 0."""
    if den[0] <= 0 <= den[1]:
        return None
    corners = [n / d * 100 for n in num for d in den]
    return min(corners), max(corners)


def _interval(value: float, slack: float) -> tuple[float, float]:
    return value - slack, value + slack


def _stated_share(num: Fact, den: Fact) -> tuple[tuple[float, float], float, str] | None:
    """num ÷ den × 100 from two stated figures: its range over their printed precision, its value and the formula;
    None when their units differ or den may be 0."""
    if num.unit != den.unit:
        return None
    rng = _ratio_range(_interval(num.value, _slack(num)), _interval(den.value, _slack(den)))
    if rng is None:
        return None
    return rng, num.value / den.value * 100, f"{num.text} ÷ {den.text}"


def _pct_verdict(rule: Rule, stated: Fact, lo: float, hi: float) -> str | None:
    s = _slack(stated)
    if stated.value + s >= lo - rule.tolerance and stated.value - s <= hi + rule.tolerance:
        return None
    return "error"


def check_stated_change(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """比上年增加 X (or 增长 p%): X = this year − last year, p = X ÷ last year, from the figures stated with it."""
    out: list[Finding] = []
    want = rule.params.get("check", "rate")
    for facts in by_section(doc.facts).values():
        for i, c in enumerate(facts):
            if c.measure != ("增长率" if want == "rate" else "比上年增减"):
                continue
            same = [(j, f) for j, f in enumerate(facts) if f.subject == c.subject and f.code == c.code]
            quote = [f for _, f in same if f.source.quote == c.source.quote]
            earlier = [f for j, f in same if j <= i]
            this = next((f for f in reversed(quote) if f.measure in AMOUNTS and f.year == c.year), None)
            this = this or next((f for f in reversed(earlier) if f.measure in AMOUNTS and f.year == c.year), None)
            last = next((f for f in quote if f.measure in _LAST_YEAR and f.year == (c.year or 0) - 1), None)
            change = c if want == "amount" else next((f for f in quote if f.measure == "比上年增减"), None)
            if want == "amount":
                last = last or _table_last_year(c, tables)
                out += _amount_finding(rule, c, this, last)
            else:
                out += _rate_finding(rule, c, this, last, change)
    return out


def _table_last_year(change: Fact, tables: dict[str, list[Fact]]) -> Fact | None:
    """Last year's figure of the item from a table printing both years (the 三公 table), when the
    narrative does not state it."""
    name, year = _name(change.subject), (change.year or 0) - 1
    return next(
        (
            f
            for fs in tables.values()
            for f in fs
            if f.year == year and f.measure in AMOUNTS and _name(f.subject) == name
        ),
        None,
    )


def _amount_finding(rule: Rule, change: Fact, this: Fact | None, last: Fact | None) -> list[Finding]:
    if this is None or last is None or this.unit != last.unit or change.unit != this.unit:
        return []
    computed = this.value - last.value
    slack = _slack(this) + _slack(last) + _slack(change)
    verdict = judge(rule, change.value - computed, slack, 10.0 ** -decimals(change.text))
    message = (
        f"文字称 {change.subject} 增减 {change.value:g}{change.unit}，按所述 {this.text} − {last.text} 计算为"
        f" {computed:.{decimals(change.text)}f}{change.unit}"
    )
    figures = [Figure.of(change, "增减额"), Figure.of(this, "本年"), Figure.of(last, "上年")]
    return report(rule, verdict, message, figures, difference=round(change.value - computed, 2), unit=change.unit)


def _num(f: Fact) -> str:
    """A stated figure without its unit, as printed (`持平` as 0)."""
    return re.sub(r"[^\d.,\-]", "", f.text) or "0"


def _rate_finding(rule: Rule, rate: Fact, this: Fact | None, last: Fact | None, change: Fact | None) -> list[Finding]:
    if this and last and this.unit == last.unit:
        t, la = _interval(this.value, _slack(this)), _interval(last.value, _slack(last))
        rng = _ratio_range((t[0] - la[1], t[1] - la[0]), la)
        point = (this.value - last.value) / last.value * 100 if last.value else None
        how, figures = f"({_num(this)} − {_num(last)}) ÷ {_num(last)}", [this, last]
    elif change and this and change.unit == this.unit:
        x, t = _interval(change.value, _slack(change)), _interval(this.value, _slack(this))
        rng = _ratio_range(x, (t[0] - x[1], t[1] - x[0]))
        base = this.value - change.value
        point = change.value / base * 100 if base else None
        how = f"{change.value:g} ÷ 上年 {base:g}（上年 = 本年 {_num(this)} − 增减 {change.value:g}）"
        figures = [change, this]
    elif change and last and change.unit == last.unit:
        rng = _ratio_range(_interval(change.value, _slack(change)), _interval(last.value, _slack(last)))
        point = change.value / last.value * 100 if last.value else None
        how, figures = f"{change.value:g} ÷ {_num(last)}", [change, last]
    else:
        return []
    if rng is None or point is None:
        return []
    verdict = _pct_verdict(rule, rate, *rng)
    message = f"文字称 {rate.subject} 增减 {rate.value:g}%，按所述数计算为 {point:.2f}%：{how}"
    cited = [Figure.of(rate, "增减幅度")] + [Figure.of(f, f.measure) for f in figures]
    return report(rule, verdict, message, cited, difference=round(rate.value - point, 2), unit="%", formula=how)


def check_stated_ratio(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """完成预算的 p%: p = 决算数 ÷ 年初预算数, both stated in the same sentence."""
    out: list[Finding] = []
    ratio, num_m, den_m = rule.params["ratio"], rule.params["numerator"], rule.params["denominator"]
    for facts in by_section(doc.facts).values():
        for r in (f for f in facts if f.measure == ratio):
            quote = [f for f in facts if f.source.quote == r.source.quote and f.subject == r.subject]
            num = next((f for f in quote if f.measure == num_m), None)
            den = next((f for f in quote if f.measure == den_m), None)
            if num is None or den is None or (share := _stated_share(num, den)) is None:
                continue
            rng, mid, how = share
            message = f"文字称 {r.subject} {r.text}，按所述数计算为 {mid:.2f}%（{how}）"
            figures = [Figure.of(r, ratio), Figure.of(num, num_m), Figure.of(den, den_m)]
            out += report(
                rule, _pct_verdict(rule, r, *rng), message, figures, difference=round(r.value - mid, 2), unit="%"
            )
    return out


def check_stated_share(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """占 p%: p = the item's amount ÷ the total it is part of."""
    out: list[Finding] = []
    for found in stated_shares(doc.facts, rule.params.get("parent_markers", []), rule.params["named"]):
        s, part, parent = found.share, found.part, found.whole
        if (share := _stated_share(part, parent)) is None:
            continue
        rng, mid, how = share
        message = f"文字称 {s.subject} 占 {s.text}，按所述数计算为 {mid:.2f}%（{how}，{parent.subject}）"
        figures = [Figure.of(s, "占比"), Figure.of(part, s.subject), Figure.of(parent, parent.subject)]
        out += report(rule, _pct_verdict(rule, s, *rng), message, figures, difference=round(s.value - mid, 2), unit="%")
    return out


_WORDS = {"大于": ">", "小于": "<", "等于": "=", "与预算数持平": "=", "与预算数基本持平": "≈"}


def check_direction_words(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """`决算数大于预算数` is said only when the stated 决算数 is larger than the stated 预算数 (and so on)."""
    out: list[Finding] = []
    first_m, second_m = rule.params["first"], rule.params["second"]
    sections = by_section(doc.facts)
    for section in doc.sections:
        facts = sections.get(section.heading, [])
        if not facts:
            continue
        text = squash(section.text)
        for m in re.finditer(rule.params["pattern"], text):
            placed = [(text.rfind(squash(f.source.quote), 0, m.start()), f) for f in facts]
            placed = sorted(
                ((p, f) for p, f in placed if p >= 0 and f.measure in (first_m, second_m)), key=lambda x: x[0]
            )
            second = next((f for _, f in reversed(placed) if f.measure == second_m), None)
            first = next(
                (f for _, f in reversed(placed) if f.measure == first_m and second and f.subject == second.subject),
                None,
            )
            if first is None or second is None or first.unit != second.unit:
                continue
            sign = _WORDS.get(m.group(1), "")
            diff = second.value - first.value
            slack = _slack(first) + _slack(second)
            holds = {
                ">": diff > slack,
                "<": diff < -slack,
                "=": abs(diff) <= slack + 1e-9,
                "≈": abs(diff) <= max(slack, 0.01 * abs(first.value)) + 1e-9,
            }.get(sign, True)
            if holds:
                continue
            rel = "大于" if diff > 0 else "小于" if diff < 0 else "等于"
            message = f"文字称决算数{m.group(1)}预算数，但所述决算数 {second.text} {rel}年初预算数 {first.text}（{second.subject}）"
            start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
            end = text.find("。", m.end())
            said = Figure(
                role="措辞",
                value=None,
                unit="",
                text=m.group(0),
                locator=second.source.locator,
                quote=text[start : end + 1 if end >= 0 else len(text)],
                page=second.source.page,
                section=second.source.section,
            )
            figures = [said, Figure.of(second, second_m), Figure.of(first, first_m)]
            out += report(rule, "error", message, figures, difference=round(diff, 2), unit=second.unit)
    return out

"""Turn chosen facts into text: number formatting, templates from prompts/, checked citations."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from assistant.answer_types import Citation
from assistant.cues import cue
from assistant.data import load_data as assistant_data
from assistant.lexicon import EXACT_PLACES
from assistant.names import column_item
from index.errors import BudgetQAError
from index.facts.phrases import size_units
from index.lexicon import load_data
from index.model import MONEY_UNITS, Document, Fact
from index.store.chunks import split_sentences
from index.text import bigrams, containment, normalize

# (doc_id, table label, row label) -> (header, row cells), for rendering a cited row.
RowLookup = Callable[[str, str, str], tuple[tuple[str, ...], tuple[str, ...]] | None]


@dataclass(frozen=True, slots=True)
class Templates:
    abstain: str
    abstain_open: str  # an open or why question nothing in the documents speaks to
    by_intent: dict[str, str]
    refusals: dict[str, str]

    def render(self, intent: str, **values: str) -> str:
        return self.by_intent[intent].format(**values)


@cache
def load_templates() -> Templates:
    """Load prompts/answers.toml and check each template uses exactly its declared placeholders."""
    raw = load_data("prompts", "answers.toml")
    templates: dict[str, str] = raw["templates"]
    declared: dict[str, list[str]] = raw["placeholders"]
    for intent, text in templates.items():
        used = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        if used != set(declared.get(intent, [])):
            raise BudgetQAError(
                f"prompts/answers.toml: template {intent!r} uses {sorted(used)}, declared {sorted(declared.get(intent, []))}"
            )
    fixed = {
        "abstain": raw["abstain"],
        "abstain_open": raw.get("abstain_open", ""),
        **{f"refusals.{k}": v for k, v in raw["refusals"].items()},
    }
    for name, text in fixed.items():
        if re.search(r"\d|\{", text):
            raise BudgetQAError(
                f"prompts/answers.toml: {name!r} must be a fixed phrase without numbers or placeholders"
            )
    if not raw.get("abstain_open"):
        raise BudgetQAError("prompts/answers.toml: 'abstain_open' (the refusal of an open or why question) is missing")
    return Templates(
        abstain=raw["abstain"], abstain_open=raw["abstain_open"], by_intent=templates, refusals=raw["refusals"]
    )


def decimals_of(text: str) -> int:
    m = re.search(r"\.(\d+)", text.replace(",", ""))
    return len(m.group(1)) if m else 0


def exact(value: float) -> float:
    """Arithmetic over printed figures without binary float noise (2170.39 − 2149.45 = 20.94)."""
    return round(value, 6)


def format_value(value: float, unit: str, *, places: int | None = None) -> str:
    """`2,008`, `208.80`, `40.9`: thousands separators for money, at most 2 decimals unless told."""
    if places is None:
        places = 0 if float(value).is_integer() else 2
        if unit == "%" and not float(value).is_integer():
            places = 1 if round(value, 1) == round(value, 2) else 2
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}" if unit in MONEY_UNITS else f"{rounded:.{places}f}"
    return text.rstrip("0").rstrip(".") if places == EXACT_PLACES else text  # unrounded: the digits it has


def bounded_value(text: str, unit: str, comparison: str | None) -> str:
    """A target's figure with its comparison in words and as printed: `不低于5,000份（≥5,000份）`.

    The unit is included, so render it with an empty unit placeholder; without a comparison, `text + unit`."""
    if not comparison:
        return f"{text}{unit}"
    word = assistant_data("answering.toml")["comparison_words"].get(comparison, comparison)
    return f"{word}{text}{unit}（{comparison}{text}{unit}）"


def printed_forms(fact: Fact) -> list[str]:
    """Forms in which the fact's value may be printed in its quote, normalised for comparison."""
    return [normalize(f) for f in (fact.text, *printed_forms_raw(fact)) if f]


def cite_checked(fact: Fact) -> bool:
    """The cited quote must actually contain the number."""
    quote = normalize(fact.source.quote)
    return any(form and form in quote for form in printed_forms(fact))


QUOTE_CHARS = 120


def quote_window(quote: str, fact: Fact, limit: int = QUOTE_CHARS) -> str:
    """The quoted line, cut to `limit` characters around the printed value when it is longer.

    When the cut leaves out the words naming the figure's item (`…和就业支出。2023年当年预算执行数为…减少44.60%`),
    the clause that names it comes first: `20. “…其他社会保障和就业支出（项）”781.24万元…2023年当年…减少44.60%。`.
    """
    if len(quote) <= limit:
        return quote
    at = next((quote.find(f) for f in [fact.text, *printed_forms_raw(fact)] if f and f in quote), -1)
    if at < 0:
        return quote[: limit - 1] + "…"
    start = max(0, at - limit // 2)
    end = min(len(quote), start + limit)
    tail = quote[start:end] + ("…" if end < len(quote) else "")
    head = _naming_clause(quote, fact.subject, start, at) if start else None
    if head is None:
        return ("…" if start else "") + tail
    if head[1] >= start:
        return ("…" if head[0] else "") + quote[head[0] : start] + tail
    return ("…" if head[0] else "") + quote[head[0] : head[1]] + "…" + tail


_CLAUSE_END = re.compile(r"[，。；;：:\n]|(?<!\d),|,(?!\d)")  # a comma between digits is a thousands separator


def _naming_clause(quote: str, subject: str, before: int, at: int) -> tuple[int, int] | None:
    """Where the first clause naming `subject` starts and ends, when it lies before `before` and `subject` is not
    named between `before` and the figure at `at` (quotation marks and spaces inside the name allowed); at most
    QUOTE_CHARS // 2 long."""
    if not subject:
        return None
    named = re.compile(r"[“”\"‘’\s]*".join(map(re.escape, subject)))
    first = named.search(quote, 0, before)
    if first is None or named.search(quote, before, at):
        return None
    lo = max((m.start() for m in _CLAUSE_END.finditer(quote, 0, first.start())), default=-1) + 1
    after = _CLAUSE_END.search(quote, first.end())
    hi = after.start() if after else len(quote)
    return max(lo, hi - QUOTE_CHARS // 2), hi


def printed_forms_raw(fact: Fact) -> list[str]:
    """The value written with 0–2 decimals, with and without thousands separators."""
    v = abs(fact.value)
    return [f"{v:,.{p}f}" for p in (0, 1, 2) if round(v, p) == v] + [
        f"{v:.{p}f}" for p in (0, 1, 2) if round(v, p) == v
    ]


def citation_for(fact: Fact, titles: dict[str, str], rows: RowLookup | None) -> Citation:
    src = fact.source
    header: tuple[str, ...] = ()
    row: tuple[str, ...] = ()
    if rows and src.table and src.row:
        found = rows(src.doc_id, src.table, src.row)
        if found:
            header, row = found
    return Citation(
        doc=src.doc_id,
        title=titles.get(src.doc_id, src.doc_id),
        locator=src.locator,
        page=src.page,
        quote=quote_window(src.quote, fact),
        header=header,
        row=row,
        year=fact.year,
        bbox=src.bbox,
        table=src.table,
        row_label=src.row,
        column=src.column,
        unit=fact.unit,
        mark=fact.text,
    )


def cite_marks(start: int, count: int) -> str:
    return "".join(f"[{i}]" for i in range(start, start + count))


def describe(fact: Fact, unit: str | None = None, name: str | None = None) -> str:
    """`项目支出4,644` style operand for formulas (value in `unit` if given)."""
    value = fact.in_unit(unit) if unit else fact.value
    shown = value if value is not None else fact.value
    return f"{name or fact.subject}{format_value(shown, unit or fact.unit)}"


def year_phrase(fact: Fact) -> str:
    """`2022年`; for a count stated at a date (截至2021年10月，共有车辆2辆) that date, as printed; none for a
    size (用地面积4000.6平方米), which is no year's figure."""
    if fact.unit in size_units():
        return ""
    dated = date_stated(fact.source.quote) if not fact.is_money and fact.unit != "%" else ""
    return dated or (f"{fact.year}年" if fact.year else "")


def date_stated(quote: str) -> str:
    """The date a sentence counts a stock at, as printed (`截至2021年10月`), or ""."""
    dated = re.search(cue("as_of"), normalize(quote))
    return dated.group(0).rstrip(",") if dated else ""


def as_of_year(date: str) -> int | None:
    """The year of a date a stock is counted at (`截至2023年8月31日` → 2023); None for no date."""
    found = re.search(r"(20\d{2})年", date)
    return int(found.group(1)) if found else None


def counted_as_asked(as_of: str, quote: str) -> bool:
    """Does the sentence count a stock at a date in the year of the date asked (`as_of`, 截至2021年10月: `截至2021年
    10月，…共有车辆2辆`)?"""
    asked = as_of_year(as_of)
    return asked is not None and as_of_year(date_stated(quote)) == asked


# Measures that add nothing after the subject ("住房公积金2026年合计为…" reads as "住房公积金2026年为…").
_PLAIN_MEASURES = frozenset({"数值", "数量", "金额", "合计", "总计", "小计", "支出总计", "收入总计"})


def measure_phrase(fact: Fact, name: str) -> str:
    """The measure words to print after the subject, unless they repeat it."""
    measure = fact.measure
    if not measure or column_item(measure) in normalize(name) or normalize(measure) in _PLAIN_MEASURES:
        return ""
    return measure.split("/")[-1]


def money_unit_for(facts: Sequence[Fact], wanted: str | None) -> str:
    """The unit to answer in: the one asked for when convertible, else the first fact's."""
    if wanted and all(f.in_unit(wanted) is not None for f in facts):
        return wanted
    return facts[0].unit


def passage_excerpt(text: str, content: Sequence[str], limit: int) -> str:
    """At most `limit` characters of a passage, starting at the sentence the question is most about.

    A section chunk can hold several items ("6. 信息化运维项目…7. 政府投资项目…"); the excerpt
    shown for "政府投资项目主要用于什么" starts at item 7, with "…" marking what was skipped.
    """
    body = " ".join(text.split())
    sentences = split_sentences(body)
    wanted = [bigrams(normalize(c)) for c in content if c]
    if len(body) <= limit or not sentences or not wanted:
        return body if len(body) <= limit else body[: limit - 1] + "…"
    scores = [max(containment(w, bigrams(normalize(s))) for w in wanted) for s in sentences]
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    start = body.find(sentences[best]) if scores[best] > 0 else 0
    excerpt = ("…" if start > 0 else "") + body[max(start, 0) :]
    return excerpt if len(excerpt) <= limit else excerpt[: limit - 1] + "…"


def printed_row(document: Document, table_label: str, row_label: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The header and cells of the row a citation points at, to show it as a small table."""
    wanted = normalize(row_label)
    for table in document.tables:
        if table.label != table_label:
            continue
        for row in table.rows:
            if wanted and wanted in normalize("".join(row)):
                return tuple(table.header), tuple(row)
    return None

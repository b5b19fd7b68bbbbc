"""Where figures and evidence strings occur in text: the matching rules shared by the scorer and the retrieval metrics.

- `text_has_value`: a text prints a value in some form (2,008 / 2008; 2,087,959.00 元 for 208.8 万元).
- `evidence_in`: a text holds an evidence string: whitespace and thousands separators ignored, a
  table row's parts in order with numbers whole, or a label whose figures the PDF printed on
  the line below.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.answer_types import Citation
from index.model import MONEY_UNITS, convert_money

_UNIT_ALIASES = {
    "％": "%",
    "百分比": "%",
    "万": "万元",
    "亿": "亿元",
    "元人民币": "元",
    "人民币元": "元",
    "台(套)": "台",
    "家": "个",  # 几家单位 / 几个单位: one count, two classifiers
}
_NUMBER = re.compile(r"(?<![\d.])[-−]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|(?<![\d.])[-−]?\d+(?:\.\d+)?")
_SPACE = re.compile(r"\s+")
# figures (with a trailing %) and quotation marks: what some PDF text layers print on the line below
_LIFTED = re.compile(r"[-−]?\d[\d,.]*%?|[“”\"‘’]")
_REL = 1e-9
_SENTENCE_ENDS = ("。", "；", ";")
_GLUED_AFTER_MARK = re.compile(r"([。；;])([-−]?\d[\d.,%\s]*)$")
# a figure as printed in a number line or a sentence: 2995.39, -326, 15.16%
_FIGURE = re.compile(r"(?<![\d.])[-−]?\d+(?:\.\d+)?%?")


def normalize_unit(unit: str | None) -> str | None:
    """Fold unit spellings: `％`→`%`, `万`→`万元`; empty string → None."""
    if unit is None:
        return None
    u = unicodedata.normalize("NFKC", unit).strip()
    if not u:
        return None
    return _UNIT_ALIASES.get(u, u)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
# a budget classification code printed in parts: 类 (3 digits), 款 and 项 (2 digits each)
_CODE = re.compile(r"(?<![\d.])(\d{3}) (\d{2})(?: (\d{2}))?(?![\d.])")


def squash(text: str) -> str:
    """Text compared for containment: NFKC-folded, whitespace and thousands separators removed."""
    return _THOUSANDS.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def contains_all(text: str, needles: Iterable[str]) -> bool:
    """True when every needle occurs in `text` after `squash` (False when there are no needles)."""
    hay = squash(text)
    wanted = [squash(n) for n in needles if squash(n)]
    return bool(wanted) and all(n in hay for n in wanted)


def numbers_in(text: str) -> list[str]:
    """Numbers as printed in `text` ("2,087,959.00", "208.8", "-3"), thousands separators kept."""
    folded = unicodedata.normalize("NFKC", text).replace("，", ",")
    return [m.group(0).replace("−", "-") for m in _NUMBER.finditer(folded)]


def decimals(value: float) -> int:
    """Decimal places a number was written with (2008 → 0, 208.8 → 1)."""
    try:
        exp = Decimal(repr(value)).normalize().as_tuple().exponent
    except InvalidOperation:
        return 0
    return max(0, -exp) if isinstance(exp, int) else 0


def close(a: float, b: float, tolerance: float | None = None) -> bool:
    if tolerance is not None:
        return abs(a - b) <= tolerance + 1e-12
    return math.isclose(a, b, rel_tol=_REL, abs_tol=1e-9)


def value_in_unit(value: float, unit: str | None, to: str | None) -> float | None:
    """`value` (in `unit`) expressed in `to`; None when the units cannot be converted."""
    u, t = normalize_unit(unit), normalize_unit(to)
    if u == t:
        return value
    if u in MONEY_UNITS and t in MONEY_UNITS:
        return convert_money(value, u, t)
    if u is None or t is None:
        return value  # a bare number: compared as is, the unit check decides
    return None


def text_has_value(text: str, value: float, unit: str | None) -> bool:
    """Does `text` print `value` (in `unit`) in some form?

    Within the same unit the printed number must equal the value exactly (so
    8.1 does not stand for 8); a money figure printed in another money unit
    counts when, converted, it rounds to the value's own decimals
    (2,087,959.00 元 stands for 208.8 万元).
    """
    u = normalize_unit(unit)
    target_dec = decimals(value)
    for printed in numbers_in(text):
        n = float(printed.replace(",", ""))
        for cand in (n, -n) if value < 0 else (n,):
            if close(cand, value):
                return True
            if u in MONEY_UNITS:
                for other in MONEY_UNITS:
                    if other == u:
                        continue
                    conv = convert_money(cand, other, u)
                    if conv != 0 and round(conv, target_dec) == round(value, target_dec) and abs(conv - value) < 1:
                        return True
    return False


# between a citation's quote and its locator: whitespace to every matching rule, so a rule can read the quote alone
LOCATOR_SEP = "\u2028"


REGION_MARK = "\u2029"  # opens the lines a citation's region prints (eval/regions.py): no quote to read in order


def citation_text(c: Citation | dict[str, Any]) -> str:
    """What a person sees at a citation: its quote and its locator (joined by LOCATOR_SEP)."""
    if isinstance(c, dict):
        return f"{c.get('quote', '')}{LOCATOR_SEP}{c.get('locator', '')}"
    return f"{c.quote}{LOCATOR_SEP}{c.locator}"


def evidence_cited(texts: Sequence[str], evidence: Sequence[str]) -> bool:
    """Every evidence string is held by one of `texts` (citations: quote + locator) or by their quotes read in
    order as one text (two sentences cited one after the other); False without evidence.

    A number line with no label fragment is held when the citations, read in order, print all its figures
    one after another. A number line (an evidence string of figures only) that comes with a label fragment
    (any other evidence string, its own lifted figures and all: `编报绩效目标的 年度项目 个，涉及预算金额 2024 4`) is the
    财政局 决算's layout: the PDF prints a
    paragraph's figures on the line below its words, so one line carries the figures of
    the end of one sentence and the start of the next. A citation of one sentence holds
    that line when it holds the label and prints at least half of the line's figures as
    one run, in the line's order (see `_holds_number_line`).
    """
    if not evidence:
        return False
    # the citations' quotes read in order, as one text: a sentence the answer cites as its two halves
    joined = " ".join(t.split(LOCATOR_SEP)[0] for t in texts if not t.startswith(REGION_MARK))  # quotes only
    texts = [*texts, joined]
    labels = [e for e in evidence if squash(e) and not _is_number_line(e)]  # (a label may keep figures of its own)
    return all(
        any(evidence_in(t, e) for t in texts)
        or (bool(labels) and _is_number_line(e) and any(_holds_number_line(t, e, labels) for t in texts))
        or (not labels and _is_number_line(e) and _prints_in_order(joined, e))
        or _glued_in_order(joined, e)
        or any(_sentence_end_held(t, e) for t in texts)
        for e in evidence
    )


_SENTENCE_END = re.compile("[；;。]")


def _sentence_end_held(text: str, line: str) -> bool:
    """A line of the page straddling two sentences (`876.75万元；事业收入0.00万元`): held when the text holds its part up
    to the sentence's end, figures and all (`…比2023年预算减少876.75万元；`); the next sentence on the line is another
    figure's."""
    end = _SENTENCE_END.search(line)
    if end is None or not line[end.end() :].strip():
        return False
    head = squash(line[: end.end()])
    return any(c.isdigit() for c in head) and head in squash(text)


def _glued_in_order(quotes: str, line: str) -> bool:
    """A line of figures copied with its spaces removed (`56.951.87%`, of `减少56.95万元，下降1.87%`): held when the
    quotes, read in order, print figures one after another that spell it."""
    needle = _THOUSANDS.sub("", squash(unicodedata.normalize("NFKC", line)))
    if not _GLUED.fullmatch(needle) or _is_number_line(line):
        return False
    printed = _figures(quotes)
    for i in range(len(printed)):
        spelled = ""
        for figure in printed[i:]:
            spelled += figure
            if spelled == needle:
                return True
            if not needle.startswith(spelled):
                break
    return False


_GLUED = re.compile(r"[\d.%-]+")


def _prints_in_order(quotes: str, line: str) -> bool:
    """Do the citations' quotes, read in order, print every figure of a number line one after another (the line
    lifted off two sentences, `2940.05 100.00% 2023`, cited as those two sentences)?"""
    wanted, printed = _figures(line), _figures(quotes)
    return any(printed[i : i + len(wanted)] == wanted for i in range(len(printed) - len(wanted) + 1))


def _figures(text: str) -> list[str]:
    return _FIGURE.findall(_THOUSANDS.sub("", unicodedata.normalize("NFKC", text)).replace("−", "-"))


def _is_figure(part: str) -> bool:
    """One whitespace-separated part of an evidence string is a figure as printed (2,995.39, 15.16%)."""
    return _FIGURE.fullmatch(_THOUSANDS.sub("", part)) is not None


def _is_number_line(evidence: str) -> bool:
    """Only figures, with the odd punctuation mark the layout left between them ("445.69 ； 15.16%")."""
    parts = unicodedata.normalize("NFKC", evidence).split()
    figures = [p for p in parts if _is_figure(p)]
    return len(figures) >= 1 and all(p in figures or not any(ch.isalnum() for ch in p) for p in parts)


def _holds_number_line(text: str, line: str, labels: Sequence[str]) -> bool:
    """`text` holds one of the label fragments and prints a run of at least half the line's figures, in order, one after another."""
    if not any(evidence_in(text, label) for label in labels):
        return False
    wanted, printed = _figures(line), _figures(text)
    need = max(1, -(-len(wanted) // 2))
    for size in range(len(wanted), need - 1, -1):
        for start in range(len(wanted) - size + 1):
            run = wanted[start : start + size]
            if any(printed[i : i + size] == run for i in range(len(printed) - size + 1)):
                return True
    return False


def _find_token(hay: str, token: str, start: int) -> int:
    """End index of the first occurrence of `token` in `hay` at or after `start`, -1 if none.

    A number token must stand whole: "106" does not match inside "1,060" or "2106".
    """
    numeric = _NUMBER.fullmatch(token) is not None
    pos = hay.find(token, start)
    while pos >= 0:
        end = pos + len(token)
        before = hay[pos - 1] if pos > 0 else " "
        after = hay[end] if end < len(hay) else ""
        if not numeric or (
            not (before.isdigit() or before in ",.")
            and not (after.isdigit() or (after in ",." and hay[end + 1 : end + 2].isdigit()))
        ):
            return end
        pos = hay.find(token, pos + 1)
    return -1


def _without_lifted(text: str) -> str:
    """`squash(text)` without figures (with their %) and quotation marks: what a layout that lifts them off the line leaves."""
    return _LIFTED.sub("", squash(text))


def evidence_in(text: str, evidence: str) -> bool:
    """Does `text` hold one evidence string?

    Either the string itself with whitespace removed ("政府投资项目 2,008 万元" in
    "政府投资项目2,008万元"), or — for table rows, whose chunk puts column names
    between the cells — its whitespace-separated parts in order, numbers whole
    ("2210201 住房公积金 106" in "科目编码 2210201 | 科目名称 住房公积金 | 合计 106"),
    or — for an evidence string with no digits, copied from a text layer that prints
    a sentence's figures and quotation marks on the line below — the string in the
    text once its figures and quotation marks are removed ("年度收入支出总计万元" in
    "2024年度收入支出总计2995.39万元"; the figures are separate evidence strings).
    """
    needle = squash(evidence)
    if needle and needle in squash(text):
        return True
    if needle and not any(ch.isdigit() for ch in needle) and _without_lifted(evidence) in _without_lifted(text):
        return True
    if _lifted_after_sentence(text, evidence):
        return True
    parts = [squash(p) for p in evidence.split() if squash(p)]
    if len(parts) < 2:
        return False
    swapped = _NAME_THEN_CODE.match(evidence)  # 住房公积金 221 02 01 187.19: the name printed above its code
    return (
        _parts_in_order(squash(text), parts)
        or _parts_in_order(_spaced(text), _spaced(evidence).split(" "))
        or _parts_in_order(_spaced(text, join_codes=False), _spaced(evidence, join_codes=False).split(" "))
        or (
            swapped is not None
            and evidence_in(text, f"{swapped.group('code')} {swapped.group('name')}{swapped.group('rest')}")
        )
    )


# a table row copied from a text layer that prints a row's name on the line above its 科目编码 (财政局 决算 p.15):
# the same row as `221 02 01 住房公积金 187.19`
_NAME_THEN_CODE = re.compile(r"^(?P<name>[^\d\s]+) (?P<code>[23]\d{2}(?: \d{2}){0,2})(?P<rest> [\d,.]+.*)$")


_LINE_WORDS = 10


def _lifted_after_sentence(text: str, evidence: str) -> bool:
    """A sentence (or a text-layer line of one) copied with its figures after its words ("（含）以上设备（不含车辆）
    台（套）。 2"), or lifted in among them ("编报绩效目标的 年度项目 个，涉及预算金额 2024 4 万元").

    The layout printed the sentence's figures on the line below, so the evidence reads the
    words with the figures after them or between two of its lines. Held by a text with the words (figures
    removed) that prints the figures in order.
    """
    # the figures may be glued to the closing mark (`台（套）。2`): read them as a part of their own
    parts = _GLUED_AFTER_MARK.sub(r"\1 \2", unicodedata.normalize("NFKC", evidence)).split()
    figures = [p for p in parts if _is_figure(p)]
    if not figures or _is_figure(parts[0]):
        return False
    words = "".join(p for p in parts if not _is_figure(p))
    # a line cut inside its sentence (`共有车辆 辆，其中：部级领导干部 2024 12 31 0`) needs that many words of its own
    if not words.endswith(_SENTENCE_ENDS) and len(_without_lifted(words)) < _LINE_WORDS:
        return False
    return _without_lifted(words) in _without_lifted(text) and _parts_in_order(
        _spaced(text, join_codes=False), [_THOUSANDS.sub("", p) for p in figures]
    )


def quotes_part_of(text: str, evidence: str) -> bool:
    """Is the quote a citation shows (not its region's lines) a run of at least 8 characters of one evidence string?
    A compound question's evidence may be one line holding two sentences (`行政编制总数 9 人，实有在编人数 9 人；事业编制总数
    15 人…`); the part asking one of them cites that sentence alone."""
    if text.startswith(REGION_MARK):
        return False
    quote = squash(text.split(LOCATOR_SEP)[0]).rstrip("。；;，,")  # the line may end before the sentence's mark
    return len(quote) >= 8 and quote in squash(evidence)


def _parts_in_order(hay: str, parts: Sequence[str]) -> bool:
    at = 0
    for part in parts:
        at = _find_token(hay, part, at)
        if at < 0:
            return False
    return True


def _spaced(text: str, *, join_codes: bool = True) -> str:
    """NFKC, thousands separators removed, whitespace single spaces, budget codes joined ("201 06 08" -> "2010608").

    Keeps adjacent table cells apart ("449.52 449.52"), which `squash` runs together, so a row's
    figures can each be found whole. Without `join_codes` a code's parts stay apart: the text
    layer of a two-column table prints the 款 part of a code beside the other column's label
    ("基本工资 01 办公费" for the row "301 01 基本工资 262.33 302 01 办公费 21.21").
    """
    folded = _SPACE.sub(" ", _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))).strip()
    return _CODE.sub(lambda m: "".join(g for g in m.groups() if g), folded) if join_codes else folded

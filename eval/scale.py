"""Synthetic load-test disclosures: N distinct text variants of a real one, for `budgetqa bench --scale N`.

Each variant names another department (city + district + bureau from
`eval/data/scale.toml`), is shifted to another year, and has every money amount
multiplied by its own factor; so content hashes differ and a question naming
the department still finds it. These are load-test documents only: they say
so in their last line and never enter the accuracy eval.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from index.errors import BudgetQAError

SYNTHETIC_NOTE = (
    "注：本文件为 BudgetQA 规模测试自动生成的合成文件，部门名称、年度和金额均为虚构，不是真实的预算公开文件。"
)
_NAME_STRIDE = 197  # prime to 1080: consecutive documents differ in city, district and bureau
_FACTOR_STRIDE = 37
_FACTOR_STEPS = 251

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(rf"(?<![\d.,])({_NUMBER})(?=\s*万?元)")
_CELL_NUMBER = re.compile(rf"^(<p>)?({_NUMBER})(</p>)?$")
_CODE = re.compile(r"^\d{1,9}$")
_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?=\s*年|\.\d{1,2}\.\d{1,2})")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class ScaleDoc:
    """One generated document: where it was written and what it should read as."""

    path: Path
    department: str
    year: int
    factor: float


@cache
def scale_data() -> dict[str, Any]:
    """The name parts, source description and bench questions (eval/data/scale.toml)."""
    text = resources.files("eval").joinpath("data", "scale.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def max_documents() -> int:
    """How many distinct department names the name lists can make."""
    names = scale_data()["names"]
    return len(names["cities"]) * len(names["districts"]) * len(names["bureaus"])


def _short(district: str) -> str:
    for ending in scale_data()["names"]["district_endings"]:
        if district.endswith(ending) and len(district) > len(ending):
            return district[: -len(ending)]
    return district


def variant_parts(i: int) -> tuple[str, str, str, int, float]:
    """(city, district, bureau, year, factor) of document number i; distinct names for i < max_documents()."""
    data = scale_data()
    names, amounts = data["names"], data["amounts"]
    j = (i * _NAME_STRIDE) % max_documents()
    bureaus, districts, cities = names["bureaus"], names["districts"], names["cities"]
    bureau = bureaus[j % len(bureaus)]
    district = districts[(j // len(bureaus)) % len(districts)]
    city = cities[j // (len(bureaus) * len(districts))]
    year = int(names["years"][i % len(names["years"])])
    lo, hi = float(amounts["factor_min"]), float(amounts["factor_max"])
    factor = round(lo + (hi - lo) * ((i * _FACTOR_STRIDE) % _FACTOR_STEPS) / (_FACTOR_STEPS - 1), 2)
    return city, district, bureau, year, factor


def scale_amount(printed: str, factor: float) -> str:
    """`printed` × factor, rounded to the printed precision, with thousands separators when the source had them."""
    digits = printed.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    value = (Decimal(digits) * Decimal(str(factor))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    grouped = "," in printed or (Decimal(digits) < 1000 <= value)
    return f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"


def _scale_money(text: str, factor: float) -> str:
    return _MONEY.sub(lambda m: scale_amount(m.group(1), factor), text)


def _is_code(cells: Sequence[str], k: int) -> bool:
    """A classification code (科目编码): bare digits, after an empty cell, before a name."""
    before = cells[k - 1].strip() if k else ""
    after = cells[k + 1] if k + 1 < len(cells) else ""
    return bool(_CODE.match(cells[k].strip())) and not before and bool(_CJK.search(after))


def _scale_row(line: str, factor: float) -> str:
    cells = line.split("\t")
    out = []
    for k, cell in enumerate(cells):
        m = _CELL_NUMBER.match(cell.strip())
        if m and not _is_code(cells, k):
            out.append(f"{m.group(1) or ''}{scale_amount(m.group(2), factor)}{m.group(3) or ''}")
        else:
            out.append(_scale_money(cell, factor))
    return "\t".join(out)


def render_variant(source: str, i: int) -> tuple[str, str, int, float]:
    """The text of document number i made from `source`, with its department, year and factor."""
    src = scale_data()["source"]
    city, district, bureau, year, factor = variant_parts(i)
    department = f"{city}{district}{bureau}"
    spaced = "[ ]*".join(re.escape(ch) for ch in src["department"])
    text = re.sub(spaced, department, source)
    src_city = src["department"].split(src["district"])[0]
    text = text.replace(src_city + src["district"], city + district)
    text = text.replace(src["district"], district).replace(src["short"], _short(district))
    shift = year - int(src["year"])
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    lines = [_scale_row(ln, factor) if "\t" in ln else _scale_money(ln, factor) for ln in text.split("\n")]
    return "\n".join(lines).rstrip("\n") + f"\n\n{SYNTHETIC_NOTE}\n", department, year, factor


def generate_documents(n: int, out_dir: Path, source: Path | None = None) -> list[ScaleDoc]:
    """Write n synthetic disclosures into out_dir (default source: the bundled Dapeng sample)."""
    if not 1 <= n <= max_documents():
        raise BudgetQAError(f"--scale takes 1..{max_documents()} documents (the name lists in eval/data/scale.toml)")
    if source is None:
        from assistant.assistant import sample_path

        source = sample_path()
    text = source.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = []
    for i in range(n):
        body, department, year, factor = render_variant(text, i)
        path = out_dir / f"synthetic-{i:04d}-{year}.txt"
        path.write_text(body, encoding="utf-8")
        docs.append(ScaleDoc(path, department, year, factor))
    return docs

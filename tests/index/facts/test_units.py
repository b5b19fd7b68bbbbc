"""The units a 部门决算 lists by name under 单位构成 (序号 | 单位名称 | 备注) are counted into one fact, named by the
sentence introducing the list; documents that list no units that way get none."""

from __future__ import annotations

from index.facts.units import listed_units
from tests.index.facts.facts_corpus import corpus


def test_the_listed_units_are_counted() -> None:
    doc, _ = corpus("shanghai_putuo_finance_2024_dept_final")
    (fact,) = listed_units(doc)
    assert (fact.subject, fact.value, fact.unit, fact.year) == ("纳入部门决算编制范围的单位", 3, "家", 2024)
    assert "上海市普陀区国库收付中心" in fact.source.quote
    assert fact.source.section and "单位构成" in fact.source.section
    assert fact in doc.facts


def test_no_units_table_no_count() -> None:
    for name in ("shanghai_putuo_justice_2026_dept_budget", "dapeng"):
        assert listed_units(corpus(name)[0]) == []

"""Facts stage glue: figures stated in prose cells of a table, read as narrative with table provenance."""

from __future__ import annotations

from index.facts.extract import cell_text_facts
from index.model import Document, Table
from tests.index.facts.facts_corpus import corpus, one

DOC = Document("d", "t", "深圳市大鹏新区政务服务数据管理局", 2022, "预算", "部门", "f", "x", None)


def _table(header: list[str], rows: list[list[str]]) -> Table:
    return Table("重点项目预算绩效情况说明", "performance_projects", "万元", header, rows, [7] * len(rows), [7])


def test_prose_cell_targets_cite_the_row_and_column() -> None:
    table = _table(
        ["项目名称", "预算数（万元）", "绩效目标"],
        [
            [
                "综合管理事务",
                "526",
                "完成局内部宣传工作。计划本年度整理档案数量 ≥ 5000 份，合同文件法务审查覆盖率100%。",
            ],
            ["数据管理事务", "80", "开展数据开放培训，每年新增数据开放目录，逐步有序推动政府数据开放。"],
        ],
    )
    facts = cell_text_facts(table, DOC)
    archive = one(facts, "整理档案数量", "目标值")
    assert (archive.comparison, archive.value, archive.unit) == ("≥", 5000, "份")
    assert archive.context == "综合管理事务" and archive.source.page == 7
    assert archive.source.locator == "重点项目预算绩效情况说明 · 综合管理事务 · 绩效目标"
    assert archive.source.table == "重点项目预算绩效情况说明" and "≥ 5000 份" in archive.source.quote
    assert one(facts, "合同文件法务审查覆盖率", "目标值").value == 100
    assert len(facts) == 2  # amounts are table cells already; a cell without a figure gives nothing


def test_tables_with_a_target_column_are_not_read_twice() -> None:
    table = _table(
        ["一级指标", "二级指标", "三级指标", "目标值", "说明"],
        [["产出", "数量", "整理档案数量", "≥5000 份", "整理不少于5000份档案，保障档案归档准确率不低于95%。"]],
    )
    assert cell_text_facts(table, DOC) == []


def test_only_the_dapeng_project_table_has_prose_figures() -> None:
    names = (
        "dapeng",
        "shanghai_putuo_justice_2026_dept_budget",
        "shanghai_putuo_wanli_street_2024_dept_budget",
        "shanghai_putuo_welfare_home_2024_unit_budget",
        "shanghai_putuo_finance_2024_dept_final",
    )
    counts = {}
    for name in names:
        doc, _ = corpus(name)
        counts[name] = sum(len(cell_text_facts(t, doc)) for t in doc.tables)
    assert counts == dict.fromkeys(names, 0) | {"dapeng": 19}  # 16 in 重点项目预算绩效情况说明, 3 above 表15's targets

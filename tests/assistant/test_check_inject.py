"""Every rule finds a single-number error injected into a copy of a corpus document.

Each case changes one printed number (a 项 row, a 合计, a narrative figure, a 三公 item, …), drops or
empties one table, or plants one wrong word, and asserts that the named rule reports it with a
citation printing the injected text. Rules with a second document where the layout allows it; the
few that only one corpus document can exercise are noted in eval/check_review.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.model import Document
from tests.assistant.check_inject import (
    DAPENG,
    blank_table,
    cites,
    drop_table,
    edit_text_file,
    new_findings,
    set_cell,
    set_text,
)

Build = Callable[[Path], Document]


def dapeng(old: str, new: str) -> Build:
    return lambda tmp: edit_text_file(DAPENG, old, new, tmp)


def cell(name: str, kind: str, row: str, column: str, new: str, nth: int = 0) -> Build:
    return lambda tmp: set_cell(name, kind, row, column, new, nth_column=nth)[0]


def text(name: str, old: str, new: str) -> Build:
    return lambda tmp: set_text(name, old, new)


# (case id, document name, how to inject, rule expected to report it, text a cited figure prints)
CASES: list[tuple[str, str, Build, str, str]] = [
    # 1. sums by 科目编码 prefix
    (
        "func-item-dapeng",
        "dapeng",
        dapeng("\t2010301\t行政运行\t849\t849\t0", "\t2010301\t行政运行\t894\t849\t0"),
        "SUM-FUNC",
        "894",
    ),
    (
        "func-item-justice",
        "justice",
        cell("justice", "gp_function", "^204 06 01 ", "合计", "16826725.44"),
        "SUM-FUNC",
        "16826725.44",
    ),
    (
        "econ-item-justice",
        "justice",
        cell("justice", "gp_basic_economic", "^301 01 ", "合计", "2992504.00"),
        "SUM-ECON",
        "2992504.00",
    ),
    (
        "econ-item-finance",
        "finance",
        cell("finance", "gp_basic_economic", "^301 01 ", "决算数", "272.33"),
        "SUM-ECON",
        "272.33",
    ),
    ("total-wanli", "wanli", cell("wanli", "expenditure", "^合计", "合计", "156,221,123"), "SUM-TOTAL", "156,221,123"),
    ("total-finance", "finance", cell("finance", "gp_function", "^合计", "合计", "2,950.05"), "SUM-TOTAL", "2,950.05"),
    (
        "code-justice",
        "justice",
        cell("justice", "expenditure", "^204 06 04 ", "类", "7"),
        "CODE-PARENT",
        "7 06 04 基层司法业务",
    ),
    (
        "code-wanli",
        "wanli",
        cell("wanli", "income", "^208 05 01 ", "类", "218"),
        "CODE-PARENT",
        "218 05 01 行政单位离退休",
    ),
    # 2. row identities
    (
        "basic-project-dapeng",
        "dapeng",
        dapeng("管理局\t5,883\t1,239\t4,644\t457", "管理局\t5,893\t1,239\t4,644\t457"),
        "ROW-BASIC-PROJECT",
        "5,893",
    ),
    (
        "basic-project-justice",
        "justice",
        cell("justice", "expenditure", "^204 06 04 ", "基本支出", "100.00"),
        "ROW-BASIC-PROJECT",
        "100.00",
    ),
    (
        "person-public-justice",
        "justice",
        cell("justice", "gp_basic_economic", "^302 01 ", "公用经费", "130000.00"),
        "ROW-PERSON-PUBLIC-TOTAL",
        "130000.00",
    ),
    (
        "person-public-welfare",
        "welfare",
        cell("welfare", "summary", "支出总计", "人员经费", "7,380,241"),
        "ROW-PERSON-PUBLIC-TOTAL",
        "7,380,241",
    ),
    (
        "income-justice",
        "justice",
        cell("justice", "income", "^204 06 05 ", "财政拨款收入", "1342900.00"),
        "ROW-INCOME",
        "1342900.00",
    ),
    ("income-finance", "finance", cell("finance", "income", "^201 06 02 ", "其他收入", "6.91"), "ROW-INCOME", "6.91"),
    (
        "funds-justice",
        "justice",
        cell("justice", "fiscal_summary", "二、社会保障和就业支出", "一般公共预算", "3,343,740.00"),
        "ROW-FISCAL-FUNDS",
        "3,343,740.00",
    ),
    (
        "funds-wanli",
        "wanli",
        cell("wanli", "fiscal_summary", "七、卫生健康支出", "一般公共预算", "3,223,675"),
        "ROW-FISCAL-FUNDS",
        "3,223,675",
    ),
    (
        "three-public-dapeng",
        "dapeng",
        dapeng("\t2022 年\t10\t0\t2\t8\t0\t8", "\t2022 年\t10\t0\t3\t8\t0\t8"),
        "ROW-THREE-PUBLIC",
        "3",
    ),
    (
        "three-public-justice",
        "justice",
        cell("justice", "three_public", "10.81", "公务接待费", "0.93"),
        "ROW-THREE-PUBLIC",
        "0.93",
    ),
    (
        "vehicles-dapeng",
        "dapeng",
        dapeng("\t2022年\t10\t0\t2\t8\t0\t8", "\t2022年\t10\t0\t2\t8\t0\t7"),
        "ROW-VEHICLES",
        "7",
    ),
    ("vehicles-welfare", "welfare", cell("welfare", "three_public", "6.4", "运行费", "6.5"), "ROW-VEHICLES", "6.5"),
    (
        "year-change-table8",
        "dapeng",
        dapeng("管理局\t2021 年\t10\t0\t2\t8\t0\t8", "管理局\t2021 年\t10\t0\t3\t8\t0\t8"),
        "ROW-YEAR-CHANGE",
        "3",
    ),
    (
        "year-change-table13",
        "dapeng",
        dapeng("管理局\t2021年\t10\t0\t2\t8\t0\t8", "管理局\t2021年\t10\t0\t2\t8\t0\t9"),
        "ROW-YEAR-CHANGE",
        "9",
    ),
    # 3. row sums and cross-table equalities
    (
        "numbered-dapeng",
        "dapeng",
        dapeng("2. 事业单位经营收入\t0\t二、科学技术支出\t860", "2. 事业单位经营收入\t0\t二、科学技术支出\t806"),
        "SIDE-NUMBERED",
        "806",
    ),
    (
        "numbered-justice",
        "justice",
        cell("justice", "summary", "二、社会保障和就业支出", "本年支出", "3,343,740.00"),
        "SIDE-NUMBERED",
        "3,343,740.00",
    ),
    (
        "carryover-dapeng",
        "dapeng",
        dapeng(
            "本年收入合计\t5,883\t本年支出合计\t5,883\n上年结余、结转\t0\t结转下年\t0",
            "本年收入合计\t5,883\t本年支出合计\t5,883\n上年结余、结转\t0\t结转下年\t5",
        ),
        "SIDE-CARRYOVER",
        "5",
    ),
    (
        "carryover-finance",
        "finance",
        cell("finance", "summary", "年末结转和结余", "支出", "45.34"),
        "SIDE-CARRYOVER",
        "45.34",
    ),
    (
        "carryin-finance",
        "finance",
        cell("finance", "summary", "年初结转和结余", "收入", "94.14"),
        "SIDE-CARRYIN",
        "94.14",
    ),
    (
        "carryin-finance-errors",
        "finance_errors",
        cell("finance_errors", "fiscal_summary", "年初财政拨款结转和结余", "收入", "12.63"),
        "SIDE-CARRYIN",
        "12.63",
    ),
    (
        "balance-justice",
        "justice",
        cell("justice", "summary", "收入总计", "本年收入", "96,282,231.44"),
        "X-SUMMARY-BALANCE",
        "96,282,231.44",
    ),
    (
        "balance-wanli",
        "wanli",
        cell("wanli", "summary", "收入总计", "本年收入", "156,211,132"),
        "X-SUMMARY-BALANCE",
        "156,211,132",
    ),
    (
        "budget-balance-dapeng",
        "dapeng",
        dapeng("本年收入合计\t5,883\t本年支出合计\t5,883", "本年收入合计\t5,883\t本年支出合计\t5,838"),
        "X-SUMMARY-BUDGET",
        "5,838",
    ),
    (
        "fiscal-balance-justice",
        "justice",
        cell("justice", "fiscal_summary", "收入总计", "财政拨款收入", "96,282,231.44"),
        "X-FISCAL-BALANCE",
        "96,282,231.44",
    ),
    (
        "fiscal-balance-finance",
        "finance",
        cell("finance", "fiscal_summary", "总计", "收入", "2,916.68"),
        "X-FISCAL-BALANCE",
        "2,916.68",
    ),
    (
        "income-summary-justice",
        "justice",
        cell("justice", "income", "^合计", "合计", "96282231.44"),
        "X-INCOME-SUMMARY",
        "96282231.44",
    ),
    (
        "income-summary-finance",
        "finance",
        cell("finance", "income", "^合计", "本年收入合计", "2,964.25"),
        "X-INCOME-SUMMARY",
        "2,964.25",
    ),
    (
        "expend-summary-dapeng",
        "dapeng",
        dapeng("管理局\t5,883\t1,239\t4,644\t457", "管理局\t5,893\t1,239\t4,644\t457"),
        "X-EXPEND-SUMMARY",
        "5,893",
    ),
    (
        "expend-summary-welfare",
        "welfare",
        cell("welfare", "expenditure", "^合计", "合计", "12,121,146"),
        "X-EXPEND-SUMMARY",
        "12,121,146",
    ),
    (
        "fiscal-summary-justice",
        "justice",
        cell("justice", "summary", "一、财政拨款收入", "本年收入", "96,282,231.44"),
        "X-FISCAL-SUMMARY",
        "96,282,231.44",
    ),
    (
        "fiscal-summary-welfare",
        "welfare",
        cell("welfare", "summary", "一、财政拨款收入", "本年收入", "9,501,146"),
        "X-FISCAL-SUMMARY",
        "9,501,146",
    ),
    (
        "gp-fiscal-dapeng",
        "dapeng",
        dapeng("本年收入合计\t5,901\t本年支出合计\t5,883", "本年收入合计\t5,901\t本年支出合计\t5,838"),
        "X-GP-FISCAL",
        "5,838",
    ),
    (
        "gp-fiscal-finance",
        "finance",
        cell("finance", "fiscal_summary", "^本年收入合计", "支出/合计", "2,904.05"),
        "X-GP-FISCAL",
        "2,904.05",
    ),
    (
        "gp-column-justice",
        "justice",
        cell("justice", "fiscal_summary", "收入总计", "一般公共预算", "96,282,231.44"),
        "X-GP-FISCAL-COLUMN",
        "96,282,231.44",
    ),
    (
        "gp-column-wanli",
        "wanli",
        cell("wanli", "fiscal_summary", "收入总计", "一般公共预算", "156,211,132"),
        "X-GP-FISCAL-COLUMN",
        "156,211,132",
    ),
    (
        "econ-gp-justice",
        "justice",
        cell("justice", "gp_basic_economic", "^合计", "合计", "25741766.44"),
        "X-ECON-GP",
        "25741766.44",
    ),
    (
        "econ-gp-finance",
        "finance",
        cell("finance", "gp_basic_economic", "人员经费合计", "决算数", "2,125.26"),
        "X-ECON-GP",
        "2,125.26",
    ),
    (
        "summary-items-justice",
        "justice",
        cell("justice", "summary", "三、卫生健康支出", "本年支出", "1,149,687.00"),
        "XI-SUMMARY-EXPEND",
        "1,149,687.00",
    ),
    (
        "summary-items-finance",
        "finance",
        cell("finance", "summary", "九、卫生健康支出", "支出", "69.09"),
        "XI-SUMMARY-EXPEND",
        "69.09",
    ),
    (
        "fiscal-items-justice",
        "justice",
        cell("justice", "fiscal_summary", "四、住房保障支出", "一般公共预算", "4,521,595.00"),
        "XI-FISCAL-GP",
        "4,521,595.00",
    ),
    (
        "fiscal-items-finance",
        "finance",
        cell("finance", "fiscal_summary", "九、卫生健康支出", "一般公共预算", "60.90"),
        "XI-FISCAL-GP",
        "60.90",
    ),
    (
        "income-expend-justice",
        "justice",
        cell("justice", "income", "^221 02 03 ", "合计", "2433660.00"),
        "XI-INCOME-EXPEND",
        "2433660.00",
    ),
    (
        "income-expend-welfare",
        "welfare",
        cell("welfare", "income", "^208 05 99 ", "合计", "7,200"),
        "XI-INCOME-EXPEND",
        "7,200",
    ),
    # 4. narrative vs table, narrative vs itself
    (
        "text-table-dapeng",
        "dapeng",
        dapeng("5. 信息技术服务 780 万元", "5. 信息技术服务 760 万元"),
        "TEXT-TABLE",
        "760 万元",
    ),
    (
        "text-table-justice",
        "justice",
        text("justice", "行政运行（01项）1672.67万元", "行政运行（01项）1627.67万元"),
        "TEXT-TABLE",
        "1627.67万元",
    ),
    (
        "text-table-welfare",
        "welfare",
        text("welfare", "事业单位医疗（项）”50.37万元", "事业单位医疗（项）”53.07万元"),
        "TEXT-TABLE",
        "53.07万元",
    ),
    (
        "text-text-dapeng",
        "dapeng",
        dapeng("（一）人员支出 895 万元", "（一）人员支出 859 万元"),
        "TEXT-TEXT",
        "859 万元",
    ),
    (
        "text-text-finance",
        "finance",
        text(
            "finance",
            "一般公共预算财政拨款支出2940.05万元，占本年支出合计",
            "一般公共预算财政拨款支出2904.05万元，占本年支出合计",
        ),
        "TEXT-TEXT",
        "2904.05万元",
    ),
    # 5. stated vs computed changes and ratios
    (
        "rate-dapeng",
        "dapeng",
        dapeng(
            "支出 5,883 万元，比 2021 年增加 601 万元，增长 11%", "支出 5,883 万元，比 2021 年增加 601 万元，增长 16%"
        ),
        "CHANGE-RATE",
        "16%",
    ),
    (
        "rate-justice",
        "justice",
        text("justice", "比2025年预算执行数增加0.97%", "比2025年预算执行数增加9.7%"),
        "CHANGE-RATE",
        "9.7%",
    ),
    (
        "amount-dapeng",
        "dapeng",
        dapeng("2022年预算数2万元，比2021年增加0万元", "2022年预算数2万元，比2021年增加5万元"),
        "CHANGE-AMOUNT",
        "5万元",
    ),
    (
        "completion-finance",
        "finance",
        text("finance", "完成年初预算的98.20%", "完成年初预算的92.80%"),
        "RATIO-COMPLETION",
        "92.80%",
    ),
    (
        "completion-finance-errors",
        "finance_errors",
        text("finance_errors", "完成年初预算的 98.20%", "完成年初预算的 89.20%"),
        "RATIO-COMPLETION",
        "89.20%",
    ),
    (
        "share-finance",
        "finance",
        text("finance", "其他收入6.2万元，占0.21%", "其他收入6.2万元，占2.1%"),
        "RATIO-SHARE",
        "2.1%",
    ),
    (
        "share-finance-errors",
        "finance_errors",
        text("finance_errors", "项目支出 603.14 万元，占 20.51%", "项目支出 603.14 万元，占 25.01%"),
        "RATIO-SHARE",
        "25.01%",
    ),
    (
        "wording-finance",
        "finance",
        text("finance", "决算数小于预算数的主要原因：因产业政策", "决算数大于预算数的主要原因：因产业政策"),
        "CHANGE-WORDING",
        "135.25万元",
    ),
    (
        "wording-finance-errors",
        "finance_errors",
        text(
            "finance_errors",
            "决算数小于预算数的主要原因：因个别项目评审费",
            "决算数等于预算数的主要原因：因个别项目评审费",
        ),
        "CHANGE-WORDING",
        "449.52 万元",
    ),
    # 6. completeness, years, placeholders
    (
        "missing-justice",
        "justice",
        lambda tmp: drop_table("justice", "income"),
        "TABLES-PRESENT",
        "2. 2026年部门收入预算总表",
    ),
    (
        "missing-welfare",
        "welfare",
        lambda tmp: drop_table("welfare", "three_public"),
        "TABLES-PRESENT",
        "9.单位“三公”经费和机关运行经费预算表",
    ),
    ("empty-justice", "justice", lambda tmp: blank_table("justice", "three_public"), "TABLES-EMPTY", "10.81万元"),
    ("empty-finance", "finance", lambda tmp: blank_table("finance", "three_public"), "TABLES-EMPTY", "0.95万元"),
    (
        "year-welfare",
        "welfare",
        text("welfare", "财政拨款收入950.12万元，比2023年预算", "财政拨款收入950.12万元，比2024年预算"),
        "TEXT-YEAR",
        "比2024年预算",
    ),
    (
        "year-finance",
        "finance",
        text("finance", "截至2024年12月31日", "截至2023年12月31日"),
        "TEXT-YEAR",
        "截至2023年12月31日",
    ),
    (
        "placeholder-justice",
        "justice",
        text("justice", "上海市普陀区司法局下属1家机关", "上海市普陀区XX局下属1家机关"),
        "TEXT-PLACEHOLDER",
        "XX局",
    ),
    (
        "placeholder-dapeng",
        "dapeng",
        dapeng("深圳市大鹏新区政务服务数据管理局 政府采购项目", "深圳市大鹏新区XX局 政府采购项目"),
        "TEXT-PLACEHOLDER",
        "XX局",
    ),
]


@pytest.mark.parametrize(("name", "build", "rule", "shows"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_injected_error_is_found(name: str, build: Build, rule: str, shows: str, tmp_path: Path) -> None:
    found = new_findings(name, build(tmp_path))
    by_rule = [f for f in found if f.rule == rule]
    assert by_rule, f"{rule} did not report it; new findings: {[(f.rule, f.message) for f in found]}"
    assert any(cites(f, shows) for f in by_rule), [[(g.text, g.quote) for g in f.figures] for f in by_rule]


def test_every_rule_kind_is_exercised_on_two_documents() -> None:
    from assistant.check_rules import load_rules

    kinds = {r.id: r.kind for r in load_rules()}
    docs: dict[str, set[str]] = {}
    for case in CASES:
        docs.setdefault(kinds[case[3]], set()).add(case[1])
    assert set(docs) == set(kinds.values())
    # change_row needs a table printing two years (only Dapeng's two 三公 tables): two tables, one document
    assert {k for k, d in docs.items() if len(d) < 2} == {"change_row"}

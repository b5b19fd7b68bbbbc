"""PDF reader on the four Putuo disclosures (values read from the PDFs by hand) and on bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.errors import ReadError
from index.model import Extracted, Table
from index.read.columns import row_code, row_label
from index.read.pdf import extract_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def justice() -> Extracted:
    return extract_pdf(FIXTURES / "shanghai_putuo_justice_2026_dept_budget.pdf")


@pytest.fixture(scope="module")
def finance() -> Extracted:
    return extract_pdf(FIXTURES / "shanghai_putuo_finance_2024_dept_final.pdf")


@pytest.fixture(scope="module")
def wanli() -> Extracted:
    return extract_pdf(FIXTURES / "shanghai_putuo_wanli_street_2024_dept_budget.pdf")


@pytest.fixture(scope="module")
def welfare() -> Extracted:
    return extract_pdf(FIXTURES / "shanghai_putuo_welfare_home_2024_unit_budget.pdf")


def _kind(ex: Extracted, kind: str) -> Table:
    found = [t for t in ex.tables if t.kind == kind]
    assert len(found) == 1, [t.title for t in found]
    return found[0]


def _col(table: Table, suffix: str) -> int:
    return next(i for i, h in enumerate(table.header) if h.endswith(suffix))


def _code_row(table: Table, code: str, col: int | None = None) -> list[str]:
    return next(r for r in table.rows if row_code(table, r, col)[0] == code)


def _label_row(table: Table, label: str) -> list[str]:
    return next(r for r in table.rows if label in r)


# --- 司法局 2026 部门预算 ---------------------------------------------------------------


def test_justice_kinds(justice: Extracted) -> None:
    kinds = [t.kind for t in justice.tables]
    assert kinds == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "gp_function",
        "gov_fund",
        "state_capital",
        "gp_basic_economic",
        "three_public",
    ]
    assert all(t.unit == "元" for t in justice.tables[:8])


def test_justice_function_table_continued(justice: Extracted) -> None:
    t = _kind(justice, "gp_function")
    assert t.title == "2026年部门一般公共预算支出功能分类预算表"
    assert t.pages == [15, 16]
    row = _code_row(t, "2210201")
    assert row[3] == "住房公积金"
    assert row[_col(t, "合计")] == "2087959.00"
    assert t.row_pages[t.rows.index(row)] == 16
    assert row_label(t, row, _col(t, "合计")) == "2210201 住房公积金"
    total = _label_row(t, "合计")
    assert total[_col(t, "基本支出")] == "25741666.44"
    assert sum(r[0] == "合计" for r in t.rows) == 1  # repeated header on page 16 not a row


def test_justice_other_tables(justice: Extracted) -> None:
    summary = _kind(justice, "summary")
    assert _label_row(summary, "收入总计")[1] == "96,282,213.44"
    income = _kind(justice, "income")
    assert _code_row(income, "2040601")[_col(income, "财政拨款收入")] == "16726725.44"
    expenditure = _kind(justice, "expenditure")
    assert expenditure.pages == [12, 13]
    assert _code_row(expenditure, "2040699")[_col(expenditure, "项目支出")] == "38454900.00"
    economic = _kind(justice, "gp_basic_economic")
    assert economic.pages == [19, 20]
    assert _code_row(economic, "30217")[_col(economic, "公用经费")] == "8265.00"
    assert row_code(economic, _code_row(economic, "30113")) == ("30113", "款")


def test_justice_empty_fund_table_and_three_public(justice: Extracted) -> None:
    fund = _kind(justice, "gov_fund")
    assert fund.pages == [17]
    assert fund.empty
    assert fund.note == "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。"
    assert _kind(justice, "state_capital").empty
    three = _kind(justice, "three_public")
    assert three.unit == "万元"
    assert three.rows[0][_col(three, "公务接待费")] == "0.83"
    assert three.rows[0][_col(three, "公务用车购置及运行费/小计")] == "9.98"
    assert three.rows[0][_col(three, "机关运行经费预算数")] == "217.83"


def test_justice_narrative(justice: Extracted) -> None:
    texts = [line.text for line in justice.lines]
    assert all(line.page for line in justice.lines)
    assert not any("16726725.44" in t for t in texts)  # table bodies are not narrative
    assert "2026年部门一般公共预算支出功能分类预算表" not in texts
    assert not any(t.startswith("注:本部门2026年无政府性基金") for t in texts)
    assert any(line.page == 9 and "住房公积金（01项）208.8万元" in line.text for line in justice.lines)


# --- 财政局 2024 部门决算 ---------------------------------------------------------------


def test_finance_bare_titles_and_kinds(finance: Extracted) -> None:
    titled = [(t.title, t.kind) for t in finance.tables if t.title]
    assert titled == [
        ("收入支出决算总表", "summary"),
        ("收入决算表", "income"),
        ("支出决算表", "expenditure"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("一般公共预算财政拨款支出决算表", "gp_function"),
        ("一般公共预算财政拨款基本支出决算表", "gp_basic_economic"),
        ("财政拨款“三公”经费支出决算表", "three_public"),
        ("政府性基金预算财政拨款收入支出决算表", "gov_fund"),
        ("国有资本经营预算财政拨款收入支出决算表", "state_capital"),
    ]
    assert all(t.unit == "万元" for t in finance.tables if t.title)


def test_finance_fiscal_summary_runs_onto_page_13(finance: Extracted) -> None:
    t = _kind(finance, "fiscal_summary")
    assert t.pages == [12, 13]
    total = t.rows[-1]
    assert (total[0], total[1], total[2], total[3]) == ("总计", "2,961.68", "总计", "2,961.68")
    assert t.row_pages[-1] == 13
    assert _label_row(t, "本年收入合计")[1] == "2,940.05"
    assert _label_row(t, "十九、住房保障支出")[3] == "445.69"
    assert t.header[4] == "支出/一般公共预算财政拨款"


def test_finance_split_header_cells_and_codes(finance: Extracted) -> None:
    income = _kind(finance, "income")
    assert income.pages == [8, 9]
    assert "附属单位上缴收入" in income.header
    assert _code_row(income, "2010601")[_col(income, "本年收入合计")] == "1,511.90"
    assert _label_row(income, "合计")[_col(income, "其他收入")] == "6.20"
    expenditure = _kind(finance, "expenditure")
    row = _code_row(expenditure, "2010601")
    assert (row[_col(expenditure, "基本支出")], row[_col(expenditure, "项目支出")]) == ("1,503.52", "8.37")
    function = _kind(finance, "gp_function")
    assert _code_row(function, "2210201")[_col(function, "合计")] == "187.19"


def test_finance_two_sided_economic_table(finance: Extracted) -> None:
    t = _kind(finance, "gp_basic_economic")
    assert t.pages == [16, 17]
    assert _code_row(t, "30113")[3] == "187.19"
    labour = _code_row(t, "30226", col=7)
    assert labour[7] == "2.01"
    assert row_label(t, labour, 7) == "30226 劳务费"


def test_finance_three_public_and_empty_tables(finance: Extracted) -> None:
    three = _kind(finance, "three_public")
    assert three.rows[0][_col(three, "公务接待费/预算数")] == "0.95"
    assert three.rows[0][_col(three, "合计/预算数")] == "0.95"
    fund = _kind(finance, "gov_fund")
    assert fund.empty and fund.pages == [19]
    assert fund.note == "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"
    assert _kind(finance, "state_capital").empty


def test_finance_narrative_numbers_put_back_in_place(finance: Extracted) -> None:
    page22 = [line.text for line in finance.lines if line.page == 22]
    assert any("年初预算为1560.05万元，支出决算为1511.89万" in t for t in page22)
    assert not any(t.strip() == "1" for t in page22)
    assert any("第二部分" in line.text and line.page == 6 for line in finance.lines)
    assert not any(line.text == "收入支出决算总表" for line in finance.lines)


# --- 万里街道 2024 部门预算 -------------------------------------------------------------


def test_wanli_long_tables_and_lone_total_row(wanli: Extracted) -> None:
    income = _kind(wanli, "income")
    assert income.pages == [11, 12, 13, 14, 15]
    total = income.rows[-1]
    assert total[0] == "合计" and income.row_pages[-1] == 15
    assert total[_col(income, "收入预算/合计")] == "156,211,123"
    assert total[_col(income, "事业收入")] == "0"
    assert _code_row(income, "2013802")[_col(income, "收入预算/合计")] == "135,200"
    function = _kind(wanli, "gp_function")
    assert function.pages == [22, 23, 24, 25, 26]
    assert _label_row(function, "合计")[_col(function, "项目支出")] == "56,505,103"
    economic = _kind(wanli, "gp_basic_economic")
    assert _code_row(economic, "30205")[_col(economic, "合计")] == "277,500"


def test_wanli_three_public_contradicting_note(wanli: Extracted) -> None:
    three = _kind(wanli, "three_public")
    assert three.title == "部门“三公”经费和机关运行经费预算表"
    assert three.rows[0][_col(three, "公务接待费")] == "1.35"
    assert three.rows[0][_col(three, "/合计")] == "47.91"
    assert not three.empty  # the note says empty, the table prints figures
    assert any("三公" in w for w in wanli.warnings)
    assert _kind(wanli, "summary").rows[-1][1] == "156,211,123"


# --- 社会福利院 2024 单位预算 -----------------------------------------------------------


def test_welfare_unit_budget(welfare: Extracted) -> None:
    assert [t.kind for t in welfare.tables] == [
        "summary",
        "income",
        "expenditure",
        "fiscal_summary",
        "gp_function",
        "gov_fund",
        "state_capital",
        "gp_basic_economic",
        "three_public",
    ]
    summary = _kind(welfare, "summary")
    assert _label_row(summary, "二、事业收入")[1] == "2,620,000"
    assert "本年支出/预算数/基本支出/人员经费" in summary.header
    fiscal = _kind(welfare, "fiscal_summary")  # title printed inside the table frame
    assert fiscal.title == "2024年预算单位财政拨款收支预算总表" and fiscal.unit == "元" and fiscal.pages == [10]
    income = _kind(welfare, "income")
    total = _label_row(income, "合计")
    assert (total[_col(income, "收入预算/合计")], total[_col(income, "事业收入")]) == ("12,121,164", "2,620,000")
    three = _kind(welfare, "three_public")
    assert three.rows[0][_col(three, "/合计")] == "6.4"
    assert three.rows[0][_col(three, "公务用车购置及运行费/运行费")] == "6.4"
    assert _kind(welfare, "gov_fund").empty


# --- bad input ----------------------------------------------------------------------------


def test_damaged_files_raise_read_error(tmp_path: Path) -> None:
    source = (FIXTURES / "shanghai_putuo_welfare_home_2024_unit_budget.pdf").read_bytes()
    cases = {
        "truncated.pdf": source[:20000],
        "random.pdf": bytes(range(256)) * 20,
        "empty.pdf": b"",
        "notes.pdf": "这不是PDF文件".encode(),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReadError, match=re.escape(name)):
            extract_pdf(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(FIXTURES / "shanghai_putuo_welfare_home_2024_unit_budget.pdf"))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReadError, match=r"locked\.pdf: the PDF is encrypted"):
        extract_pdf(path)

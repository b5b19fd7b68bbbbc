"""Sections of the five sample disclosures: heading paths, pages, rejoined paragraphs (values read by hand)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.model import Document, Line, Section
from index.read.sections import build_sections, heading_level

Read = Callable[[str], Document]


def _section(doc: Document, *path: str) -> Section:
    found = [s for s in doc.sections if s.heading_path == path]
    assert len(found) == 1, [s.heading for s in doc.sections]
    return found[0]


def _holding(doc: Document, text: str) -> Section:
    found = [s for s in doc.sections if text in s.text]
    assert found, f"{text!r} in no section"
    return found[0]


# --- Dapeng (text file, 万元) ---------------------------------------------------------------


def test_dapeng_project_spending_section(corpus_doc: Read) -> None:
    doc = corpus_doc("dapeng")
    sec = _section(
        doc,
        "第三部分 部门预算支出具体情况",
        "一、深圳市大鹏新区政务服务数据管理局",
        "（四）项目支出 4,644 万元，具体包括：",
    )
    assert "7. 政府投资项目 2,008 万元" in sec.text
    assert "较 2021 年预算增加 583 万元，增幅 40.9%" in sec.text
    assert sec.page is None
    # "较 2021 年预算" / blank line / "增加 2 万元" is one sentence
    assert "较 2021 年预算增加 2 万元，增幅 2.6%" in sec.text
    # numbered list items stay separate paragraphs
    assert sec.text.split("\n")[0].startswith("1. 综合管理事务 526 万元")
    assert len(sec.text.split("\n")) == 7


def test_dapeng_word_broken_over_a_blank_line_is_rejoined(corpus_doc: Read) -> None:
    doc = corpus_doc("dapeng")
    sec = _section(doc, "第一部分 部门概况", "三、2022 年主要工作目标")
    assert "接入政务光纤网络服务，对原有光缆及社区机房进行升级扩容" in sec.text
    assert "主要工作目标包括：" in sec.text


def test_dapeng_skeleton(corpus_doc: Read) -> None:
    doc = corpus_doc("dapeng")
    assert doc.sections[0].heading_path == ("深圳市大鹏新区政务服务数据管理局2022年部门预算",)
    assert "第二部分 部门预算收支总体情况" in [s.heading for s in doc.sections]
    three = _section(doc, "第五部分 一般公共预算“三公”经费预算情况")
    assert "公务用车运行维护费2022年预算数8万元" in three.text
    assert "大力压减公务用车运行维护费。" in three.text
    assert "2022年预算数8.1万元" in three.text
    staff = _section(doc, "第一部分 部门概况", "二、机构设置情况")
    assert "事业编制总数 15 人，实有在编人数 13 人" in staff.text
    # the table of contents is not narrative
    assert not any("- 第一部分" in s.text or "(七) 一般公共预算支出表" in s.text for s in doc.sections)
    # 名词解释 items are paragraphs of one section, not headings
    glossary = _section(doc, "第九部分 名词解释")
    assert glossary.text.startswith("一、一般公共预算拨款收入：指本级财政当年拨付的一般公共预算资金。")
    assert "需要延迟到以后年度按有关规定继续使用的资金。" in glossary.text


# --- 司法局 2026 部门预算 ----------------------------------------------------------------------


def test_justice_budget_explanation(corpus_doc: Read) -> None:
    doc = corpus_doc("justice")
    sec = _section(doc, "2026年部门预算编制说明")
    assert (sec.page, sec.end_page) == (8, 9)
    assert "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。" in sec.text
    assert "收入预算9628.22万元" in sec.text
    # item 12 is printed on page 9
    at = sec.text.index("住房公积金（01项）208.8万元")
    assert sec.page_at(at) == 9
    # "…（05项）183.95万元。主要用于：" / "支付养老保险。" is one paragraph
    assert "183.95万元。主要用于：支付养老保险。" in sec.text


def test_justice_page_titles_and_chapters(corpus_doc: Read) -> None:
    doc = corpus_doc("justice")
    assert _section(doc, "上海市普陀区司法局主要职能").page == 4
    assert _section(doc, "上海市普陀区司法局机构设置").page == 6
    assert _section(doc, "名词解释").page == 7
    three = _section(doc, "其他相关情况说明", "一、2026年“三公”经费预算情况说明")
    assert three.page == 22
    assert "2026年“三公”经费预算数为10.81万元" in three.text
    running = _section(doc, "其他相关情况说明", "二、机关运行经费预算")
    assert "机关运行经费预算为217.83万元" in running.text
    money = _section(doc, "人民调解项目经费情况说明", "六、年度预算安排")
    assert (money.text, money.page) == ("795万元", 23)
    functions = _section(doc, "上海市普陀区司法局主要职能")
    # a line wrapped mid-word ("中长" / "期规划") is rejoined; （一）… items are paragraphs
    assert "提出全面依法治区中长期规划建议" in functions.text
    assert not any(s.heading_path[-1].startswith("（") for s in doc.sections if s.heading_path[0].endswith("主要职能"))
    # the 目录 with dot leaders is skipped
    assert not any("……" in s.text for s in doc.sections)


# --- 财政局 2024 部门决算 ----------------------------------------------------------------------


def test_finance_final_accounts_skeleton(corpus_doc: Read) -> None:
    doc = corpus_doc("finance")
    part3 = "第三部分 上海市普陀区财政局2024年度部门决算情况说明"  # printed over two lines: "…情况" / "说明"
    total = _section(doc, part3, "一、收入支出决算总体情况说明")
    assert total.page == 21
    assert "上海市普陀区财政局2024年度收入支出总计2995.39万元" in total.text
    fiscal = _section(doc, part3, "四、财政拨款收入支出决算总体情况说明")
    assert "财政拨款收入支出总计0.3万元" in fiscal.text  # the document's own error (table: 2,961.68)
    running = _section(doc, part3, "十一、其他重要事项的情况说明", "（一）机关运行经费支出情况")
    assert running.page == 23
    assert running.page_at(running.text.index("184.65万元")) == 24
    functions = _section(doc, "第一部分 上海市普陀区财政局概况", "一、主要职能")
    assert (functions.page, functions.end_page) == (4, 5)
    # a wrapped （三）… paragraph is not mistaken for a heading
    assert "健全包括一般公共预算、政府性基金预算、国有资本经营预算在内的政府预算管理体系" in functions.text
    glossary = _section(doc, "第四部分 名词解释")
    assert glossary.page == 25
    assert "七、基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。" in glossary.text
    # the 目录 (no dot leaders, over two pages) is skipped: 第一部分 appears once
    assert sum(1 for s in doc.sections if s.heading_path[0].startswith("第一部分")) == 2


# --- 万里街道 2024, 社会福利院 2024 ----------------------------------------------------------------


def test_wanli_sections(corpus_doc: Read) -> None:
    doc = corpus_doc("wanli")
    assert _section(doc, "上海市普陀区人民政府万里街道办事处（部门）主要职能").page == 3
    assert _section(doc, "2024年部门预算编制说明").page == 6
    buy = _section(doc, "其他相关情况说明", "三、政府采购预算情况")
    assert buy.page == 32
    assert "2024年本部门政府采购预算1662.44万元" in buy.text
    plan = _section(doc, "项目经费情况说明", "六、年度预算安排")
    assert plan.text.startswith("第一季度用款计划158.05万元")


def test_welfare_sections(corpus_doc: Read) -> None:
    doc = corpus_doc("welfare")
    sec = _section(doc, "2024年单位预算编制说明")
    assert sec.page == 6
    assert "收入预算1,212.12万元" in sec.text
    assets = _section(doc, "其他相关情况说明", "五、国有资产占有使用情况（增加内容）")
    assert assets.page == 16
    assert "2024年“三公”经费预算数为6.40万元" in _holding(doc, "2024年“三公”经费预算数为").text


# --- rules on small inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("第三部分 部门预算支出具体情况", 0),
        ("二、表格部分", 0),
        ("上海市普陀区司法局主要职能", 0),
        ("2026年部门预算编制说明", 0),
        ("人民调解项目经费情况说明", 0),
        ("一、主要职能", 1),
        ("三、2022 年主要工作目标", 1),
        ("（四）项目支出 4,644 万元，具体包括：", 2),
        ("1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。", None),
        ("1. 综合管理事务 526 万元，主要用于编外人员管理经费", None),
        ("（一）人员支出 895 万元，主要包括：在职人员工资福利支出。", None),
        ("九、承办区委、区政府交办的其他事项。", None),
        ("二、一般公共服务支出：反映政府提供一般公共服务的支出。", None),
    ],
)
def test_heading_level(line: str, level: int | None) -> None:
    assert heading_level(line) == level


def test_running_page_numbers_and_toc_are_dropped() -> None:
    lines = [
        Line("某区2025年部门预算", 1),
        Line("目 录", 2),
        Line("一、部门主要职能 ………………… 3", 2),
        Line("二、部门预算表 ………………… 5", 2),
        Line("- 2 -", 2),
        Line("一、部门主要职能", 3),
        Line("本部门负责全区的统计工作。", 3),
        Line("3", 3),
    ]
    sections = build_sections(lines, title="T")
    assert [(s.heading_path, s.text, s.page) for s in sections] == [
        (("T",), "某区2025年部门预算", 1),
        (("一、部门主要职能",), "本部门负责全区的统计工作。", 3),
    ]


def test_toc_ends_where_any_entry_is_printed_again() -> None:
    toc = ["某局2025年部门预算", "目 录", "一、文字部分", "- 第一部分 部门概况", "- 第二部分 收支", "二、表格部分"]
    body = ["", "第一部分 部门概况", "一、部门职责", "本部门负责全区统计", "", "工作。"]
    lines = [Line(text) for text in (*toc, *body)]
    sections = build_sections(lines, title="T")
    assert [(s.heading_path, s.text) for s in sections] == [
        (("T",), "某局2025年部门预算"),
        (("第一部分 部门概况", "一、部门职责"), "本部门负责全区统计工作。"),
    ]

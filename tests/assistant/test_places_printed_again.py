"""Every place a figure is printed is cited: the same money under its other name (its counterpart in the other
classification, `30110 职工基本医疗保险缴费` and `2101101 行政单位医疗`; the 三公 table's `公务用车运行费` and `30231
公务用车运行维护费`) or its name printed shorter, never another item that happens to print the figure (`公务用车购置及
运行费` is two items), never a 0 matched by its value; and a cited quote cut to its window never cuts a number at its
thousands comma (`7. 政府投资项目 2…` read as 2 万元). Each on two documents or more, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.answer_types import Answer
from assistant.assistant import Assistant
from assistant.compose import quote_window
from assistant.operations.places import _shortened
from index.classification import counterpart
from index.model import Fact, Provenance

P = pytest.param


def quotes(ans: Answer) -> str:
    return " | ".join(c.quote for c in ans.citations)


@pytest.mark.parametrize(
    ("doc", "question", "printed"),
    [
        P(
            "justice",
            "司法局2026年公车加油、保养、修车这类日常开销准备了多少万元？",
            "公务用车运行费9.98万元",
            id="car-justice",
        ),
        P(
            "wanli",
            "万里街道2024年给公车加油、修车、交保险这些日常养车开销编了多少万元？",
            "公务用车运行费21.56万元",
            id="car-wanli",
        ),
        P(
            "justice",
            "司法局2026年职工基本医疗保险缴费预算多少万元？",
            "行政单位医疗（01项）114.97万元",
            id="medical-justice",
        ),
        P(
            "finance",
            "财政局2024年职工基本医疗保险缴费决算多少万元？",
            "2101101行政单位医疗60.9960.99",
            id="medical-finance",
        ),
    ],
)
def test_the_same_money_under_its_other_name_is_cited(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, printed: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert not ans.abstained, ans.answer
    assert printed in "|".join((c.locator + c.quote).replace(" ", "") for c in ans.citations), quotes(ans)


def test_counterparts_are_the_national_pairs_only() -> None:
    assert counterpart("30110", "职工基本医疗保险缴费") == counterpart("2101101", "行政单位医疗") is not None
    assert counterpart("30108", "机关事业单位基本养老保险费") == counterpart(
        "2080505", "机关事业单位基本养老保险缴费支出"
    )
    assert counterpart(None, "公务用车运行费") == counterpart("30231", "公务用车运行维护费") is not None
    assert counterpart("30110", "取暖费") is None  # a local code printed with another item's name
    assert counterpart(None, "公务用车购置及运行费") is None
    assert counterpart("30201", "办公费") is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        P("公务用车运行费", "公务用车运行维护费", True, id="shorter"),
        P("公务用车运行费", "公务用车购置及运行费", False, id="two-items-joined"),
        P("一般行政管理事务", "其他一般行政管理事务", False, id="another-start"),
        P("行政运行", "行政运行", False, id="the-same-name-is-no-other-name"),
        P("住房公积金", "住房公积金缴费", False, id="another-end"),
    ],
)
def test_a_name_printed_shorter(a: str, b: str, same: bool) -> None:
    assert _shortened(a, b) is same


def test_a_figure_of_0_is_never_cited_for_its_value(qa: Assistant, ids: dict[str, str]) -> None:
    """Every 0 of a document prints the same figure: only the places naming the item are cited."""
    for doc, question in (
        ("justice", "司法局2026年公务用车购置费预算多少？"),
        ("dapeng", "2022年公务用车购置费预算多少？"),
    ):
        ans = qa.ask(question, doc=ids[doc])
        assert ans.value == 0, ans.answer
        assert all("购置" in c.locator + c.quote for c in ans.citations), quotes(ans)


def _fact(quote: str, text: str, subject: str) -> Fact:
    return Fact(
        subject=subject, value=float(text.replace(",", "")), unit="万元", text=text, measure="预算数",
        source=Provenance(doc_id="d", locator="x", quote=quote),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "text", "subject", "kept"),
    [
        P(
            "7. 政府投资项目 2,008 万元，主要用于" + "数据共享项目、政务光纤主干网络项目（二期）等项目" * 3
            + "。较 2021 年预算增加 583 万元，增幅 40.9%，主要原因为进度款较多。",
            "583", "政府投资项目", "政府投资项目 2,008 万元…", id="the-naming-clause-whole",
        ),
        P(
            "（三）信息技术服务 1,234.56 万元，主要用于" + "机房运维、网络安全加固和软件维护服务" * 8
            + "。较上年减少 12 万元。",
            "12", "信息技术服务", "信息技术服务 1,234.56 万元…", id="the-naming-clause-decimals",
        ),
    ],
)  # fmt: skip
def test_a_quote_is_never_cut_inside_a_number(quote: str, text: str, subject: str, kept: str) -> None:
    shown = quote_window(quote, _fact(quote, text, subject))
    assert kept in shown, shown


def test_the_cited_quote_names_the_figure_whole(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("大鹏数据局2022年政府投资项目预算较2021年增幅是多少？", doc=ids["dapeng"])
    assert ans.value == pytest.approx(40.9), ans.answer
    assert "政府投资项目 2,008 万元" in quotes(ans)

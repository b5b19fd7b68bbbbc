"""Everyday words followed by a column in brackets (租房子这类开销（一般公共预算基本支出）): the words name the item,
the bracket says where it is printed. The column's total is never that item's figure; an item the words do not
name in the document is not answered. Each on two documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.lexicon import glossed, scoped_words
from index.text import normalize


@pytest.mark.parametrize(
    ("doc", "question", "value", "row"),
    [
        ("wanli", "万里街道2024年，租房子这类开销（一般公共预算基本支出）大概多少钱？", 581200, "租赁费"),
        ("justice", "普陀司法局2026年开会的钱（一般公共预算基本支出）是多少？", 5000, "会议费"),
        ("finance", "普陀财政局2024年出差的钱（基本支出）决算是多少？", 1.2, "差旅费"),
    ],
)
def test_the_words_before_a_column_bracket_name_the_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == value and row in ans.citations[0].locator


@pytest.mark.parametrize(
    ("doc", "question", "total"),
    [
        ("wanli", "万里街道2024年，修东西的钱（一般公共预算基本支出）一共多少？", 99706020),
        ("justice", "普陀司法局2026年修东西的钱（一般公共预算基本支出）是多少？", 25741666.44),
        ("welfare", "福利院2024年买药的钱（一般公共预算基本支出）是多少？", None),
    ],
)
def test_a_column_bracket_after_words_naming_nothing_printed_is_no_total(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, total: float | None
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value is None and ans.abstained
    if total is not None:  # the column itself is answered when asked alone
        alone = qa.ask(question.split("，")[0].split("年")[0] + "年一般公共预算基本支出是多少？", doc=ids[doc])
        assert alone.value == total


def test_items_that_are_columns_too_stay_glosses() -> None:
    # 人员支出 and 事业收入 are items of their own: the words are glossed by them, not qualified
    assert glossed(normalize("大鹏数据局今年发工资那块（人员支出）")).endswith("人员支出")
    assert scoped_words(normalize("发工资那块（人员支出）")) == ""
    assert scoped_words(normalize("自己挣的钱（事业收入）")) == ""
    # columns and funds qualify: the words stay the item
    assert scoped_words(normalize("租房子这类开销（一般公共预算基本支出）")) == "租房子这类开销"
    assert scoped_words(normalize("出差的钱（财政拨款）")) == "出差的钱"
    # words that read as the column themselves are its gloss (日常运转的钱 is no name the lexicon knows of 基本支出)
    assert scoped_words(normalize("基本支出的钱（基本支出）")) == ""

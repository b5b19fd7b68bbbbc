"""The welcome/help text and which questions ask for it."""

from __future__ import annotations

import pytest

from assistant.help import LISTED_DOCUMENTS, documents_line, help_text, is_help_request

DAPENG = {
    "doc_id": "d",
    "department": "深圳市大鹏新区政务服务数据管理局",
    "year": 2022,
    "scope": "部门",
    "stage": "预算",
}
WELFARE = {"doc_id": "w", "department": "上海市普陀区社会福利院", "year": 2024, "scope": "单位", "stage": "预算"}


@pytest.mark.parametrize(
    "question", ["帮助", "你能做什么", "你好，你能做什么？", "您好!  可以问什么?", "你好", "Hi", "HELP", "请问怎么用？"]
)
def test_help_requests(question: str) -> None:
    assert is_help_request(question)


@pytest.mark.parametrize(
    "question",
    ["政府投资项目预算多少", "你好，政府投资项目预算多少", "请问三公经费比上年增加多少", "帮助困难群众的支出多少", ""],
)
def test_questions_about_documents_are_not_help(question: str) -> None:
    assert not is_help_request(question)


def test_help_text_says_what_can_be_asked_what_is_loaded_and_gives_examples() -> None:
    text = help_text([DAPENG, WELFARE], ["政府投资项目预算多少？", "三公经费比上年增加多少？"])
    what, loaded, examples = text.split("\n\n")
    assert "比上年增减和增长率" in what and "文件里没有的数字" in what
    assert (
        loaded
        == "已载入 2 份文件：深圳市大鹏新区政务服务数据管理局 2022年部门预算；上海市普陀区社会福利院 2024年单位预算。"
    )
    assert examples == "可以这样问：\n1. 政府投资项目预算多少？\n2. 三公经费比上年增加多少？"
    assert help_text([], []).count("\n\n") == 1 and "还没有载入文件" in help_text([], [])


def test_many_documents_are_counted_not_all_named() -> None:
    docs = [{**DAPENG, "doc_id": str(i), "year": 2010 + i} for i in range(LISTED_DOCUMENTS + 3)]
    line = documents_line(docs)
    assert line.startswith(f"已载入 {LISTED_DOCUMENTS + 3} 份文件：") and line.endswith(
        f"等 {LISTED_DOCUMENTS + 3} 份。"
    )
    assert line.count("深圳市大鹏新区政务服务数据管理局") == LISTED_DOCUMENTS


def test_a_document_without_a_department_is_named_by_its_title() -> None:
    untitled = {"doc_id": "x", "department": "", "title": "2023年示例市测试中心部门预算", "year": 2023, "stage": "预算"}
    assert documents_line([untitled]) == "已载入 1 份文件：2023年示例市测试中心部门预算。"

"""Cover metadata of the five sample disclosures (values read from the covers by hand)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.model import Document, Line
from index.read.metadata import detect_metadata, is_organisation

Read = Callable[[str], Document]

CASES = [
    # file, department, year, stage, scope, title
    (
        "dapeng",
        "深圳市大鹏新区政务服务数据管理局",
        2022,
        "预算",
        "部门",
        "深圳市大鹏新区政务服务数据管理局2022年部门预算",
    ),
    ("justice", "上海市普陀区司法局", 2026, "预算", "部门", "上海市普陀区司法局2026年部门预算"),
    (
        "wanli",
        "上海市普陀区人民政府万里街道办事处",
        2024,
        "预算",
        "部门",
        "上海市普陀区人民政府万里街道办事处2024年部门预算",
    ),
    ("welfare", "上海市普陀区社会福利院", 2024, "预算", "单位", "上海市普陀区社会福利院2024年单位预算"),
    ("finance", "上海市普陀区财政局", 2024, "决算", "部门", "上海市普陀区财政局2024年度部门决算"),
]


@pytest.mark.parametrize(("name", "department", "year", "stage", "scope", "title"), CASES, ids=[c[0] for c in CASES])
def test_document_metadata(
    corpus_doc: Read,
    corpus_path: Callable[[str], Path],
    name: str,
    department: str,
    year: int,
    stage: str,
    scope: str,
    title: str,
) -> None:
    doc = corpus_doc(name)
    assert (doc.department, doc.year, doc.stage, doc.scope) == (department, year, stage, scope)
    assert doc.title == title
    assert doc.file_name == corpus_path(name).name
    assert not [w for w in doc.warnings if "not found on the cover" in w]


def test_page_counts(corpus_doc: Read) -> None:
    assert corpus_doc("dapeng").page_count is None
    assert corpus_doc("justice").page_count == 23
    assert corpus_doc("wanli").page_count == 33
    assert corpus_doc("welfare").page_count == 16
    assert corpus_doc("finance").page_count == 25


def test_stray_spaces_in_the_title_are_removed() -> None:
    meta = detect_metadata([Line(""), Line("2022 年深圳市大鹏新区政务服务数据 管理局 部门预算"), Line("目 录")])
    assert meta.department == "深圳市大鹏新区政务服务数据管理局"
    assert meta.year == 2022


def test_title_over_three_lines_with_year_last() -> None:
    meta = detect_metadata([Line("某某市某某区审计局", 1), Line("年度部门决算", 1), Line("2023", 1), Line("目 录", 2)])
    assert (meta.department, meta.year, meta.stage, meta.scope) == ("某某市某某区审计局", 2023, "决算", "部门")


def test_place_name_alone_is_not_a_department() -> None:
    assert not is_organisation("上海市普陀区")
    assert is_organisation("上海市普陀区司法局")
    meta = detect_metadata([Line("上海市普陀区2026年区级部门预算", 1)])
    assert meta.department == ""
    assert meta.year == 2026
    assert meta.title == "上海市普陀区2026年区级部门预算"

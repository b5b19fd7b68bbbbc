"""Scope by the organisation a question names, among many similar department names."""

from __future__ import annotations

from assistant.scope import find_mentions
from eval.scale import max_documents, variant_parts
from index.text import normalize

REAL = {
    "dapeng": "深圳市大鹏新区政务服务数据管理局",
    "justice": "上海市普陀区司法局",
    "welfare": "上海市普陀区社会福利院",
}


def named(question: str, departments: dict[str, str]) -> list[str]:
    found, _ = find_mentions(normalize(question), {k: normalize(v) for k, v in departments.items()})
    return [doc for _, _, doc in found]


def test_short_names_still_find_their_document() -> None:
    assert named("司法局的三公经费比大鹏数据局多多少", REAL) == ["justice", "dapeng"]
    assert named("福利院的项目支出多少", REAL) == ["welfare"]


def test_the_full_name_picks_its_document_among_hundreds_of_similar_ones() -> None:
    names = {f"d{i}": "".join(variant_parts(i)[:3]) for i in range(min(300, max_documents()))}
    assert len(set(names.values())) == len(names)
    for i in (0, 1, 17, 150, 299):
        assert named(f"{names[f'd{i}']}项目支出多少", names) == [f"d{i}"]
        assert named(f"请问{names[f'd{i}']}的三公经费预算多少", names) == [f"d{i}"]


def test_a_two_character_kind_alone_names_the_one_department_of_that_kind() -> None:
    loaded = {**REAL, "wanli": "上海市普陀区人民政府万里街道办事处"}
    assert named("住房保障支出占街道总支出的比重是多少", loaded) == ["wanli"]
    assert named("街道开会的费用预算多少元", loaded) == ["wanli"]
    # two street offices loaded: 街道 alone names neither
    two = {**loaded, "other": "上海市普陀区人民政府长征镇街道办事处"}
    assert named("住房保障支出占街道总支出的比重是多少", two) == []
    assert named("万里街道的会议费", two) == ["wanli"]

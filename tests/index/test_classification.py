"""The national classification vocabulary: explanations by code or unique name, 类 by the start of their name."""

from __future__ import annotations

from index import classification


def test_an_item_is_explained_by_its_code_else_by_a_name_only_it_has() -> None:
    assert "临时聘用人员" in classification.note("30226", "劳务费")
    assert classification.note(None, "劳务费") == classification.note("30226", "")
    # 行政运行 is an item under every 款: by name alone it is none of them
    assert classification.note(None, "行政运行") == ""
    assert classification.note("9999999", "不存在的科目") == ""


def test_a_类_is_named_by_any_start_of_its_name_no_other_类_shares() -> None:
    words = classification.category_words()
    assert words["住房方面"] == words["住房保障方面"] == "住房保障支出"
    assert words["卫生领域"] == "卫生健康支出"
    assert words["城乡社区方面"] == "城乡社区支出"
    assert "方面" not in words and "支出方面" not in words  # a start of one character names nothing


def test_a_code_whose_printed_name_is_another_items_is_not_explained_by_it() -> None:
    """福利院 prints 福利费 under 30208 (nationally 取暖费): the code alone does not make it 取暖费."""
    assert classification.note("30208", "福利费") == classification.note(None, "福利费")
    assert "燃料" not in classification.note("30208", "福利费")
    assert "燃料" in classification.note("30208", "取暖费")

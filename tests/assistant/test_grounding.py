"""The grounding check on its own: numbers, units, printed rounding, citations, sentence cutting."""

from __future__ import annotations

from assistant.grounding import Grounder, SentenceStream, matches, numbers_in, passage_numbers, split_sentences

DAPENG = "7. 政府投资项目 2,008 万元，较 2021 年预算增加 583 万元，增幅 40.9%，主要原因为本年度支付进度款较多。"


def one(text: str):
    (number,) = numbers_in(text)
    return number


def test_units_convert_at_the_precision_written() -> None:
    printed = one("20,080,000元")
    assert matches(one("2,008万元"), printed)
    assert matches(one("0.2亿元"), one("2,008万元"))  # rounded down to what is written
    assert not matches(one("2,000万元"), printed)
    assert not matches(one("2,008.4万元"), printed)
    assert matches(one("20,080,000元"), one("2,008万元"))
    assert not matches(one("20,083,500元"), one("2,008万元"))  # more precise than printed: not checkable
    assert not matches(one("2,008%"), one("2,008万元"))


def test_percent_and_counts() -> None:
    assert matches(one("40.9%"), one("增幅 40.9%"))
    assert matches(one("41%"), one("40.9%"))
    assert not matches(one("40.90%"), one("40.9%"))
    assert matches(one("9人"), one("9 人"))
    assert not matches(one("9辆"), one("9人"))


def test_table_unit_applies_to_bare_cells() -> None:
    numbers = passage_numbers("重点项目预算绩效情况说明（单位：万元） | 项目名称 综合管理事务 | 预算数（万元） 526")
    assert any(n.unit == "万元" and n.value == 526 for n in numbers)
    assert any(matches(one("5,260,000元"), n) for n in numbers)


def test_sentences_keep_their_citation_marks() -> None:
    text = "增加583万元。[1]主要原因为支付进度款较多【1】。\n2. 其他[1,2]"
    assert split_sentences(text) == ["增加583万元。[1]", "主要原因为支付进度款较多【1】。", "2. 其他[1,2]"]


def test_stream_waits_for_a_citation_mark_still_arriving() -> None:
    stream = SentenceStream()
    assert stream.feed("增加583万元。[") == []
    assert stream.feed("1]主要") == ["增加583万元。[1]"]
    assert stream.flush() == ["主要"]


def test_grounder_drops_and_counts() -> None:
    grounder = Grounder([passage_numbers(DAPENG)], years=frozenset({2021, 2022}))
    kept = grounder.check("政府投资项目2,008万元，较2021年增加583万元，增幅40.9%。[1]")
    wrong = grounder.check("较2021年增加538万元。[1]")
    uncited = grounder.check("政府投资项目2,008万元。")
    invented = grounder.check("主要原因为支付进度款较多。[3]")
    list_item = grounder.check("1. 政府投资项目增加583万元[1]")
    assert (kept.dropped, kept.numbers) == (None, 3)
    assert wrong.dropped == "ungrounded_number"
    assert uncited.dropped == "uncited_number"
    assert (invented.dropped, invented.text, invented.bad_cites) == (None, "主要原因为支付进度款较多。", 1)
    assert (list_item.dropped, list_item.numbers) == (None, 1)  # "1." is a list marker, not a figure
    assert grounder.tally["kept"] == 3 and grounder.tally["citations_dropped"] == 1


def test_engine_figures_ground_without_a_passage() -> None:
    grounder = Grounder([passage_numbers(DAPENG)], engine=numbers_in("机关运行经费2022年比上年增加284万元。"))
    assert grounder.check("机关运行经费比上年增加284万元。").dropped is None
    assert grounder.check("机关运行经费比上年增加248万元。").dropped == "uncited_number"

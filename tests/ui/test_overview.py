"""The overview's panels, read from the facts of the Putuo 司法局 2026 budget and the Dapeng 2022 sample."""

from __future__ import annotations

from pathlib import Path

from assistant.ui_overview import overview_html, panels
from index.read.document import read_document
from tests.ui.support import JUSTICE_PDF

DAPENG = Path(__file__).resolve().parents[2] / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


def test_justice_panels_hold_the_printed_figures() -> None:
    doc = read_document(JUSTICE_PDF)
    shown = {p.title: [(label, f.value, f.unit) for label, f in p.items] for p in panels(doc)}
    assert shown["总额"] == [("收入总计", 96282213.44, "元"), ("支出总计", 96282213.44, "元")]
    assert shown["收入（按来源）"] == [("财政拨款收入", 96282213.44, "元")]
    assert shown["支出（按功能分类）"][0] == ("公共安全支出", 87267272.44, "元")
    assert [x[0] for x in shown["支出（按功能分类）"]] == [
        "公共安全支出",
        "社会保障和就业支出",
        "卫生健康支出",
        "住房保障支出",
    ]
    assert shown["基本支出与项目支出"] == [("基本支出", 25741666.44, "元"), ("项目支出", 70540547.0, "元")]
    assert shown["“三公”经费（按项目）"] == [
        ("因公出国(境)费", 0.0, "万元"),
        ("公务接待费", 0.83, "万元"),
        ("公务用车购置及运行费", 9.98, "万元"),
    ]
    markup, cited = overview_html(doc, panels(doc))
    assert markup.count('class="ov-chart"') == 4, "a chart for every panel of two or more figures"
    assert markup.count('class="ov-fig"') == len(cited) == 12
    assert all(f.source.bbox is not None for f in cited), "every figure can be shown on its page"


def test_sample_text_document_has_totals_and_split() -> None:
    shown = {p.title: [(label, f.value) for label, f in p.items] for p in panels(read_document(DAPENG))}
    assert shown["总额"] == [("收入总计", 5883.0), ("支出总计", 5883.0)]
    assert shown["基本支出与项目支出"] == [("基本支出", 1239.0), ("项目支出", 4644.0)]

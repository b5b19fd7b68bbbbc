"""Exports: the conversation as Markdown, the answers as CSV with one row per cited figure."""

from __future__ import annotations

import csv
import io

from assistant.answer_types import Citation
from assistant.ui_export import CSV_COLUMNS, answers_csv, conversation_markdown
from assistant.ui_render import citation_dict

CELL = Citation(
    doc="c8821d984a54",
    title="上海市普陀区司法局2026年部门预算",
    locator="2026年部门支出预算总表 · 2210201 住房公积金 · 支出预算/合计",
    page=13,
    quote="221 02 01 住房公积金 2087959.00 2087959.00 0.00",
    table="2026年部门支出预算总表",
    row_label="2210201 住房公积金",
    column="支出预算/合计",
    unit="元",
    mark="2087959.00",
    bbox=(433.23, 227.94, 553.23, 250.44),
)
TURNS = [
    {
        "question": "住房公积金预算多少元",
        "answer": "住房公积金2026年为2,087,959.00元。[1]",
        "value": 2087959.0,
        "unit": "元",
        "citations": [citation_dict(CELL)],
    },
    {"question": "你好", "answer": "", "value": None, "unit": None, "citations": []},
]


def test_csv_has_the_columns_and_one_row_per_citation() -> None:
    rows = list(csv.DictReader(io.StringIO(answers_csv(TURNS))))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0] == {
        "question": "住房公积金预算多少元",
        "answer": "住房公积金2026年为2,087,959.00元。[1]",
        "value": "2087959.0",
        "unit": "元",
        "document": "上海市普陀区司法局2026年部门预算",
        "table": "2026年部门支出预算总表",
        "row": "2210201 住房公积金",
        "column": "支出预算/合计",
        "page": "13",
        "quote": "221 02 01 住房公积金 2087959.00 2087959.00 0.00",
    }
    assert rows[1]["question"] == "你好" and rows[1]["document"] == "" and len(rows) == 2


def test_markdown_lists_questions_answers_and_sources() -> None:
    md = conversation_markdown(TURNS)
    assert md.startswith("# BudgetQA 对话记录\n")
    assert "## 1. 住房公积金预算多少元\n\n住房公积金2026年为2,087,959.00元。[1]\n" in md
    assert "1. 上海市普陀区司法局2026年部门预算，第13页：2026年部门支出预算总表 · 2210201 住房公积金" in md
    assert "   > 221 02 01 住房公积金 2087959.00" in md
    assert "## 2. 你好\n\n（未回答）" in md

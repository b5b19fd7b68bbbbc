"""`budgetqa check` on the corpus as published: the known errors found with both citations, the
reviewed findings (eval/check_review.md) stable, rules files validated, consistency questions served."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.check import answer_consistency, check_document, render_report
from assistant.check_rules import Finding, load_rules, parse_rules
from index.errors import RulesError
from tests.assistant.check_inject import DAPENG, corpus


def _findings(name: str, rule: str) -> list[Finding]:
    return [f for f in check_document(corpus(name)).findings if f.rule == rule]


def test_dapeng_table6_income_total_against_the_other_tables() -> None:
    found = _findings("dapeng", "X-FISCAL-SUMMARY")
    assert len(found) == 1
    six, one = found[0].figures
    assert (six.table, six.row, six.column, six.text) == (
        "表6 政府预算拨款收支总表",
        "本年收入合计",
        "收入/2022年预算数",
        "5,901",
    )
    assert six.quote == "本年收入合计 5,901 本年支出合计 5,883"
    assert (one.table, one.row, one.text) == ("表1 收支总表", "一、政府预算拨款", "5,883")
    assert found[0].difference == 18 and found[0].severity == "error"
    balance = _findings("dapeng", "X-FISCAL-BUDGET")[0]
    assert [(f.row, f.text) for f in balance.figures] == [("本年收入合计", "5,901"), ("本年支出合计", "5,883")]


def test_dapeng_vehicle_text_against_the_three_public_tables() -> None:
    found = [f for f in _findings("dapeng", "TEXT-TABLE") if "公务用车" in f.message]
    assert len(found) == 1
    text, *tables = found[0].figures
    assert text.text == "8.1万元" and text.section == "第五部分 一般公共预算“三公”经费预算情况"
    # the quote reaches back to the numbered line naming the item (index/facts_text.py `_quote`)
    assert text.quote.startswith("3.公务用车购置和运行维护费。2022年预算数8.1万元，其中：公务用车购置费")
    assert [(t.table, t.row, t.column, t.text) for t in tables] == [
        ("表8 一般公共预算“三公”经费支出表", "2022年", "公务用车购置及运行维护费/小计", "8"),
        ("表13 一般公共预算“三公”经费支出表", "2022年", "公务用车购置及运行维护费/小计", "8"),
    ]
    assert found[0].difference == pytest.approx(0.1)


def test_dapeng_table7_classes_do_not_add_up_to_its_total() -> None:
    (found,) = [f for f in _findings("dapeng", "SUM-TOTAL") if "支出总计" in f.message]
    assert found.figures[0].text == "5,883" and found.formula == "4,318 + 860 + 94 + 18 + 315 + 296 = 5,901"


def test_finance_with_errors_introduced_problems_are_found() -> None:
    report = check_document(corpus("finance_errors"))
    by_rule: dict[str, list[str]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f.message)
    assert "缺少决算公开的标准表：支出总表（目录列有“三、支出决算表”）" in by_rule["TABLES-PRESENT"]
    assert any("财政拨款“三公”经费支出决算表 没有数据" in m for m in by_rule["TABLES-EMPTY"])
    assert any("收入支出总计 0 万元" in m for m in by_rule["TEXT-TABLE"])
    assert any("-100.00%" in m for m in by_rule["CHANGE-RATE"])
    assert len(by_rule["CHANGE-WORDING"]) == 3  # 行政运行、职业年金 “大于”，行政单位医疗 “等于”
    assert {m.split("“")[1].split("”")[0] for m in by_rule["TEXT-YEAR"]} == {
        "2023年度部门决算情况说明",
        "截至 2023年 12 月 31 日",
    }
    assert any("XX局" in m for m in by_rule["TEXT-PLACEHOLDER"])


def test_published_corpus_findings_are_those_reviewed() -> None:
    """Errors and warnings per document, as reviewed one by one in eval/check_review.md."""
    expected = {
        "dapeng": ["SUM-TOTAL", "SUM-TOTAL", "SIDE-NUMBERED", "SIDE-NUMBERED",
                   "X-FISCAL-BALANCE", "X-FISCAL-BUDGET", "X-FISCAL-SUMMARY", "TABLES-PRESENT", "TABLES-PRESENT",
                   "TABLES-PRESENT", "TEXT-TABLE"],
        "justice": ["CHANGE-RATE", "CHANGE-RATE", "CHANGE-RATE", "TEXT-TABLE", "TEXT-TEXT", "TEXT-YEAR"],
        "wanli": ["CHANGE-RATE", "TEXT-TABLE", "TEXT-TEXT", "TABLES-EMPTY"],
        "welfare": ["CODE-PARENT", "CODE-PARENT", "TEXT-TABLE"],
        "finance": ["RATIO-SHARE", "TEXT-TABLE"],
        "finance_errors": ["CHANGE-RATE", "CHANGE-WORDING", "CHANGE-WORDING", "CHANGE-WORDING", "RATIO-SHARE",
                           "TABLES-EMPTY", "TABLES-PRESENT", "TEXT-PLACEHOLDER", "TEXT-TABLE", "TEXT-YEAR", "TEXT-YEAR"],
    }  # fmt: skip
    for name, rules in expected.items():
        found = [f.rule for f in check_document(corpus(name)).findings if f.severity != "info"]
        assert sorted(found) == sorted(rules), name


def test_rules_files_are_validated(tmp_path: Path) -> None:
    base = 'id = "A"\nkind = "row_identity"\ndescription = "x"\nseverity = "error"\n'
    with pytest.raises(RulesError, match=r"rule A .*lacks total, parts"):
        parse_rules("[[rules]]\n" + base)
    with pytest.raises(RulesError, match="unknown kind 'sum'"):
        parse_rules("[[rules]]\n" + base.replace("row_identity", "sum"))
    with pytest.raises(RulesError, match="bad regex"):
        parse_rules("[[rules]]\n" + base + 'total = "^(合计"\nparts = ["^基本支出$"]\n')
    with pytest.raises(RulesError, match="used twice: A"):
        rule = "[[rules]]\n" + base + 'total = "^合计$"\nparts = ["^基本支出$"]\n'
        parse_rules(rule + rule)
    missing = tmp_path / "nope.toml"
    with pytest.raises(RulesError, match=r"nope\.toml: cannot read"):
        load_rules(missing)


def test_a_rules_file_of_ones_own_runs_only_its_rules(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[rules]]\nid = "MINE"\nkind = "cross_table"\ndescription = "财政拨款收支总表：收入总计 = 支出总计"\n'
        'severity = "warning"\n'
        'left = [[{ table = "fiscal_summary", side = "收入", row = "^收入总计$" }]]\n'
        'right = [[{ table = "fiscal_summary", side = "支出", row = "^支出总计$" }]]\n',
        encoding="utf-8",
    )
    report = check_document(corpus("dapeng"), load_rules(path))
    assert report.rules_run == 1
    assert [(f.rule, f.severity, f.difference) for f in report.findings] == [("MINE", "warning", 18.0)]


def test_consistency_questions() -> None:
    doc = corpus("dapeng")
    assert answer_consistency("政府投资项目预算多少", doc) is None
    table6 = answer_consistency("表6的收入合计和支出合计是否一致", doc)
    assert table6 and all(any((g.table or "").startswith("表6") for g in f.figures) for f in table6)
    assert {f.rule for f in table6} == {"X-FISCAL-BUDGET", "X-FISCAL-SUMMARY", "SIDE-NUMBERED"}
    vehicles = answer_consistency("公务用车购置和运行维护费的文字和表格是否一致", doc)
    assert vehicles and vehicles[0].rule == "TEXT-TABLE"
    sums = answer_consistency("表7加起来对不对", doc)
    assert sums and {f.rule for f in sums} == {"SUM-TOTAL"}
    assert answer_consistency("表14有没有错误", doc) == []


def test_cli_check_prints_findings_and_exits_0(tmp_path: Path) -> None:
    from assistant.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["--home", str(tmp_path), "check", str(DAPENG)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("39 rules run, 11 findings（错误 10，警告 1）")
    assert "[1] 本年收入合计：表6 政府预算拨款收支总表 · 本年收入合计 · 收入/2022年预算数" in result.output
    as_json = runner.invoke(app, ["--home", str(tmp_path), "check", str(DAPENG), "--json"])
    data = json.loads(as_json.output)
    assert data["rules_run"] == 39 and data["counts"] == {"error": 10, "warning": 1, "info": 0}
    missing = runner.invoke(app, ["--home", str(tmp_path), "check", "0123456789ab"])
    assert missing.exit_code == 1


def test_report_renders_without_findings() -> None:
    report = check_document(corpus("dapeng"), [r for r in load_rules() if r.id == "ROW-THREE-PUBLIC"])
    assert render_report(report).endswith("没有发现不一致。\n\n1 rules run, 0 findings")

"""Checks of the document as a whole: the standard tables are there, empty tables say so, the
years it prints agree with its own year, and no template placeholder was left in.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.check_rules import Figure, Finding, Rule, name_key, report
from index.lexicon import load_data
from index.model import HEADING_SEP, Document, Fact, Table
from index.read.tables import note_marks_empty, table_kind
from index.text import squash

_TOC_NUMBER = re.compile(
    r"^(?:-\s*)?(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+\s*、|\d+\s*[.．、])\s*"
)


@cache
def kind_labels() -> dict[str, str]:
    """Each table kind's usual title (index/data/table_kinds.toml), to name a missing table."""
    raw = load_data("index.data", "table_kinds.toml")
    return {k["key"]: k["label"] for k in raw["kinds"]}


def _doc_figure(doc: Document, role: str, quote: str, page: int | None = None, section: str | None = None) -> Figure:
    """A citation of a place in the document that is not a figure (a contents line, a note, a heading)."""
    return Figure(role=role, value=None, unit="", text=quote, locator=section or doc.title, quote=quote, page=page,
                  section=section)  # fmt: skip


def _table_figure(table: Table, role: str, text: str) -> Figure:
    page = table.pages[0] if table.pages else None
    quote = table.note or table.title
    return Figure(role=role, value=None, unit=table.unit or "", text=text, locator=table.label, quote=quote, page=page,
                  table=table.label)  # fmt: skip


def _toc_tables(doc: Document) -> list[tuple[str, str]]:
    """(entry as printed, table kind) of each table the contents list names.

    An entry of unknown kind directly followed by table entries (`五、部门预算表` over `1. …总表`)
    heads a group of tables and is not one itself.
    """
    titles = []
    for entry in doc.contents:
        title = _TOC_NUMBER.sub("", entry).strip()
        is_part = re.match(r"(?:-\s*)?第[一二三四五六七八九十]+部分", entry)  # 第二部分 …部门决算表
        titles.append(title if not is_part and re.search(r"表\s*([（(][^）)]{1,12}[）)])?$", title) else "")
    out = []
    for i, (entry, title) in enumerate(zip(doc.contents, titles, strict=True)):
        if not title:
            continue
        kind = table_kind(title)
        if kind == "other" and i + 1 < len(titles) and titles[i + 1]:
            continue
        out.append((entry, kind))
    return out


def _listed_but_missing(doc: Document) -> list[tuple[str, str]]:
    """Contents entries naming a table the document does not print (by kind, or by title for unknown kinds)."""
    present = [t.kind for t in doc.tables]
    titles = [name_key(re.sub(r"^\d{4}年度?", "", t.title)) for t in doc.tables]
    missing = []
    for entry, kind in _toc_tables(doc):
        if kind != "other":
            if kind in present:
                present.remove(kind)
            else:
                missing.append((entry, kind))
            continue
        title = name_key(re.sub(r"^\d{4}年度?", "", _TOC_NUMBER.sub("", entry)))
        if not any(title in t or t in title for t in titles if t):
            missing.append((entry, kind))
    return missing


def check_tables_present(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """Every standard table of the genre is printed, and so is every table the contents list names."""
    out: list[Finding] = []
    present = {t.kind for t in doc.tables}
    listed = _listed_but_missing(doc)
    toc_page = doc.contents_page
    for group in rule.params.get(doc.stage, []):
        if present & set(group):
            continue
        names = "或".join(kind_labels().get(k, k) for k in group)
        entry = next((e for e, k in listed if k in group), None)
        figures = [_doc_figure(doc, "", entry, toc_page, "目录")] if entry else []
        where = f"（目录列有“{entry}”）" if entry else ""
        out += report(rule, "error", f"缺少{doc.stage}公开的标准表：{names}{where}", figures)
    standard = {k for group in rule.params.get(doc.stage, []) for k in group}
    for entry, kind in listed:
        if kind in standard and kind not in present:
            continue  # reported above
        figures = [_doc_figure(doc, "", entry, toc_page, "目录")]
        out += report(rule, "error", f"目录列有“{entry}”，正文中没有这张表", figures)
    return out


def _topic_text(doc: Document, words: list[str]) -> tuple[list[str], list[Fact]]:
    """(sentences saying there is no such item, narrative amounts above 0 stated for it)."""
    none_said = []
    for section in doc.sections:
        for sentence in re.split(r"[。；\n]", section.text):
            if "无" in sentence and any(w in sentence for w in words):
                none_said.append(sentence.strip())
    amounts = [
        f
        for f in doc.facts
        if f.origin == "text"
        and not f.source.table
        and f.is_money
        and f.value > 0
        and any(w in f.subject or w in f.source.quote for w in words)
    ]
    return none_said, amounts


def check_empty_tables(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """A table without figures says why (a note, or the narrative says there is none); a table noted
    empty prints no amounts."""
    topics: dict[str, list[str]] = rule.params.get("topics", {})
    printed = {f.source.table for f in doc.facts if f.origin == "table" and not f.empty}
    out: list[Finding] = []
    for table in doc.tables:
        if not rule.reads(table.kind) or table.kind == "other":
            continue
        figures = [f for f in tables.get(table.label, []) if f.value != 0]
        noted = note_marks_empty(table.note)
        if noted and figures and not table.empty:
            cited = [_table_figure(table, "表注", table.note or ""), *(Figure.of(f) for f in figures[:3])]
            message = (
                f"{table.label} 注明为空表，却印有金额（如 {figures[0].subject} {figures[0].text}{figures[0].unit}）"
            )
            out += report(rule, "error", message, cited)
            continue
        if table.label in printed or noted:
            continue
        none_said, amounts = _topic_text(doc, topics.get(table.kind, []))
        if none_said and not amounts:
            continue
        cited = [_table_figure(table, "空表", "（表中无数据，未注明为空表）")]
        cited += [Figure.of(f, "文字") for f in amounts[:3]]
        also = f"；文字却列有金额 {amounts[0].subject} {amounts[0].text}" if amounts else ""
        out += report(rule, "error", f"{table.label} 没有数据，也未注明为空表{also}", cited)
    return out


def _texts(doc: Document) -> list[tuple[str, str, int | None, str]]:
    """(text, where, page, section) of every heading, paragraph line and table title."""
    out: list[tuple[str, str, int | None, str]] = []
    seen_heads: set[str] = set()
    for s in doc.sections:
        for h in s.heading_path:
            if h not in seen_heads:
                seen_heads.add(h)
                out.append((h, "标题", s.page, s.heading))
        offset = 0
        for line in s.text.split("\n"):
            out.append((line, "正文", s.page_at(offset), s.heading))
            offset += len(line) + 1
    for t in doc.tables:
        out.append((t.title, "表题", t.pages[0] if t.pages else None, t.label))
    return out


def check_year_words(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """Years printed in titles, comparisons and cut-off dates agree with the document's year."""
    if doc.year is None:
        return []
    out: list[Finding] = []
    seen: set[tuple[str, int, str]] = set()
    for spec in rule.params.get("patterns", []):
        if spec.get("stages") and doc.stage not in spec["stages"]:
            continue
        for text, where, page, section in _texts(doc):
            for m in re.finditer(spec["pattern"], text):
                year = int(m.group(1))
                wrong = year != doc.year if spec["expect"] == "same" else year >= doc.year
                if not wrong or (spec["pattern"], year, section) in seen:
                    continue
                seen.add((spec["pattern"], year, section))
                expect = f"应为{doc.year}年" if spec["expect"] == "same" else f"比较基年应早于{doc.year}年"
                message = f"{where}中“{m.group(0)}”与文件年度 {doc.year} 不符（{expect}）"
                out += report(rule, "error", message, [_doc_figure(doc, where, _sentence(text, m), page, section)])
    return out


def _sentence(text: str, m: re.Match[str]) -> str:
    start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
    end = min((i for i in (text.find("。", m.end()), text.find("；", m.end())) if i >= 0), default=len(text))
    return text[start : end + 1].strip()


def check_placeholders(rule: Rule, doc: Document, tables: dict[str, list[Fact]]) -> list[Finding]:
    """No template placeholder (`XX局`) left in headings, narrative or table titles."""
    out: list[Finding] = []
    seen: set[str] = set()
    for text, where, page, section in _texts(doc):
        for m in re.finditer(rule.params["pattern"], text):
            key = squash(text)
            if key in seen:
                continue
            seen.add(key)
            quote = _sentence(text, m)
            where_text = section.split(HEADING_SEP)[-1] if section else ""
            message = f"{where}中有未替换的占位符“{m.group(0)}”：{quote}"
            out += report(rule, "error", message, [_doc_figure(doc, where, quote, page, where_text or section)])
    return out

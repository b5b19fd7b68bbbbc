"""The units a department's disclosure covers, counted from the list that names them.

A 部门决算 names its units in a table of their own under `部门决算单位构成` (`序号 | 单位名称 | 备注`: 本级, then the units
whose budgets are folded into it), after a sentence ending `纳入…编制范围的单位包括：`. The count is stated nowhere, yet
people ask it (`纳入…编制范围的单位有几家`, `决算把几家单位算在里面`): one fact, the number of units listed, named by
the sentence that introduces the list and citing the list itself.
"""

from __future__ import annotations

import re

from index.model import LOCATOR_SEP, Document, Fact, Provenance, Section, Table
from index.text import YEAR_IN_TEXT

UNITS_COLUMN = "单位名称"
_INTRO = re.compile(r"([^。：:；;]*单位)(?:包括|包含|有)[：:]?\s*$")  # …纳入…编制范围的单位包括：
_UNITS = "单位"  # the count's name when no sentence introduces the list


def listed_units(doc: Document) -> list[Fact]:
    """One count fact per table of units (a `单位名称` column with at least one name), named by the sentence
    introducing it (the department's name and the year taken out), else `单位`."""
    facts = []
    for table in doc.tables:
        column = next((c for c, h in enumerate(table.header) if h.split("/")[-1].strip() == UNITS_COLUMN), None)
        if column is None or table.empty:
            continue
        names = [row[column].strip() for row in table.rows if column < len(row) and row[column].strip()]
        if not names:
            continue
        intro = _introducing(doc, table)
        subject = YEAR_IN_TEXT.sub("", intro[1].replace(doc.department, "")) if intro else _UNITS
        heading = intro[0].heading if intro else ""
        page = table.pages[0] if table.pages else None
        quote = "；".join(f"{i}. {name}" for i, name in enumerate(names, 1))
        source = Provenance(
            doc.doc_id,
            LOCATOR_SEP.join(x for x in (heading, table.label, UNITS_COLUMN) if x),
            quote,
            page,
            section=heading or None,
        )
        facts.append(
            Fact(subject, "数量", float(len(names)), "家", source, year=doc.year, text=f"{len(names)}家", origin="text")
        )
    return facts


def _introducing(doc: Document, table: Table) -> tuple[Section, str] | None:
    """The section (on the table's first page or the page before) whose text ends with the sentence introducing
    the list (`…的单位包括：`), and that sentence's subject."""
    first = table.pages[0] if table.pages else None
    for section in doc.sections:
        last = section.end_page or section.page
        if first is not None and last is not None and not (first - 1 <= last <= first):
            continue
        m = _INTRO.search(section.text.strip())
        if m:
            return section, m.group(1).strip()
    return None

"""Consistency questions (`表6的收入合计和支出合计是否一致`, `三公经费加起来对不对`) answered from the same
checks as `budgetqa check`, with every figure of every finding cited."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer_types import Answer, Citation
from assistant.check import answer_consistency, is_consistency_question
from assistant.check_rules import Finding
from assistant.claims import checked_claim
from assistant.cues import cue
from assistant.typed import spaced
from index.model import Document
from index.text import normalize

# A trigger word (加起来, 检查…) in a question asking for a figure (加起来一共多少) is a sum, not an audit,
# unless the question also asks whether something agrees.
_FIGURE = re.compile(r"多少|几[个辆人次台家项]|百分之几|占比|比例|比重")
_VERDICT = re.compile(r"一致|对不对|对得上|有误|错误|相符|正确|勾稽")
# 核对 / 检查 a figure (`帮我核对一下…是不是55.34万元`, `请核对…是多少万元`) asks the figure, not an audit
_STATED = re.compile(r"\d[\d,.]*\s*(亿元|万元|元|%|辆|人|个)")
_SHOWN = 5


def verdict_only(clause: str) -> bool:
    """A clause asking only whether figures agree (和款的合计对得上吗), no figure of its own."""
    return bool(_VERDICT.search(clause)) and not _FIGURE.search(clause)


def asks_consistency(question: str, clauses: Sequence[str] = ()) -> bool:
    """Is this a question about the document's own consistency rather than a figure? One asking a figure in one
    clause and whether it agrees in another (…两项相加是多少元？和款的合计对得上吗) has each clause answered; what someone
    said of a figure asked (…多少万元？老张说是七万多，对不对？) is answered by the figure."""
    question = spaced(question)  # …预算是多少 我印象是三百来万对不对: spaces for punctuation
    if checked_claim(question) != question:  # 稿子写：“…337万元。”这和文件一致吗: the document's figures asked
        return False
    question = cue("checked_claim").sub("", normalize(question))
    if not is_consistency_question(question):
        return False
    if any(verdict_only(c) for c in clauses) and any(_FIGURE.search(c) for c in clauses):
        return False
    asked = [s for s in re.split(r"[?？。]", question) if s]
    if len(asked) >= 2 and _FIGURE.search(asked[0]) and verdict_only("".join(asked[1:])):
        return False  # X是多少万元？与说明是否一致？: the figure, cited wherever it is printed
    if _STATED.search(question) and _FIGURE.search(question):
        return False  # 印象中…是1,693万元，这个数对不对？具体是多少万元: a figure said and the document's asked
    if _VERDICT.search(question):
        return True
    return not (_FIGURE.search(question) or _STATED.search(question))  # 加起来多少 is a sum, 核对…55.34万元 a figure


def consistency_answer(question: str, document: Document, title: str) -> Answer | None:
    """The findings the question asks about, each with its figures cited; None when it is no such question."""
    findings = answer_consistency(question, document)
    if findings is None:
        return None
    real = [f for f in findings if not f.rounding]
    if not real:
        note = "（只有四舍五入造成的尾差）" if findings else ""
        text = f"{title}：核对的数字相互一致{note}，未发现不一致。"
        return Answer(question=question, answer=text, intent="consistency", citations=_cites(findings, document))
    lines = [f"{title}：发现 {len(real)} 处不一致。"]
    cites: list[Citation] = []
    for i, finding in enumerate(real[:_SHOWN], 1):
        marks = "".join(f"[{len(cites) + j}]" for j in range(1, len(finding.figures) + 1))
        cites.extend(_cites([finding], document))
        lines.append(f"{i}. {finding.message}{marks}")
    if len(real) > _SHOWN:
        lines.append(f"另有 {len(real) - _SHOWN} 处，见 `budgetqa check`。")
    return Answer(
        question=question,
        answer="\n".join(lines),
        citations=cites,
        warnings=[f.description for f in real[:_SHOWN]],
        intent="consistency",
    )


def _cites(findings: list[Finding], document: Document) -> list[Citation]:
    return [
        Citation(
            doc=document.doc_id,
            title=document.title,
            locator=fig.locator,
            page=fig.page,
            quote=fig.quote,
            year=document.year,
        )
        for finding in findings
        for fig in finding.figures
    ]

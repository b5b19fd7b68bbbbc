"""How askers frame what they want around the item: requests on the answer's form (请折算为元, 请给出带符号的变化额,
保留四位小数), who they are and why (…当例子：), where they read (「其他重要事项的情况说明」里, 按合同签订口径), codes
after each level's name, lists and their comparisons (年末较年初), everyday words for classification items. Each
class on two documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import strip_filler
from assistant.assistant import Assistant
from assistant.question import frame, split_clauses


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "财政局2024年度收入支出总计是2995.39万元，跟2023年度相比减少了多少万元？请给出带符号的变化额。",
            -56.95,
        ),
        ("dapeng", "大鹏数据局2022年政府投资项目是2,008万元，跟2021年相比增加了多少万元？减少的话请用负数表示。", 583),
        (
            "finance",
            "我下周公共财政课要讲「基本支出」和「项目支出」怎么划分，想拿上海市普陀区财政局2024年度部门决算当例子：一般公共预算财政拨款"
            "支出决算表里，201 06 01「行政运行」（项）这一行的决算数中，列在项目支出栏的是多少万元？（我一直以为行政运行应该全是基本支出）",
            8.37,
        ),
        ("welfare", "我们在做养老机构的课题，想拿福利院2024年单位预算当例子：住房公积金是多少元？", 335816),
    ],
)
def test_requests_and_who_asks_name_no_item(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # the stated figure is the premise's item; how to sign the change, and who asks and why (…当例子：), are no parts
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == pytest.approx(value) and not answer.parts


@pytest.mark.parametrize(
    ("doc", "question", "value", "unit"),
    [
        (
            "finance",
            "请核实上海市普陀区财政局2024年度财政拨款“三公”经费支出决算表中，公务接待费的年初预算数是多少？请折算为元。",
            9500,
            "元",
        ),
        ("justice", "司法局2026年差旅费预算是多少？请折算为万元。", 9.5, "万元"),
    ],
)
def test_a_unit_asked_by_折算为(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, unit: str
) -> None:
    answer = qa.ask(question, doc=ids[doc])
    assert (answer.value, answer.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("doc", "question", "shown"),
    [
        (
            "justice",
            "2026年上海市普陀区司法局部门支出预算总表里，公共安全支出（204类）司法（06款）基层司法业务（04项）的项目支出是多少？"
            "请按万元保留四位小数。（我记得大概两千一百多万）",
            "2,170.3947万元",
        ),
        (
            "wanli",
            "城乡社区支出（212类）城乡社区管理事务（01款）城管执法（04项）的预算是多少？请按万元保留三位小数。",
            "604.339万元",
        ),
    ],
)
def test_codes_after_each_level_and_the_places_asked(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, shown: str
) -> None:
    # （204类）…（06款）…（04项） is the row 2040604; 请按万元保留四位小数 is a unit and a rounding, no item
    assert frame(question).text.count("万元") <= 1
    assert shown in qa.ask(question, doc=ids[doc]).answer


@pytest.mark.parametrize(
    ("question", "clauses"),
    [
        (
            "请核实万里街道办事处国有资产占有使用情况中现有车辆多少辆、本年部门预算安排购置车辆几辆，以及本年公务用车购置费预算多少万元。",
            3,
        ),
        ("司法局的车辆有几辆，以及公务用车运行费是多少万元？", 2),
    ],
)
def test_以及_joins_questions_without_a_question_of_its_own(question: str, clauses: int) -> None:
    # a lookahead's group once came back from the split as a clause `多少`
    found = split_clauses(frame(question).text)
    assert len(found) == clauses and all(len(c) > 4 for c in found)


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        (
            "finance",
            "请列示普陀区财政局2024年度收入支出决算总表中的年初结转和结余、年末结转和结余各为多少万元（全部资金口径，非财政拨款口径），"
            "并说明年末较年初增加了多少万元。",
            [49.14, 55.34, 6.2],
        ),
        ("wanli", "万里街道2024年地上建筑面积、地下建筑面积各是多少平方米？地上比地下多多少？", [8013, 5356, 2657]),
        (
            "justice",
            "二〇二六年普陀区司法局一般公共预算拨款支出预算是多少万元？较上年预算增加了多少万元？",
            [9628.22, 793.14],
        ),
        ("dapeng", "大鹏数据局2022年政府投资项目预算是多少万元？较上年增加了多少万元？", [2008, 583]),
        # …项目的年初预算数、调整预算数和支出决算数: 项目 + 支出 is no 项目支出 column
        (
            "finance",
            "请说明普陀财政局2024年行政单位医疗（210 11 01）项目的年初预算数、调整预算数和支出决算数分别是多少万元？",
            [62.29, None, 60.99],
        ),
        ("finance", "财政局2024年信息化建设项目的年初预算数和支出决算数分别是多少万元？", [135.9, 135.25]),
    ],
)
def test_a_later_clause_names_its_items_by_what_was_asked_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float | None]
) -> None:
    # a bracket's comma splits no question; 年末较年初 names the two items listed before by the words they open with;
    # 较上年 (like 比上年) names no item: the clause leans on the item before
    answer = qa.ask(question, doc=ids[doc])
    assert [p.value for p in answer.parts] == [None if v is None else pytest.approx(v) for v in values]


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("finance", "年末结转和结余比年初结转和结余增加了多少万元？", 6.2),
        ("dapeng", "信息技术服务比数据管理事务增加了多少万元？", 700),
    ],
)
def test_one_item_more_than_another_is_a_difference(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    # no year is compared against: not a change on last year
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == pytest.approx(value) and answer.formula


@pytest.mark.parametrize(
    ("doc", "question", "quote"),
    [
        (
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年「信息技术服务」的预算是「数据管理事务」的几倍？",
            "信息技术服务780万元",
        ),
        ("dapeng", "大鹏数据局2022年纳入部门预算的政府采购一共多少万元？", "政府采购项目纳入2022年部门预算共计457万元"),
    ],
)
def test_the_narrative_beside_a_table_is_cited(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, quote: str
) -> None:
    # a ratio cites every place stating its operands; a year in a table's column name (2022年政府采购项目) makes it
    # no more specific than the sentence naming the item
    answer = qa.ask(question, doc=ids[doc])
    assert any(quote in c.quote.replace(" ", "") for c in answer.citations)


@pytest.mark.parametrize(
    ("doc", "question", "wanted"),
    [
        (
            "wanli",
            "万里街道2024年城管执法（212 01 04）跟2023年当年预算执行数比，差了多少万元？减少的话请用负数",
            "比上年减少72.32万元",
        ),
        ("justice", "司法局2026年办公设备购置预算是多少？按元说就行", "36,600.00元"),
    ],
)
def test_how_the_answer_reads(qa: Assistant, ids: dict[str, str], doc: str, question: str, wanted: str) -> None:
    # a change worked out from two figures reads as a change (never 比上年减少为…); 按元说就行 asks 元
    assert wanted in qa.ask(question, doc=ids[doc]).answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        (
            "finance",
            "嗯，那个，财政局2024年的决算，就是钱已经花完了对账的那个哈，里面印材料的钱，就是印刷费，实际花了多少万元？"
            "我们楼里老张说是七万多，对不对啊？",
            7.61,
        ),
        ("wanli", "就是那个，万里街道办2024年房子租金，租房子的钱，预算多少元啊？", 581200),
        ("justice", "那个司法局2026年在职人员的基本工资，不是津贴补贴哈，就单单基本工资那一项，预算多少元？", 2892504),
        ("wanli", "万里街道2024年的津贴补贴，不是基本工资哈，预算多少元？", 16623810),
        ("welfare", "福利院2024年的三公，不对，是公务接待费，预算多少元？", 0),
    ],
)
def test_spoken_questions(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    # fillers (嗯，那个，…哈), a gloss after 就是 (the document's term), what is ruled out (不是…哈) or taken back
    # (不对，是…) and what someone said of the figure (老张说是七万多，对不对) name no item and ask no audit
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == pytest.approx(value) and answer.intent != "consistency"


@pytest.mark.parametrize(
    ("doc", "question"),
    [
        ("justice", "上海市普陀区司法局2026年部门预算中，人民调解项目计划全年调解矛盾纠纷多少件？"),
        ("wanli", "万里街道2024年信息化建设项目多少件？"),
    ],
)
def test_a_count_asked_is_never_a_sum_of_money(qa: Assistant, ids: dict[str, str], doc: str, question: str) -> None:
    answer = qa.ask(question, doc=ids[doc])
    assert answer.abstained and answer.value is None


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        ("wanli", "街道办2024年的水电，嗯，水费加电费，一共预算多少元？", [557500]),
        ("welfare", "福利院2024年水电，嗯，水费加电费，一共预算多少元？", [380000]),
        ("wanli", "万里街道2024年公益性岗位补贴预算多少元？平均每个月多少？", [4212300, None]),
        (
            "dapeng",
            "政数局数据管理事务2022年多少万元？比2021年涨了百分之几？顺便问下平均每个月花多少？",
            [80, 2.6, None],
        ),
        ("dapeng", "政数局2022年政府采购一共多少万元？其中服务采购多少？另外货物采购呢？", [457, 451, 6]),
        ("justice", "司法局2026年政府采购预算一共多少万元？其中货物多少？另外服务呢？", [1486.42, 3.66, 1446.32]),
        (
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年一般公共预算支出表（按功能分类）中，科目编码2010301、2010302、2010399的支出"
            "总计分别是多少万元？三项加总是多少万元？",
            [849, 1461, 315, 2625],
        ),
        (
            "justice",
            "司法局2026年基层司法业务、普法宣传、公共法律服务分别是多少万元？三项加总是多少万元？",
            [2170.3947, 124.2924, 686, 2980.6871],
        ),
        (
            "finance",
            "上海市普陀区财政局2024年度部门决算里，本年支出合计中基本支出和项目支出分别是多少万元？这两部分各占本年支出合计的"
            "百分之几？",
            [2336.91, 603.14, 79.49, 20.51],
        ),
        (
            "finance",
            "呃，财政局2024年决算的收入支出总表里，不光是财政拨款的那个哈，年初结转和结余是多少万元？年末结转和结余又是多少？"
            "还有年末比年初多了多少？",
            [49.14, 55.34, 6.2],
        ),
        (
            "wanli",
            "万里街道2024年地上建筑面积多少平方米？地下建筑面积又是多少？还有地上比地下多多少？",
            [8013, 5356, 2657],
        ),
        (
            "wanli",
            "那个搞卫生的钱，就是城乡社区环境卫生，街道办2024年安排了多少万元？比2023年执行数是涨了还是降了，百分之几？",
            [599.33, -27.81],
        ),
        (
            "justice",
            "司法局2026年普法宣传安排了多少万元？比2025年执行数是涨了还是降了，百分之几？",
            [124.29, 4.92],
        ),
        (
            "welfare",
            "福利院2024年的三公经费是多少万元？跟上一年比是涨了还是持平，变化了多少万元？",
            [6.4, 0],
        ),
        (  # 照这个算: how to work it out, no item
            "justice",
            "根据司法局2026年部门预算，普法宣传2026年是多少万元？比2025年执行数增加了多少万元？照这个算，2025年执行数是多少万元？",
            [124.29, 5.83, 118.46],
        ),
        (
            "welfare",
            "根据福利院2024年单位预算，三公经费是多少万元？比2023年预算增加了多少？照这个算，2023年预算是多少万元？",
            [6.4, 0, 6.4],
        ),
        (
            "wanli",
            "万里街道2024年基本支出和项目支出分别是多少万元？这两部分各占支出合计的百分之几？",
            [9970.602, 5650.5103, 63.83, 36.17],
        ),
    ],
)
def test_parts_asked_by_reference_to_the_ones_before(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float | None]
) -> None:
    # the clause listing a sum's items (not the everyday words before it); a monthly part refused alone; …呢 after
    # 其中…; 三项加总 and 这两部分各占… of the items asked before
    answer = qa.ask(question, doc=ids[doc])
    got = [p.value for p in answer.parts] if answer.parts else [answer.value]
    assert got == [None if v is None else pytest.approx(v, abs=0.01) for v in values]


@pytest.mark.parametrize(
    ("doc", "question", "value", "year"),
    [
        (
            "finance",
            "财政局那个机关运行经费，2024年决算是一百八十四万多一点，那前一年，就是2023年，是多少万元？文件里说是增加了的。",
            182.1,
            2023,
        ),
        ("justice", "司法局住房公积金2026年是两百多万，那前一年，就是2025年当年预算执行数，是多少万元？", 198.34, 2025),
    ],
)
def test_a_year_said_after_就是_is_the_year_asked(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, year: int
) -> None:
    # never a gloss to drop (the 2024 figure labelled 2024 was answered for 2023); a figure the asker read in
    # Chinese numerals (一百八十四万多一点) is a premise like one in digits
    answer = qa.ask(question, doc=ids[doc])
    assert (answer.value, answer.year) == (pytest.approx(value), year)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        pytest.param(
            "finance",
            "上海市普陀区财政局在2024年度部门决算「其他重要事项的情况说明」里披露了政府采购情况，按合同签订口径，其中“服务采购金额”是多少万元？",
            246.47,
            id="a_section_named_after_the_document_and_a_basis_are_places",
        ),
        pytest.param(
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局在2022年部门预算「政府采购情况说明」里，按合同签订口径，服务采购是多少万元？",
            451,
            id="a_section_named_after_the_document_and_a_basis_are_places",
        ),
        # 机关事业单位 before an 经济分类 item is left out when people ask; 养车 is running a car
        pytest.param(
            "welfare",
            "福利院2024年预算里退休人员活动的费用安排了多少元？",
            7020,
            id="everyday_words_for_classification_items",
        ),
        pytest.param(
            "welfare", "福利院2024年退休人员活动费是多少元？", 7020, id="everyday_words_for_classification_items"
        ),
        pytest.param(
            "justice", "司法局2026年职业年金缴费支出是多少元？", 919739, id="everyday_words_for_classification_items"
        ),
        pytest.param(
            "wanli",
            "万里街道2024年养公车（不算买车）一年预算要花多少万元？",
            21.56,
            id="everyday_words_for_classification_items",
        ),
        pytest.param(
            "justice", "司法局2026年养公车一年预算要花多少万元？", 9.98, id="everyday_words_for_classification_items"
        ),
        # 纳入2022年部门预算的 names the document, not words of the item (they once sank the match below the threshold)
        pytest.param(
            "dapeng",
            "大鹏新区政务服务数据管理局纳入2022年部门预算的政府采购项目中，服务采购是多少万元？",
            451,
            id="what_the_budget_takes_in_is_the_document",
        ),
        pytest.param(
            "wanli",
            "万里街道办事处纳入2024年部门预算的政府采购项目中，工程采购是多少万元？",
            815.87,
            id="what_the_budget_takes_in_is_the_document",
        ),
        pytest.param("wanli", "万里街道编报绩效目标的项目有几项？", 50, id="projects_counted_in_个_answer_几项"),
        pytest.param(
            "justice", "司法局2026年编报绩效目标的项目有多少项？", 20, id="projects_counted_in_个_answer_几项"
        ),
        # a 政府采购品目 code printed before its row (C99 其他服务, A02 通用设备: only Dapeng prints the catalogue)
        pytest.param(
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年政府采购项目支出表中，品目编码C99的金额是多少万元？",
            348,
            id="rows_by_their_catalogue_code_and_everyday_names",
        ),
        pytest.param(
            "dapeng", "政府采购项目支出表里A02是多少万元？", 6, id="rows_by_their_catalogue_code_and_everyday_names"
        ),
        pytest.param(
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年给职工发的买房补助安排了多少万元？",
            190,
            id="rows_by_their_catalogue_code_and_everyday_names",
        ),
        pytest.param(
            "justice",
            "司法局2026年给职工发的买房补助安排了多少万元？",
            243.36,
            id="rows_by_their_catalogue_code_and_everyday_names",
        ),
        # 项目支出中: a table's column, or the narrative section listing the projects (（四）项目支出…具体包括：)
        pytest.param(
            "dapeng",
            "深圳市大鹏新区政务服务数据管理局2022年项目支出中，信息技术服务预算是多少万元？",
            780,
            id="a_column_named_as_the_section_holding_the_item",
        ),
        pytest.param(
            "justice",
            "司法局2026年项目支出中，普法宣传预算是多少万元？",
            124.29,
            id="a_column_named_as_the_section_holding_the_item",
        ),
        # 项目 inside 项目支出 is the column's word, not the head of 政府投资项目 standing for it
        pytest.param(
            "dapeng",
            "政府投资项目2008万元，占大鹏数据局22年项目支出总额的比例是多少？（保留两位小数）",
            43.24,
            id="a_stated_item_as_a_share_of_a_column",
        ),
        pytest.param(
            "justice",
            "普法宣传124.29万元，占司法局2026年项目支出总额的比例是多少？（保留两位小数）",
            1.76,
            id="a_stated_item_as_a_share_of_a_column",
        ),
        # all its units are the kinds one sentence counts (行政单位1家，参公单位1家，事业单位4家); its 下属预算单位 are
        # those besides its own office
        pytest.param("wanli", "万里街道2024年部门预算一共包括几家单位？", 6, id="the_units_a_department_counts"),
        pytest.param(
            "justice",
            "上海市普陀区司法局2026年部门预算一共包括几家单位（含局本部）？",
            2,
            id="the_units_a_department_counts",
        ),
        pytest.param("wanli", "万里街道部门预算下属几家预算单位？", 5, id="the_units_a_department_counts"),
        # everyday words describing an item the question names (日常运转用的机关运行经费, 大厅运营事务（…日常运转那块）)
        # name no column (日常运转 reads 基本支出 alone)
        pytest.param(
            "wanli",
            "万里街道2024年机关和参公单位日常运转用的机关运行经费预算多少？",
            443.18,
            id="description_names_no_column",
        ),
        pytest.param(
            "justice",
            "司法局2026年机关日常运转用的机关运行经费预算是多少万元？",
            217.83,
            id="description_names_no_column",
        ),
        pytest.param(
            "dapeng",
            "大厅运营事务（窗口人员服务、政务大厅日常运转那块）2021年的预算是多少万元？",
            638,
            id="description_names_no_column",
        ),
        pytest.param(
            "justice",
            "普法宣传（宣传活动、日常运转那块）2026年的预算是多少万元？",
            124.29,
            id="description_names_no_column",
        ),
        # examples in brackets after the part of a share are no part of it
        pytest.param(
            "dapeng",
            "项目支出里，政府投资项目（数据共享2.0、政务光纤二期那些）占项目支出总额的比例是多少？按百分比保留两位小数。",
            43.24,
            id="examples_in_a_share",
        ),
        pytest.param(
            "wanli",
            "城乡社区支出（212类，含城管执法、环境卫生等）占万里街道支出总计的比例是多少？按百分比保留两位小数。",
            76.43,
            id="examples_in_a_share",
        ),
        # a gloss after 就是 naming the items (基本工资加上津贴补贴) is what is added; one in everyday words (养车跑车那个钱)
        # glosses the words before it
        pytest.param(
            "finance",
            "财政局2024年决算里头发工资这块，嗯，就是基本工资加上津贴补贴，这两样加起来一共多少万元？奖金不算哈，奖金那栏好像是空的。",
            1500.91,
            id="spoken_gloss",
        ),
        pytest.param(
            "wanli",
            "万里街道2024年发工资这块，就是基本工资加上津贴补贴，这两样加起来一共多少元？",
            22497361,
            id="spoken_gloss",
        ),
        pytest.param("welfare", "福利院公家的车，就是养车跑车那个钱，2024年预算多少块钱？", 64000, id="spoken_gloss"),
        pytest.param("justice", "司法局公家的车，就是养车跑车那个钱，2026年预算多少元？", 99750, id="spoken_gloss"),
        # 是多了还是少了，差多少: the signed difference answers both; a gloss after a term the documents know goes
        pytest.param(
            "finance",
            "财政局2024年决算里那个行政单位医疗，就是给在职人员交医保那块，嗯，实际决算数比年初预算是多了还是少了，差多少万元？",
            -1.3,
            id="more_or_less_and_by_how_much",
        ),
        pytest.param(
            "wanli",
            "万里街道2024年城管执法预算比2023年执行数是多了还是少了，差多少万元？",
            -72.32,
            id="more_or_less_and_by_how_much",
        ),
        # what the asker read (看到…说…一共251.25万元，分…三块，) is a premise: the part asked is of its item
        pytest.param(
            "finance",
            "看到上海市普陀区财政局说2024年度政府采购合同金额一共251.25万元，分货物、工程、服务三块，其中服务采购那块是多少万元？",
            246.47,
            id="what_the_asker_read",
        ),
        pytest.param(
            "justice",
            "看到司法局说2026年政府采购预算一共1486.42万元，分货物、工程、服务三块，其中工程那块是多少万元？",
            36.44,
            id="what_the_asker_read",
        ),
        # a basis said after a colon (…的政府采购：按预算口径，) is no item; 那几个项目 asks no count
        pytest.param(
            "justice",
            "想了解下司法局2026年的政府采购：按预算口径，当年的服务采购金额是多少万元？",
            1446.32,
            id="basis_after_a_colon",
        ),
        pytest.param(
            "finance",
            "想了解下财政局2024年的政府采购：按合同签订口径，当年的货物采购金额是多少万元？",
            4.79,
            id="basis_after_a_colon",
        ),
        # 收支 says 收入支出 short
        pytest.param("finance", "财政局收支总计降了几个点", -1.87, id="收支_short_for_收入支出"),
        pytest.param("wanli", "万里街道收支总计是多少万元", 15621.11, id="收支_short_for_收入支出"),
    ],
)
def test_the_figure_asked(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("said", "content"),
    [
        ("财政拨款支出比2023年少了多少", "财政拨款支出"),  # 比 before a direction, 少了: no item words
        ("收入比上年减少了多少", "收入"),
        ("人员经费的比例", "人员经费"),  # 比例 is a share's word, not 比
        ("实有在编人数有多少", "实有在编人数"),  # 有 asks, but not inside 实有
    ],
)
def test_the_words_of_asking_are_no_item(said: str, content: str) -> None:
    assert strip_filler(said) == content


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("dapeng", "12345政务服务便民热线这块，大鹏数据局2022年单独安排了多少钱？", None),
        ("wanli", "一般行政管理系统升级这块，万里街道2024年单独安排了多少钱？", None),
        ("dapeng", "政务服务这块2022年单独安排了多少万元？", 624),
    ],
)
def test_an_item_asked_on_its_own_is_no_row_its_name_qualifies(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float | None
) -> None:
    # 单独安排了多少: 政务服务 (of 政务服务事务) before 便民热线 says what the hotline is for, and the hotline is printed
    # nowhere; said alone it is the row
    answer = qa.ask(question, doc=ids[doc])
    assert answer.value == (None if value is None else pytest.approx(value))

"""Words that describe an item the question then names (…的那个“行政运行”项目, 给干部发工资的人员支出), requests
before the question (想核一下…：), how to add a figure up said after it (（行政单位和参公单位加起来）), what is left
once a part is taken out (扣掉…还剩), a short item inside the container of the clause before (…里工程多少、服务多少),
the classification a figure is asked by (按经济分类) and a printed name's qualifier (以合同签订为准). Each class on two
documents, through the real Assistant."""

from __future__ import annotations

import pytest

from assistant.analyze import analyze
from assistant.assistant import Assistant


@pytest.mark.parametrize(
    ("doc", "question", "value", "row"),
    [
        (
            "finance",
            "局本部给干部发工资、维持日常运转的那个“行政运行”项目，实际决算数比年初预算少了多少万元？",
            -48.16,
            "行政运行",
        ),
        ("wanli", "万里街道维持机关日常运转的那个“行政运行”项目2024年预算多少元？", 16353248, "2120101"),
        ("justice", "司法局负责机关日常运转的那个“行政运行”2026年预算多少元？", 16726725.44, "2040601"),
    ],
)
def test_words_before_的那个_describe_the_item_named_after_it(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and row in ans.citations[0].locator + ans.citations[0].quote


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # 通过…开展的 says by what means the item named after it is carried out
        (
            "justice",
            "请核实普陀区司法局通过向区人民调解协会购买服务开展的人民调解项目，其年度预算安排数为多少万元。",
            795,
        ),
        ("wanli", "万里街道通过政府购买服务等方式保障机关日常运转开展的行政运行2024年预算多少元？", 16603248),
        # 那块 points at the item as 那个 does
        ("dapeng", "大鹏数据局那块管政策解读、在线访谈、给新开办企业做大礼包的政务服务事务，2022年预算多少万元？", 624),
        ("justice", "司法局那块负责机关日常运转的行政运行2026年预算多少元？", 16726725.44),
    ],
)
def test_by_what_means_and_那块_describe_the_item_named_after_them(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


def test_a_bare_head_after_的那个_keeps_the_words_as_the_item() -> None:
    assert analyze("街道管环境卫生的那个项目花了多少").norm.startswith("街道管环境卫生的那个项目")
    assert analyze("财政事务里的那个行政运行决算多少").norm.startswith("财政事务里的那个行政运行")  # its 款 stays
    assert analyze("给老人看病的那个钱有多少").norm.startswith("给老人看病")


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # 发工资 reads 工资福利支出, a row; said in everyday words it does not narrow the column named after it
        ("dapeng", "大鹏新区政务服务数据管理局2022年给干部发工资的人员支出大概是多少万元？", 895),
        ("finance", "财政局2024年给干部发工资的人员经费决算是多少万元？", 2152.26),
        # a request before the question (想核一下…：, 我是做采购的，) names no item
        (
            "finance",
            "我是做采购的，想核一下普陀区财政局2024年度的政府采购：以合同签订为准的政府采购金额一共多少万元？",
            251.25,
        ),
        ("wanli", "想核一下万里街道2024年的政府采购：面向中小企业预留的政府采购项目预算多少万元？", 664.98),
        ("justice", "我想查一下司法局2026年的政府采购：面向中小企业预留的政府采购项目预算多少万元？", 1486.42),
        # 一年下来 is a filler; 按合同签订算 says the printed name's qualifier (政府采购金额（以合同签订为准）)
        (
            "finance",
            "帮我查一下普陀区财政局2024年一年下来签的政府采购合同一共是多少钱？按合同签订算，单位万元。",
            251.25,
        ),
        ("dapeng", "大鹏数据局2022年窗口办理咨询导办的业务数量是多少万单？", 5),  # 窗口业务数量（含办理、咨询、导办）
        # after 那个, words saying how or what for, then the item: the item is asked
        (
            "justice",
            "普陀区司法局2026年部门预算里，那个通过政府购买区人民调解协会服务来做的人民调解项目，年度预算安排是多少万元？",
            795,
        ),
        ("dapeng", "大鹏数据局2022年那个用于智慧城市领域研究课题的数据管理事务预算多少万元？", 80),
        # the scope the 功能分类 puts before its items is left out: 城乡社区环境卫生, 行政事业单位养老支出
        ("wanli", "万里街道2024年社区环境卫生这块的钱比2023年执行数减少了百分之几？", -27.81),
        ("justice", "司法局2026年养老支出预算多少元？", 3343704),
        # a breakdown by kinds (按货物、工程、服务分的话) asks one part of the item before
        (
            "finance",
            "上海市普陀区财政局2024年度政府采购金额（以合同签订为准）一共251.25万元，按货物、工程、服务分的话，服务采购金额是多少万元？",
            246.47,
        ),
        ("wanli", "万里街道2024年政府采购预算一共846.57万元，按货物、工程、服务分开看，服务类是多少万元？", 752.59),
        ("justice", "司法局2026年政府采购预算，按货物、工程、服务来分，工程是多少万元？", 36.44),
    ],
)
def test_the_item_named_is_answered(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    assert qa.ask(question, doc=ids[doc]).value == pytest.approx(value)


def test_a_row_said_before_a_column_still_narrows_it(qa: Assistant, ids: dict[str, str]) -> None:
    # 司法的人员经费: the 司法 row's 人员经费 is no column total the document prints
    assert qa.ask("司法局2026年司法的人员经费是多少元？", doc=ids["justice"]).value is None


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("justice", "普陀区司法局2026年部门预算一共涵盖了几家单位？（行政单位和参公单位加起来）", 2),
        ("wanli", "万里街道2024年部门预算一共包括几家单位？（行政单位、参公单位和事业单位加起来）", 6),
    ],
)
def test_how_to_add_up_said_in_brackets_after_the_question(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.unit) == (value, "家") and len(ans.citations) >= 2


@pytest.mark.parametrize(
    ("doc", "value"),
    [("wanli", 199.49), ("justice", 0)],
)
def test_what_is_left_once_a_part_is_taken_out(qa: Assistant, ids: dict[str, str], doc: str, value: float) -> None:
    question = "2024年面向中小企业预留的政府采购项目预算里，扣掉预留给小型和微型企业的部分，还剩多少万元？"
    ans = qa.ask(question.replace("2024年", "") if doc == "justice" else question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and "−" in ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "values"),
    [
        ("justice", "司法局2026年政府采购预算里工程类多少万元、服务类多少万元？", [36.44, 1446.32]),
        ("wanli", "万里街道2024年政府采购预算里货物类多少万元、服务类多少万元？", [93.98, 752.59]),
        # the container closed by a comma, the items asked with what of them (预算) after them
        (
            "justice",
            "上海市普陀区司法局2026年部门政府采购预算中，工程类预算多少万元？服务类预算多少万元？",
            [36.44, 1446.32],
        ),
        ("wanli", "万里街道2024年政府采购预算中，货物类预算多少元？服务类预算多少元？", [939800, 7525900]),
    ],
)
def test_a_short_item_after_one_inside_a_container_is_inside_it_too(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, values: list[float]
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert [p.value for p in ans.parts] == pytest.approx(values)


@pytest.mark.parametrize(
    ("doc", "question", "value", "row"),
    [
        (
            "justice",
            "上海市普陀区司法局2026年给干部交养老保险（机关事业单位基本养老保险缴费，按经济分类）预算多少元？",
            1839485,
            "30108",
        ),
        ("wanli", "万里街道2024年机关事业单位基本养老保险缴费按经济分类是多少元？", 4608515, "30108"),
        ("wanli", "万里街道2024年机关事业单位基本养老保险缴费按功能分类是多少元？", 4608515, "2080505"),
    ],
)
def test_the_classification_asked_by_is_where_to_look(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float, row: str
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert ans.value == pytest.approx(value) and row in ans.citations[0].locator


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (
            "情况说明第五部分（三）里，一般公共服务支出（类）财政事务（款）行政运行（项）的支出决算数和年初预算数差了多少万元？"
            "请按“决算数减年初预算数”给出，保留两位小数。",
            -48.16,
        ),
        ("财政局2024年信息化建设的决算数和年初预算数差了多少万元？", -0.65),
    ],
)
def test_two_columns_joined_by_和_then_差_are_a_difference(
    qa: Assistant, ids: dict[str, str], question: str, value: float
) -> None:
    # only the 决算 of the corpus prints 年初预算 beside 决算数: two of its items
    assert qa.ask(question, doc=ids["finance"]).value == pytest.approx(value)


def test_a_refusal_names_the_words_as_asked(qa: Assistant, ids: dict[str, str]) -> None:
    ans = qa.ask("万里街道2024年买无人机花了多少钱？", doc=ids["wanli"])
    assert ans.value is None and "“买无人机”" in ans.answer
    ans = qa.ask("司法局2026年政府购买无人机服务花了多少钱？", doc=ids["justice"])
    assert ans.value is None and "购购置" not in ans.answer


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # the 编制说明 prints 738.66 万元 where the tables print 958.48 万元 (the document disagrees with itself)
        ("welfare", "编制说明第4项社会福利事业单位（2081005）2024年预算安排多少万元？", 738.66),
        (
            "welfare",
            "上海市普陀区社会福利院2024年单位预算编制说明中，社会福利事业单位（项）2024年预算安排多少万元？2023年当年预算执行数是多少万元？",
            738.66,
        ),
        ("justice", "编制说明中，住房公积金（2210201）2026年预算安排多少万元？", 208.8),
    ],
)
def test_the_narrative_named_is_where_the_figure_is_read(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    first = ans.parts[0] if ans.parts else ans
    assert first.value == pytest.approx(value) and "编制说明" in first.citations[0].locator


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        # the why asked first is answered, but the figure asked after it is the answer's figure
        (
            "welfare",
            "为啥福利院“事业单位离退休”这一项24年比23年执行数少了？说是有退休人员去世，那这一项今年安排了多少万元？",
            53.84,
        ),
        (
            "justice",
            "为什么司法局的信息化建设今年一下子涨了277%？文件说是业务量增加，那它去年（2025年）当年预算执行数只有多少万元？",
            60.41,
        ),
    ],
)
def test_a_why_asked_before_a_figure(qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert len(ans.parts) == 2 and ans.value == pytest.approx(value, abs=0.005)


def test_the_same_paragraph_is_the_item_of_the_part_before(qa: Assistant, ids: dict[str, str]) -> None:
    question = "万里街道2024年部门预算编制说明第31项住房公积金（项）开头写的金额是多少万元？同一段中2023年当年预算执行数是多少万元？"
    assert [p.value for p in qa.ask(question, doc=ids["wanli"]).parts] == pytest.approx([350.35, 348.52])
    question = (
        "福利院编制说明里，事业单位离退休（项）2024年预算安排是多少万元？这一段里2023年当年预算执行数是多少万元？"
    )
    assert [p.value for p in qa.ask(question, doc=ids["welfare"]).parts] == pytest.approx([53.84, 54.60])


@pytest.mark.parametrize(
    ("question", "values"),
    [
        # 部门预算收入…比2021年增加601万元: the department's income total, said as 收入 (and 支出 the same way)
        ("大鹏数据局2022年收入预算是多少万元，比上年增长多少？", [5883, 601]),
        ("大鹏数据局2022年支出是多少万元，比上年增长百分之几？", [5883, 11]),
    ],
)
def test_the_change_of_a_side_total_said_by_its_side(
    qa: Assistant, ids: dict[str, str], question: str, values: list[float]
) -> None:
    assert [p.value for p in qa.ask(question, doc=ids["dapeng"]).parts] == pytest.approx(values)


@pytest.mark.parametrize(
    ("doc", "question", "second"),
    [
        # （收入预算，万元）: the term the words before mean, then the unit; 其中… is of that term
        ("welfare", "普陀区社会福利院今年一共预算了多少钱（收入预算，万元）？其中财政拨款是多少万元？", "财政拨款收入"),
        ("wanli", "万里街道今年一共预算了多少钱（收入预算，万元）？其中财政拨款是多少万元？", "财政拨款收入"),
    ],
)
def test_a_gloss_with_its_unit_is_what_其中_is_of(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, second: str
) -> None:
    assert qa.ask(question, doc=ids[doc]).parts[1].answer.startswith(second)


@pytest.mark.parametrize(
    ("doc", "question", "value"),
    [
        ("welfare", "福利院一共有几辆车（不论什么用途都算上）？", 2),
        ("justice", "司法局一共有几辆车（不管什么用途）？", 3),
    ],
)
def test_asking_words_in_an_aside_ask_nothing(
    qa: Assistant, ids: dict[str, str], doc: str, question: str, value: float
) -> None:
    ans = qa.ask(question, doc=ids[doc])
    assert (ans.value, ans.unit) == (value, "辆")

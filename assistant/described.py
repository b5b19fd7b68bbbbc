"""Words that only describe the item a question then names: `局本部给干部发工资、维持日常运转的那个行政运行项目`
asks 行政运行, `那个通过政府购买…服务来做的人民调解项目` and `通过向…协会购买服务开展的人民调解项目` ask
人民调解项目, `那块管政策解读…的政务服务事务` asks 政务服务事务. Not words that are the item themselves
(`管环境卫生的那个项目`: a bare 项目 names nothing) nor a container (`财政事务里的那个行政运行` keeps its 款)."""

from __future__ import annotations

import re

from assistant.lexicon import says_known_term

# words, then 的那个, then the item
_DESCRIPTION = re.compile(
    r"(?:^|(?<=[,:;]))(?P<words>[^,:;?()\d]{2,40}?)的(?:那个|这个|那项|这项|那笔|这笔)(?=(?P<named>[^,:;?]*))"
)
# what points at the item described (那个, 那笔, 那块…)
_POINTER = "那个|这个|那项|这项|那笔|这笔|那一?块|这一?块"
# 那个 (or 主要, as documents describe an item: 主要用于…的), then words saying how or what for, then 的 and the item
_DESCRIBED_AFTER = re.compile(
    rf"(?:{_POINTER}|(?:^|(?<=[,:;年]))主要)(?P<words>(?:通过|用来|用于|专门|负责|给|为|帮|搞|管|花在|用在|靠|发)"
    r"[^,:;?()\d]{2,40})的"
    r"(?=(?P<named>[^,:;?]*))"
)
# 通过…开展的 (by what means an item is carried out), 靠…得来的 (how an income is got), then the item: a description
# wherever it stands
_BY_MEANS = re.compile(
    r"(?P<words>(?:通过|靠|依靠)[^,:;?()\d]{2,40}?"
    r"(?:开展|实施|推进|进行|提供|组织|落实|运营|建设|得来|取得|获得|挣来|赚来|收来))的(?=(?P<named>[^,:;?]*))"
)
# 用于…、…这些的 (its examples, figures in their names too: 数据共享2.0), then the item
_USES_LISTED = re.compile(
    r"(?:^|(?<=[,:;年]))(?P<words>(?:专门|主要)?(?:用于|用来|用在)[^,:;?()]{2,40}?)(?:这些|那些|等|之类)的(?=(?P<named>[^,:;?]*))"
)
_CONTAINED = re.compile("里|中|下面|下的|之下|其中|当中")
# what names no item after the words: a generic head, or the asking words straight away (…的那个钱有多少)
_NAMES_NONE = re.compile(
    f"^(?:的)?(?:{_POINTER})?(?:项目|工作|事情|事儿|事(?![业务项])|钱|经费|费用|开支|支出|部分|块|款|笔|东西|是|有|为|花|用|一共|总共|大概|多少|几)"
)


def without_description(norm: str) -> str:
    """The question without words that only describe the item it then names (…的那个X asks X)."""

    def drop(m: re.Match[str]) -> str:
        named = m.group("named")
        kept = _CONTAINED.search(m.group("words")) or not named or _NAMES_NONE.match(named)
        return m.group(0) if kept else ""

    def means(m: re.Match[str]) -> str:  # 靠财政拨款得来的收入: a term among the means names the item (财政拨款收入)
        return m.group(0) if says_known_term(m.group("words")) else drop(m)

    described = _DESCRIBED_AFTER.sub(drop, _DESCRIPTION.sub(drop, norm))
    return _USES_LISTED.sub(drop, _BY_MEANS.sub(means, described))

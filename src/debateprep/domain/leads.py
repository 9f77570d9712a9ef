"""Lead verbs and phrases that open Security Council paragraphs, in English and Chinese.

A preambular paragraph (PP) opens with a participle or adjective ("Recalling", "Deeply concerned";
回顾, 表示严重关切); an operative paragraph (OP) with a verb in the third person ("Decides",
"Calls upon"; 决定, 促请). `LEADS` is the whole table: the PRST drafting code converts every entry
to its presidential-statement form, so each entry says its language and paragraph kind.
`match_lead` finds the longest entry a paragraph starts with.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Lead:
    text: str  # exactly as it opens a paragraph: "Expressing grave concern", "表示严重关切"
    lang: str  # "en" | "zh"
    kind: str  # "PP" | "OP"


_EN_PP = """
Recalling|Recalling also|Recalling further|Further recalling|Also recalling|Recalling in particular
Reaffirming|Reaffirming also|Reaffirming further|Further reaffirming|Also reaffirming
Reiterating|Reiterating also|Stressing|Stressing also|Further stressing|Also stressing
Underlining|Underlining also|Underscoring|Emphasizing|Emphasizing also|Emphasising|Highlighting
Noting|Noting also|Noting further|Further noting|Noting with concern|Noting with grave concern
Noting with appreciation|Noting with satisfaction|Noting with regret|Taking note|Taking note also
Taking into account|Taking into consideration|Recognizing|Recognizing also|Recognising
Acknowledging|Welcoming|Welcoming also|Further welcoming|Commending|Appreciating
Expressing concern|Expressing grave concern|Expressing deep concern|Expressing serious concern
Expressing its concern|Expressing its grave concern|Expressing its deep concern
Expressing appreciation|Expressing its appreciation|Expressing its gratitude|Expressing support
Expressing its support|Expressing its determination|Expressing|Gravely concerned|Deeply concerned
Seriously concerned|Concerned|Alarmed|Gravely alarmed|Deeply alarmed|Deploring|Strongly deploring
Condemning|Strongly condemning|Condemning in the strongest terms|Bearing in mind|Mindful
Convinced|Determined|Determining|Affirming|Considering|Having considered|Having examined
Having heard|Having received|Having regard to|Desiring|Guided by|Aware|Conscious|Cognizant
Believing|Encouraging|Urging|Acting under Chapter VII of the Charter of the United Nations
Acting|Looking forward|Paying tribute|Regretting|Deeply regretting|Observing|Viewing with concern
Whereas|Reaffirming its commitment|Reaffirming its strong commitment|Underlining the importance
Stressing the importance|Emphasizing the importance|Recognizing the importance
"""

_EN_OP = """
Decides|Also decides|Further decides|Decides also|Decides further|Requests|Also requests
Further requests|Requests also|Requests further|Encourages|Strongly encourages|Also encourages
Further encourages|Calls upon|Calls on|Also calls upon|Further calls upon|Urges|Strongly urges
Also urges|Demands|Also demands|Condemns|Strongly condemns|Condemns in the strongest terms
Welcomes|Also welcomes|Further welcomes|Expresses|Expresses grave concern|Expresses deep concern
Expresses serious concern|Expresses its concern|Expresses its grave concern
Expresses its deep concern|Expresses its appreciation|Expresses its intention
Expresses its full support|Expresses its readiness|Expresses its determination|Reaffirms
Also reaffirms|Further reaffirms|Reiterates|Recalls|Also recalls|Stresses|Also stresses
Further stresses|Emphasizes|Underlines|Underscores|Highlights|Notes|Also notes|Takes note
Notes with concern|Notes with appreciation|Recognizes|Acknowledges|Affirms|Declares|Endorses
Approves|Authorizes|Invites|Commends|Deplores|Regrets|Appeals|Directs|Instructs|Recommends
Determines|Supports|Reminds|Insists|Looks forward|Pays tribute|Salutes|Resolves|Agrees
Confirms|Adopts|Requires|Considers|Deems|Believes|Remains seized|Emphasises|Recognises
Authorises|Intends|Records|Calls for|Establishes|Elects|Extends|Appoints|Nominates
Transmits|Renews|Lifts|Terminates|Proclaims|Accepts|Rejects|Censures|Warns|Notes with satisfaction
"""

_ZH_PP = """
回顾|又回顾|还回顾|进一步回顾|回顾指出|重申|又重申|还重申|再次重申|进一步重申|重申支持|强调|又强调
还强调|强调指出|着重指出|特别指出|指出|注意到|又注意到|还注意到|表示注意到|赞赏地注意到|满意地注意到
关切地注意到|严重关切地注意到|认识到|又认识到|还认识到|确认|又确认|承认|欢迎|又欢迎|还欢迎|欣见
赞扬|称赞|表示关切|表示严重关切|表示深切关切|深表关切|严重关切|深为关切|表示震惊|震惊|深感震惊
痛惜|深感遗憾|谴责|强烈谴责|最强烈地谴责|申明|又申明|铭记|考虑到|深信|相信|坚信|决心|决意|意识到
断定|认定|根据《联合国宪章》第七章采取行动|根据《宪章》第七章采取行动|鼓励|促请|敦促|表示支持
表示赞赏|致敬|重视|肯定|期待|期望|希望|深知|认为|鉴于|审议了|审查了|听取了|收到|赞赏|感谢
"""

_ZH_OP = """
决定|又决定|还决定|进一步决定|请|又请|还请|进一步请|鼓励|大力鼓励|又鼓励|还鼓励|进一步鼓励|促请
又促请|还促请|吁请|又吁请|呼吁|敦促|强烈敦促|又敦促|要求|又要求|还要求|谴责|强烈谴责|最强烈地谴责
欢迎|又欢迎|还欢迎|表示|表示严重关切|表示关切|表示深切关切|表示赞赏|表示支持|表示打算|表示决心
重申|又重申|回顾|强调|又强调|强调指出|着重指出|特别指出|确认|认识到|注意到|表示注意到|赞扬|授权
核可|赞同|支持|邀请|建议|指示|申明|宣布|致敬|感谢|遗憾|痛惜|认可|断定|重视|提醒|坚持|期待|同意
通过|设立|大力支持|严重关切|深表关切|称赞
"""


def _entries(block: str, lang: str, kind: str) -> list[Lead]:
    out: list[Lead] = []
    for line in block.strip().splitlines():
        out.extend(Lead(t.strip(), lang, kind) for t in line.split("|") if t.strip())
    return out


LEADS: tuple[Lead, ...] = tuple(
    dict.fromkeys(
        _entries(_EN_PP, "en", "PP")
        + _entries(_EN_OP, "en", "OP")
        + _entries(_ZH_PP, "zh", "PP")
        + _entries(_ZH_OP, "zh", "OP")
    )
)


def leads(lang: str | None = None, kind: str | None = None) -> tuple[Lead, ...]:
    """The table filtered by language and/or kind."""
    return tuple(
        le for le in LEADS if (lang is None or le.lang == lang) and (kind is None or le.kind == kind)
    )


@lru_cache(maxsize=None)
def _by_first_char(lang: str, kind: str | None) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for text in {le.text for le in leads(lang, kind)}:
        index.setdefault(text[0], []).append(text)
    return {ch: tuple(sorted(group, key=len, reverse=True)) for ch, group in index.items()}


def match_lead(text: str, lang: str, kind: str | None = None) -> str | None:
    """The longest table entry `text` starts with (English: a whole-word match), or None."""
    head = text.lstrip()
    if not head:
        return None
    for cand in _by_first_char(lang, kind).get(head[0], ()):
        if head.startswith(cand):
            if lang == "en" and len(head) > len(cand) and head[len(cand)].isalnum():
                continue
            return cand
    return None

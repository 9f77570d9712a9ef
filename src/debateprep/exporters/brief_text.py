"""The brief's fixed text in English and Chinese: headings, sentences, terms, dates, ordinals, and
the names of delegations and groups in the export's language (the roster's UN names)."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Delegation brief: {title}",
        "meeting": "Meeting", "symbol": "Meeting", "date": "Date", "presidency": "Presidency",
        "agenda": "Agenda item", "note_symbol": "Concept note", "outcome": "Expected outcome",
        "delegation": "Our delegation", "no_meeting": "No meeting details yet (`debateprep debate set`).",
        "note": "Concept note", "no_note": "No concept note imported yet.",
        "note_title": "Title", "letter_date": "Letter dated", "themes": "Themes to explore:",
        "cited": "Documents cited:",
        "questions": "Guiding questions", "no_questions": "No guiding questions yet.",
        "question": "Question {n}", "topic": "Question {n} (a topic, not phrased as a question)",
        "as_question": "As a question:", "original": "Original wording:", "addressed": "Addressed by {n}:", "addressed_none": "Addressed by no delegation so far.",
        "talking": "Our talking points (from our statement #{id}, {version}):",
        "talking_none": "No statement of ours yet, so no talking points: draft it with `debateprep ours new` "
                        "(TUI: F7); its section on each question becomes the talking points here.",
        "talking_other_lang": "Our statement #{id} is in {language}: draft one in English (`debateprep ours new "
                              "--lang en`, TUI: F7) for talking points in this brief's language.",
        "talking_no_section": "Our statement #{id} ({version}) has no section on this question "
                              "(`debateprep ours show`, TUI: F7).",
        "talking_unwritten": "Our statement #{id} ({version}) has only placeholders on this question so far "
                             "(`debateprep ours edit`, TUI: F7).",
        "version_rev": "{rev}", "version_after": "working text after {rev}",
        "version_none": "working text, no revision yet", "lang_en": "English", "lang_zh": "Chinese",
        "briefers": "Briefers", "no_briefers": "No briefers known yet.",
        "speakers": "Speakers list and schedule",
        "no_speakers": "No speakers inscribed yet. Inscribe them on the Speakers tab (F2), or with "
                       "`debateprep speakers add` / `debateprep speakers import DEBATE --council`.",
        "count": "{n} speakers inscribed.",
        "we_speak": "We ({who}) speak {pos} of {n}, expected at {start}{session}.",
        "we_after": "Just before us: {before}. Just after us: {after}.",
        "not_listed": "{who} is not on the speakers list yet.",
        "set_us": "Set our delegation (export option `--delegation`, or the debate setting) to see when we speak.",
        "cols": "#|Delegation|Representative|Level|Basis|Expected start|Session",
        "coverage": "Coverage of the guiding questions",
        "no_statements": "No statements imported yet.",
        # {strong} {some} {none}: the glyphs of the view showing it (see coverage_legend)
        "coverage_note": "{strong} addressed strongly, {some} addressed; {none}: not addressed; ✓ ✗ marked by a user "
                         "(addressed / not an answer).",
        "blank": "blank",
        "evidence": "Why each cell reads addressed",
        "matched": "(matched: {words})",
        "marked_addressed": "(marked addressed by a user)",
        "marked_wrong": "(marked not an answer by a user)",
        "no_questions_to_cover": "Statements are imported, but the debate has no guiding questions to cover: "
                                 "import its concept note or add questions (Concept note tab, F1).",
        "delegation_col": "Delegation",
        "convergence": "Where delegations converge",
        "no_convergence": "No shared proposals found yet.",
        "supporters": "{n} delegations",
        "library": "Relevant agreed language", "no_library": "No agreed language in the library yet.",
        "no_matches": "No close agreed language found: nothing in the library adopted before the debate, on "
                      "its subject, passes the relevance floor for its questions.",
        "for_question": "closest to question {n}", "for_prst": "used in PRST draft paragraph {n}",
        "relevance": "relevance {score}: {why}", "words_sep": ", ", "why_sep": "; ",
        "agreed_words": "matched {words}",
        "agreed_cited": "cited by the concept note", "agreed_on_subject": "on the debate's subject",
        "prst": "Draft presidential statement", "no_prst": "No PRST draft yet.",
        "ours": "Our statement", "no_ours": "No statement of ours drafted yet (`debateprep ours new`, TUI: F7).",
        "ours_who": "Statement by {who}", "ours_rev": "current revision {rev}", "ours_no_rev": "no revision yet",
        "ours_length": "{units} {unit}, about {time} of the {limit} limit",
        "ours_over": "{units} {unit}, about {time}: over the {limit} limit by {over}",
        "ours_unit_en": "words", "ours_unit_zh": "characters",
        "ours_sections": "{n} sections; {placeholders} placeholders left",
        "agreed": "agreed", "new": "new", "unchecked": "not checked",
        "agreed_note": "Agreed language: {citation}{sim}.", "new_note": "New language{near}.",
        "near": "; closest: {citation}{sim}", "unchecked_note": "Not checked against the library yet.",
        "from_library": "Taken from {citation}.", "from_group": "From a proposal shared by {n} delegations: {who}.",
        "from_typed": "Typed by the drafter.",
        "revision": "Draft {rev}.", "counts": "{agreed} agreed, {new} new, {unchecked} not checked.",
        "which_draft": "PRST draft #{n}.", "other_drafts": "The debate's other drafts: {others} (not shown).",
        "prepared": "Prepared with debateprep on {date}.",
        "none": "—",
    },
    "zh": {
        "title": "代表团简报：{title}",
        "meeting": "会议", "symbol": "会议记录", "date": "日期", "presidency": "主席国",
        "agenda": "议程项目", "note_symbol": "概念说明", "outcome": "预期成果",
        "delegation": "我代表团", "no_meeting": "尚无会议信息（`debateprep debate set`）。",
        "note": "概念说明", "no_note": "尚未导入概念说明。",
        "note_title": "标题", "letter_date": "信函日期", "themes": "有待探讨的问题：",
        "cited": "引用文件：",
        "questions": "审议的问题", "no_questions": "尚无审议的问题。",
        "question": "问题{n}", "topic": "问题{n}（议题，未以问句表述）",
        "as_question": "问句形式：", "original": "原文：", "addressed": "述及的代表团（{n}个）：", "addressed_none": "目前尚无代表团述及。",
        "talking": "我方要点（取自我方发言#{id}，{version}）：",
        "talking_none": "尚未起草我方发言，因此没有要点：请用 `debateprep ours new`（界面：F7）起草；"
                        "发言中针对各问题的部分将作为此处的要点。",
        "talking_other_lang": "我方发言#{id}为{language}：请起草中文发言（`debateprep ours new --lang zh`，"
                              "界面：F7），以便本简报列出中文要点。",
        "talking_no_section": "我方发言#{id}（{version}）中没有针对此问题的部分（`debateprep ours show`，界面：F7）。",
        "talking_unwritten": "我方发言#{id}（{version}）中此问题目前只有占位文字（`debateprep ours edit`，界面：F7）。",
        "version_rev": "修订版{rev}", "version_after": "{rev}之后的工作文本",
        "version_none": "工作文本（尚无修订版）", "lang_en": "英文", "lang_zh": "中文",
        "briefers": "通报人", "no_briefers": "尚无通报人信息。",
        "speakers": "发言名单和时间安排",
        "no_speakers": "尚无代表团登记发言。可在发言名单页（F2）登记，或使用 "
                       "`debateprep speakers add` / `debateprep speakers import DEBATE --council`。",
        "count": "共{n}位发言者登记发言。",
        "we_speak": "我方（{who}）在{n}位发言者中排第{pos}位，预计{start}发言{session}。",
        "we_after": "我方之前：{before}。我方之后：{after}。",
        "not_listed": "{who}尚未列入发言名单。",
        "set_us": "设置我代表团（导出选项 `--delegation` 或辩论设置）即可查看我方发言时间。",
        "cols": "序号|代表团|代表|级别|依据|预计开始|场次",
        "coverage": "审议问题的述及情况",
        "no_statements": "尚未导入发言。",
        "coverage_note": "{strong}：重点述及；{some}：述及；{none}：未述及；✓ ✗：用户标注（已述及／并非回答）。",
        "blank": "空白",
        "evidence": "各单元格的依据",
        "matched": "（匹配：{words}）",
        "marked_addressed": "（用户标注为已述及）",
        "marked_wrong": "（用户标注为并非回答）",
        "no_questions_to_cover": "已导入发言，但本次辩论没有审议的问题可供对照：请导入概念说明或添加问题（概念说明页，F1）。",
        "delegation_col": "代表团",
        "convergence": "各代表团的共同主张",
        "no_convergence": "尚未发现共同主张。",
        "supporters": "{n}个代表团",
        "library": "相关商定措辞", "no_library": "商定措辞库中尚无文件。",
        "no_matches": "未找到相近的商定措辞：库中在本次辩论之前通过、与其主题相关的段落，与各问题的相关度均未达到下限。",
        "for_question": "与问题{n}最接近", "for_prst": "用于主席声明草案第{n}段",
        "relevance": "相关度{score}：{why}", "words_sep": "、", "why_sep": "；",
        "agreed_words": "匹配{words}",
        "agreed_cited": "概念说明引用的文件", "agreed_on_subject": "与辩论主题相关的文件",
        "prst": "主席声明草案", "no_prst": "尚无主席声明草案。",
        "ours": "我方发言", "no_ours": "尚未起草我方发言（`debateprep ours new`，界面：F7）。",
        "ours_who": "{who}的发言", "ours_rev": "当前修订版{rev}", "ours_no_rev": "尚无修订版",
        "ours_length": "{units}{unit}，约{time}（限时{limit}）",
        "ours_over": "{units}{unit}，约{time}：超出限时{limit}约{over}",
        "ours_unit_en": "词", "ours_unit_zh": "字",
        "ours_sections": "共{n}部分；尚有{placeholders}处占位文字",
        "agreed": "商定措辞", "new": "新措辞", "unchecked": "未核对",
        "agreed_note": "商定措辞：{citation}{sim}。", "new_note": "新措辞{near}。",
        "near": "；最接近：{citation}{sim}", "unchecked_note": "尚未与商定措辞库核对。",
        "from_library": "取自{citation}。", "from_group": "来自{n}个代表团的共同主张：{who}。",
        "from_typed": "由起草人输入。",
        "revision": "草案{rev}。", "counts": "商定措辞{agreed}段，新措辞{new}段，未核对{unchecked}段。",
        "which_draft": "主席声明草案第{n}号。", "other_drafts": "本辩论另有草案：{others}（未列出）。",
        "prepared": "由 debateprep 于{date}生成。",
        "none": "—",
    },
}

# Codes the speakers list uses, in Chinese (anything else is shown as stored).
ZH_TERMS = {
    "head": "国家元首/政府首脑", "head_of_state": "国家元首", "head_of_government": "政府首脑",
    "minister": "部长", "vice_minister": "副部长", "permanent_representative": "常驻代表",
    "deputy": "副常驻代表", "other": "其他", "member": "安理会成员", "council_member": "安理会成员",
    "rule37": "第37条", "rule39": "第39条", "briefer": "通报人（第39条）", "observer": "观察员",
}
EN_TERMS = {
    "head": "Head of State/Government", "head_of_state": "Head of State", "head_of_government": "Head of Government",
    "minister": "Minister", "vice_minister": "Vice-minister", "permanent_representative": "Permanent Representative",
    "deputy": "Deputy", "other": "Other", "member": "Council member", "council_member": "Council member",
    "rule37": "Rule 37", "rule39": "Rule 39", "briefer": "Briefer (rule 39)", "observer": "Observer",
}


def coverage_legend(lang: str, strong: str = "●", some: str = "○", none: str | None = None) -> str:
    """The coverage legend in `lang` (one text for the brief and F3), with the glyphs of the view
    showing it: the brief's ● ○ and a blank cell by default, F3 passes its shades."""
    t = TEXT[lang]
    return t["coverage_note"].format(strong=strong, some=some, none=t["blank"] if none is None else none)


def term(code: str, lang: str) -> str:
    key = code.strip().lower().replace(" ", "_").replace("-", "_")
    return (ZH_TERMS if lang == "zh" else EN_TERMS).get(key, code)


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def ordinal(n: int, lang: str) -> str:
    if lang == "zh":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def list_sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


# Generic roles the concept-note reader writes for an unnamed briefer ("a representative of …").
_TITLE_TERMS = {"representative": ("Representative", "代表"), "代表": ("Representative", "代表")}
_QUESTION_LABEL = re.compile(r"Q(\d+)")


def title_term(title: str, lang: str) -> str:
    """A generic role in the export's language; any other title is shown as written."""
    pair = _TITLE_TERMS.get(title.strip().casefold())
    return pair[1 if lang == "zh" else 0] if pair else title


def question_label(label: str, lang: str) -> str:
    """"Q3" -> "问题3" in Chinese."""
    m = _QUESTION_LABEL.fullmatch(label)
    return f"问题{m.group(1)}" if m and lang == "zh" else label


def name_in(name: str, lang: str) -> str:
    """A delegation's or group's name in the export's language, from the roster (UN names:
    "China" <-> "中国", "Office for the Coordination of Humanitarian Affairs" <-> "人道主义事务协调厅").
    Names the roster does not know (a person, an organization without a UN Chinese name) stay."""
    from debateprep.domain.roster import Roster

    if not name or not name.strip():
        return name
    roster = Roster.load()
    found = roster.find(name) or roster.find_group(name)
    if found is None:
        return name
    return found.label(lang)

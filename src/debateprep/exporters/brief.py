"""The delegation brief: one markdown document of the whole debate, in English or Chinese.

`BriefData` is what the brief says (plain strings and numbers, filled by services/brief.py from
every capability); `render_brief(data, lang)` writes it with the safe builder in `markdown`.
Headings and fixed text follow `lang`; imported text stays in the language it came in.
A section whose data is absent (None) says so in one line instead of disappearing silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from debateprep.exporters.markdown import Document, Md, emph, inline, strong

LANGS = ("en", "zh")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass
class Meeting:
    title: str
    meeting_number: int | None = None
    meeting_date: date | None = None
    presidency: str | None = None
    agenda_item: str | None = None
    concept_note_symbol: str | None = None
    outcome: str | None = None  # expected outcome, as the concept note says it
    delegation: str | None = None  # "us"

    @property
    def meeting_symbol(self) -> str | None:
        return f"S/PV.{self.meeting_number}" if self.meeting_number else None


@dataclass
class NoteSummary:
    title: str | None = None
    symbol: str | None = None
    letter_date: date | None = None
    paragraphs: list[str] = field(default_factory=list)  # the gist, in the note's language
    themes: list[str] = field(default_factory=list)
    cited_documents: list[str] = field(default_factory=list)


@dataclass
class Question:
    number: int
    text: str
    original: str | None = None  # the note's wording when `text` was edited or reformed
    topic: bool = False  # a bullet not phrased as a question
    question_form: str | None = None  # the question offered for a topic
    addressed_by: list[str] | None = None  # delegations (when statements were analysed)


@dataclass
class Briefer:
    name: str | None
    title: str | None = None
    organization: str | None = None

    def describe(self, lang: str = "en") -> str:
        comma, opening, closing = ("，", "（", "）") if lang == "zh" else (", ", " (", ")")
        who = comma.join(p for p in (self.name, self.title) if p)
        if self.organization:
            who = f"{who}{opening}{self.organization}{closing}" if who else self.organization
        return who


@dataclass
class Speaker:
    position: int
    delegation: str
    representative: str = ""
    level: str = ""
    basis: str = ""
    on_behalf: str = ""
    start: str = ""  # "11:05"; "02-13 10:20" on a later day
    session: str = ""  # session number
    session_label: str = ""  # "Wed 12 Feb 10:00-13:00 S/PV.7109"
    status: str = ""
    ours: bool = False


@dataclass
class CoverageTable:
    question_labels: list[str]  # "Q1" …
    rows: list[tuple[str, list[float]]]  # delegation, strength per question (0 = not addressed)


@dataclass
class ConvergencePoint:
    text: str
    supporters: list[str]


@dataclass
class AgreedText:
    citation: str
    text: str
    question: int | None = None  # the guiding question it is closest to
    prst_paragraph: int | None = None  # the PRST draft paragraph taken from it


@dataclass
class PrstParagraph:
    text: str  # as it reads in the draft, quotation marks included
    status: str = "unchecked"  # agreed | new | unchecked
    citation: str | None = None  # closest agreed language found by the check
    similarity: float | None = None
    source: str = "typed"  # where it came from: group | library | typed
    source_citation: str | None = None  # library paragraph it was taken from
    supporters: list[str] = field(default_factory=list)  # delegations behind a convergence group


@dataclass
class PrstDraft:
    chapeau: str
    paragraphs: list[PrstParagraph]
    revision: str | None = None  # "rev.2"
    language: str = "en"


@dataclass
class BriefData:
    meeting: Meeting
    note: NoteSummary | None = None
    questions: list[Question] | None = None
    briefers: list[Briefer] | None = None
    speakers: list[Speaker] | None = None
    coverage: CoverageTable | None = None
    convergence: list[ConvergencePoint] | None = None
    agreed_language: list[AgreedText] | None = None
    prst: PrstDraft | None = None
    prepared: date | None = None


# -- fixed text -------------------------------------------------------------------------------

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Delegation brief: {title}",
        "meeting": "Meeting", "symbol": "Meeting", "date": "Date", "presidency": "Presidency",
        "agenda": "Agenda item", "note_symbol": "Concept note", "outcome": "Expected outcome",
        "delegation": "Our delegation", "no_meeting": "No meeting details yet (debate set …).",
        "note": "Concept note", "no_note": "No concept note imported yet.",
        "note_title": "Title", "letter_date": "Letter dated", "themes": "Themes to explore:",
        "cited": "Documents cited:",
        "questions": "Guiding questions", "no_questions": "No guiding questions yet.",
        "question": "Question {n}", "topic": "Question {n} (a topic, not phrased as a question)",
        "as_question": "As a question:", "original": "Original wording:", "addressed": "Addressed by {n}:", "addressed_none": "Addressed by no delegation so far.",
        "talking": "Our talking points:", "placeholder": "…",
        "briefers": "Briefers", "no_briefers": "No briefers known yet.",
        "speakers": "Speakers list and schedule", "no_speakers": "No speakers inscribed yet.",
        "count": "{n} speakers inscribed.",
        "we_speak": "We ({who}) speak {pos} of {n}, expected at {start}{session}.",
        "we_after": "Just before us: {before}. Just after us: {after}.",
        "not_listed": "{who} is not on the speakers list yet.",
        "set_us": "Set our delegation (export option --delegation, or the debate setting) to see when we speak.",
        "cols": "#|Delegation|Representative|Level|Basis|Expected start|Session",
        "coverage": "Coverage of the guiding questions",
        "no_statements": "No statements imported yet.",
        "coverage_note": "● addressed strongly, ○ addressed; blank: not addressed.",
        "delegation_col": "Delegation",
        "convergence": "Where delegations converge",
        "no_convergence": "No shared proposals found yet.",
        "supporters": "{n} delegations",
        "library": "Relevant agreed language", "no_library": "No agreed language in the library yet.",
        "no_matches": "Nothing in the library matches this debate's questions yet.",
        "for_question": "closest to question {n}", "for_prst": "used in PRST draft paragraph {n}",
        "prst": "Draft presidential statement", "no_prst": "No PRST draft yet.",
        "agreed": "agreed", "new": "new", "unchecked": "not checked",
        "agreed_note": "Agreed language: {citation}{sim}.", "new_note": "New language{near}.",
        "near": "; closest: {citation}{sim}", "unchecked_note": "Not checked against the library yet.",
        "from_library": "Taken from {citation}.", "from_group": "From a proposal shared by {n} delegations: {who}.",
        "from_typed": "Typed by the drafter.",
        "revision": "Draft {rev}.", "counts": "{agreed} agreed, {new} new, {unchecked} not checked.",
        "prepared": "Prepared with debateprep on {date}.",
        "none": "—",
    },
    "zh": {
        "title": "代表团简报：{title}",
        "meeting": "会议", "symbol": "会议记录", "date": "日期", "presidency": "主席国",
        "agenda": "议程项目", "note_symbol": "概念说明", "outcome": "预期成果",
        "delegation": "我代表团", "no_meeting": "尚无会议信息（debate set ……）。",
        "note": "概念说明", "no_note": "尚未导入概念说明。",
        "note_title": "标题", "letter_date": "信函日期", "themes": "有待探讨的问题：",
        "cited": "引用文件：",
        "questions": "审议的问题", "no_questions": "尚无审议的问题。",
        "question": "问题{n}", "topic": "问题{n}（议题，未以问句表述）",
        "as_question": "问句形式：", "original": "原文：", "addressed": "述及的代表团（{n}个）：", "addressed_none": "目前尚无代表团述及。",
        "talking": "我方要点：", "placeholder": "……",
        "briefers": "通报人", "no_briefers": "尚无通报人信息。",
        "speakers": "发言名单和时间安排", "no_speakers": "尚无代表团登记发言。",
        "count": "共{n}位发言者登记发言。",
        "we_speak": "我方（{who}）在{n}位发言者中排第{pos}位，预计{start}发言{session}。",
        "we_after": "我方之前：{before}。我方之后：{after}。",
        "not_listed": "{who}尚未列入发言名单。",
        "set_us": "设置我代表团（导出选项 --delegation 或辩论设置）即可查看我方发言时间。",
        "cols": "序号|代表团|代表|级别|依据|预计开始|场次",
        "coverage": "审议问题的述及情况",
        "no_statements": "尚未导入发言。",
        "coverage_note": "●：重点述及；○：述及；空白：未述及。",
        "delegation_col": "代表团",
        "convergence": "各代表团的共同主张",
        "no_convergence": "尚未发现共同主张。",
        "supporters": "{n}个代表团",
        "library": "相关商定措辞", "no_library": "商定措辞库中尚无文件。",
        "no_matches": "商定措辞库中尚无与本次辩论问题相关的段落。",
        "for_question": "与问题{n}最接近", "for_prst": "用于主席声明草案第{n}段",
        "prst": "主席声明草案", "no_prst": "尚无主席声明草案。",
        "agreed": "商定措辞", "new": "新措辞", "unchecked": "未核对",
        "agreed_note": "商定措辞：{citation}{sim}。", "new_note": "新措辞{near}。",
        "near": "；最接近：{citation}{sim}", "unchecked_note": "尚未与商定措辞库核对。",
        "from_library": "取自{citation}。", "from_group": "来自{n}个代表团的共同主张：{who}。",
        "from_typed": "由起草人输入。",
        "revision": "草案{rev}。", "counts": "商定措辞{agreed}段，新措辞{new}段，未核对{unchecked}段。",
        "prepared": "由 debateprep 于{date}生成。",
        "none": "—",
    },
}

# Codes the speakers list uses, in Chinese (anything else is shown as stored).
ZH_TERMS = {
    "head": "国家元首/政府首脑", "head_of_state": "国家元首", "head_of_government": "政府首脑", "minister": "部长",
    "vice_minister": "副部长", "permanent_representative": "常驻代表", "deputy": "副常驻代表",
    "other": "其他", "member": "安理会成员", "council_member": "安理会成员", "rule37": "第37条",
    "rule39": "第39条", "briefer": "通报人（第39条）", "observer": "观察员", "morning": "上午", "afternoon": "下午",
}
EN_TERMS = {
    "head": "Head of State/Government", "head_of_state": "Head of State", "head_of_government": "Head of Government", "minister": "Minister",
    "vice_minister": "Vice-minister", "permanent_representative": "Permanent Representative",
    "deputy": "Deputy", "other": "Other", "member": "Council member", "council_member": "Council member",
    "rule37": "Rule 37", "rule39": "Rule 39", "briefer": "Briefer (rule 39)", "observer": "Observer",
}


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


def _list_sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


# -- rendering --------------------------------------------------------------------------------


def render_brief(data: BriefData, lang: str = "en") -> str:
    """The brief as markdown; every imported string is escaped by the builder."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    t = TEXT[lang]
    doc = Document()
    doc.heading(t["title"].format(title=data.meeting.title), 1)
    _meeting(doc, data.meeting, t, lang)
    _note(doc, data.note, t, lang)
    _questions(doc, data.questions, t, lang)
    _briefers(doc, data.briefers, t, lang)
    _speakers(doc, data.speakers, data.meeting.delegation, t, lang)
    _coverage(doc, data.coverage, t)
    _convergence(doc, data.convergence, data.coverage is not None, t, lang)
    _library(doc, data.agreed_language, t)
    _prst(doc, data.prst, t, lang)
    if data.prepared is not None:
        doc.rule()
        doc.paragraph(emph(t["prepared"].format(date=format_date(data.prepared, lang))))
    return doc.to_markdown()


def _labelled(label: str, value: str, lang: str) -> Md:
    """"**Date:** 12 February 2014" / "**日期：**2014年2月12日"."""
    if lang == "zh":  # the colon outside: "**日期：**2014" would not close the bold in CommonMark
        return inline(strong(label), "：", value)
    return inline(strong(label + ":"), Md(" "), value)


def _meeting(doc: Document, m: Meeting, t: dict[str, str], lang: str) -> None:
    doc.heading(t["meeting"], 2)
    number = ""
    if m.meeting_number:
        number = f"第{m.meeting_number}次会议" if lang == "zh" else f"{ordinal(m.meeting_number, lang)} meeting"
    rows = [
        (t["symbol"], " ".join(p for p in (m.meeting_symbol, f"({number})" if number else "") if p)),
        (t["date"], format_date(m.meeting_date, lang)),
        (t["presidency"], m.presidency or ""),
        (t["agenda"], m.agenda_item or ""),
        (t["note_symbol"], m.concept_note_symbol or ""),
        (t["outcome"], m.outcome or ""),
        (t["delegation"], m.delegation or ""),
    ]
    facts = [_labelled(label, value, lang) for label, value in rows if value]
    if facts:
        doc.bullets(facts)
    else:
        doc.paragraph(emph(t["no_meeting"]))


def _note(doc: Document, note: NoteSummary | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["note"], 2)
    if note is None:
        doc.paragraph(emph(t["no_note"]))
        return
    facts = [(t["note_title"], note.title or ""), (t["letter_date"], format_date(note.letter_date, lang))]
    doc.bullets([_labelled(label, value, lang) for label, value in facts if value])
    for text in note.paragraphs:
        doc.paragraphs(text)
    if note.themes:
        doc.paragraph(strong(t["themes"]))
        doc.bullets(note.themes)
    if note.cited_documents:
        doc.paragraph(strong(t["cited"]), Md(" "), _list_sep(lang).join(note.cited_documents))


def _questions(doc: Document, questions: list[Question] | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["questions"], 2)
    if not questions:
        doc.paragraph(emph(t["no_questions"]))
        return
    for q in questions:
        doc.heading(t["topic" if q.topic else "question"].format(n=q.number), 3)
        doc.paragraph(q.text)
        if q.topic and q.question_form and q.question_form.strip() != q.text.strip():
            doc.paragraph(emph(t["as_question"]), Md(" "), q.question_form)
        if q.original and q.original.strip() != q.text.strip():
            doc.paragraph(emph(t["original"]), Md(" "), q.original)
        if q.addressed_by is not None:
            if q.addressed_by:
                label = t["addressed"].format(n=len(q.addressed_by))
                doc.paragraph(emph(label), Md(" "), _list_sep(lang).join(q.addressed_by))
            else:
                doc.paragraph(emph(t["addressed_none"]))
        doc.paragraph(strong(t["talking"]))
        doc.bullets([t["placeholder"], t["placeholder"]])


def _briefers(doc: Document, briefers: list[Briefer] | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["briefers"], 2)
    described = [b.describe(lang) for b in briefers or [] if b.describe(lang)]
    if not described:
        doc.paragraph(emph(t["no_briefers"]))
        return
    doc.bullets(described)


def _speakers(doc: Document, speakers: list[Speaker] | None, us: str | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["speakers"], 2)
    if not speakers:
        doc.paragraph(emph(t["no_speakers"]))
        return
    doc.paragraph(t["count"].format(n=len(speakers)))
    ours = [i for i, s in enumerate(speakers) if s.ours]
    if ours:
        i = ours[0]
        s = speakers[i]
        session = ""
        if s.session_label or s.session:
            label = s.session_label or term(s.session, lang)
            session = f"（{label}）" if lang == "zh" else f" ({label})"
        start = s.start or t["none"]
        doc.paragraph(strong(t["we_speak"].format(who=s.delegation, pos=ordinal(s.position, lang),
                                                  n=len(speakers), start=start, session=session)))
        before = speakers[i - 1].delegation if i > 0 else t["none"]
        after = speakers[i + 1].delegation if i + 1 < len(speakers) else t["none"]
        doc.paragraph(t["we_after"].format(before=before, after=after))
    elif us:
        doc.paragraph(emph(t["not_listed"].format(who=us)))
    else:
        doc.paragraph(emph(t["set_us"]))
    rows = []
    for s in speakers:
        who = s.delegation + (f" ({s.on_behalf})" if s.on_behalf else "")
        cells = [str(s.position), who, s.representative, term(s.level, lang) if s.level else "",
                 term(s.basis, lang) if s.basis else "", s.start, term(s.session, lang) if s.session else ""]
        rows.append([strong(c) if s.ours and c else c for c in cells])
    doc.table(t["cols"].split("|"), rows, align=["right", None, None, None, None, "right", None])


def _coverage(doc: Document, coverage: CoverageTable | None, t: dict[str, str]) -> None:
    doc.heading(t["coverage"], 2)
    if coverage is None:
        doc.paragraph(emph(t["no_statements"]))
        return
    doc.paragraph(emph(t["coverage_note"]))
    header = [t["delegation_col"], *coverage.question_labels]
    rows = [[delegation, *(("●" if s >= 0.5 else "○") if s > 0 else "" for s in strengths)]
            for delegation, strengths in coverage.rows]
    doc.table(header, rows, align=[None, *(["center"] * len(coverage.question_labels))])


def _convergence(doc: Document, points: list[ConvergencePoint] | None, have_statements: bool,
                 t: dict[str, str], lang: str) -> None:
    doc.heading(t["convergence"], 2)
    if points is None or (not points and not have_statements):
        doc.paragraph(emph(t["no_statements"]))
        return
    if not points:
        doc.paragraph(emph(t["no_convergence"]))
        return
    sep = _list_sep(lang)
    opening, closing = ("（", "）") if lang == "zh" else ("(", ")")
    doc.numbered([
        inline(strong(t["supporters"].format(n=len(p.supporters))), Md(" — "), p.text,
               Md(" "), emph(opening + sep.join(p.supporters) + closing))
        for p in points
    ])


def _library(doc: Document, items: list[AgreedText] | None, t: dict[str, str]) -> None:
    doc.heading(t["library"], 2)
    if items is None:
        doc.paragraph(emph(t["no_library"]))
        return
    if not items:
        doc.paragraph(emph(t["no_matches"]))
        return
    for item in items:
        why = []
        if item.question is not None:
            why.append(t["for_question"].format(n=item.question))
        if item.prst_paragraph is not None:
            why.append(t["for_prst"].format(n=item.prst_paragraph))
        doc.paragraph(strong(item.citation), Md(" "), emph("; ".join(why)) if why else Md(""))
        doc.quote(item.text)


def _prst(doc: Document, draft: PrstDraft | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["prst"], 2)
    if draft is None:
        doc.paragraph(emph(t["no_prst"]))
        return
    counts = {k: sum(1 for p in draft.paragraphs if p.status == k) for k in ("agreed", "new", "unchecked")}
    summary = t["counts"].format(**counts)
    sep = "" if lang == "zh" else " "
    doc.paragraph(emph((t["revision"].format(rev=draft.revision) + sep if draft.revision else "") + summary))
    doc.paragraph(draft.chapeau)
    for n, p in enumerate(draft.paragraphs, 1):
        status = p.status if p.status in ("agreed", "new") else "unchecked"
        marker = doc.footnote(_note_text(p, t, lang))
        doc.paragraph(strong(f"{n}."), Md(" "), emph(f"[{t[status]}]"), Md(" "), p.text, marker)


def _note_text(p: PrstParagraph, t: dict[str, str], lang: str) -> str:
    sim = f" ({p.similarity:.0%})" if p.similarity is not None else ""
    if p.status == "agreed":
        check = t["agreed_note"].format(citation=p.citation or t["none"], sim=sim)
    elif p.status == "new":
        check = t["new_note"].format(near=t["near"].format(citation=p.citation, sim=sim) if p.citation else "")
    else:
        check = t["unchecked_note"]
    if p.source == "library" and p.source_citation:
        source = t["from_library"].format(citation=p.source_citation)
    elif p.source == "group":
        source = t["from_group"].format(n=len(p.supporters), who=_list_sep(lang).join(p.supporters))
    else:
        source = t["from_typed"]
    return check + ("" if lang == "zh" else " ") + source

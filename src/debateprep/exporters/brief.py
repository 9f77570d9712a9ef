"""The delegation brief: one markdown document of the whole debate, in English or Chinese.

`BriefData` is what the brief says (plain strings and numbers, filled by services/brief.py from
every capability); `render_brief(data, lang)` writes it with the safe builder in `markdown`.
Headings, fixed text and the names of delegations (the roster's UN names) follow `lang`, so a
Chinese brief is Chinese throughout and an English one English; imported text (the note's
questions, adopted paragraphs, statements) stays in the language it came in.
A section whose data is absent (None) says so in one line instead of disappearing silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from debateprep.domain.text import has_cjk
from debateprep.exporters.brief_text import (
    TEXT,
    coverage_legend,
    format_date,
    list_sep,
    name_in,
    ordinal,
    question_label,
    term,
    title_term,
)
from debateprep.exporters.markdown import Align, Document, Md, emph, inline, strong

LANGS = ("en", "zh")


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
    key: int | None = None  # the stored question's id (what our statement's sections answer)


@dataclass
class Briefer:
    name: str | None
    title: str | None = None
    organization: str | None = None

    def describe(self, lang: str = "en") -> str:
        """"Name, title (organization)", the organization's name and a generic title in `lang`."""
        comma, opening, closing = ("，", "（", "）") if lang == "zh" else (", ", " (", ")")
        who = comma.join(p for p in (self.name, title_term(self.title or "", lang)) if p)
        org = name_in(self.organization or "", lang)
        if org and _same(org, self.name):  # a person speaking for no organization
            org = ""
        if org:
            who = f"{who}{opening}{org}{closing}" if who else org
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
    session_label_zh: str = ""  # "2月12日（星期三）10:00-13:00 S/PV.7109"
    status: str = ""
    ours: bool = False
    title: str = ""  # the representative's title ("Minister for Foreign Affairs"), as inscribed


@dataclass
class CellEvidence:
    """Why a cell reads addressed: the passage and the words that matched (or a user's mark)."""

    question_label: str  # "Q1"
    delegation: str
    passage: str
    matched: str  # "Peacebuilding Commission ← PBC; prevent conflicts ← prevention"
    mark: str | None = None  # "addressed" / "wrong" when a user marked the cell


@dataclass
class CoverageTable:
    question_labels: list[str]  # "Q1" …
    rows: list[tuple[str, list[float]]]  # delegation, strength per question (0 = not addressed)
    evidence: list[CellEvidence] = field(default_factory=list)
    marks: dict[tuple[str, str], str] = field(default_factory=dict)  # (delegation, "Q1") -> user mark


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
    relevance: float | None = None  # to that question, 0..1 (services/agreed_language.py)
    matched: tuple[str, ...] = ()  # the question's words it holds
    cited: bool = False  # the concept note cites its document (else it is on the debate's title)


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
    number: int | None = None  # the draft's id: the brief says which draft it shows
    others: list[int] = field(default_factory=list)  # the debate's other drafts (not shown)


@dataclass
class OurStatementSummary:
    """Our statement as the brief reports it: who, which revision, how long against the limit."""

    delegation: str
    language: str
    revision: str | None
    units: int
    estimated_seconds: float
    limit_seconds: int
    over_seconds: float
    sections: int
    placeholders: int
    text: str = ""  # the current text (paragraphs), shown in the brief


@dataclass
class TalkingPoints:
    """Our talking points, drawn from our statement in the brief's language: which statement and
    which version (`revision`, with `working` when its text moved on since, or none yet), and the
    key sentences of its section on each question (by the brief's question number; a question with
    no section is absent, one with only placeholders has an empty list). `other_language` is set
    instead when our only statement is in another language than the brief."""

    statement: int | None
    revision: str | None = None
    working: bool = True
    by_question: dict[int, list[str]] = field(default_factory=dict)
    other_language: str | None = None


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
    ours: OurStatementSummary | None = None
    talking: TalkingPoints | None = None  # None: no statement of ours for the debate
    prepared: date | None = None


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
    _questions(doc, data.questions, data.talking, t, lang)
    _briefers(doc, data.briefers, t, lang)
    _speakers(doc, data.speakers, data.meeting.delegation, t, lang)
    _coverage(doc, data.coverage, t, lang)
    _convergence(doc, data.convergence, data.coverage is not None, t, lang)
    _library(doc, data.agreed_language, t, lang)
    _prst(doc, data.prst, t, lang)
    _ours(doc, data.ours, t, lang)
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
        (t["presidency"], name_in(m.presidency or "", lang)),
        (t["agenda"], agenda_in(m.agenda_item or "", lang)),
        (t["note_symbol"], m.concept_note_symbol or ""),
        (t["outcome"], m.outcome or ""),
        (t["delegation"], name_in(m.delegation or "", lang)),
    ]
    facts = [_labelled(label, value, lang) for label, value in rows if value]
    if facts:
        doc.bullets(facts)
    else:
        doc.paragraph(emph(fixed(t["no_meeting"])))


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
        doc.paragraph(strong(t["cited"]), Md(" "), list_sep(lang).join(note.cited_documents))


def _questions(doc: Document, questions: list[Question] | None, talking: TalkingPoints | None,
               t: dict[str, str], lang: str) -> None:
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
                doc.paragraph(emph(label), Md(" "), list_sep(lang).join(name_in(n, lang) for n in q.addressed_by))
            else:
                doc.paragraph(emph(t["addressed_none"]))
        _talking_points(doc, q.number, talking, t)


def _talking_points(doc: Document, number: int, talking: TalkingPoints | None, t: dict[str, str]) -> None:
    """Under a question: the key sentences of our statement's section on it, saying which statement
    and version; never made up: without a statement (or its text) the brief says so and how to write it."""
    if talking is None:
        doc.paragraph(emph(fixed(t["talking_none"])))
        return
    if talking.other_language is not None:
        doc.paragraph(emph(fixed(t["talking_other_lang"].format(id=talking.statement,
                                                                language=t[f"lang_{talking.other_language}"]))))
        return
    if talking.revision is None:
        version = t["version_none"]
    else:
        version = t["version_after" if talking.working else "version_rev"].format(rev=talking.revision)
    points = talking.by_question.get(number)
    if points is None:
        doc.paragraph(emph(fixed(t["talking_no_section"].format(id=talking.statement, version=version))))
    elif not points:
        doc.paragraph(emph(fixed(t["talking_unwritten"].format(id=talking.statement, version=version))))
    else:
        doc.paragraph(strong(t["talking"].format(id=talking.statement, version=version)))
        doc.bullets(points)


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
        doc.paragraph(emph(fixed(t["no_speakers"])))
        return
    doc.paragraph(t["count"].format(n=len(speakers)))
    ours = [i for i, s in enumerate(speakers) if s.ours]
    if ours:
        i = ours[0]
        s = speakers[i]
        session = ""
        if s.session_label or s.session:
            label = (s.session_label_zh if lang == "zh" else "") or s.session_label or term(s.session, lang)
            session = f"（{label}）" if lang == "zh" else f" ({label})"
        start = s.start or t["none"]
        doc.paragraph(strong(t["we_speak"].format(who=name_in(s.delegation, lang), pos=ordinal(s.position, lang),
                                                  n=len(speakers), start=start, session=session)))
        before = name_in(speakers[i - 1].delegation, lang) if i > 0 else t["none"]
        after = name_in(speakers[i + 1].delegation, lang) if i + 1 < len(speakers) else t["none"]
        doc.paragraph(t["we_after"].format(before=before, after=after))
    elif us:
        doc.paragraph(emph(t["not_listed"].format(who=name_in(us, lang))))
    else:
        doc.paragraph(emph(fixed(t["set_us"])))
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    rows = []
    for s in speakers:
        who = name_in(s.delegation, lang) + (f"{opening}{name_in(s.on_behalf, lang)}{closing}" if s.on_behalf else "")
        representative = ", ".join(p for p in (s.representative, title_term(s.title, lang)) if p)
        cells = [str(s.position), who, representative, term(s.level, lang) if s.level else "",
                 term(s.basis, lang) if s.basis else "", s.start, term(s.session, lang) if s.session else ""]
        rows.append([strong(c) if s.ours and c else c for c in cells])
    doc.table(t["cols"].split("|"), rows, align=["right", None, None, None, None, "right", None])


def _coverage(doc: Document, coverage: CoverageTable | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["coverage"], 2)
    if coverage is None:
        doc.paragraph(emph(t["no_statements"]))
        return
    if not coverage.question_labels:
        doc.paragraph(emph(t["no_questions_to_cover"]))
        return
    doc.paragraph(emph(coverage_legend(lang)))
    header = [t["delegation_col"], *(question_label(q, lang) for q in coverage.question_labels)]

    def cell(delegation: str, label: str, strength: float) -> str:
        mark = coverage.marks.get((delegation, label))
        if mark is not None:
            return "✓" if mark == "addressed" else "✗"
        return ("●" if strength >= 0.5 else "○") if strength > 0 else ""

    rows = [[name_in(delegation, lang),
             *(cell(delegation, label, s) for label, s in zip(coverage.question_labels, strengths))]
            for delegation, strengths in coverage.rows]
    centered: list[Align] = ["center"] * len(coverage.question_labels)
    doc.table(header, rows, align=[None, *centered])
    if not coverage.evidence:
        return
    doc.heading(t["evidence"], 3)
    for label in coverage.question_labels:
        items = [e for e in coverage.evidence if e.question_label == label]
        if not items:
            continue
        doc.paragraph(strong(question_label(label, lang)))
        doc.bullets([
            inline(strong(name_in(e.delegation, lang)), Md(" — "), quote_passage(e.passage), Md(" "),
                   emph(t["marked_" + e.mark] if e.mark else t["matched"].format(words=e.matched)))
            for e in items
        ])


EVIDENCE_CHARS = 240


def quote_passage(text: str) -> str:
    """A passage as quoted in the brief: whole when short, cut at a word near EVIDENCE_CHARS."""
    text = " ".join(text.split())
    if len(text) <= EVIDENCE_CHARS:
        return f"“{text}”"
    cut = text.rfind(" ", 0, EVIDENCE_CHARS)
    return f"“{text[: cut if cut > EVIDENCE_CHARS // 2 else EVIDENCE_CHARS]} …”"


def _convergence(doc: Document, points: list[ConvergencePoint] | None, have_statements: bool,
                 t: dict[str, str], lang: str) -> None:
    doc.heading(t["convergence"], 2)
    if points is None or (not points and not have_statements):
        doc.paragraph(emph(t["no_statements"]))
        return
    if not points:
        doc.paragraph(emph(t["no_convergence"]))
        return
    sep = list_sep(lang)
    opening, closing = ("（", "）") if lang == "zh" else ("(", ")")
    doc.numbered([
        inline(strong(t["supporters"].format(n=len(p.supporters))), Md(" — "), p.text,
               Md(" "), emph(opening + sep.join(name_in(n, lang) for n in p.supporters) + closing))
        for p in points
    ])


def _library(doc: Document, items: list[AgreedText] | None, t: dict[str, str], lang: str) -> None:
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
            if item.relevance is not None:
                # the question's words that matched, those in the brief's language (one language throughout)
                words = t["words_sep"].join(w for w in item.matched if has_cjk(w) == (lang == "zh"))
                subject = t["agreed_cited" if item.cited else "agreed_on_subject"]
                why.append(t["relevance"].format(score=f"{item.relevance:.0%}", why=t["why_sep"].join(
                    x for x in (t["agreed_words"].format(words=words) if words else "", subject) if x)))
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
    which = t["which_draft"].format(n=draft.number) + sep if draft.number is not None else ""
    others = (sep + t["other_drafts"].format(others=("、" if lang == "zh" else ", ").join(f"#{n}" for n in draft.others))
              if draft.others else "")
    doc.paragraph(emph(which + (t["revision"].format(rev=draft.revision) + sep if draft.revision else "") + summary
                       + others))
    doc.paragraph(draft.chapeau)
    for n, p in enumerate(draft.paragraphs, 1):
        status = p.status if p.status in ("agreed", "new") else "unchecked"
        marker = doc.footnote(_note_text(p, t, lang))
        doc.paragraph(strong(f"{n}."), Md(" "), emph(f"[{t[status]}]"), Md(" "), p.text, marker)


def _mmss(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _ours(doc: Document, ours: OurStatementSummary | None, t: dict[str, str], lang: str) -> None:
    doc.heading(t["ours"], 2)
    if ours is None:
        doc.paragraph(emph(fixed(t["no_ours"])))
        return
    rev = t["ours_rev"].format(rev=ours.revision) if ours.revision else t["ours_no_rev"]
    sep = "，" if lang == "zh" else ", "
    doc.paragraph(strong(t["ours_who"].format(who=ours.delegation)), Md(" "), emph(f"({ours.language}){sep}{rev}"))
    values = {"units": ours.units, "unit": t[f"ours_unit_{'zh' if ours.language == 'zh' else 'en'}"],
              "time": _mmss(ours.estimated_seconds), "limit": _mmss(ours.limit_seconds),
              "over": _mmss(ours.over_seconds)}
    length = t["ours_over" if ours.over_seconds > 0 else "ours_length"].format(**values)
    doc.bullets([strong(length) if ours.over_seconds > 0 else length,
                 t["ours_sections"].format(n=ours.sections, placeholders=ours.placeholders)])
    if ours.text:
        doc.quote(ours.text)


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
        source = t["from_group"].format(n=len(p.supporters),
                                        who=list_sep(lang).join(name_in(n, lang) for n in p.supporters))
    else:
        source = t["from_typed"]
    return check + ("" if lang == "zh" else " ") + source


def fixed(text: str) -> Md:
    """Fixed text with `commands` as code spans (they stay as typed in either language)."""
    return inline(*(Md(f"`{part}`") if i % 2 else part for i, part in enumerate(text.split("`")) if part))


def agenda_in(item: str, lang: str) -> str:
    """A Council agenda item the glossary knows, in `lang` (else as the note wrote it)."""
    from debateprep.domain.prst import AGENDA_ITEMS

    key = " ".join(item.split())
    if lang == "zh" and key in AGENDA_ITEMS:
        return AGENDA_ITEMS[key]
    if lang == "en":
        return next((en for en, zh in AGENDA_ITEMS.items() if zh == key), item)
    return item


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())  # type: ignore[union-attr]

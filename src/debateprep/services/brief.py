"""The delegation brief: gather every capability's data for one debate, render it as markdown.

Each section is read through its own service; a capability with no data for the debate leaves
its section as None and the brief says so ("No statements imported yet").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from debateprep.domain.debate import Debate
from debateprep.domain.delivery import FOOTNOTE_MARKER, PLACEHOLDER
from debateprep.domain.errors import InputError, NotFound
from debateprep.domain.our_statement import OurStatement
from debateprep.domain.prst import Draft
from debateprep.domain.schedule import Slot
from debateprep.domain.speakers import SpeakerEntry
from debateprep.domain.text import has_cjk, sentences
from debateprep.exporters.brief import (
    AgreedText,
    BriefData,
    Briefer,
    CellEvidence,
    ConvergencePoint,
    CoverageTable,
    Meeting,
    NoteSummary,
    OurStatementSummary,
    PrstDraft,
    PrstParagraph,
    Question,
    Speaker,
    TalkingPoints,
    render_brief,
)
from debateprep.i18n import _, ngettext
from debateprep.services.debates import DebateService
from debateprep.storage.db import Database


@dataclass
class BriefExport:
    content: str  # markdown, or a standalone HTML page
    lang: str
    debate: Debate
    data: BriefData
    summary: str  # one line: what the brief holds


class BriefService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def gather(self, ref: int | str | None = None, *, delegation: str | None = None, lang: str | None = None,
               prepared: date | None = None) -> tuple[Debate, BriefData]:
        """The debate and everything its brief says; `delegation` overrides the debate's "us",
        `lang` picks the PRST draft in that language when there are several."""
        debate = DebateService(self.db).resolve(ref)
        us = (delegation if delegation is not None else debate.settings.our_delegation) or None
        data = BriefData(
            meeting=Meeting(
                title=debate.title,
                meeting_number=debate.meeting_number,
                meeting_date=debate.meeting_date,
                presidency=debate.presidency,
                agenda_item=debate.agenda_item,
                delegation=us,
            ),
            prepared=prepared or date.today(),
        )
        if debate.id is not None:
            self._add_note(debate, data)
            self._add_speakers(debate, data)
            self._add_statements(debate, data)
            drafts = self._add_prst(debate, data, lang or default_language(debate))
            self._add_library(debate, data, drafts, lang or default_language(debate))
            self._add_ours(debate, data, lang or default_language(debate))
            self._add_talking_points(debate, data, lang or default_language(debate))
        return debate, data

    def _add_note(self, debate: Debate, data: BriefData) -> None:
        from debateprep.services.notes import NotesService

        if debate.concept_note_id is None:
            return
        notes = NotesService(self.db)
        stored = notes.get(debate.concept_note_id)
        note = stored.note
        data.meeting.concept_note_symbol = note.symbol
        if note.outcome.kind not in ("unknown",):
            data.meeting.outcome = note.outcome.evidence or note.outcome.kind
        data.note = NoteSummary(
            title=" — ".join(p for p in (note.title, note.focus) if p) or None,
            symbol=note.symbol,
            letter_date=note.letter_date,
            paragraphs=note_gist(note.sections),
            themes=list(note.themes),
            cited_documents=list(note.cited_documents),
        )
        data.questions = [
            Question(number=i, text=q.text, original=q.original if q.edited else None, topic=q.topic,
                     question_form=q.question_form if q.topic else None, key=q.id)
            for i, q in enumerate(notes.questions(stored.id), start=1)
        ]
        data.briefers = [Briefer(b.name, b.title, b.organization) for b in note.briefers]

    def _add_speakers(self, debate: Debate, data: BriefData) -> None:
        """The ordered list with expected times; "ours" is the delegation the brief is for."""
        from debateprep.domain.speakers import Basis
        from debateprep.services.speakers import SpeakersService

        service = SpeakersService(self.db)
        view = service.view(debate.id)
        placed = [p for p in view.placements if p.position is not None]
        if not placed:
            return
        us = data.meeting.delegation
        our_code = None
        if us:
            found = service.roster.find(us, fuzzy=False)
            our_code = found.code if found else None
        speakers = []
        for p in placed:
            e, slot = p.entry, view.slot(p)
            ours = bool(us) and ((our_code is not None and e.delegation_code == our_code)
                                 or e.delegation.casefold() == (us or "").casefold())
            speakers.append(Speaker(
                position=p.position or 0,
                delegation=e.delegation,
                representative="" if _same(e.representative, e.delegation) else e.representative,
                title=e.title,
                level=e.level.value,
                basis=e.basis.value,
                on_behalf=e.on_behalf_of or "",
                start=start_text(slot),
                session=str(slot.session.number) if slot else "",
                session_label=slot.session.label() if slot else "",
                session_label_zh=slot.session.label("zh") if slot else "",
                status=e.status.value,
                ours=ours,
            ))
        data.speakers = speakers
        briefers = [p.entry for p in placed if p.entry.basis == Basis.BRIEFER]
        if briefers:
            data.briefers = [_briefer(e) for e in briefers]

    def _add_statements(self, debate: Debate, data: BriefData) -> None:
        """Coverage of the questions and convergence, when statements were imported."""
        from debateprep.domain.coverage import compute_convergence
        from debateprep.services.statements import StatementService

        assert debate.id is not None
        service = StatementService(self.db)
        statements = service.list(debate.id, include_procedural=False)
        if not statements:
            return
        questions = service.questions(debate.id)
        if not questions:  # statements but nothing to cover: the brief says so (not "no statements")
            data.coverage = CoverageTable(question_labels=[], rows=[])
        else:
            matrix = service.coverage(debate.id)  # the user's marks included
            labels = {q.key: q.label for q in matrix.questions}
            data.coverage = CoverageTable(
                question_labels=[q.label for q in matrix.questions],
                rows=[
                    (name, [_strength(matrix.cell(name, q.key)) for q in matrix.questions])
                    for name in matrix.delegations
                ],
                evidence=[
                    CellEvidence(labels[c.question_key], c.delegation, c.passage.text,
                                 "; ".join(str(r) for r in c.reasons), c.mark)
                    for q in matrix.questions for c in sorted(matrix.covered_by(q.key), key=lambda c: c.delegation)
                ],
                marks={(c.delegation, labels[c.question_key]): c.mark for c in matrix.marked() if c.mark},
            )
            by_label = {q.label: [c.delegation for c in matrix.covered_by(q.key)] for q in matrix.questions}
            for question in data.questions or []:
                question.addressed_by = by_label.get(f"Q{question.number}", [])
        groups = compute_convergence(statements, min_supporters=2)
        data.convergence = [
            ConvergencePoint(text=g.representative.text, supporters=list(g.supporters))
            for g in groups[:CONVERGENCE_POINTS]
        ]

    def _add_prst(self, debate: Debate, data: BriefData, lang: str) -> list[Draft]:
        from debateprep.services.prst import PrstService

        service = PrstService(self.db)
        drafts = service.drafts(debate.id)
        if not drafts:
            return []
        # The draft the team works on (F5 shows it); in the brief's language, else the latest that is.
        draft = (service.current(debate.id) if debate.id is not None else None) or drafts[-1]
        if draft.language != lang:
            draft = next((d for d in reversed(drafts) if d.language == lang), draft)
        latest = draft.latest_revision()
        data.prst = PrstDraft(
            chapeau=draft.chapeau,
            paragraphs=[
                PrstParagraph(text=text, status=p.status, citation=p.closest_citation, similarity=p.similarity,
                              source=p.provenance.kind, source_citation=p.provenance.citation,
                              supporters=list(p.provenance.supporters))
                for p, text in zip(draft.paragraphs, draft.quoted(), strict=True)
            ],
            revision=latest.label if latest else None,
            language=draft.language,
            number=draft.id,
            others=[d.id for d in drafts if d.id is not None and d.id != draft.id],
        )
        return [draft]

    def _our_statements(self, debate: Debate, data: BriefData) -> list[OurStatement]:
        """The debate's statements of ours: those by the brief's delegation when it has any, else all."""
        from debateprep.services.our_statement import OurStatementService

        service = OurStatementService(self.db)
        found = service.statements(debate.id)
        us = (data.meeting.delegation or "").casefold()
        ours = [s for s in found if us and s.delegation.casefold() == us]
        if not ours and us:
            known = service.roster.find(us)
            ours = [s for s in found if known is not None and service.roster.find(s.delegation) == known]
        return ours or found

    def _add_ours(self, debate: Debate, data: BriefData, lang: str) -> None:
        """Our statement: of the brief's delegation's (else of all), the latest in the brief's
        language, else the latest; its current revision and estimated length."""
        from debateprep.domain.statement_check import bracket_issues

        found = self._our_statements(debate, data)
        if not found:
            return
        statement = ([s for s in found if s.language == lang] or found)[-1]  # as the talking points' source
        estimate = statement.estimate()
        latest = statement.latest_revision()
        placeholders = sum(1 for sec in statement.sections for kind, _ in bracket_issues(sec.text)
                           if kind == "placeholder")
        data.ours = OurStatementSummary(
            delegation=statement.delegation, language=statement.language,
            revision=latest.label if latest else None, units=estimate.units,
            estimated_seconds=estimate.seconds, limit_seconds=estimate.limit_seconds,
            over_seconds=estimate.over_seconds, sections=len(statement.sections), placeholders=placeholders,
            text=statement.text(),
        )

    def _add_talking_points(self, debate: Debate, data: BriefData, lang: str) -> None:
        """Our talking points on each question: from our statement in the brief's language (the
        latest of ours), the key sentences of its section answering the question; none made up."""
        found = self._our_statements(debate, data)
        if not found:
            return
        same = [s for s in found if s.language == lang]
        if not same:
            data.talking = TalkingPoints(found[-1].id, other_language=found[-1].language)
            return
        statement = same[-1]
        latest = statement.latest_revision()
        data.talking = TalkingPoints(
            statement.id, revision=latest.label if latest else None,
            working=latest is None or list(latest.paragraphs) != statement.paragraphs())
        for question in data.questions or []:
            section = next((s for s in statement.sections if s.kind == "question" and question.key is not None
                            and s.question_id == question.key), None) or next(
                (s for s in statement.sections if s.kind == "question" and s.question_label == f"Q{question.number}"),
                None)
            if section is not None:
                data.talking.by_question[question.number] = key_sentences(section.paragraphs())

    def _add_library(self, debate: Debate, data: BriefData, drafts: list[Draft], lang: str) -> None:
        """Agreed language for the debate: the most relevant adopted paragraph to each guiding
        question (services/agreed_language.py: on its subject, adopted before it met, above the
        relevance floor; the brief's language first), and the paragraphs the PRST draft took from
        the library."""
        from debateprep.services.agreed_language import AgreedLanguageFinder
        from debateprep.services.library import LibraryService
        from debateprep.services.statements import StatementService

        if LibraryService(self.db).count() == 0:
            return
        assert debate.id is not None
        questions = StatementService(self.db).questions(debate.id)
        finder = AgreedLanguageFinder(
            self.db, questions, topic=[t for t in (debate.title, debate.agenda_item) if t],
            meeting=debate.meeting_date, cited=data.note.cited_documents if data.note is not None else ())
        found: list[AgreedText] = []
        seen: set[str] = set()
        library = LibraryService(self.db)
        for number, question in enumerate(questions, start=1):
            hits = [h for h in finder.for_question(question.key, limit=AGREED_PER_QUESTION) if h.citation not in seen]
            hits.sort(key=lambda h: h.lang != lang)  # the brief's language first, the ranking kept
            for best in hits:
                # Quoted in the brief's language, as F7 and `ours sources` offer it: a paragraph found
                # in the other language only through the same citation in this one, else not at all.
                text = best.text
                if best.lang != lang:
                    try:
                        other = library.paragraph(best.citation, lang)
                    except (NotFound, InputError):
                        continue
                    if other.paragraph.lang != lang:
                        continue
                    text = other.paragraph.text
                seen.add(best.citation)
                found.append(AgreedText(best.citation, text, question=number, relevance=best.relevance,
                                        matched=best.matched, cited=best.cited))
                break
        for draft in drafts:
            for number, paragraph in enumerate(draft.paragraphs, start=1):
                citation = paragraph.provenance.citation
                if paragraph.provenance.kind != "library" or not citation:
                    continue
                listed = next((a for a in found if a.citation == citation), None)
                if listed is not None:
                    listed.prst_paragraph = listed.prst_paragraph or number
                else:
                    found.append(AgreedText(citation, paragraph.provenance.source_text or paragraph.text,
                                            prst_paragraph=number))
        data.agreed_language = found[:AGREED_MAX]

    def export(self, ref: int | str | None = None, *, lang: str | None = None, delegation: str | None = None,
               html: bool = False, prepared: date | None = None) -> BriefExport:
        debate, data = self.gather(ref, delegation=delegation, lang=lang, prepared=prepared)
        language = lang or default_language(debate)
        text = render_brief(data, language)
        if html:
            text = to_html(text, debate, language)
        return BriefExport(text, language, debate, data, summarize(data))


def start_text(slot: Slot | None) -> str:
    """A planned start as the brief prints it: "10:21" on the meeting date, "02-13 10:20" later."""
    if slot is None:
        return ""
    return f"{slot.start:%H:%M}" if slot.session.day == 0 else f"{slot.start:%m-%d %H:%M}"


def _briefer(e: SpeakerEntry) -> Briefer:
    """A briefer from the list: someone in a personal capacity is a name, not an organization."""
    if e.delegation_code is None and (not e.representative or _same(e.representative, e.delegation)):
        return Briefer(e.delegation, e.title or None, None)
    return Briefer(e.representative or None, e.title or None, e.delegation)


def _same(a: str, b: str) -> bool:
    return bool(a) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def default_language(debate: Debate) -> str:
    return debate.language if debate.language in ("en", "zh") else "en"


def brief_title(debate: Debate, lang: str) -> str:
    return f"代表团简报：{debate.title}" if lang == "zh" else f"Delegation brief: {debate.title}"


def to_html(markdown: str, debate: Debate, lang: str) -> str:
    """The brief as a printable HTML page (same parse tree as the markdown)."""
    from debateprep.exporters.markdown import html_page

    return html_page(markdown, title=brief_title(debate, lang), lang="zh-Hans" if lang == "zh" else "en")


CONVERGENCE_POINTS = 10  # the most widely shared proposals shown in the brief
AGREED_PER_QUESTION = 3  # the most relevant, of which the first not listed yet (the brief's language first)
AGREED_MAX = 15


def _strength(cell: object) -> float:
    return float(getattr(cell, "strength", 0.0) or 0.0)


GIST_SECTIONS = ("objective", "background", "developments")
GIST_PARAGRAPHS = 3
GIST_SENTENCES = 2


def note_gist(sections: list) -> list[str]:  # type: ignore[type-arg]
    """The note in a few lines: the opening sentences of its objective/background/developments."""
    gist: list[str] = []
    for role in GIST_SECTIONS:
        for section in sections:
            if role in section.roles and section.paragraphs:
                gist.append(_opening(section.paragraphs[0]))
                break
    if not gist:
        first = next((s for s in sections if s.paragraphs), None)
        if first is not None:
            gist.append(_opening(first.paragraphs[0]))
    return gist[:GIST_PARAGRAPHS]


def _opening(paragraph: str) -> str:
    """The first sentences of a paragraph (Chinese sentences join with no space)."""
    return ("" if has_cjk(paragraph) else " ").join(sentences(paragraph)[:GIST_SENTENCES])


TALKING_POINTS_PER_QUESTION = 5


def key_sentences(paragraphs: list[str]) -> list[str]:
    """A section's talking points: the opening sentence of each paragraph that says something
    (footnote markers dropped; a paragraph of placeholders alone, "[What we propose]", says nothing)."""
    points: list[str] = []
    for paragraph in paragraphs:
        text = " ".join(FOOTNOTE_MARKER.sub("", paragraph).split())
        if not PLACEHOLDER.sub("", text).strip(" .,;:，。；：、"):
            continue
        first = sentences(text)
        points.append((first[0] if first else text).strip())
    return points[:TALKING_POINTS_PER_QUESTION]


def summarize(data: BriefData) -> str:
    """One line: what the brief holds ("13 questions, 19 speakers, 0 statements, …")."""
    questions, speakers = len(data.questions or []), len(data.speakers or [])
    statements, agreed = len(data.coverage.rows) if data.coverage else 0, len(data.agreed_language or [])
    parts = [
        ngettext("{n} question", "{n} questions", questions).format(n=questions),
        ngettext("{n} speaker", "{n} speakers", speakers).format(n=speakers),
        ngettext("{n} statement", "{n} statements", statements).format(n=statements),
        ngettext("{n} agreed-language paragraph", "{n} agreed-language paragraphs", agreed).format(n=agreed),
        (ngettext("PRST {n} paragraph", "PRST {n} paragraphs", len(data.prst.paragraphs)).format(
            n=len(data.prst.paragraphs)) if data.prst else _("no PRST draft")),
    ]
    return _(", ").join(parts)

"""Use cases for our delegation's statement: shared by the CLI and the TUI.

`new` builds the structure from the debate: the opening (the real presidency and briefers, in the
statement's language), one section per guiding question with its talking points and the library
paragraphs most relevant to it, and the closing. Sections are edited, added, dropped and moved;
agreed language goes in with its citation as a footnote marker. `check` runs the coverage engine on
our text; `sources` gathers what is at hand for a section (library, what we said before, what others
said on its question). Revisions and their diff reuse the PRST drafts' machinery; exports are
markdown and Word. Structural changes bump the statement's version, text edits the section's: a
caller that read an older version gets StaleEdit naming what changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from debateprep.domain.coverage import CoverageQuestion
from debateprep.domain.debate import Debate
from debateprep.domain.delivery import Rates
from debateprep.domain.errors import InputError, NotFound
from debateprep.i18n import N_, _
from debateprep.domain.our_statement import (
    HEADINGS,
    OurStatement,
    Rehearsal,
    Section,
    Suggestion,
    citation_marker,
    insert_paragraph,
    move,
)
from debateprep.domain.prst import check_language, translate_item
from debateprep.domain.prst_diff import RevisionDiff, diff_paragraphs
from debateprep.domain.roster import Roster
from debateprep.domain.statement_check import CheckReport, check, only_placeholders
from debateprep.domain.statement_forms import (
    CHAIRS,
    BrieferRef,
    closing,
    in_language,
    opening,
    talking_points,
    with_article,
)
from debateprep.domain.statements import Statement
from debateprep.storage.db import Database
from debateprep.storage.repos import debates as debate_repo
from debateprep.storage.repos import our_statement as repo

SUGGESTIONS = 3  # library paragraphs offered per question
# A question and an adopted paragraph differ in length and form: the closest paragraph to a guiding
# question scores 0.2-0.45 on the seed library (see services/brief.py); 0.2 keeps those on its subject.
SUGGESTION_MIN_SIMILARITY = 0.2
PAST_PASSAGES = 3  # of our earlier statements, per question
OTHERS_PASSAGES = 8  # of the debate's other delegations, per question

TEXT = {  # msgids, shown through _t()
    "no delegation": N_("no delegation for the statement: give --delegation or set the debate's "
                        "(`debateprep debate set DEBATE --delegation NAME`)"),
    "no statement": N_("no statement draft yet: run `debateprep ours new`"),
    "empty": N_("the statement has no text yet: nothing to {verb}"),
    "placeholders": N_("the statement says nothing yet beyond its opening and closing (its sections hold only "
                       "placeholders): nothing to {verb}"),
    "nothing changed": N_("nothing changed since {label}"),
    "no revision": N_("no revision yet: run `debateprep ours revise` first"),
    "heading": N_("a section needs a heading"),
    "bad chair": N_("the President is addressed as madam or mister, not {value!r}"),
    "bad rate": N_("{what} must be a positive number, not {value!r}"),
    "bad limit": N_("the speaking limit must be a positive number of minutes, not {value!r}"),
    "bad seconds": N_("a rehearsal lasts a positive number of seconds, not {value!r}"),
    "other language": N_("library paragraph {citation} is in {lang}; this statement is in {want}"),
    "no such source": N_("section {number} has no suggestion {index} (it has {count})"),
}


def _t(key: str) -> str:
    """TEXT[key] in the interface language."""
    return _(TEXT[key])


@dataclass(frozen=True)
class Passage:
    """Something a delegation said on a question: for "what we said before" and "what others said"."""

    delegation: str
    text: str
    strength: float
    source: str  # file or record reference
    debate_id: int | None = None
    statement_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"delegation": self.delegation, "text": self.text, "strength": round(self.strength, 3),
                "source": self.source, "debate_id": self.debate_id, "statement_id": self.statement_id}


@dataclass
class SectionSources:
    """What is at hand while writing one section."""

    section: int
    question: str | None
    library: list[Suggestion] = field(default_factory=list)
    ours: list[Passage] = field(default_factory=list)
    others: list[Passage] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"section": self.section, "question": self.question,
                "library": [s.to_json() for s in self.library],
                "ours": [p.to_json() for p in self.ours], "others": [p.to_json() for p in self.others]}


class OurStatementService:
    def __init__(self, db: Database, roster: Roster | None = None) -> None:
        self.db = db
        self._roster = roster

    @property
    def roster(self) -> Roster:
        if self._roster is None:
            self._roster = Roster.load()
        return self._roster

    # reading -------------------------------------------------------------------------------

    def get(self, statement_id: int) -> OurStatement:
        with self.db.session() as s:
            statement = repo.get(s, statement_id)
            debate = debate_repo.get(s, statement.debate_id)
        return self._with_limit(statement, debate)

    def statements(self, debate_id: int | None = None) -> list[OurStatement]:
        with self.db.session() as s:
            ids = repo.list_ids(s, debate_id)
        return [self.get(i) for i in ids]

    def resolve(self, ref: int | str | None, debate_id: int | None = None) -> OurStatement:
        """A statement by id; with none, the latest one (of `debate_id` when given)."""
        if ref in (None, ""):
            with self.db.session() as s:
                ids = repo.list_ids(s, debate_id)
            if not ids:
                raise NotFound(_t("no statement"))
            return self.get(ids[-1])
        try:
            return self.get(int(ref))
        except ValueError:
            raise InputError(None, _("statement must be a number, not {ref!r}").format(ref=ref)) from None

    def _with_limit(self, statement: OurStatement, debate: Debate) -> OurStatement:
        """The speaking limit: set by hand on the statement, else our entry on the speakers list,
        else the debate's limit for our category."""
        if statement.limit_minutes is not None:
            return replace(statement, limit_seconds=round(statement.limit_minutes * 60), limit_source="statement")
        settings = debate.settings
        entry = self._our_entry(statement, debate)
        if entry is not None:
            seconds = entry.planned_seconds(settings.default_limit_minutes, settings.limits_minutes)
            return replace(statement, limit_seconds=seconds, limit_source="speakers list")
        category = "group" if statement.on_behalf_of else "non-member"
        found = self.roster.find(statement.delegation)
        if category != "group" and found is not None and debate.meeting_date is not None \
                and self.roster.is_council_member(found.code, debate.meeting_date):
            category = "member"
        minutes = settings.limits_minutes.get(category, settings.default_limit_minutes)
        return replace(statement, limit_seconds=round(minutes * 60), limit_source="debate")

    def _our_entry(self, statement: OurStatement, debate: Debate) -> Any:
        from debateprep.services.speakers import SpeakersService

        if debate.id is None:
            return None
        found = self.roster.find(statement.delegation)
        names = {statement.delegation.casefold(), *(n.casefold() for n in (found.names() if found else ()))}
        for entry in SpeakersService(self.db, self.roster).entries(debate.id):
            if not entry.active:
                continue
            if (found is not None and entry.delegation_code == found.code) or entry.delegation.casefold() in names:
                return entry
        return None

    # the structure -------------------------------------------------------------------------

    def new(self, debate_id: int, language: str | None = None, *, delegation: str | None = None,
            on_behalf_of: str | None = None, aligning: Sequence[str] = (), chair: str | None = None,
            limit_minutes: float | None = None, words_per_minute: float | None = None,
            characters_per_minute: float | None = None) -> OurStatement:
        """A statement for the debate in `language` (default: the debate's), structured from the note."""
        with self.db.session() as s:
            debate = debate_repo.get(s, debate_id)
        lang = check_language(language or debate.language or "en")
        who = (delegation or debate.settings.our_delegation or "").strip()
        if not who:
            raise InputError(None, _t("no delegation"))
        us = self.roster.find(who)
        speaker = us.label(lang) if us else who
        group = self._group_name(on_behalf_of, lang)
        aligned = tuple(self._delegation_name(a, lang) for a in aligning if a.strip())
        chair = _chair(chair)
        rates = Rates(_rate(words_per_minute, "words per minute") or Rates().words_per_minute,
                      _rate(characters_per_minute, "characters per minute") or Rates().characters_per_minute)
        presidency = self._presidency(debate)
        sections = [Section("opening", HEADINGS[lang]["opening"], "\n\n".join(opening(
            lang, presidency=presidency.label(lang) if presidency else _other_script(debate.presidency, lang),
            briefers=self._briefers(debate, lang), chair=chair,
            we_preside=presidency is not None and us is not None and presidency.code == us.code,
            group=group, aligning=aligned)))]
        for question in self._questions(debate):
            sections.append(self._question_section(question, lang))
        sections.append(Section("closing", HEADINGS[lang]["closing"], closing(lang, chair)))
        statement = OurStatement(
            debate_id=debate_id, language="zh" if lang == "zh" else "en", delegation=speaker, on_behalf_of=group, aligning=aligned,
            chair=chair, topic=self._topic(debate, lang), meeting_date=debate.meeting_date,
            limit_minutes=_limit(limit_minutes), rates=rates, sections=sections,
        )
        with self.db.transaction() as s:
            stored = repo.add(s, statement)
        return self.get(stored.id)  # type: ignore[arg-type]

    def _delegation_name(self, name: str, lang: str) -> str:
        found = self.roster.find(name)
        return found.label(lang) if found else name.strip()

    def _group_name(self, name: str | None, lang: str) -> str | None:
        if not name or not name.strip():
            return None
        group = self.roster.find_group(name)
        if group is not None:
            return with_article(group.label(lang), lang)
        return with_article(self._delegation_name(name, lang), lang)

    def _presidency(self, debate: Debate) -> Any:
        for name in (debate.settings.president_delegation, debate.presidency):
            found = self.roster.find(name) if name else None
            if found is not None:
                return found
        if debate.meeting_date is not None:
            try:
                return self.roster.presidency(debate.meeting_date)
            except NotFound:
                return None
        return None

    def _briefers(self, debate: Debate, lang: str) -> list[BrieferRef]:
        """The debate's briefers: those on the speakers list, else those the concept note names."""
        from debateprep.domain.speakers import Basis
        from debateprep.services.notes import NotesService
        from debateprep.services.speakers import SpeakersService

        assert debate.id is not None
        view = SpeakersService(self.db, self.roster).view(debate.id)
        listed = [p.entry for p in view.placements if p.position is not None and p.entry.basis == Basis.BRIEFER]
        if listed:
            return [BrieferRef(e.representative or None, e.title or None,
                               self._organization(e.delegation_code or e.delegation, lang)) for e in listed]
        stored = NotesService(self.db).for_debate(debate.id)
        if stored is None:
            return []
        return [BrieferRef(b.name, b.title, self._organization(b.organization, lang)) for b in stored.note.briefers]

    def _organization(self, name: str | None, lang: str) -> str | None:
        if not name:
            return None
        found = self.roster.find(name)
        return found.label(lang) if found is not None else name

    def _questions(self, debate: Debate) -> list[CoverageQuestion]:
        from debateprep.services.statements import StatementService

        assert debate.id is not None
        return StatementService(self.db, self.roster).questions(debate.id)

    def _topic(self, debate: Debate, lang: str) -> str | None:
        item = debate.agenda_item or debate.title
        translated = translate_item(item, lang)
        if translated and not in_language(translated, lang):
            # Short forms: "武装冲突保护平民" is "武装冲突中保护平民".
            for en, zh in _agenda_items().items():
                if item and zh.replace("中", "") == item.replace("中", ""):
                    return en if lang == "en" else zh
        return translated

    def _question_section(self, question: CoverageQuestion, lang: str) -> Section:
        return Section("question", question.text, "\n\n".join(talking_points(lang)), question_id=question.key,
                       question_label=question.label, question_text=question.text,
                       suggestions=self._suggestions(question, lang))

    def _suggestions(self, question: CoverageQuestion, lang: str) -> tuple[Suggestion, ...]:
        """The library paragraphs most relevant to the question, in the statement's language: found
        from its wordings in that language, or from its other wordings through the same citation in
        the statement's language (when the library holds the document in both)."""
        from debateprep.services.library import LibraryService

        library = LibraryService(self.db)
        if library.count() == 0:
            return ()
        found: dict[str, Suggestion] = {}
        wordings = list(dict.fromkeys((question.text, *question.alternatives)))
        same = [w for w in wordings if in_language(w, lang)]
        for wording in same or wordings:
            wording_lang = "zh" if in_language(wording, "zh") else "en"
            for hit in library.similar(wording, SUGGESTIONS * 2, lang=wording_lang):
                if hit.similarity < SUGGESTION_MIN_SIMILARITY:
                    continue
                text, hit_id = hit.text, hit.id
                if wording_lang != lang:
                    try:
                        other = library.paragraph(hit.citation, lang)
                    except (NotFound, InputError):
                        continue
                    if other.paragraph.lang != lang:
                        continue
                    text, hit_id = other.paragraph.text, other.id
                best = found.get(hit.citation)
                if best is None or hit.similarity > best.similarity:
                    found[hit.citation] = Suggestion(hit.citation, text, hit.similarity, lang, hit_id)
        return tuple(sorted(found.values(), key=lambda s: (-s.similarity, s.citation))[:SUGGESTIONS])

    def refresh_sources(self, statement_id: int) -> OurStatement:
        """Find the library paragraphs for every question section again (after a library import)."""
        statement = self.get(statement_id)
        questions = {q.key: q for q in self._questions(self._debate(statement.debate_id))}
        with self.db.transaction() as s:
            for section in statement.sections:
                if section.kind != "question" or section.question_id is None:
                    continue
                question = questions.get(section.question_id) or CoverageQuestion(
                    section.question_id, section.question_label or "", section.question_text or section.heading)
                fresh = replace(section, suggestions=self._suggestions(question, statement.language))
                repo.update_section(s, statement_id, fresh, section.text)
        return self.get(statement_id)

    def _debate(self, debate_id: int) -> Debate:
        with self.db.session() as s:
            return debate_repo.get(s, debate_id)

    # sections ------------------------------------------------------------------------------

    def add_section(self, statement_id: int, heading: str, text: str = "", *, at: int | None = None,
                    question: int | None = None) -> Section:
        """A section the writer adds: free text, or for guiding question number `question` (1-based,
        as `show` lists them) with its talking points and library paragraphs. `at` is 1-based; by
        default the section goes before the closing."""
        statement = self.get(statement_id)
        if question is not None:
            questions = self._questions(self._debate(statement.debate_id))
            if not 1 <= question <= len(questions):
                raise InputError(None, _("no guiding question {question} (the debate has {count})").format(
                    question=question, count=len(questions)))
            section = self._question_section(questions[question - 1], statement.language)
            if heading.strip():
                section = replace(section, heading=heading.strip())
            if text.strip():
                section = replace(section, text=text.strip())
        else:
            if not heading.strip():
                raise InputError(None, _t("heading"))
            section = Section("text", heading.strip(), text.strip())
        if at is None:
            last = statement.sections[-1] if statement.sections else None
            index = len(statement.sections) - (1 if last is not None and last.kind == "closing" else 0)
        else:
            if not 1 <= at <= len(statement.sections) + 1:
                raise InputError(None, _("position {at} is out of range (1..{number})").format(
                    at=at, number=len(statement.sections) + 1))
            index = at - 1
        with self.db.transaction() as s:
            row = repo.check_version(s, statement_id, None)
            added = repo.insert_section(s, statement_id, section, index)
            repo.bump(s, row)
            return added

    def edit_section(self, statement_id: int, section: Section, text: str, heading: str | None = None) -> Section:
        """Replace the text (and heading) of the section the caller read (its version)."""
        if heading is not None and not heading.strip():
            raise InputError(None, _t("heading"))
        edited = replace(section, text=text.strip(), heading=heading.strip() if heading is not None else section.heading)
        with self.db.transaction() as s:
            return repo.update_section(s, statement_id, edited, section.text)

    def remove_section(self, statement_id: int, section: Section) -> None:
        with self.db.transaction() as s:
            row = repo.check_version(s, statement_id, None)
            repo.delete_section(s, statement_id, section)
            repo.bump(s, row)

    def move_section(self, statement_id: int, section_id: int, target: int,
                     expected_version: int | None = None) -> OurStatement:
        """Move the section with this id to number `target` (1-based); refused if the statement
        moved on since `expected_version` was read."""
        with self.db.transaction() as s:
            row = repo.check_version(s, statement_id, expected_version)
            statement = repo.get(s, statement_id)
            source = statement.section_number(statement.section_by_id(section_id).id)
            assert source is not None
            order = move(statement.sections, source, target)
            repo.reorder(s, statement_id, [x.id for x in order if x.id is not None])
            repo.bump(s, row)
        return self.get(statement_id)

    def insert_library(self, statement_id: int, section_id: int, ref: int | str, *, at: int | None = None,
                       version: int | None = None) -> Section:
        """Add agreed language (library id or citation) to the section with this id as a paragraph
        of its own, in statement form, with its citation kept as a footnote marker. `version` is the
        section version the caller read (default: as stored now)."""
        from debateprep.services.prst_sources import library_paragraph

        statement = self.get(statement_id)
        section = _as_read(statement.section_by_id(section_id), version)
        source = library_paragraph(self.db, ref, statement.language)
        if source.lang != statement.language:
            raise InputError(None, _t("other language").format(citation=source.citation, lang=source.lang,
                                                                 want=statement.language))
        paragraph = agreed_paragraph(source.text, source.citation, statement.language)
        return self.edit_section(statement_id, section, insert_paragraph(section.text, paragraph, at))

    def insert_suggestion(self, statement_id: int, section_id: int, index: int,
                          version: int | None = None) -> Section:
        """Insert suggestion `index` (1-based) of the section with this id."""
        statement = self.get(statement_id)
        section = _as_read(statement.section_by_id(section_id), version)
        if not 1 <= index <= len(section.suggestions):
            raise InputError(None, _t("no such source").format(number=statement.section_number(section_id),
                                                                 index=index, count=len(section.suggestions)))
        chosen = section.suggestions[index - 1]
        return self.insert_library(statement_id, section_id, chosen.id if chosen.id is not None else chosen.citation,
                                   version=section.version)

    # settings ------------------------------------------------------------------------------

    def configure(self, statement_id: int, expected_version: int | None = None, *,
                  limit_minutes: float | None | str = "keep", words_per_minute: float | None = None,
                  characters_per_minute: float | None = None, chair: str | None = None,
                  on_behalf_of: str | None = None, aligning: Sequence[str] | None = None,
                  topic: str | None = None, delegation: str | None = None) -> OurStatement:
        """Change settings; `limit_minutes=None` hands the limit back to the speakers list/debate."""
        statement = self.get(statement_id)
        fields: dict[str, object] = {}
        if limit_minutes != "keep":
            fields["limit_minutes"] = _limit(limit_minutes)  # type: ignore[arg-type]
        if words_per_minute is not None:
            fields["words_per_minute"] = _rate(words_per_minute, "words per minute")
        if characters_per_minute is not None:
            fields["characters_per_minute"] = _rate(characters_per_minute, "characters per minute")
        if chair is not None:
            fields["chair"] = _chair(chair)
        if on_behalf_of is not None:
            fields["on_behalf_of"] = self._group_name(on_behalf_of, statement.language)
        if topic is not None:
            fields["topic"] = topic.strip() or None
        if delegation is not None:
            if not delegation.strip():
                raise InputError(None, _t("no delegation"))
            fields["delegation"] = self._delegation_name(delegation, statement.language)
        aligned = None if aligning is None else [self._delegation_name(a, statement.language)
                                                 for a in aligning if a.strip()]
        with self.db.transaction() as s:
            row = repo.check_version(s, statement_id, expected_version)
            repo.update_settings(s, row, aligning=aligned, **fields)
        return self.get(statement_id)

    # check, revisions, rehearsals -----------------------------------------------------------

    def check(self, statement_id: int) -> CheckReport:
        """Questions addressed and missed, length against the limit, placeholders, open brackets."""
        from debateprep.services.statements import StatementService

        statement = self.get(statement_id)
        service = StatementService(self.db, self.roster)
        questions = service.questions(statement.debate_id)
        others = [x for x in service.list(statement.debate_id, include_procedural=False)
                  if not self._is_ours(x, statement)]
        return check(statement, questions, others)

    def _is_ours(self, statement: Statement, ours: OurStatement) -> bool:
        found = self.roster.find(ours.delegation)
        if found is not None and statement.delegation_code == found.code:
            return True
        return (statement.delegation or "").casefold() == ours.delegation.casefold()

    def revise(self, statement_id: int, note: str = "") -> Any:
        """Keep the current text as the next revision (rev.1, rev.2 …)."""
        statement = self.get(statement_id)
        _deliverable(statement, N_("circulate"))
        latest = statement.latest_revision()
        if latest is not None and list(latest.paragraphs) == statement.paragraphs():
            raise InputError(None, _t("nothing changed").format(label=latest.label))
        with self.db.transaction() as s:
            row = repo.check_version(s, statement_id, None)
            revision = repo.add_revision(s, statement_id, statement.paragraphs(), note)
            repo.bump(s, row)
            return revision

    def diff(self, statement_id: int, old: str | int | None = None, new: str | int | None = None) -> RevisionDiff:
        """Two revisions ('current' is the working text); by default the last revision -> current,
        or the last two when nothing changed since."""
        statement = self.get(statement_id)
        if not statement.revisions:
            raise InputError(None, _t("no revision"))

        def side(ref: str | int) -> tuple[str, list[str]]:
            if isinstance(ref, str) and ref.strip().lower() in ("current", "working", "now"):
                return "current", statement.paragraphs()
            rev = statement.revision(ref)
            return rev.label, list(rev.paragraphs)

        if old is None and new is None:
            latest = statement.revisions[-1]
            if list(latest.paragraphs) != statement.paragraphs() or len(statement.revisions) == 1:
                old, new = latest.number, "current"
            else:
                old, new = statement.revisions[-2].number, latest.number
        old_label, old_texts = side(old if old is not None else statement.revisions[-1].number)
        new_label, new_texts = side(new if new is not None else "current")
        return diff_paragraphs(old_texts, new_texts, old_label, new_label)

    def rehearse(self, statement_id: int, actual_seconds: float) -> Rehearsal:
        """Record a read-aloud: its actual duration against the estimate of the current text."""
        try:
            seconds = int(round(float(actual_seconds)))
        except (TypeError, ValueError):
            raise InputError(None, _t("bad seconds").format(value=actual_seconds)) from None
        if seconds <= 0:
            raise InputError(None, _t("bad seconds").format(value=actual_seconds))
        statement = self.get(statement_id)
        _deliverable(statement, N_("rehearse"))
        estimate = statement.estimate()
        with self.db.transaction() as s:
            return repo.add_rehearsal(s, statement_id, Rehearsal(seconds, round(estimate.seconds), estimate.units))

    # sources -------------------------------------------------------------------------------

    def sources(self, statement_id: int, section_id: int) -> SectionSources:
        """For the section with this id: the library paragraphs found for its question, what we said before
        on it (our statements in the database, any debate), and what other delegations said on it in
        this debate (the coverage evidence)."""
        from debateprep.domain.coverage import compute_coverage
        from debateprep.services.statements import StatementService

        statement = self.get(statement_id)
        section = statement.section_by_id(section_id)
        number = statement.section_number(section_id) or 0
        found = SectionSources(number, section.question_text, list(section.suggestions))
        wording = section.question_text or section.heading
        question = CoverageQuestion(section.question_id or 0, section.question_label or f"S{number}", wording)
        if section.question_id is not None:
            questions = {q.key: q for q in self._questions(self._debate(statement.debate_id))}
            question = questions.get(section.question_id, question)
        past = self._our_past(statement)
        if past:
            # Each earlier statement as its own "delegation", so each gets its best passage.
            keyed = [replace(p, delegation=f"{p.delegation} #{p.id}") for p in past]
            matrix = compute_coverage(keyed, [question])
            cells = sorted(matrix.covered_by(question.key), key=lambda c: -c.strength)[:PAST_PASSAGES]
            by_key = {f"{p.delegation} #{p.id}": p for p in past}
            found.ours = [Passage(by_key[c.delegation].delegation or "", c.passage.text, c.strength, c.source,
                                  by_key[c.delegation].debate_id, c.statement_id) for c in cells]
        if section.question_id is not None:
            service = StatementService(self.db, self.roster)
            others = [x for x in service.list(statement.debate_id, include_procedural=False)
                      if not self._is_ours(x, statement)]
            if others:
                matrix = compute_coverage(others, service.questions(statement.debate_id))
                found.others = [Passage(c.delegation, c.passage.text, c.strength, c.source, statement.debate_id,
                                        c.statement_id) for c in matrix.covered_by(section.question_id)[:OTHERS_PASSAGES]]
        return found

    def _our_past(self, statement: OurStatement) -> list[Statement]:
        found = self.roster.find(statement.delegation)
        codes = [found.code] if found else []
        names = list(found.names()) if found else [statement.delegation]
        with self.db.session() as s:
            return repo.statements_by(s, codes, names)

    # exports -------------------------------------------------------------------------------

    def export_markdown(self, statement_id: int, *, delivery: bool = False, revision: str | int | None = None) -> str:
        from debateprep.exporters.statement_markdown import statement_markdown

        statement = self._exportable(statement_id, revision)
        return statement_markdown(statement, delivery=delivery)

    def export_docx(self, statement_id: int, *, delivery: bool = False, revision: str | int | None = None) -> bytes:
        from debateprep.exporters.docx import markdown_to_docx
        from debateprep.exporters.statement_markdown import DELIVERY_POINTS, statement_markdown

        statement = self._exportable(statement_id, revision)
        text = statement_markdown(statement, delivery=delivery)
        header = statement.header()
        return markdown_to_docx(text, language=statement.language, header=header[0],
                                base_points=DELIVERY_POINTS if delivery else None, right_aligned=(header[2],))

    def _exportable(self, statement_id: int, revision: str | int | None) -> OurStatement:
        statement = self.get(statement_id)
        if revision is not None:
            rev = statement.revision(revision)
            statement = replace(statement, sections=[Section("text", rev.label, "\n\n".join(rev.paragraphs))])
        _deliverable(statement, N_("export"))
        return statement


def _as_read(section: Section, version: int | None) -> Section:
    """The section as the caller read it: a stale version makes the save refuse with what changed."""
    return section if version is None else replace(section, version=version)


_RESOLUTION = re.compile(r"S/RES/(?P<number>\d+)\s*\((?P<year>\d{4})\)")
_PRST = re.compile(r"S/PRST/\d{4}/\d+")


def _adopted_in(citation: str, language: str) -> str:
    """Where the Council agreed the text, as a statement names it: "resolution 865 (1993)" /
    "第865(1993)号决议", "presidential statement S/PRST/2014/3" / "S/PRST/2014/3号主席声明"."""
    resolution = _RESOLUTION.search(citation)
    if resolution is not None:
        number, year = resolution.group("number"), resolution.group("year")
        return f"第{number}({year})号决议" if language == "zh" else f"resolution {number} ({year})"
    prst = _PRST.search(citation)
    if prst is not None:
        return f"{prst.group(0)}号主席声明" if language == "zh" else f"presidential statement {prst.group(0)}"
    document = citation.split(",")[0].strip()
    return document if language == "zh" else f"document {document}"


def agreed_paragraph(text: str, citation: str, language: str) -> str:
    """Adopted text as a sentence of OUR statement: the delegation citing the Council in its own
    voice (`We recall that in resolution 865 (1993) the Council "invites the Secretary-General to …".` /
    `我们回顾，安理会在第865(1993)号决议中“请秘书长……”。`), its citation kept as a footnote marker."""
    from debateprep.domain.prst_form import ZH_SUBJECT_FIRST, strip_zh_subject, to_prst

    converted = to_prst(text, language, first=True).text.strip()
    where = _adopted_in(citation, language)
    if language == "zh":
        said = strip_zh_subject(converted).rstrip("，；：,;:。.")
        if converted.startswith(ZH_SUBJECT_FIRST) and said:
            return f"我们回顾，安理会在{where}中“{said}”。" + citation_marker(citation)
        return f"我们回顾{where}：“{converted.rstrip('，；：,;:。.')}”。" + citation_marker(citation)
    subject = re.match(r"the\s+security\s+council\s*,?\s+", converted, re.IGNORECASE)
    said = converted[subject.end():].rstrip(",;:. ") if subject else ""
    if said:
        return f'We recall that in {where} the Council "{said}".' + citation_marker(citation)
    return f'We recall {where}: "{converted.rstrip(",;:. ")}".' + citation_marker(citation)


def _deliverable(statement: OurStatement, verb: str) -> None:
    """Refuse an empty statement, or one whose sections hold only placeholders."""
    if not any(s.text.strip() for s in statement.sections):
        raise InputError(None, _t("empty").format(verb=_(verb)))
    if only_placeholders(statement):
        raise InputError(None, _t("placeholders").format(verb=_(verb)))


def _chair(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    key = value.strip().lower().rstrip(".")
    key = {"mr": "mister", "ms": "madam", "f": "madam", "m": "mister", "女士": "madam", "先生": "mister"}.get(key, key)
    if key not in CHAIRS:
        raise InputError(None, _t("bad chair").format(value=value))
    return key


def _rate(value: float | None, what: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or value <= 0 or value != value:
        raise InputError(None, _t("bad rate").format(what=what, value=value))
    return float(value)


def _limit(value: float | None) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or value <= 0 or value != value or value > 600:
        raise InputError(None, _t("bad limit").format(value=value))
    return float(value)


def _other_script(name: str | None, lang: str) -> str | None:
    """A presidency the roster does not know: kept when written in the statement's language."""
    return name if name and in_language(name, lang) else None


def _agenda_items() -> dict[str, str]:
    from debateprep.domain.prst import AGENDA_ITEMS

    return AGENDA_ITEMS

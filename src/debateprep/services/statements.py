"""Use cases for statements: import, list, map by hand, coverage and convergence.

The PRST and brief work call `coverage()` and `convergence()`; both return the plain
dataclasses of `debateprep.domain.coverage` (CoverageMatrix, ConvergenceGroup).
"""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from debateprep.domain.coverage import (
    ConvergenceGroup,
    CoverageMark,
    CoverageMatrix,
    CoverageQuestion,
    Mark,
    apply_marks,
    compute_convergence,
    compute_coverage,
)
from debateprep.domain import limits
from debateprep.i18n import _, ngettext
from debateprep.domain.debate import Debate
from debateprep.domain.errors import InputError, NotFound
from debateprep.domain.roster import Roster
from debateprep.domain.statements import Statement
from debateprep.storage.db import Database
from debateprep.storage.repos import coverage as marks_repo
from debateprep.storage.repos import debates as debates_repo
from debateprep.storage.repos import notes as notes_repo
from debateprep.storage.repos import statements as repo

RECORD_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass
class ImportReport:
    debate_id: int
    statements: list[Statement] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    replaced: int = 0

    @property
    def unmapped(self) -> list[Statement]:
        return [s for s in self.statements if s.unmapped]

    def summary(self) -> dict[str, int]:
        kinds = [s.kind for s in self.statements]
        return {
            "imported": len(self.statements),
            "statements": kinds.count("statement"),
            "briefings": kinds.count("briefing"),
            "procedural": kinds.count("procedural"),
            "mapped": sum(1 for s in self.statements if s.delegation),
            "unmapped": len(self.unmapped),
            "delegations": len({s.delegation for s in self.statements if s.delegation}),
            "replaced": self.replaced,
        }

    def to_json(self) -> dict[str, object]:
        return {
            "debate_id": self.debate_id,
            "records": self.records,
            "summary": self.summary(),
            "unmapped": [s.to_json(with_text=False) for s in self.unmapped],
            "statements": [s.to_json(with_text=False) for s in self.statements],
        }


class StatementService:
    def __init__(self, db: Database, roster: Roster | None = None) -> None:
        self.db = db
        self._roster = roster

    @property
    def roster(self) -> Roster:
        if self._roster is None:
            self._roster = Roster.load()
        return self._roster

    # -- import ----------------------------------------------------------------------------

    def import_files(
        self,
        debate_id: int,
        paths: Sequence[str | Path],
        *,
        delegation: str | None = None,
        entry_id: int | None = None,
        replace: bool = False,
    ) -> ImportReport:
        """One statement per file (.txt/.md/.docx/.pdf), all in one transaction.

        `delegation` (a roster name) or `entry_id` (a speakers-list entry of this debate) says
        whose statement a single file is; otherwise the file's header or name says it.
        """
        from debateprep.importers.statements import statement_from_file

        if not paths:
            raise InputError(None, _("no statement files given"))
        paths = _statement_files(paths)
        if (delegation or entry_id) and len(paths) > 1:
            raise InputError(None, _("--delegation/--entry name one speaker: import that file on its own"))
        debate = self._debate(debate_id)
        entry = self._entry(debate_id, entry_id) if entry_id is not None else None
        if entry is not None:
            delegation = entry.delegation_code
        statements = [statement_from_file(p, self.roster, delegation) for p in paths]
        if entry is not None:
            statements[0].speakers_entry_id = entry_id
            if entry.delegation_code is None:  # someone speaking in a personal capacity
                statements[0].delegation, statements[0].mapped_by = entry.delegation, "file"
                statements[0].kind = "briefing"
        return self._store(debate, statements, [], replace)

    def _entry(self, debate_id: int, entry_id: int):  # type: ignore[no-untyped-def]
        from debateprep.services.speakers import SpeakersService

        entry = SpeakersService(self.db).entry(entry_id)
        if entry.debate_id != debate_id:
            raise InputError(None, _("speakers-list entry #{entry_id} belongs to debate #{debate_id}, not "
                                     "#{debate_id2}").format(
                entry_id=entry_id, debate_id=entry.debate_id, debate_id2=debate_id))
        return entry

    def _link_entries(self, debate_id: int, statements: Sequence[Statement]) -> None:
        """Link each statement to its delegation's entry on the debate's speakers list."""
        from debateprep.services.speakers import SpeakersService

        by_code: dict[str, int] = {}
        for entry in SpeakersService(self.db).entries(debate_id):
            if entry.delegation_code and entry.id is not None and entry.active:
                by_code.setdefault(entry.delegation_code, entry.id)
        for st in statements:
            if st.speakers_entry_id is None and st.delegation_code in by_code:
                st.speakers_entry_id = by_code[st.delegation_code]

    def import_record(
        self, debate_id: int, paths: Sequence[str | Path], *, meeting: int | None = None, replace: bool = False
    ) -> ImportReport:
        """A verbatim record: whole parts, or a folder / files with one speech each."""
        from debateprep.importers.statements import read_record_files

        debate = self._debate(debate_id)
        files = _record_files(paths, meeting or debate.meeting_number)
        presidency = debate.settings.president_delegation or debate.presidency
        if presidency is None and debate.meeting_date is not None:
            try:
                presidency = self.roster.presidency(debate.meeting_date).name
            except NotFound:
                presidency = None
        result = read_record_files(files, self.roster, presidency)
        self._map_listed_briefers(debate_id, result.statements)
        return self._store(debate, result.statements, result.records, replace)

    def _map_listed_briefers(self, debate_id: int, statements: Sequence[Statement]) -> None:
        """A speaker the record names by surname only ("Mr. Khiari:") is the briefer of that name
        already on the debate's speakers list, if there is exactly one (the list says better
        than the invitation's wording whom an invited briefer speaks for)."""
        from debateprep.domain.record_speakers import listed_briefer
        from debateprep.services.speakers import SpeakersService

        entries = SpeakersService(self.db, self.roster).entries(debate_id)
        for st in statements:
            if not (st.unmapped or st.mapped_by == "invitation") or not st.speaker:
                continue
            entry = listed_briefer(st.speaker, entries)
            if entry is not None:
                st.delegation, st.delegation_code = entry.delegation, entry.delegation_code
                st.speakers_entry_id, st.kind, st.mapped_by, st.suggestion = entry.id, "briefing", "speakers list", None

    def _store(self, debate: Debate, statements: list[Statement], records: list[str], replace: bool) -> ImportReport:
        assert debate.id is not None
        if len(statements) > limits.MAX_RECORD_SPEECHES:
            raise InputError(None, _("{value}: {count:,} speeches; one verbatim record has a few hundred at most "
                                     "(the limit is {limit:,}): not imported").format(
                value=records[0] if records else 'the record', count=len(statements),
                limit=limits.MAX_RECORD_SPEECHES))
        sources = [s.source for s in statements]
        duplicates = {source for source, n in Counter(sources).items() if n > 1}  # one pass, not a count per item
        if duplicates:
            raise InputError(None, _("two statements would share the source {value!r}").format(
                value=sorted(duplicates)[0]))
        self._link_entries(debate.id, statements)
        with self.db.transaction() as s:
            replaced = repo.delete_sources(s, debate.id, sources) if replace else 0
            stored = repo.add_all(s, debate.id, statements)
        return ImportReport(debate.id, stored, records, replaced)

    # -- read and map ----------------------------------------------------------------------

    def list(self, debate_id: int, *, unmapped: bool = False, include_procedural: bool = True) -> list[Statement]:
        with self.db.session() as s:
            debates_repo.get_row(s, debate_id)
            found = repo.list_for_debate(s, debate_id)
        if unmapped:
            found = [x for x in found if x.unmapped]
        if not include_procedural:
            found = [x for x in found if x.kind != "procedural"]
        return found

    def get(self, statement_id: int) -> Statement:
        with self.db.session() as s:
            return repo.get(s, statement_id)

    def resolve(self, statement_id: int, delegation: str | None, *, version: int | None = None) -> Statement:
        """Map a statement to a roster delegation by hand (None: it speaks for no delegation).

        `version` is the version the caller saw; another person's change in between is a StaleEdit.
        """
        current = self.get(statement_id)
        expected = current.version if version is None else version
        if delegation is None:
            return self._set(statement_id, expected, None, None, "procedural", "manual")
        found = self.roster.resolve(delegation)
        kind = "briefing" if current.kind == "briefing" or found.basis == "briefer" and not found.is_state else "statement"
        linked = Statement(text="", delegation_code=found.code)
        if current.debate_id is not None:
            self._link_entries(current.debate_id, [linked])
        return self._set(statement_id, expected, found.name, found.code, kind, "manual", linked.speakers_entry_id)

    def _set(self, statement_id: int, version: int, name: str | None, code: str | None, kind: str,
             mapped_by: str, entry_id: int | None = None) -> Statement:
        with self.db.transaction() as s:
            return repo.set_delegation(s, statement_id, version, delegation=name, delegation_code=code,
                                       kind=kind, mapped_by=mapped_by, speakers_entry_id=entry_id)

    def remove_all(self, debate_id: int) -> int:
        with self.db.transaction() as s:
            debates_repo.get_row(s, debate_id)
            return repo.delete_for_debate(s, debate_id)

    # -- analysis --------------------------------------------------------------------------

    def questions(self, debate_id: int) -> builtins.list[CoverageQuestion]:
        """The guiding questions of the debate's concept note (empty without a note)."""
        debate = self._debate(debate_id)
        if debate.concept_note_id is None:
            return []
        with self.db.session() as s:
            found = notes_repo.questions(s, debate.concept_note_id)
        out = []
        for q in found:
            wording = q.question_form or q.text
            others = tuple(dict.fromkeys(x for x in (q.text, q.original) if x and x != wording))
            out.append(CoverageQuestion(q.id or q.position, f"Q{q.position}", wording, others))
        return out

    def coverage(self, debate_id: int, questions: Sequence[CoverageQuestion] | None = None, *,
                 with_marks: bool = True) -> CoverageMatrix:
        """Delegations × guiding questions with the evidence passage behind each cell, and the
        user's marks laid over the tool's judgement (`with_marks=False`: the tool alone).

        `questions` overrides the concept note's (e.g. questions with their translations); marks
        then apply to the question of the same wording.
        """
        chosen = list(questions) if questions is not None else self.questions(debate_id)
        if not chosen:
            raise InputError(None, _("debate #{debate_id} has no guiding questions: link a concept note or give a "
                                     "questions file (--questions)").format(
                debate_id=debate_id))
        matrix = compute_coverage(self.list(debate_id, include_procedural=False), chosen)
        if with_marks:
            apply_marks(matrix, self._marks_by_cell(debate_id, chosen, by_text=questions is not None))
        return matrix

    def marks(self, debate_id: int) -> builtins.list[CoverageMark]:
        """The user's marks on this debate's coverage cells."""
        with self.db.session() as s:
            debates_repo.get_row(s, debate_id)
            return marks_repo.list_for_debate(s, debate_id)

    def _marks_by_cell(self, debate_id: int, questions: Sequence[CoverageQuestion],
                       by_text: bool) -> dict[tuple[str, int], Mark]:
        keys = {q.key for q in questions}
        wordings = {_wording(w): q.key for q in questions for w in (q.text, *q.alternatives)}
        out: dict[tuple[str, int], Mark] = {}
        for m in self.marks(debate_id):
            key = wordings.get(_wording(m.question_text)) if by_text else (m.question_key if m.question_key in keys else None)
            if key is not None:
                out[(m.delegation, key)] = m.mark
        return out

    def mark(self, debate_id: int, delegation: str, question: str | int, mark: Mark | None,
             questions: Sequence[CoverageQuestion] | None = None) -> CoverageMark | None:
        """Mark one cell "wrong" or "addressed" (None clears the mark). The mark stays across
        re-computation. `question` is its label or number ("Q3", "3", 3) or its id."""
        matrix = self.coverage(debate_id, questions, with_marks=False)
        q = _find_question(matrix.questions, question)
        name = _find_delegation(matrix.delegations, delegation, self.roster)
        cell = matrix.cell(name, q.key)
        with self.db.transaction() as s:
            if mark is None:
                marks_repo.clear(s, debate_id, name, q.key)
                return None
            tool = cell is not None and cell.covered
            passage = cell.passage.text if cell is not None and cell.reasons else None
            return marks_repo.put(s, debate_id, CoverageMark(name, q.key, q.text, mark, tool, passage))

    def convergence(self, debate_id: int, *, min_supporters: int = 2) -> builtins.list[ConvergenceGroup]:
        """Proposals shared by several delegations, most widely shared first."""
        return compute_convergence(self.list(debate_id, include_procedural=False), min_supporters=min_supporters)

    def why_empty(self, debate_id: int, what: str, *, min_supporters: int = 2) -> str:
        """Why the coverage (`what="coverage"`) has no row or the convergence no group, and what to do."""
        statements = self.list(debate_id, include_procedural=False)
        if not statements:
            text = (_("No statements imported for debate #{debate} yet, so no coverage of its guiding questions: "
                      "`debateprep statements import {debate} FILE…` (one per delegation) or `--record FILE…` "
                      "(a verbatim record), or i on the Statements tab (F3).") if what == "coverage" else
                    _("No statements imported for debate #{debate} yet, so no proposals to compare: "
                      "`debateprep statements import {debate} FILE…` (one per delegation) or `--record FILE…` "
                      "(a verbatim record), or i on the Statements tab (F3)."))
            return text.format(debate=debate_id)
        speakers = {s.delegation for s in statements if s.delegation}
        if what == "coverage":
            return ngettext("None of the {count} statement is attributed to a delegation yet: `m` on F3 maps it.",
                            "None of the {count} statements is attributed to a delegation yet: `m` on F3 maps them.",
                            len(statements)).format(count=len(statements))
        if len(speakers) < min_supporters:
            return ngettext("Statements from {count} delegation only: a proposal converges when {min} or more "
                            "delegations make it.",
                            "Statements from {count} delegations only: a proposal converges when {min} or more "
                            "delegations make it.", len(speakers)).format(count=len(speakers), min=min_supporters)
        lower = _(" (--min 2 lowers the bar)") if min_supporters > 2 else ""
        return _("No proposal is shared by {min} or more of the {count} delegations whose statements are "
                 "imported{lower}.").format(min=min_supporters, count=len(speakers), lower=lower)

    def _debate(self, debate_id: int) -> Debate:
        with self.db.session() as s:
            return debates_repo.get(s, debate_id)


def _wording(text: str) -> str:
    return " ".join(text.split()).casefold()


def _find_question(questions: Sequence[CoverageQuestion], ref: str | int) -> CoverageQuestion:
    text = str(ref).strip()
    label = text.upper() if text.upper().startswith("Q") else f"Q{text}"
    for q in questions:
        if q.label == label:
            return q
    for q in questions:
        if text.isdigit() and q.key == int(text):
            return q
    raise NotFound(_("no question {ref}: the questions are {labels}").format(
        ref=repr(ref), labels=_(", ").join(q.label for q in questions)))


def _find_delegation(delegations: Sequence[str], name: str, roster: Roster) -> str:
    """A delegation of the debate's statements, by its name or any roster name of it."""
    if name in delegations:
        return name
    folded = {d.casefold(): d for d in delegations}
    if name.casefold() in folded:
        return folded[name.casefold()]
    found = roster.find(name, fuzzy=True)
    if found is not None and found.name in delegations:
        return found.name
    raise NotFound(_("no statement of {name!r} in this debate (see `debateprep statements list`)").format(name=name))


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; a folder stands for the .txt/.md/.docx/.pdf files in it."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir()
                            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in RECORD_SUFFIXES)
            if not inside:
                raise InputError(path, _("no .txt, .md, .docx or .pdf files in this folder"))
            files += inside
        else:
            files.append(path)
    return files


def _statement_files(paths: Sequence[str | Path]) -> list[Path]:
    """One statement per file. A folder of verbatim-record files (S/PV.…) is refused: imported one
    statement per file, it would mix meetings and miss the President's introductions."""
    from debateprep.importers.verbatim_record import _PART

    for raw in paths:
        if Path(raw).is_dir():
            named = [f for f in _expand([raw]) if _PART.search(f.stem.replace(" ", ""))]
            if named:
                raise InputError(raw, _("{count} of its files are verbatim-record files ({name} …): import them as a "
                                        "verbatim record (CLI: --record; TUI: tick the box)").format(
                    count=len(named), name=named[0].name))
    return _expand(paths)


def _record_files(paths: Sequence[str | Path], meeting: int | None) -> list[Path]:
    """Expand folders to their record files; keep one meeting's files when a folder holds many."""
    from debateprep.importers.verbatim_record import _PART

    if not paths:
        raise InputError(None, _("no verbatim record files given"))
    files = _expand(paths)
    meetings: dict[int | None, list[Path]] = {}
    for f in files:
        m = _PART.search(f.stem.replace(" ", ""))
        meetings.setdefault(int(m.group("meeting")) if m else None, []).append(f)
    if meeting is not None and meeting in meetings:
        return meetings[meeting]
    named = [m for m in meetings if m is not None]
    if len(named) > 1:
        shown = ", ".join(str(m) for m in sorted(named)[:5]) + (" …" if len(named) > 5 else "")
        if meeting is not None:
            raise InputError(None, _("no files of meeting {meeting} here; the files belong to {count} meetings "
                                     "({shown}): give --meeting N").format(meeting=meeting, count=len(named),
                                                                          shown=shown))
        raise InputError(None, _("the files belong to {count} meetings ({shown}): give --meeting N").format(
            count=len(named), shown=shown))
    return files

"""Use cases for drafting a presidential statement: shared by the CLI and the TUI.

A draft belongs to a debate; paragraphs come from a convergence group (statements), from agreed
language (library) or from the keyboard, and are converted to PRST form on the way in. `check`
compares every paragraph with the library and marks it agreed (with the closest citation) or new.
Structural changes (add, remove, move, order, revise) bump the draft's version; text edits bump the
paragraph's. Paragraphs are addressed by id (positions are for display: they move when someone else
adds, removes or moves a paragraph), and every change names the version it was made against: the
paragraph's for edit and remove, the draft's for move and order. A caller that read an older version
gets StaleEdit naming what changed, from which version to which, and who changed it.
"""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass, replace

from debateprep.domain import limits
from debateprep.domain.errors import Conflict, InputError, NotFound
from debateprep.i18n import _
from debateprep.domain.prst import (
    Draft,
    Paragraph,
    Provenance,
    Revision,
    Sent,
    Status,
    check_language,
    conventional_order,
    insertion_index,
    move_to,
    position_subjects,
    translate_item,
)
from debateprep.domain.prst_diff import RevisionDiff, diff_paragraphs
from debateprep.domain.prst_form import (
    Conversion,
    draft_text,
    is_chinese,
    refresh_flags,
    strip_zh_subject,
    to_prst,
)
from debateprep.storage.db import Database
from debateprep.storage.repos import debates as debate_repo
from debateprep.storage.repos import prst as repo

# Agreed language is text the Council adopted: a paragraph is agreed when it reads as an adopted one
# (both in PRST form, subjects aside) at this similarity or above, or is a verbatim clause of one.
# Anything else is new language, shown with its closest citation and similarity.
AGREED_THRESHOLD = 0.97
# A verbatim clause must be at least this long (letters and digits) to count as agreed.
MIN_EXCERPT_CHARS = 12
# How many library candidates to re-score for each paragraph.
CANDIDATES = 8


def _same_text(text: str) -> str:
    """Text as compared for duplicates: case, spacing and quotation marks aside."""
    return " ".join(text.casefold().replace("“", "").replace("”", "").replace('"', "").split())


@dataclass(frozen=True)
class CheckResult:
    status: Status
    citation: str | None
    text: str | None
    similarity: float | None


def body(text: str) -> str:
    """A PRST paragraph without its subject, for comparing wording."""
    text = re.sub(r"^The Security Council\s+", "", text)
    return strip_zh_subject(text)


def _letters(text: str) -> str:
    """Only letters and digits, lower case: what a verbatim comparison looks at."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_excerpt(mine: str, adopted: str) -> bool:
    """`mine` is a verbatim clause of `adopted` (punctuation, spacing and case aside)."""
    small = _letters(mine)
    return len(small) >= MIN_EXCERPT_CHARS and small in _letters(adopted)


def current_user() -> str | None:
    """Who is making a change, as a stale edit will name them: the login name, when there is one."""
    try:
        return getpass.getuser()[:100] or None
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return None


class PrstService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # drafts ------------------------------------------------------------------------------

    def new_draft(self, debate_id: int, language: str | None = None, agenda_item: str | None = None) -> Draft:
        """A draft for the debate; chapeau data come from the debate (item translated if known)."""
        with self.db.transaction() as s:
            debate = debate_repo.get(s, debate_id)
            lang = check_language(language or debate.language or "en")
            item = agenda_item or translate_item(debate.agenda_item or debate.title, lang)
            draft = Draft(
                debate_id=debate_id,
                language=lang,  # type: ignore[arg-type]
                agenda_item=item,
                meeting_number=debate.meeting_number,
                meeting_date=debate.meeting_date,
            )
            added = repo.add_draft(s, draft)
            debate_repo.update(s, replace(debate, settings=replace(debate.settings, prst_draft=added.id)))
            return added

    def current(self, debate_id: int) -> Draft | None:
        """The draft the debate's team works on (F5 and the brief show it): the one chosen last
        (`use`, or the newest started), else the most recent; None when the debate has none."""
        with self.db.session() as s:
            ids = repo.list_ids(s, debate_id)
            if not ids:
                return None
            chosen = debate_repo.get(s, debate_id).settings.prst_draft
            return repo.get(s, chosen if chosen in ids else ids[-1])

    def use(self, draft_id: int) -> Draft:
        """Make `draft_id` the draft its debate works on (F5 and the brief show it)."""
        with self.db.transaction() as s:
            draft = repo.get(s, draft_id)
            debate = debate_repo.get(s, draft.debate_id)
            if debate.settings.prst_draft != draft_id:
                debate_repo.update(s, replace(debate, settings=replace(debate.settings, prst_draft=draft_id)))
            return draft

    def get(self, draft_id: int) -> Draft:
        with self.db.session() as s:
            return repo.get(s, draft_id)

    def drafts(self, debate_id: int | None = None) -> list[Draft]:
        with self.db.session() as s:
            return [repo.get(s, i) for i in repo.list_ids(s, debate_id)]

    def resolve(self, ref: int | str | None, debate_id: int | None = None) -> Draft:
        """A draft by id; with none, the current draft of `debate_id` (default: the most recent debate)."""
        if ref in (None, ""):
            if debate_id is None:
                with self.db.session() as s:
                    debates = debate_repo.list_all(s)
                debate_id = debates[-1].id if debates else None
            draft = self.current(debate_id) if debate_id is not None else None
            if draft is None:
                if debate_id is None:
                    raise NotFound(_("no PRST draft yet: run `debateprep prst new`"))
                raise NotFound(_("no PRST draft for debate #{debate_id} yet: run `debateprep prst new`").format(
                    debate_id=debate_id))
            return draft
        try:
            return self.get(int(ref))
        except ValueError:
            raise InputError(None, _("draft must be a number, not {ref!r}").format(ref=ref)) from None

    # paragraphs --------------------------------------------------------------------------

    def add_text(
        self, draft_id: int, text: str, *, convert: bool = True, position: int | None = None,
        provenance: Provenance | None = None,
    ) -> Paragraph:
        """Add a paragraph; converted to PRST form unless `convert` is False.

        `position` is 1-based; by default the paragraph goes where convention puts it.
        """
        if not text.strip():
            raise InputError(None, _("a paragraph needs some text"))
        draft = self.get(draft_id)
        text_lang = "zh" if is_chinese(text) else "en"
        if text_lang != draft.language:
            raise InputError(None, _("this draft is in {language}; the paragraph is in {text_lang}").format(
                language=draft.language, text_lang=text_lang))
        provenance = provenance or Provenance("typed", source_text=text.strip())
        conversion = draft_text(text, draft.language, convert=convert)
        self._refuse_duplicate(draft, conversion.text, provenance)
        paragraph = Paragraph(text=conversion.text, provenance=provenance, flags=conversion.flags)
        index = insertion_index(draft.paragraphs, paragraph.category) if position is None else position - 1
        who = current_user()
        with self.db.transaction() as s:
            row = repo.check_draft_version(s, draft_id, None)
            added = repo.insert_paragraph(s, draft_id, paragraph, index, who)
            repo.bump_draft(s, row, who)
            return added

    @staticmethod
    def _refuse_duplicate(draft: Draft, text: str, provenance: Provenance) -> None:
        """A PRST never says the same thing twice: the same text, or the same source sent again, is refused."""
        wanted = {_same_text(text)}
        if provenance.kind != "typed" and provenance.source_text:
            wanted.add(_same_text(provenance.source_text))
        for number, p in enumerate(draft.paragraphs, start=1):
            theirs = {_same_text(p.text)}
            for source in (p.provenance, p.provenance.edited_from):  # a rewritten paragraph's source too
                if source is not None and source.kind != "typed" and source.source_text:
                    theirs.add(_same_text(source.source_text))
            if wanted & theirs:
                raise Conflict(_("already in PRST draft #{draft_id} as paragraph {number} ({value}): not added again").format(
                    draft_id=draft.id, number=number, value=p.provenance.describe()))

    def send_group(self, debate_id: int, rank: int) -> Sent:
        """Convergence group `rank` into the debate's current draft, started if there is none."""
        from debateprep.services.prst_sources import convergence_group

        group = convergence_group(self.db, debate_id, rank)
        provenance = Provenance("group", source_id=rank, supporters=group.supporters, source_text=group.text)
        return self.send(debate_id, group.text, provenance)

    def send_library(self, debate_id: int, ref: str | int) -> Sent:
        """An agreed-language paragraph (library id or citation) into the debate's current draft,
        started if there is none; in the draft's language when the library has it."""
        from debateprep.services.prst_sources import library_paragraph

        draft = self.current(debate_id)
        language = draft.language if draft is not None else self._debate_language(debate_id)
        source = library_paragraph(self.db, ref, language)
        provenance = Provenance("library", citation=source.citation, source_id=source.id, source_text=source.text)
        return self.send(debate_id, source.text, provenance)

    def _debate_language(self, debate_id: int) -> str:
        with self.db.session() as s:
            return check_language(debate_repo.get(s, debate_id).language or "en")

    def send(self, debate_id: int, text: str, provenance: Provenance | None = None) -> Sent:
        """`text` into the debate's current draft (started for it if there is none), in PRST form."""
        provenance = provenance or Provenance("typed", source_text=text.strip())
        draft = self.current(debate_id)
        language = draft.language if draft is not None else self._debate_language(debate_id)
        text_lang = "zh" if is_chinese(text) else "en"
        if text_lang != language:  # refused before a draft is started for it
            where = (_("PRST draft #{draft_id} is in {language}; this paragraph is in {text_lang}") if draft is not None
                     else _("debate #{debate_id}'s PRST draft is in {language}; this paragraph is in {text_lang}"))
            raise InputError(None, where.format(draft_id=draft.id if draft is not None else None, debate_id=debate_id,
                                                language=language, text_lang=text_lang))
        if not text.strip():
            raise InputError(None, _("a paragraph needs some text"))
        started = draft is None  # (checked first: a draft is never started for a paragraph refused)
        if draft is None:
            draft = self.new_draft(debate_id)
        assert draft.id is not None
        paragraph = self.add_text(draft.id, text, provenance=provenance)
        return Sent(self.get(draft.id), paragraph, started)

    def add_library(self, draft_id: int, ref: str | int) -> Paragraph:
        """Add an agreed-language paragraph (library id or citation like 'S/RES/2594 (2021), OP 4')."""
        from debateprep.services.prst_sources import library_paragraph

        source = library_paragraph(self.db, ref, self.get(draft_id).language)
        provenance = Provenance("library", citation=source.citation, source_id=source.id, source_text=source.text)
        return self.add_text(draft_id, source.text, provenance=provenance)

    def add_group(self, draft_id: int, rank: int) -> Paragraph:
        """Add what delegations converged on: convergence group `rank` of the draft's debate,
        its representative text in PRST form, its supporters kept as provenance."""
        from debateprep.services.prst_sources import convergence_group

        group = convergence_group(self.db, self.get(draft_id).debate_id, rank)
        provenance = Provenance("group", source_id=rank, supporters=group.supporters, source_text=group.text)
        return self.add_text(draft_id, group.text, provenance=provenance)

    def paragraph(self, draft_id: int, paragraph_id: int) -> Paragraph:
        """One paragraph of a draft by its id (NotFound, saying so, if someone removed it)."""
        with self.db.session() as s:
            return repo.get_paragraph(s, draft_id, paragraph_id)

    def edit(self, draft_id: int, paragraph_id: int, version: int, text: str,
             read_text: str | None = None, *, convert: bool = True) -> Paragraph:
        """Replace the text of paragraph `paragraph_id` as the caller read it at `version` (and
        `read_text`, when the caller has it: the refusal then diffs from what they saw). The new
        text is converted to PRST form as added text is (unless `convert` is False) and checked
        against the library as `check` does (its agreed/new mark, closest citation and similarity
        are those of the new text). When the caller typed other words than the paragraph had, its
        provenance becomes the drafter's, edited from where it came from (`Provenance.edited`)."""
        if not text.strip():
            raise InputError(None, _("a paragraph needs some text (use remove to delete it)"))
        draft = self.get(draft_id)
        conversion = draft_text(text, draft.language, convert=convert)
        index = next((i for i, p in enumerate(draft.paragraphs) if p.id == paragraph_id), None)
        # checked as `check` reads it: at its position (Chinese: 安全理事会 first, 安理会 after)
        positioned = position_subjects(
            [conversion.text if i == index else p.text for i, p in enumerate(draft.paragraphs)], draft.language)
        result = self.check_text(positioned[index] if index is not None else conversion.text, draft.language)
        who = current_user()
        with self.db.transaction() as s:
            current = repo.get_paragraph(s, draft_id, paragraph_id)
            rewritten = _same_text(body(text)) != _same_text(body(current.text))
            edited = replace(
                current, text=conversion.text,
                provenance=current.provenance.edited(text) if rewritten else current.provenance,
                status=result.status, closest_citation=result.citation, closest_text=result.text,
                similarity=result.similarity, flags=refresh_flags(conversion.flags, conversion.text, draft.language),
            )
            return repo.update_paragraph(s, draft_id, edited, version, read_text, who)

    def remove(self, draft_id: int, paragraph_id: int, version: int, read_text: str | None = None) -> Paragraph:
        """Remove paragraph `paragraph_id` as the caller read it at `version`; returns what was removed."""
        who = current_user()
        with self.db.transaction() as s:
            row = repo.check_draft_version(s, draft_id, None)
            gone = repo.delete_paragraph(s, draft_id, paragraph_id, version, read_text)
            repo.bump_draft(s, row, who)
            return gone

    def move(self, draft_id: int, paragraph_id: int, target: int, expected_version: int) -> Draft:
        """Move paragraph `paragraph_id` to number `target` (1-based) of the draft as the caller saw
        it: `expected_version` is the draft version they saw (a number is only meaningful in it)."""
        who = current_user()
        with self.db.transaction() as s:
            row = repo.check_draft_version(s, draft_id, expected_version)
            repo.paragraph_row(s, draft_id, paragraph_id)
            draft = repo.get(s, draft_id)
            order = move_to(draft.paragraphs, paragraph_id, target)
            repo.reorder(s, draft_id, [p.id for p in order if p.id is not None])
            repo.bump_draft(s, row, who)
            return repo.get(s, draft_id)

    def order(self, draft_id: int, expected_version: int) -> Draft:
        """Put every paragraph in conventional order (stable within a category), from the draft
        version the caller saw."""
        who = current_user()
        with self.db.transaction() as s:
            row = repo.check_draft_version(s, draft_id, expected_version)
            draft = repo.get(s, draft_id)
            repo.reorder(s, draft_id, [p.id for p in conventional_order(draft.paragraphs) if p.id is not None])
            repo.bump_draft(s, row, who)
            return repo.get(s, draft_id)

    def convert(self, draft_id: int, paragraph_id: int | None = None) -> list[tuple[Paragraph, Conversion]]:
        """Re-apply form conversion to one paragraph (by id) or all; returns what each became."""
        draft = self.get(draft_id)
        paragraphs = draft.paragraphs if paragraph_id is None else [self.paragraph(draft_id, paragraph_id)]
        results: list[tuple[Paragraph, Conversion]] = []
        for paragraph in paragraphs:
            assert paragraph.id is not None
            conversion = draft_text(paragraph.text, draft.language)
            if conversion.text != paragraph.text or conversion.flags != paragraph.flags:
                paragraph = self.edit(draft_id, paragraph.id, paragraph.version, paragraph.text, paragraph.text)
            results.append((paragraph, conversion))
        return results

    # agreed or new -----------------------------------------------------------------------

    def check_text(self, text: str, language: str) -> CheckResult:
        """Agreed or new: the closest adopted paragraph in the library, compared in PRST form."""
        from debateprep.services.prst_sources import similar_paragraphs, wording_similarity

        mine = body(text)
        best: tuple[bool, float, str, str] | None = None
        # no adopted paragraph is longer than the similar() window: past it, compare the opening
        for match in similar_paragraphs(self.db, mine[:limits.MAX_SIMILAR_CHARS], CANDIDATES, language):
            theirs = body(to_prst(match.text, language).text)
            score = max(match.similarity, wording_similarity(mine, theirs))
            agreed = score >= AGREED_THRESHOLD or is_excerpt(mine, theirs)
            if best is None or (agreed, score) > best[:2]:
                best = (agreed, score, match.citation, match.text)
        if best is None:
            return CheckResult("new", None, None, None)
        agreed, score, citation, adopted = best
        return CheckResult("agreed" if agreed else "new", citation, adopted, score)

    def check(self, draft_id: int) -> Draft:
        """Mark each paragraph agreed or new (a check is not an edit: versions do not move)."""
        draft = self.get(draft_id)
        texts = draft.texts()
        results = [self.check_text(t, draft.language) for t in texts]
        with self.db.transaction() as s:
            for paragraph, result in zip(draft.paragraphs, results, strict=True):
                checked = replace(
                    paragraph, status=result.status, closest_citation=result.citation,
                    closest_text=result.text, similarity=result.similarity,
                    flags=refresh_flags(paragraph.flags, paragraph.text, draft.language),
                )
                repo.save_check(s, checked, draft_id)
        return self.get(draft_id)

    # revisions ---------------------------------------------------------------------------

    def revise(self, draft_id: int, note: str = "") -> Revision:
        """Circulate the current text as the next revision (rev.1, rev.2 …)."""
        with self.db.transaction() as s:
            row = repo.check_draft_version(s, draft_id, None)
            draft = repo.get(s, draft_id)
            if not draft.paragraphs:
                raise InputError(None, _("the draft has no paragraphs to circulate yet"))
            latest = draft.latest_revision()
            if latest is not None and list(latest.paragraphs) == draft.texts():
                raise InputError(None, _("nothing changed since {label}").format(label=latest.label))
            revision = repo.add_revision(s, draft_id, draft.texts(), note, [p.id for p in draft.paragraphs])
            repo.bump_draft(s, row, current_user())
            return revision

    def diff(self, draft_id: int, old: str | int | None = None, new: str | int | None = None) -> RevisionDiff:
        """Diff two revisions; 'current' is the working text. Default: the last revision -> current,
        or the last two revisions when nothing changed since. An edited paragraph is one changed
        paragraph, its words marked (characters in Chinese), however much it was rewritten."""
        draft = self.get(draft_id)
        if not draft.revisions:
            raise InputError(None, _("no revision yet: run `debateprep prst revise` first"))

        def side(ref: str | int) -> tuple[str, list[str], list[int | None]]:
            if isinstance(ref, str) and ref.strip().lower() in ("current", "working", "now"):
                return "current", draft.texts(), [p.id for p in draft.paragraphs]
            rev = draft.revision(ref)
            return rev.label, list(rev.paragraphs), list(rev.paragraph_ids)

        if old is None and new is None:
            latest = draft.revisions[-1]
            if list(latest.paragraphs) != draft.texts() or len(draft.revisions) == 1:
                old, new = latest.number, "current"
            else:
                old, new = draft.revisions[-2].number, latest.number
        old_label, old_texts, old_ids = side(old if old is not None else draft.revisions[-1].number)
        new_label, new_texts, new_ids = side(new if new is not None else "current")
        # paragraphs matched by their stored ids (a revision circulated before ids were kept: by wording)
        return diff_paragraphs(old_texts, new_texts, old_label, new_label, old_ids, new_ids)

    # export ------------------------------------------------------------------------------

    def export(self, draft_id: int, *, annotated: bool = False, revision: str | int | None = None) -> str:
        from debateprep.exporters.prst_markdown import annotated_markdown, clean_markdown

        draft = self.get(draft_id)
        if annotated:
            if revision is not None:
                raise InputError(None, _("the annotated export shows the working text; drop --rev"))
            return annotated_markdown(draft)
        return clean_markdown(draft, draft.revision(revision) if revision is not None else None)

    def export_docx(self, draft_id: int, *, annotated: bool = False, revision: str | int | None = None) -> bytes:
        """The same text as `export`, as a Word document (page numbers; the annotated draft's
        provenance as real footnotes)."""
        from debateprep.exporters.docx import markdown_to_docx
        from debateprep.exporters.prst_markdown import TITLES

        draft = self.get(draft_id)
        text = self.export(draft_id, annotated=annotated, revision=revision)
        return markdown_to_docx(text, language=draft.language, header=TITLES[draft.language])

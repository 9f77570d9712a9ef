"""Where PRST paragraphs come from: convergence groups (statements) and agreed language (library).

Thin adapters over the statements and library services, so the drafting service reads plain
(text, citation/supporters) pairs and does not depend on their internals.
"""

from __future__ import annotations

from dataclasses import dataclass

from debateprep.domain.errors import NotFound
from debateprep.i18n import _
from debateprep.storage.db import Database


@dataclass(frozen=True)
class GroupSource:
    rank: int
    text: str  # the representative proposal, as a delegation said it
    supporters: tuple[str, ...]


def convergence_group(db: Database, debate_id: int, rank: int) -> GroupSource:
    """Convergence group number `rank` of the debate (as `statements convergence` lists them)."""
    from debateprep.services.statements import StatementService

    groups = StatementService(db).convergence(debate_id)
    for group in groups:
        if group.rank == rank:
            return GroupSource(rank, group.representative.text, tuple(group.supporters))
    known = f"1..{len(groups)}" if groups else "none: import statements first"
    raise NotFound(_("no convergence group {rank} in debate #{debate_id} (groups: {known})").format(
        rank=rank, debate_id=debate_id, known=known))


@dataclass(frozen=True)
class LibrarySource:
    id: int
    citation: str  # "S/RES/2594 (2021), OP 4"
    text: str  # as adopted
    lang: str
    similarity: float = 0.0  # to the query, for similar_paragraphs


def library_paragraph(db: Database, ref: int | str, lang: str | None = None) -> LibrarySource:
    """A library paragraph by id or citation ("S/RES/2594 (2021), OP 4")."""
    from debateprep.services.library import LibraryService

    stored = LibraryService(db).paragraph(ref, lang)
    p = stored.paragraph
    return LibrarySource(stored.id, p.citation, p.text, p.lang)


def similar_paragraphs(db: Database, text: str, limit: int, lang: str) -> list[LibrarySource]:
    """Adopted paragraphs closest in wording to `text`, best first (the library's similar())."""
    from debateprep.services.library import LibraryService

    return [
        LibrarySource(h.id, h.citation, h.text, h.paragraph.lang, h.similarity)
        for h in LibraryService(db).similar(text, limit, lang=lang)
    ]


def wording_similarity(a: str, b: str) -> float:
    """The library's measure of how close two paragraphs are in wording (0..1)."""
    from debateprep.services.library import similarity

    return similarity(a, b)

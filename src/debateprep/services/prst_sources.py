"""Where PRST paragraphs come from: convergence groups (statements) and agreed language (library).

Thin adapters over the statements and library services, so the drafting service reads plain
(text, citation/supporters) pairs and does not depend on their internals.
"""

from __future__ import annotations

from dataclasses import dataclass

from debateprep.domain.errors import NotFound
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
    raise NotFound(f"no convergence group {rank} in debate #{debate_id} (groups: {known})")

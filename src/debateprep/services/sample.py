"""The bundled sample debate: the seed concept note and the seed resolutions."""

from __future__ import annotations

from pathlib import Path

from debateprep.config import project_root
from debateprep.domain.errors import NotFound
from debateprep.storage.db import Database


def sample_dir(name: str) -> Path:
    root = project_root()
    if root is None or not (root / name).is_dir():
        raise NotFound(f"the bundled samples ({name}/) are not next to this installation; run from the source checkout")
    return root / name


def load_sample(db: Database) -> list[str]:
    """Import the sample concept note (and what else is bundled); safe to run twice."""
    from debateprep.services.notes import NotesService

    lines: list[str] = []
    note_path = sample_dir("concept_notes") / "concept-note_S-2014-74_poc_lithuania.zh.txt"
    result = NotesService(db).import_file(note_path)
    lines.append(str(result))
    return lines

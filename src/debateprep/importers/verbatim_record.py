"""Verbatim record files -> the record's parts (meeting, then each resumption), in order.

A record comes as one file per part ("S/PV.8699.pdf", "S/PV.8699 (Resumption 1).pdf") or, in
corpora such as the UN Security Council Debates corpus, one file per speech
("UNSC_2020_SPV.8699Resumption1_spch012.txt"). `record_parts(paths)` groups the files by part
and orders them: the meeting first, then Resumption 1, 2 ...; speeches by their number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from debateprep.domain.errors import InputError
from debateprep.i18n import _
from debateprep.importers.reader import read_document

_PART = re.compile(r"(?:S[_/.\-]?PV[._\-]?)(?P<meeting>\d{3,5})\s*[_\-(]*(?:Resumption\s*(?P<resumption>\d+))?",
                   re.IGNORECASE)
_SPEECH = re.compile(r"spch(?P<n>\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class RecordPart:
    label: str  # "S/PV.8699" or "S/PV.8699 (Resumption 1)"
    meeting: int | None
    text: str
    files: int


def record_parts(paths: Sequence[str | Path]) -> list[RecordPart]:
    """Read and group record files; InputError naming the file if one cannot be read."""
    if not paths:
        raise InputError(None, _("no verbatim record files given"))
    groups: dict[tuple[int, int, str], list[tuple[int, str]]] = {}
    meetings: dict[tuple[int, int, str], int | None] = {}
    for raw in paths:
        path = Path(raw)
        m = _PART.search(path.stem.replace(" ", ""))
        meeting = int(m.group("meeting")) if m else None
        resumption = int(m.group("resumption") or 0) if m else 0
        key = (meeting or 0, resumption, "" if m else str(path))
        speech = _SPEECH.search(path.stem)
        text = read_document(path).original
        groups.setdefault(key, []).append((int(speech.group("n")) if speech else 0, text))
        meetings[key] = meeting
    parts = []
    for key in sorted(groups):
        meeting, resumption, name = key
        label = (f"S/PV.{meeting}" + (f" (Resumption {resumption})" if resumption else "")) if meeting else name
        texts = [t.strip() for _n, t in sorted(groups[key], key=lambda x: x[0])]
        parts.append(RecordPart(label, meetings[key], "\n".join(texts), len(texts)))
    return parts

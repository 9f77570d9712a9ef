"""The bundled sample debate: the seed concept note (S/2014/74), the English sample note, the three
seed resolutions for the library, and a starting speakers list (the briefers named in the note and
the fifteen Council members of 2014, in the roster's order, marked as sample inscriptions)."""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from debateprep.domain.errors import NotFound
from debateprep.i18n import _, ngettext
from debateprep.storage.db import Database

SEED_NOTE = "concept-note_S-2014-74_poc_lithuania.zh.txt"
ENGLISH_NOTE = "concept-note_sample_transitions.en.txt"
SEED_MEETING = 7109  # S/PV.7109, 12 February 2014
SAMPLE_NOTE = "sample inscription (debateprep demo)"


def sample_dir(name: str) -> Path:
    """A folder of bundled samples (package data: concept_notes, library_samples), in a wheel too."""
    folder = resources.files("debateprep").joinpath("data", name)
    if not isinstance(folder, Path) or not folder.is_dir():  # a zipped install, or a damaged one
        raise NotFound(_("the bundled samples ({name}/) are missing from this installation of debateprep (reinstall "
                         "it with pip)").format(
            name=name))
    return folder


def load_sample(db: Database) -> list[str]:
    """Import the samples; safe to run twice. The seed debate is imported last: it is the latest."""
    from debateprep.services.library import LibraryService
    from debateprep.services.notes import NotesService

    notes = NotesService(db)
    folder = sample_dir("concept_notes")
    lines = [str(notes.import_file(folder / ENGLISH_NOTE))]
    seed = notes.import_file(folder / SEED_NOTE)
    lines.append(str(seed))
    lines.append(_("agreed-language library: {summary}").format(summary=LibraryService(db).load_sample().summary()))
    if seed.debate_id is not None:
        lines.extend(_seed_debate(db, seed.debate_id))
    return lines


def _seed_debate(db: Database, debate_id: int) -> list[str]:
    """The 7109th meeting, and a speakers list to start from."""
    from debateprep.services.debates import DebateService
    from debateprep.services.speakers import SpeakersService

    debates = DebateService(db)
    debate = debates.get(debate_id)
    if debate.meeting_number is None:
        debate = debates.update(debate, meeting_number=SEED_MEETING)
    speakers = SpeakersService(db)
    briefers = speakers.import_briefers(debate_id)
    present = {e.delegation_code for e in speakers.entries(debate_id)}
    added = 0
    assert debate.meeting_date is not None
    base = datetime.combine(debate.meeting_date, datetime.min.time()) - timedelta(days=7)
    for draw, code in enumerate(speakers.roster.council_year(debate.meeting_date.year).members, start=1):
        if code in present:
            continue
        speakers.add(debate_id, speakers.roster.get(code).name, basis="member", draw=draw,
                     inscribed_at=base + timedelta(minutes=draw), notes=SAMPLE_NOTE)
        added += 1
    return [_("speakers list: {briefers} from the note, {members} added").format(
        briefers=ngettext("{n} briefer", "{n} briefers", len(briefers)).format(n=len(briefers)),
        members=ngettext("{n} Council member", "{n} Council members", added).format(n=added))]

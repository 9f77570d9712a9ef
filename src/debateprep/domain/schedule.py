"""When each speaker is expected to speak, in which session, and what spills over.

Meetings run in sessions (10:00-13:00 and 15:00-18:00 by default). The President calls the next
speaker while the session has room for the statement, allowing a short run-over (`grace`);
otherwise the meeting is suspended and the speaker opens the next session. Sessions of later
days are resumptions: "S/PV.8699 (Resumption 1)". Weekends are skipped.

Speakers who have spoken keep their real times (started_at + actual duration), so the schedule of
everyone after them is recomputed from what actually happened.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from debateprep.domain.speakers import Placement, SpeakerEntry, Status

DEFAULT_SESSIONS: tuple[tuple[time, time], ...] = ((time(10), time(13)), (time(15), time(18)))


@dataclass(frozen=True)
class Session:
    number: int  # 1-based over the whole debate
    day: int  # 0 = the meeting date
    start: datetime
    end: datetime
    record: str = ""  # "S/PV.8699" / "S/PV.8699 (Resumption 1)"

    def label(self) -> str:
        text = f"{self.start:%a %d %b} {self.start:%H:%M}-{self.end:%H:%M}"
        return f"{text} {self.record}".strip()


@dataclass(frozen=True)
class Slot:
    entry: SpeakerEntry
    position: int
    start: datetime
    end: datetime
    session: Session
    actual: bool = False  # times measured by the timer, not planned

    @property
    def overrun_minutes(self) -> float:
        """Minutes past the end of its session (0 when it finishes in time)."""
        return max(0.0, (self.end - self.session.end).total_seconds() / 60)

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


@dataclass
class Schedule:
    slots: list[Slot]
    sessions: list[Session] = field(default_factory=list)

    @property
    def projected_end(self) -> datetime | None:
        return self.slots[-1].end if self.slots else None

    def slot_for(self, entry_id: int) -> Slot | None:
        return next((s for s in self.slots if s.entry.id == entry_id), None)

    def spilled(self) -> list[Slot]:
        """Speakers after the first session (after a suspension)."""
        return [s for s in self.slots if s.session.number > 1]

    def resumptions(self) -> list[Slot]:
        """Speakers on a later day than the meeting date."""
        return [s for s in self.slots if s.session.day > 0]

    def first_of_each_session(self) -> list[Slot]:
        seen: set[int] = set()
        firsts = []
        for s in self.slots:
            if s.session.number not in seen:
                seen.add(s.session.number)
                firsts.append(s)
        return firsts

    def summary(self) -> list[str]:
        """One line per session: who opens it, how many speak, when it ends."""
        lines = []
        for first in self.first_of_each_session():
            in_session = [s for s in self.slots if s.session.number == first.session.number]
            last = in_session[-1]
            over = f", runs {last.overrun_minutes:.0f} min over" if last.overrun_minutes >= 1 else ""
            lines.append(f"{first.session.label()}: positions {first.position}-{last.position} "
                         f"({len(in_session)} speakers), ends {last.end:%H:%M}{over}")
        return lines


def build_schedule(
    placements: Sequence[Placement],
    meeting_date: date,
    *,
    sessions: Sequence[tuple[time, time]] = DEFAULT_SESSIONS,
    default_minutes: float = 5.0,
    limits: dict[str, float] | None = None,
    changeover_seconds: int = 20,
    grace_minutes: float = 5.0,
    now: datetime | None = None,
    meeting_number: int | None = None,
    skip_weekends: bool = True,
) -> Schedule:
    """Expected start and end of each placed speaker (withdrawn entries are left out)."""
    if not sessions:
        raise ValueError("a debate needs at least one session")
    cal = _Calendar(meeting_date, sessions, meeting_number, skip_weekends)
    ci = 0
    clock = cal[0].start
    grace = timedelta(minutes=grace_minutes)
    changeover = timedelta(seconds=changeover_seconds)
    slots: list[Slot] = []
    moved_break_done = False

    for p in placements:
        if p.position is None:
            continue
        e = p.entry
        planned = timedelta(seconds=e.planned_seconds(default_minutes, limits))
        if e.started_at is not None and e.status in (Status.SPEAKING, Status.SPOKE):
            start = e.started_at
            if e.status == Status.SPOKE and e.actual_seconds is not None:
                length = timedelta(seconds=e.actual_seconds)
            else:  # speaking now: at least the planned time, longer if already over it
                length = max(planned, (now - start) if now else planned)
            while start >= cal[ci + 1].start:
                ci += 1
            slots.append(Slot(e, p.position, start, start + length, cal[ci], actual=True))
            clock = max(clock, start + length + changeover)
            continue
        if now is not None and clock < now:
            clock = now
        if e.status == Status.MOVED and not moved_break_done:
            moved_break_done = True  # "moved to a later session": open the next session
            if slots and slots[-1].session is cal[ci]:
                ci += 1
        while True:
            session = cal[ci]
            clock = max(clock, session.start)
            fits = clock + planned <= session.end + grace
            too_long_for_any = clock == session.start and planned > session.end - session.start
            if fits or too_long_for_any:
                break
            ci += 1
        slots.append(Slot(e, p.position, clock, clock + planned, cal[ci]))
        clock = clock + planned + changeover
    used = {s.session.number for s in slots}
    return Schedule(slots, [s for s in cal.items if s.number in used])


class _Calendar:
    """The debate's sessions, day after day, made as far ahead as they are asked for."""

    def __init__(self, first_day: date, times: Sequence[tuple[time, time]], meeting_number: int | None,
                 skip_weekends: bool) -> None:
        self.items: list[Session] = []
        self._gen = self._generate(first_day, times, meeting_number, skip_weekends)

    def __getitem__(self, index: int) -> Session:
        while len(self.items) <= index:
            self.items.append(next(self._gen))
        return self.items[index]

    @staticmethod
    def _generate(first_day: date, times: Sequence[tuple[time, time]], meeting_number: int | None,
                  skip_weekends: bool) -> Iterator[Session]:
        number, day, offset = 0, 0, 0
        while True:
            when = first_day + timedelta(days=offset)
            offset += 1
            if skip_weekends and day > 0 and when.weekday() >= 5:
                continue
            record = ""
            if meeting_number:
                record = f"S/PV.{meeting_number}" + (f" (Resumption {day})" if day else "")
            for start, end in times:
                number += 1
                yield Session(number, day, datetime.combine(when, start), datetime.combine(when, end), record)
            day += 1

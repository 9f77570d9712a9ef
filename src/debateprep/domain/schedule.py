"""When each speaker is expected to speak, in which session, and what spills over.

Meetings run in sessions (10:00-13:00 and 15:00-18:00 by default). The President calls the next
speaker while the session has room for the statement, allowing a short run-over (`grace`);
otherwise the meeting is suspended and the speaker opens the next session. Sessions of later
days are resumptions: "S/PV.8699 (Resumption 1)". Weekends are skipped.

The plan (`Schedule.slots`) comes from the list and the planned durations alone: neither the
clock nor the timer moves it. What the timer logged (start and duration) is a separate record on
each slot, shown beside the plan. A record taken during the debate's own days ("live") also
gives a forecast (`Schedule.forecast`): the plan redone from what actually happened, for everyone
still waiting. A record taken on any other day — a rehearsal, or durations entered afterwards —
is kept and shown, but forecasts nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from debateprep.domain.speakers import Placement, SpeakerEntry, Status
from debateprep.i18n import _, day_month, weekday

DEFAULT_SESSIONS: tuple[tuple[time, time], ...] = ((time(10), time(13)), (time(15), time(18)))
# A timer started this long before a debate day's first session still counts as the debate's.
LIVE_LEAD = timedelta(hours=1)
_WEEKDAYS_ZH = "一二三四五六日"


@dataclass(frozen=True)
class Session:
    number: int  # 1-based over the whole debate
    day: int  # 0 = the meeting date
    start: datetime
    end: datetime
    record: str = ""  # "S/PV.8699" / "S/PV.8699 (Resumption 1)" (a symbol: the same in every language)

    def label(self, lang: str | None = None) -> str:
        """"Wed 12 Feb 10:00-13:00 S/PV.7109" / "2月12日（星期三）10:00-13:00 S/PV.7109" in a document
        in English or Chinese (`lang`); None: in the interface language."""
        s = self.start
        if lang is None:
            text = f"{weekday(s)} {day_month(s)} {s:%H:%M}-{self.end:%H:%M}"
        elif lang == "zh":
            text = f"{s.month}月{s.day}日（星期{_WEEKDAYS_ZH[s.weekday()]}）{s:%H:%M}-{self.end:%H:%M}"
        else:
            text = f"{self.start:%a %d %b} {self.start:%H:%M}-{self.end:%H:%M}"
        return f"{text} {self.record}".strip()


@dataclass(frozen=True)
class Slot:
    """One speaker's place in time. In the plan, start/end are planned; in the forecast they are
    the measured times for those heard during the debate (`measured`) and expected ones after."""

    entry: SpeakerEntry
    position: int
    start: datetime
    end: datetime
    session: Session
    actual_start: datetime | None = None  # when the timer started this speaker (any day)
    actual_seconds: int | None = None  # the logged duration; None while speaking or not heard
    live: bool = False  # the record was taken on a day of this debate, not in a rehearsal
    measured: bool = False  # start/end are the record's (forecast slots only)

    @property
    def actual(self) -> bool:
        """The timer has a record for this speaker (live or not)."""
        return self.actual_start is not None or self.actual_seconds is not None

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
    # The plan redone from the record taken during the debate; None without such a record.
    forecast: Schedule | None = None

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

    def rehearsed(self) -> list[Slot]:
        """Speakers with a timer record taken outside the debate's days (rehearsals, late entries)."""
        return [s for s in self.slots if s.actual and not s.live]

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
            line = _("{session}: positions {first}-{last} ({count} speakers), ends {end}").format(
                session=first.session.label(), first=first.position, last=last.position, count=len(in_session),
                end=f"{last.end:%H:%M}")
            if last.overrun_minutes >= 1:
                line += _(", runs {minutes} min over").format(minutes=f"{last.overrun_minutes:.0f}")
            lines.append(line)
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
    days: Mapping[date, datetime] | None = None,
) -> Schedule:
    """The plan for the placed speakers (withdrawn entries are left out), each slot with the
    timer's record; with a forecast when that record was taken during the debate. `now` only
    matters to the forecast (a speaker still speaking, nobody called yet). `days`: the debate's
    days as the list was ordered with (`debate_days`); None: those of this plan."""
    cal, layout, plan = _plan(placements, meeting_date, sessions, default_minutes, limits, changeover_seconds,
                              grace_minutes, meeting_number, skip_weekends)
    if not plan:
        return Schedule([], [])

    live_days = _live_days(cal, plan) if days is None else days

    def during_debate(moment: datetime | None) -> bool:
        return moment is not None and moment.date() in live_days and moment >= live_days[moment.date()]

    plan = [replace(s, live=during_debate(s.actual_start)) for s in plan]
    forecast = _forecast(plan, layout, now if during_debate(now) else None) if any(s.live for s in plan) else None
    schedule = _numbered(cal, plan)
    schedule.forecast = None if forecast is None else _numbered(cal, forecast)
    return schedule


def debate_days(
    placements: Sequence[Placement],
    meeting_date: date,
    *,
    sessions: Sequence[tuple[time, time]] = DEFAULT_SESSIONS,
    default_minutes: float = 5.0,
    limits: dict[str, float] | None = None,
    changeover_seconds: int = 20,
    grace_minutes: float = 5.0,
    meeting_number: int | None = None,
    skip_weekends: bool = True,
) -> dict[date, datetime]:
    """The debate's days — those the plan of `placements` takes and the next meeting day after
    them (a debate that runs late) — each with the earliest moment that counts as the debate's on
    that day (`LIVE_LEAD` before its first session). A timer run at any other moment is a rehearsal."""
    cal, _layout, plan = _plan(placements, meeting_date, sessions, default_minutes, limits, changeover_seconds,
                               grace_minutes, meeting_number, skip_weekends)
    if not plan:
        return {cal[0].start.date(): cal[0].start - LIVE_LEAD}
    return _live_days(cal, plan)


def _plan(placements: Sequence[Placement], meeting_date: date, sessions: Sequence[tuple[time, time]],
          default_minutes: float, limits: dict[str, float] | None, changeover_seconds: int, grace_minutes: float,
          meeting_number: int | None, skip_weekends: bool) -> tuple[_Calendar, _Layout, list[Slot]]:
    """The calendar, the layout and the planned slot of every placed speaker, in order."""
    _check_sessions(sessions)
    cal = _Calendar(meeting_date, sessions, meeting_number, skip_weekends)
    layout = _Layout(cal, default_minutes, limits, timedelta(seconds=changeover_seconds),
                     timedelta(minutes=grace_minutes))
    plan: list[Slot] = []
    for p in placements:
        if p.position is None:
            continue
        start, end, session = layout.place(p.entry)
        plan.append(Slot(p.entry, p.position, start, end, session, *_record(p.entry)))
    return cal, layout, plan


def _forecast(plan: list[Slot], layout: _Layout, now: datetime | None) -> list[Slot]:
    """The plan redone from the live record: heard speakers at their measured times, the others
    one after another from there (and not before `now`)."""
    layout.reset()
    slots: list[Slot] = []
    for s in plan:
        e = s.entry
        if s.live and s.actual_start is not None:
            start = s.actual_start
            if s.actual_seconds is not None:
                length = timedelta(seconds=s.actual_seconds)
            else:  # speaking now: at least the planned time, longer if already over it
                planned = layout.planned(e)
                length = max(planned, now - start) if now is not None and now > start else planned
            session = layout.measured(start, start + length)
            slots.append(Slot(e, s.position, start, start + length, session, s.actual_start, s.actual_seconds,
                              live=True, measured=True))
            continue
        start, end, session = layout.place(e, not_before=now)
        slots.append(Slot(e, s.position, start, end, session, s.actual_start, s.actual_seconds, live=s.live))
    return slots


class _Layout:
    """Lays speakers out one after another on the calendar of sessions."""

    def __init__(self, cal: _Calendar, default_minutes: float, limits: dict[str, float] | None,
                 changeover: timedelta, grace: timedelta) -> None:
        self.cal, self.default_minutes, self.limits = cal, default_minutes, limits
        self.changeover, self.grace = changeover, grace
        self.reset()

    def reset(self) -> None:
        self.ci = 0
        self.clock = self.cal[0].start
        self.moved_break_done = False
        self.last_session: Session | None = None

    def planned(self, e: SpeakerEntry) -> timedelta:
        return timedelta(seconds=max(0, e.planned_seconds(self.default_minutes, self.limits)))

    def place(self, e: SpeakerEntry, not_before: datetime | None = None) -> tuple[datetime, datetime, Session]:
        """The next free time for `e`'s planned statement: in the current session if it fits."""
        planned = self.planned(e)
        if not_before is not None and self.clock < not_before:
            self.clock = not_before
            while self.clock >= self.cal[self.ci].end + self.grace:
                self.ci += 1
        if e.status == Status.MOVED and not self.moved_break_done:
            self.moved_break_done = True  # "moved to a later session": open the next session
            if self.last_session is self.cal[self.ci]:
                self.ci += 1
        while True:
            session = self.cal[self.ci]
            self.clock = max(self.clock, session.start)
            fits = self.clock + planned <= session.end + self.grace
            too_long_for_any = self.clock == session.start and planned > session.end - session.start
            if fits or too_long_for_any:
                break
            self.ci += 1
        start = self.clock
        self.clock = start + planned + self.changeover
        self.last_session = session
        return start, start + planned, session

    def measured(self, start: datetime, end: datetime) -> Session:
        """The session a measured statement belongs to (the last one begun by its start)."""
        ci = self.ci
        while self.cal[ci + 1].start <= start:
            ci += 1
        self.ci = ci
        self.clock = max(self.clock, end + self.changeover)
        self.last_session = self.cal[ci]
        return self.cal[ci]


def _record(e: SpeakerEntry) -> tuple[datetime | None, int | None]:
    """The timer's record of an entry: its start and logged duration (None when not heard)."""
    if e.status not in (Status.SPEAKING, Status.SPOKE):
        return None, None
    seconds = e.actual_seconds if e.status == Status.SPOKE and e.actual_seconds is not None else None
    return e.started_at, None if seconds is None else max(0, seconds)


def _live_days(cal: _Calendar, plan: list[Slot]) -> dict[date, datetime]:
    """The debate's days — those of the plan and the next meeting day after them (a debate that
    runs late) — each with the earliest moment that counts as the debate's on that day."""
    last = max(s.session.number for s in plan)
    index = last  # calendar index of the session after the plan's last one
    while cal[index].day == cal[last - 1].day:
        index += 1
    next_day = cal[index].day
    days: dict[date, datetime] = {}
    i = 0
    while cal[i].day <= next_day:
        d = cal[i].start.date()
        days.setdefault(d, cal[i].start - LIVE_LEAD)
        i += 1
    return days


def _numbered(cal: _Calendar, slots: list[Slot]) -> Schedule:
    """The schedule of `slots` with the sessions they use numbered 1..k and their days 0..d: a
    statement longer than a session covers the sessions it runs through, which are not counted."""
    used = sorted({s.session.number for s in slots})
    days = sorted({cal[n - 1].day for n in used})
    renumbered = {n: cal.session(i + 1, days.index(cal[n - 1].day), cal[n - 1]) for i, n in enumerate(used)}
    out = [replace(s, session=renumbered[s.session.number]) for s in slots]
    return Schedule(out, list(renumbered.values()))


def _check_sessions(sessions: Sequence[tuple[time, time]]) -> None:
    if not sessions:
        raise ValueError("a debate needs at least one session")
    previous: time | None = None
    for start, end in sessions:
        if not start < end:
            raise ValueError(f"a session must end after it starts ({start:%H:%M}-{end:%H:%M})")
        if previous is not None and start < previous:
            raise ValueError(f"sessions must not overlap and must be in order ({start:%H:%M} before {previous:%H:%M})")
        previous = end


class _Calendar:
    """The debate's sessions, day after day, made as far ahead as they are asked for."""

    def __init__(self, first_day: date, times: Sequence[tuple[time, time]], meeting_number: int | None,
                 skip_weekends: bool) -> None:
        self.items: list[Session] = []
        self.meeting_number = meeting_number
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
            record = _record_symbol(meeting_number, day)
            for start, end in times:
                number += 1
                yield Session(number, day, datetime.combine(when, start), datetime.combine(when, end), record)
            day += 1

    def session(self, number: int, day: int, like: Session) -> Session:
        """`like` as session `number` of meeting day `day`."""
        return Session(number, day, like.start, like.end, _record_symbol(self.meeting_number, day))


def _record_symbol(meeting_number: int | None, day: int) -> str:
    if not meeting_number:
        return ""
    return f"S/PV.{meeting_number}" + (f" (Resumption {day})" if day else "")

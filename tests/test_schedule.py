"""The schedule: expected start per speaker, sessions, spill-over, recomputed from actual times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from debateprep.domain.record_speakers import speakers_from_record
from debateprep.domain.roster import Roster
from debateprep.domain.schedule import build_schedule
from debateprep.domain.speakers import Basis, Level, OrderSettings, SpeakerEntry, Status, order_entries
from debateprep.importers.verbatim_record import record_parts

MEETING = date(2014, 2, 12)  # a Wednesday: S/PV.7109, 62 delegations spoke
T0 = datetime(2014, 2, 5, 9)
LIMITS = {"briefer": 10.0, "group": 7.0}


def debate_of_62() -> list[SpeakerEntry]:
    """4 briefers, the 15 members of 2014 (Lithuania presiding) and 43 non-members, of which the
    EU and Switzerland (for the Group of Friends of PoC) speak for groups."""
    briefers = [("Office for the Coordination of Humanitarian Affairs", "OCHA"), ("Department of Peace Operations", "DPO"),
                ("Office of the United Nations High Commissioner for Human Rights", "OHCHR"),
                ("International Committee of the Red Cross", "ICRC")]
    members = ["JOR", "LUX", "NGA", "KOR", "RUS", "RWA", "GBR", "USA", "ARG", "AUS", "TCD", "CHL", "CHN", "FRA", "LTU"]
    others = ["EU", "AUT", "BRA", "CAN", "COL", "CRI", "CUB", "EGY", "ETH", "CHE", "GEO", "DEU", "GTM", "IND", "IDN",
              "IRN", "IRL", "ISR", "ITA", "JPN", "LIE", "MYS", "MEX", "MAR", "NLD", "NZL", "NOR", "PAK", "PER", "PHL",
              "POL", "PRT", "QAT", "SVK", "ZAF", "ESP", "SDN", "SYR", "THA", "TUR", "UKR", "URY", "VNM"]
    entries = []
    for i, (name, code) in enumerate(briefers):
        entries.append(SpeakerEntry(name, T0 + timedelta(minutes=i), code, basis=Basis.BRIEFER, level=Level.OTHER))
    for i, code in enumerate(members):
        entries.append(SpeakerEntry(code, T0 + timedelta(minutes=10 + i), code, basis=Basis.MEMBER, draw=i + 1))
    for i, code in enumerate(others):
        group = {"EU": "EU", "CHE": "POC"}.get(code)
        basis = Basis.OBSERVER if code == "EU" else Basis.RULE37
        entries.append(SpeakerEntry(code, T0 + timedelta(hours=1, minutes=i), code, basis=basis, on_behalf_of=group))
    for n, e in enumerate(entries):
        e.id = n + 1
    return entries


def schedule(entries: list[SpeakerEntry], **kw: object):  # type: ignore[no-untyped-def]
    placements = order_entries(entries, OrderSettings(president_code="LTU"))
    return build_schedule(placements, MEETING, limits=LIMITS, changeover_seconds=30, grace_minutes=0,
                          meeting_number=7109, **kw)  # type: ignore[arg-type]


def hm(slot) -> str:  # type: ignore[no-untyped-def]
    return slot.start.strftime("%a %H:%M:%S")


def test_a_62_speaker_debate() -> None:
    sched = schedule(debate_of_62())
    slots = sched.slots
    assert len(slots) == 62
    # briefers 10 min each with 30 s to call the next speaker
    assert [hm(s) for s in slots[:5]] == ["Wed 10:00:00", "Wed 10:10:30", "Wed 10:21:00", "Wed 10:31:30",
                                         "Wed 10:42:00"]
    assert slots[18].entry.delegation_code == "LTU" and hm(slots[18]) == "Wed 11:59:00"  # the President, last member
    assert slots[19].entry.delegation_code == "EU" and slots[19].minutes == 7  # group statement: 7 min
    # the morning ends with the 28th speaker; Switzerland's 7-minute group statement would run
    # past 13:00, so the meeting is suspended and Switzerland opens the afternoon
    assert slots[27].session.number == 1 and slots[27].end.strftime("%H:%M:%S") == "12:55:30"
    assert slots[28].entry.delegation_code == "CHE" and hm(slots[28]) == "Wed 15:00:00"
    # the afternoon holds positions 29-60; the last two spill into the next day: a resumption
    assert [s.position for s in sched.resumptions()] == [61, 62]
    assert slots[60].session.record == "S/PV.7109 (Resumption 1)" and hm(slots[60]) == "Thu 10:00:00"
    assert sched.projected_end == datetime(2014, 2, 13, 10, 10, 30)
    assert len(sched.spilled()) == 34
    assert sched.summary() == [
        "Wed 12 Feb 10:00-13:00 S/PV.7109: positions 1-28 (28 speakers), ends 12:55",
        "Wed 12 Feb 15:00-18:00 S/PV.7109: positions 29-60 (32 speakers), ends 17:57",
        "Thu 13 Feb 10:00-13:00 S/PV.7109 (Resumption 1): positions 61-62 (2 speakers), ends 10:10",
    ]


def test_recomputed_from_actual_durations() -> None:
    entries = debate_of_62()
    start = datetime(2014, 2, 12, 10)
    for e, minutes in zip(entries[:4], (15, 14, 12, 11)):  # the briefers all ran long
        e.status, e.started_at, e.actual_seconds = Status.SPOKE, start, minutes * 60
        start += timedelta(minutes=minutes, seconds=30)
    sched = schedule(entries)
    assert [s.actual for s in sched.slots[:5]] == [True, True, True, True, False]
    assert hm(sched.slots[4]) == "Wed 10:54:00"  # 12 minutes later than planned
    assert sched.first_of_each_session()[1].position == 27  # two fewer before the suspension
    assert [s.position for s in sched.resumptions()] == [59, 60, 61, 62]


def test_speaker_overrunning_now_pushes_the_rest() -> None:
    entries = debate_of_62()
    speaking = entries[0]
    speaking.status, speaking.started_at = Status.SPEAKING, datetime(2014, 2, 12, 10)
    now = datetime(2014, 2, 12, 10, 16)  # 16 minutes into a 10-minute briefing
    sched = schedule(entries, now=now)
    assert sched.slots[0].end == now and sched.slots[0].overrun_minutes == 0
    assert hm(sched.slots[1]) == "Wed 10:16:30"


def test_moved_entry_opens_the_next_session_and_withdrawn_are_left_out() -> None:
    entries = debate_of_62()
    entries[5].status = Status.WITHDRAWN
    entries[6].status = Status.MOVED
    sched = schedule(entries)
    assert len(sched.slots) == 61 and all(s.entry is not entries[5] for s in sched.slots)
    moved = next(s for s in sched.slots if s.entry is entries[6])
    assert moved.position == 61 and moved.session.number > sched.slots[59].session.number


def test_weekend_is_skipped_and_custom_sessions() -> None:
    entries = debate_of_62()
    placements = order_entries(entries, OrderSettings(president_code="LTU"))
    friday = date(2014, 2, 14)
    sched = build_schedule(placements, friday, sessions=[(time(10), time(13))], limits=LIMITS,
                           changeover_seconds=0, grace_minutes=0)
    days = sorted({s.session.start.date() for s in sched.slots})
    assert days == [date(2014, 2, 14), date(2014, 2, 17)]  # Friday, then Monday
    assert all(s.start.time() >= time(10) and s.end.time() <= time(13) for s in sched.slots)


def test_planned_minutes_beat_the_limits() -> None:
    entries = debate_of_62()
    entries[0].planned_minutes = 20
    assert schedule(entries).slots[1].start == datetime(2014, 2, 12, 10, 20, 30)


def test_schedule_of_8699_puts_the_suspensions_where_they_were(shared_data: Path) -> None:
    """S/PV.8699 suspended at 13:15 (next: Japan, the 25th speaker) and the next day's meeting
    opened with Slovenia (57th). Planned durations from each statement's length at 130 words a
    minute (the pace of that day: about 24,000 words a session), 20 s to call each speaker and
    up to 10 minutes' run-over give the same breaks."""
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699*_spch*.txt"))
    if not files:
        pytest.skip("S/PV.8699 is not in ../shared/data")
    heard = [h for h in speakers_from_record([p.text for p in record_parts(files)], Roster.load(), date(2020, 1, 9))
             if not h.further]
    entries = []
    for i, h in enumerate(heard):
        e = h.to_entry(datetime(2020, 1, 2) + timedelta(minutes=i))
        e.id, e.planned_minutes = i + 1, h.words / 130
        entries.append(e)
    placements = order_entries(entries, OrderSettings(president_code="VNM", president_first=True))
    sched = build_schedule(placements, date(2020, 1, 9), meeting_number=8699, grace_minutes=10,
                           changeover_seconds=20)
    opened = {s.session.number: s.position for s in sched.first_of_each_session()}
    actual = {h.session: n + 1 for n, h in reversed(list(enumerate(heard)))}  # first heard per session
    assert actual[2] == 25 and actual[3] == 57
    assert abs(opened[2] - actual[2]) <= 1
    assert abs(opened[3] - actual[3]) <= 1
    assert sched.slots[opened[3] - 1].session.record == "S/PV.8699 (Resumption 1)"

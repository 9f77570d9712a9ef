"""The Council's ordering rules and manual overrides, on built cases and on real debates heard in 2020."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debateprep.domain.record_speakers import HeardSpeaker, speakers_from_record
from debateprep.domain.roster import Roster
from debateprep.domain.speakers import (
    Basis,
    Level,
    OrderSettings,
    Override,
    SpeakerEntry,
    Status,
    explain,
    find_duplicate,
    order_entries,
)
from debateprep.importers.verbatim_record import record_parts

T0 = datetime(2014, 2, 3, 9, 0)
POC_2014 = OrderSettings(president_code="LTU")


def entry(i: int, name: str, code: str | None, basis: Basis, level: Level = Level.PERMANENT_REPRESENTATIVE,
          minutes: int | None = None, **kw: object) -> SpeakerEntry:
    return SpeakerEntry(delegation=name, delegation_code=code, basis=basis, level=level, id=i,
                        inscribed_at=T0 + timedelta(minutes=minutes if minutes is not None else i), **kw)  # type: ignore[arg-type]


def names(entries: list[SpeakerEntry], s: OrderSettings = POC_2014) -> list[str]:
    return [p.entry.delegation for p in order_entries(entries, s) if p.position is not None]


def poc_2014() -> list[SpeakerEntry]:
    """The 12 February 2014 PoC debate (S/PV.7109), Lithuania presiding, a few of each kind."""
    return [
        entry(1, "Jordan", "JOR", Basis.MEMBER, draw=3),
        entry(2, "Argentina", "ARG", Basis.MEMBER, Level.MINISTER, draw=9),
        entry(3, "Lithuania", "LTU", Basis.MEMBER, draw=1),
        entry(4, "Chad", "TCD", Basis.MEMBER, draw=2),
        entry(5, "International Committee of the Red Cross", "ICRC", Basis.BRIEFER, Level.OTHER),
        entry(6, "Office for the Coordination of Humanitarian Affairs", "OCHA", Basis.BRIEFER, Level.OTHER),
        entry(7, "Switzerland", "CHE", Basis.RULE37, on_behalf_of="POC"),
        entry(8, "Norway", "NOR", Basis.RULE37, Level.MINISTER),
        entry(9, "European Union", "EU", Basis.OBSERVER),
        entry(10, "Japan", "JPN", Basis.RULE37, Level.VICE_MINISTER),
        entry(11, "Brazil", "BRA", Basis.RULE37, Level.DEPUTY),
        entry(12, "Department of Peace Operations", "DPO", Basis.BRIEFER, Level.OTHER, minutes=0),
    ]


def test_rules_of_the_council() -> None:
    assert names(poc_2014()) == [
        "Department of Peace Operations", "International Committee of the Red Cross",  # briefers, by inscription
        "Office for the Coordination of Humanitarian Affairs",
        "Argentina",  # members: minister first
        "Chad", "Jordan",  # then by draw
        "Lithuania",  # the President, at ambassador level: last among members
        "Norway", "Japan",  # non-members: minister, vice-minister
        "Switzerland", "European Union",  # then ambassadors by inscription (group or observer alike)
        "Brazil",  # deputy
    ]
    minister = poc_2014()
    minister[2].level = Level.MINISTER  # a minister presiding: the national statement right after the briefers
    assert names(minister)[3:7] == ["Lithuania", "Argentina", "Chad", "Jordan"]


@pytest.mark.parametrize(("level", "setting", "position", "overridden"), [
    (Level.MINISTER, None, 4, False), (Level.HEAD, None, 4, False),  # the rule: right after the briefers
    (Level.VICE_MINISTER, None, 7, False), (Level.PERMANENT_REPRESENTATIVE, None, 7, False),  # last among members
    (Level.MINISTER, False, 7, True), (Level.PERMANENT_REPRESENTATIVE, True, 4, True),  # overrides, both ways
    (Level.MINISTER, True, 4, False), (Level.PERMANENT_REPRESENTATIVE, False, 7, False),  # settings that agree
])
def test_the_presidents_place_is_a_rule_and_an_override(level: Level, setting: bool | None, position: int,
                                                         overridden: bool) -> None:
    entries = poc_2014()
    entries[2].level = level  # Lithuania presides
    placements = order_entries(entries, OrderSettings(president_code="LTU", president_first=setting))
    lithuania = next(p for p in placements if p.entry.delegation_code == "LTU")
    assert lithuania.position == position
    assert lithuania.overridden is overridden
    why = lithuania.explain()
    if overridden:
        assert "Manual override: set for this debate" in why
        assert f"the rules alone would put it {'7th' if position == 4 else '4th'}" in why
    elif setting is None and position == 4:
        assert f"presiding at {level.label()} level (a high-level debate)" in why
        assert "right after the briefers" in why
    elif setting is None:
        assert "last among Council members" in why and "at minister level or above" in why


def test_secretary_general_briefs_first_and_president_first_setting() -> None:
    entries = poc_2014() + [entry(13, "Secretary-General", "SG", Basis.BRIEFER, Level.OTHER, minutes=30)]
    order = names(entries, OrderSettings(president_code="LTU", president_first=True))
    assert order[:5] == ["Secretary-General", "Department of Peace Operations",
                         "International Committee of the Red Cross",
                         "Office for the Coordination of Humanitarian Affairs", "Lithuania"]
    assert order[5] == "Argentina"


def test_withdrawn_moved_and_spoke() -> None:
    entries = poc_2014()
    entries[0].status = Status.WITHDRAWN  # Jordan
    entries[7].status = Status.MOVED  # Norway: not in the room, moved to the resumption
    entries[3].status = Status.SPOKE  # Chad spoke out of turn, before anyone else
    entries[3].started_at = T0 + timedelta(hours=1)
    placements = order_entries(entries, POC_2014)
    placed = [p.entry.delegation for p in placements if p.position is not None]
    assert placed[0] == "Chad" and placed[-1] == "Norway" and "Jordan" not in placed
    jordan = next(p for p in placements if p.entry.delegation == "Jordan")
    assert jordan.position is None and "withdrawn" in jordan.explain()
    assert "moved to a later session" in next(p for p in placements if p.entry.delegation == "Norway").explain()


def test_explain_names_the_rule() -> None:
    entries = poc_2014()
    chad = entries[3]
    assert explain(chad, entries, POC_2014) == (
        "Chad is 5th: Council member at permanent representative level: members by level, then draw (draw 2).")
    assert "the President speaks last among Council members (presiding at permanent representative level" in (
        explain(entries[2], entries, POC_2014))
    assert "non-members after members, by level, then inscription" in explain(entries[6], entries, POC_2014)


def test_pin_survives_resort_and_stays_visible() -> None:
    entries = poc_2014()
    entries[10].override = Override("pin", 4, "Brazil's minister arrives at 11:00")  # Brazil
    assert names(entries)[3] == "Brazil"
    # a late ministerial inscription and a new draw re-sort the list: the pin holds
    entries.append(entry(20, "Kenya", "KEN", Basis.RULE37, Level.MINISTER, minutes=90))
    entries[1].draw = 0
    placements = order_entries(entries, POC_2014)
    brazil = next(p for p in placements if p.entry.delegation == "Brazil")
    assert brazil.position == 4 and brazil.auto_position == 13 and brazil.overridden
    assert brazil.explain().endswith(
        "Manual override: pinned at position 4 (Brazil's minister arrives at 11:00) "
        "(the rules alone would put it 13th).")
    assert [p.entry.delegation for p in placements][8:10] == ["Norway", "Kenya"]  # ministers by inscription


def test_a_pinned_entry_never_moves_when_someone_is_heard_out_of_turn() -> None:
    entries = poc_2014()
    entries[10].override = Override("pin", 2, "the minister leaves at noon")  # Brazil
    before = names(entries)
    assert before[1] == "Brazil"
    first = order_entries(entries, POC_2014)[0].entry
    first.status, first.started_at = Status.SPOKE, T0 + timedelta(days=9)
    assert names(entries) == before  # heard in turn: nothing moves
    japan = entries[9]  # then Japan is timed out of turn, ahead of Brazil and the members
    japan.status, japan.started_at = Status.SPEAKING, T0 + timedelta(days=9, minutes=10)
    placements = order_entries(entries, POC_2014)
    placed = [p.entry.delegation for p in placements if p.position is not None]
    assert placed[:3] == [before[0], "Brazil", "Japan"]  # the pin holds; Japan is listed where heard
    brazil = next(p for p in placements if p.entry.delegation == "Brazil")
    assert brazil.position == 2 and "not available" not in brazil.explain()


def test_move_after_follows_its_anchor_through_a_resort() -> None:
    entries = poc_2014()
    entries[9].override = Override("after", 7, "speaks right after the PoC group")  # Japan after Switzerland
    assert names(entries)[8:10] == ["Switzerland", "Japan"]
    entries[6].level = Level.MINISTER  # Switzerland's minister confirms: the group moves up ...
    order = names(entries)
    assert order[7:10] == ["Switzerland", "Japan", "Norway"]  # ... and Japan moves with it
    entries[6].status = Status.WITHDRAWN  # anchor gone: the override shows, the rules apply
    japan = next(p for p in order_entries(entries, POC_2014) if p.entry.delegation == "Japan")
    assert "not applied" in japan.explain() and japan.position == japan.auto_position


def test_move_before_and_chains() -> None:
    entries = poc_2014()
    entries[10].override = Override("before", 8)  # Brazil before Norway
    entries[8].override = Override("after", 11)  # EU after Brazil (a chain)
    order = names(entries)
    assert order[7:10] == ["Brazil", "European Union", "Norway"]
    entries[10].override = Override("after", 9)  # a cycle: Brazil after EU after Brazil
    placements = order_entries(entries, POC_2014)
    assert sorted(p.position for p in placements if p.position) == list(range(1, 13))


def test_swap_is_reapplied_after_resort() -> None:
    entries = poc_2014()
    entries[1].override = Override("swap", 4, "Argentina's minister has to leave later")  # Argentina <-> Chad
    order = names(entries)
    assert order[3:5] == ["Chad", "Argentina"]
    chad = next(p for p in order_entries(entries, POC_2014) if p.entry.delegation == "Chad")
    assert "swapped with Argentina (override on Argentina)" in chad.explain()
    entries.append(entry(21, "Secretary-General", "SG", Basis.BRIEFER, Level.OTHER))
    assert names(entries)[4:6] == ["Chad", "Argentina"]


def test_duplicate_inscription() -> None:
    entries = poc_2014()
    again = entry(30, "Norway", "NOR", Basis.RULE37)
    assert find_duplicate(again, entries) is entries[7]
    assert find_duplicate(entry(31, "Norway", "NOR", Basis.RULE37, on_behalf_of="NORDIC"), entries) is None
    entries[7].status = Status.WITHDRAWN
    assert find_duplicate(again, entries) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Basis)), st.sampled_from(list(Level)),
                          st.integers(0, 500), st.booleans()), min_size=1, max_size=40),
       st.integers(1, 40), st.randoms())
def test_order_is_a_permutation_and_pins_hold(rows: list[tuple[Basis, Level, int, bool]], pin_at: int,
                                              rnd: random.Random) -> None:
    entries = [entry(i + 1, f"D{i}", f"D{i}", b, lv, minutes=m, status=Status.WITHDRAWN if w and i % 5 == 0 else Status.INSCRIBED)
               for i, (b, lv, m, w) in enumerate(rows)]
    active = [e for e in entries if e.active]
    if active:
        pinned = rnd.choice(active)
        pinned.override = Override("pin", pin_at)
    placements = order_entries(entries)
    positions = [p.position for p in placements if p.position is not None]
    assert sorted(positions) == list(range(1, len(active) + 1))
    if active:
        got = next(p.position for p in placements if p.entry is pinned)
        assert got == min(pin_at, len(active))
    shuffled = entries[:]
    rnd.shuffle(shuffled)
    assert [p.entry.id for p in order_entries(shuffled)] == [p.entry.id for p in placements]


# -- real debates ------------------------------------------------------------------------------

def heard(shared_data: Path, meeting: int, on: date) -> list[HeardSpeaker]:
    files = sorted((shared_data / "spv_2020_speeches").glob(f"UNSC_2020_SPV.{meeting}*_spch*.txt"))
    if not files:
        pytest.skip(f"S/PV.{meeting} is not in ../shared/data")
    return [h for h in speakers_from_record([p.text for p in record_parts(files)], Roster.load(), on)
            if not h.further]


def scrambled_inscriptions(heard_list: list[HeardSpeaker], seed: int) -> list[SpeakerEntry]:
    """Entries as staff would have them before the meeting: high-level speakers inscribed *late*
    and drawn at random, so only the rules can bring them forward; ambassadors inscribed and
    drawn in the order they were heard (the record cannot tell us more); input shuffled."""
    rnd = random.Random(seed)
    high = (Level.HEAD, Level.MINISTER, Level.VICE_MINISTER)
    entries = []
    for i, h in enumerate(heard_list):
        e = h.to_entry(datetime(2020, 1, 2, 9) + timedelta(minutes=i))
        e.id = i + 1
        if h.level in high:
            e.inscribed_at += timedelta(days=5)  # after everyone else ...
            if e.basis == Basis.MEMBER:
                e.draw = 100 + rnd.randrange(50)  # ... and a bad draw
        entries.append(e)
    rnd.shuffle(entries)
    return entries


def test_order_heard_at_8699(shared_data: Path) -> None:
    """9 Jan 2020, upholding the UN Charter: Viet Nam's Deputy Prime Minister presiding."""
    heard_list = heard(shared_data, 8699, date(2020, 1, 9))
    assert len(heard_list) == 110  # 105 delegations, 2 briefers, EU, ICRC and Palestine
    assert [h.delegation_code for h in heard_list[:6]] == ["SG", "ELDERS", "VNM", "VCT", "EST", "DEU"]
    for seed in range(5):
        entries = scrambled_inscriptions(heard_list, seed)
        ordered = order_entries(entries, OrderSettings(president_code="VNM", president_first=True))
        assert [p.entry.delegation for p in ordered] == [h.delegation for h in heard_list]
    # the rule alone (a minister presiding) gives the same order; overridden, the President goes last
    by_rule = order_entries(scrambled_inscriptions(heard_list, 0), OrderSettings(president_code="VNM"))
    assert [p.entry.delegation for p in by_rule] == [h.delegation for h in heard_list]
    last = order_entries(scrambled_inscriptions(heard_list, 0), OrderSettings(president_code="VNM", president_first=False))
    assert [p.entry.delegation_code for p in last][16] == "VNM" and last[16].overridden


def test_order_heard_at_8723_with_two_ministers_among_non_members(shared_data: Path) -> None:
    """13 Feb 2020, transitional justice: Belgium's minister presiding; Guatemala's and Spain's
    ministers open the non-members although they were not first to inscribe."""
    heard_list = heard(shared_data, 8723, date(2020, 2, 13))
    ordered = order_entries(scrambled_inscriptions(heard_list, 1), OrderSettings(president_code="BEL"))
    assert [p.entry.delegation for p in ordered] == [h.delegation for h in heard_list]  # by the rule alone
    assert ordered[3].entry.delegation_code == "BEL" and not ordered[3].overridden
    assert [p.entry.delegation for p in ordered][18:20] == ["Guatemala", "Spain"]


def test_order_heard_at_8706_needs_overrides_for_the_parties(shared_data: Path) -> None:
    """22 Jan 2020, the Middle East: Viet Nam's ambassador presiding speaks last among members,
    and by practice the parties (Palestine, Israel) speak right after the briefers: two pins."""
    heard_list = heard(shared_data, 8706, date(2020, 1, 22))
    entries = scrambled_inscriptions(heard_list, 2)
    settings = OrderSettings(president_code="VNM")
    expected = [h.delegation for h in heard_list]
    assert [p.entry.delegation for p in order_entries(entries, settings)] != expected
    for e in entries:
        if e.delegation_code in ("PSE", "ISR"):
            e.override = Override("pin", 3 if e.delegation_code == "PSE" else 4, "party to the question")
    ordered = order_entries(entries, settings)
    assert [p.entry.delegation for p in ordered] == expected
    assert ordered[18].entry.delegation_code == "VNM"
    israel = ordered[3]
    assert israel.explain().startswith("Israel is 4th: rule 37 at permanent representative level")
    assert "pinned at position 4 (party to the question)" in israel.explain()


def test_only_a_speech_timed_during_the_debate_keeps_the_place_where_it_was_heard() -> None:
    """Issue 13: Japan timed out of turn the week before (a rehearsal) is placed by the rules, its
    status and record kept; timed on the debate's day (not before the lead time), it is listed where heard."""
    day = date(2014, 2, 12)
    s = OrderSettings(president_code="LTU", debate_days=((day, datetime(2014, 2, 12, 9)),))
    entries = poc_2014()
    by_rules = names(entries, s)
    japan = entries[9]
    for rehearsal in (datetime(2014, 2, 5, 10, 30), datetime(2014, 2, 12, 8, 30), None):
        japan.status, japan.started_at, japan.actual_seconds = Status.SPOKE, rehearsal, 240
        assert names(entries, s) == by_rules
        placed = next(p for p in order_entries(entries, s) if p.entry is japan)
        assert "stays where it was heard" not in placed.explain() and "rehearsal" in placed.explain()
    japan.started_at = datetime(2014, 2, 12, 10)
    assert names(entries, s)[0] == "Japan"
    assert "stays where it was heard" in next(p for p in order_entries(entries, s) if p.entry is japan).explain()
    assert names(entries, POC_2014)[0] == "Japan"  # the days unknown: every timed speech counts

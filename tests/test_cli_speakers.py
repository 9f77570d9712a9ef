"""`debateprep speakers …` in-process, against SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import CliResult

REPO = Path(__file__).resolve().parents[1]
SEED_NOTE = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
Cli = Callable[[list[str]], CliResult]

MEMBERS_2014 = ["Jordan", "Luxembourg", "Nigeria", "Republic of Korea", "Russia", "Rwanda", "United Kingdom",
                "United States", "Argentina", "Australia", "Chad", "Chile", "中国", "France", "Lithuania"]
NON_MEMBERS = ["European Union", "Austria", "Brazil", "Canada", "Colombia", "Costa Rica", "Cuba", "Egypt", "Ethiopia",
               "Switzerland", "Georgia", "Germany", "Guatemala", "India", "Indonesia", "Islamic Republic of Iran",
               "Ireland", "Israel", "Italy", "Japan", "Liechtenstein", "Malaysia", "Mexico", "Morocco", "Netherlands",
               "New Zealand", "Norway", "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Slovakia",
               "South Africa", "Spain", "Sudan", "Syria", "Thailand", "Turkey", "Ukraine", "Uruguay", "Viet Nam"]


def ok(result: CliResult) -> CliResult:
    assert result.exit_code == 0, result.stderr
    return result


def new_debate(cli: Cli) -> str:
    ok(cli(["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
            "--date", "2014-02-12", "--presidency", "Lithuania", "--json"]))
    return "1"


def csv_of_62(tmp_path: Path) -> Path:
    lines = ["delegation,level,basis,on_behalf_of,inscribed_at,draw,planned_minutes"]
    for i, b in enumerate(["OCHA", "DPKO", "OHCHR", "ICRC"]):
        lines.append(f"{b},,,,2014-02-05 09:0{i},,10")
    for i, m in enumerate(MEMBERS_2014):
        lines.append(f"{m},,,,2014-02-05 10:{i:02d},{i + 1},")
    for i, n in enumerate(NON_MEMBERS):
        group = {"European Union": "EU", "Switzerland": "Group of Friends of PoC"}.get(n, "")
        minutes = "7" if group else ""
        lines.append(f"{n},,,{group},2014-02-05 11:{i:02d},,{minutes}")
    path = tmp_path / "poc_62.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_add_list_json_and_clear_errors(cli: Cli) -> None:
    debate = new_debate(cli)
    for name in ("OCHA", "Chad", "Lithuania", "中国", "Norway"):
        ok(cli(["speakers", "add", debate, name]))
    ok(cli(["speakers", "add", debate, "Argentina", "--level", "minister", "--draw", "5"]))
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert isinstance(rows, list)
    assert [r["delegation"] for r in rows] == ["Office for the Coordination of Humanitarian Affairs", "Argentina",
                                                "Chad", "China", "Lithuania", "Norway"]
    first = rows[1]
    for key in ("position", "delegation", "level", "basis", "status", "planned_start", "session"):
        assert key in first
    assert (first["position"], first["level"], first["basis"], first["status"]) == (2, "minister", "member", "inscribed")
    assert first["planned_start"] == "2014-02-12T10:05" and first["session"] == 1

    bad = cli(["speakers", "add", debate, "Narnia"])
    assert bad.exit_code == 2 and bad.stderr.startswith("debateprep: error: unknown delegation 'Narnia'")
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    dup = cli(["speakers", "add", debate, "chad"])
    assert dup.exit_code == 2 and "Chad is already inscribed" in dup.stderr
    assert len(ok(cli(["speakers", "list", debate, "--json"])).json()) == 6  # type: ignore[arg-type]
    missing = cli(["speakers", "withdraw", "999"])
    assert missing.exit_code == 1 and "no speakers-list entry #999" in missing.stderr


def test_text_list_in_chinese(cli: Cli) -> None:
    debate = new_debate(cli)
    ok(cli(["speakers", "add", debate, "United Kingdom"]))
    out = ok(cli(["speakers", "list", debate, "--lang", "zh"])).stdout
    assert "大不列颠及北爱尔兰联合王国" in out and "10:00" in out


def test_order_and_schedule_name_delegations_in_the_interface_language(cli: Cli) -> None:
    debate = new_debate(cli)  # an English debate
    for name in ("United Kingdom", "Chad"):
        ok(cli(["speakers", "add", debate, name]))
    ok(cli(["speakers", "add", debate, "Mr. Zhang", "--person"]))
    for command in (["speakers", "order", debate], ["speakers", "schedule", debate]):
        out = ok(cli(["--lang", "zh", *command])).stdout
        assert "大不列颠及北爱尔兰联合王国" in out and "乍得" in out, out
        assert "United Kingdom" not in out and "Chad" not in out, out
        assert "Mr. Zhang" in out  # a person in a personal capacity keeps the name given
        english = ok(cli(["--lang", "en", *command])).stdout
        assert "United Kingdom" in english and "乍得" not in english
        chosen = ok(cli(["--lang", "en", *command, "--lang", "zh"])).stdout  # the command's own --lang
        assert "乍得" in chosen
    why = ok(cli(["--lang", "zh", "speakers", "order", debate, "--json"])).json()
    assert isinstance(why, list)
    uk = next(r for r in why if r["delegation"] == "United Kingdom")
    assert uk["why"].startswith("大不列颠及北爱尔兰联合王国排在")


def test_move_withdraw_order_explain(cli: Cli) -> None:
    debate = new_debate(cli)
    for name in ("Chad", "Jordan", "Norway", "Japan"):
        ok(cli(["speakers", "add", debate, name]))
    ok(cli(["speakers", "move", "4", "--to", "1", "--reason", "the Vice-Minister leaves at 11:00"]))
    ok(cli(["speakers", "withdraw", "2"]))
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert [(r["position"], r["delegation"]) for r in rows] == [  # type: ignore[index]
        (1, "Japan"), (2, "Chad"), (3, "Norway"), (None, "Jordan")]
    why = ok(cli(["speakers", "order", debate, "--explain", "4", "--json"])).json()
    assert why[0]["auto_position"] == 3  # type: ignore[index]
    assert "pinned at position 1 (the Vice-Minister leaves at 11:00)" in why[0]["why"]  # type: ignore[index]
    stale = cli(["speakers", "edit", "4", "--notes", "x", "--version", "1"])
    assert stale.exit_code == 2 and "was changed by someone else" in stale.stderr
    ok(cli(["speakers", "move", "4", "--clear"]))
    assert ok(cli(["speakers", "list", debate, "--json"])).json()[0]["delegation"] == "Chad"  # type: ignore[index]


def test_schedule_of_a_62_speaker_debate(cli: Cli, tmp_path: Path) -> None:
    debate = new_debate(cli)
    ok(cli(["debate", "set", debate, "--limit", "6"]))  # six minutes each: the list runs into a second day
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    sched = ok(cli(["speakers", "schedule", debate, "--json"])).json()
    speakers = sched["speakers"]  # type: ignore[index]
    assert len(speakers) == 62
    assert speakers[0]["start"] == "2014-02-12T10:00" and speakers[0]["minutes"] == 10
    assert speakers[18]["delegation"] == "Lithuania"  # the President, last among members
    opening = {s["number"]: s["positions"][0] for s in sched["sessions"]}  # type: ignore[index]
    assert list(opening) == [1, 2, 3]
    afternoon = speakers[opening[2] - 1]
    assert afternoon["start"] == "2014-02-12T15:00"
    assert sched["spill_over"][0] == opening[2]  # type: ignore[index]
    assert sched["resumption"] and sched["resumption"][-1] == 62  # type: ignore[index]
    assert sched["sessions"][2]["record"] == "S/PV.7109 (Resumption 1)"  # type: ignore[index]
    text = ok(cli(["speakers", "schedule", debate])).stdout
    assert "spills into another day" in text and "S/PV.7109 (Resumption 1)" in text


def test_timer_on_another_day_leaves_the_schedule_and_the_brief_alone(cli: Cli, tmp_path: Path) -> None:
    """`speakers start` today on the 2014 debate (as in the demo: F2, space) is a rehearsal."""
    debate = new_debate(cli)
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    ok(cli(["debate", "set", debate, "--delegation", "China"]))
    planned = ok(cli(["speakers", "schedule", debate, "--json"])).json()
    ok(cli(["speakers", "start", "1", "--at", "2026-11-27T15:53"]))
    ok(cli(["speakers", "done", "1", "--seconds", "312"]))
    ok(cli(["speakers", "start", "2"]))  # the real clock, whatever day the test runs
    after = ok(cli(["speakers", "schedule", debate, "--json", "--now", "2026-11-29T06:53"])).json()
    assert after["sessions"] == planned["sessions"]  # type: ignore[index]
    assert [(s["start"], s["session"]) for s in after["speakers"]] == \
        [(s["start"], s["session"]) for s in planned["speakers"]]  # type: ignore[index]
    assert after["speakers"][0]["actual"] == {"start": "2026-11-27T15:53:00", "seconds": 312,  # type: ignore[index]
                                              "during_debate": False}
    text = ok(cli(["speakers", "schedule", debate])).stdout
    assert "Resumption 2" not in text and "rehearsal or late entry" in text
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert max(r["session"] for r in rows) == len(planned["sessions"]) == 2  # type: ignore[union-attr, index, arg-type]
    brief = ok(cli(["export", "brief", debate, "-o", str(tmp_path / "brief.md")]))
    assert brief.exit_code == 0
    content = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "We (China) speak 17th of 62, expected at 11:45 (Wed 12 Feb 10:00-13:00 S/PV.7109)." in content


def test_malformed_csv_names_file_and_row_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    debate = new_debate(cli)
    ok(cli(["speakers", "add", debate, "Chad"]))
    bad = tmp_path / "list.csv"
    bad.write_text("delegation,level\nJordan,PR\nNigeria,PR,oops\n", encoding="utf-8")
    result = cli(["speakers", "import", debate, str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"debateprep: error: {bad}: row 3: 3 fields where the header has 2"
    assert len(ok(cli(["speakers", "list", debate, "--json"])).json()) == 1  # type: ignore[arg-type]


def test_export_import_round_trip(cli: Cli, tmp_path: Path) -> None:
    debate = new_debate(cli)
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    ok(cli(["speakers", "move", "30", "--after", "Norway"]))
    out = tmp_path / "out.csv"
    ok(cli(["speakers", "export", debate, "--output", str(out)]))
    assert cli(["speakers", "export", debate, "--output", str(out)]).exit_code == 2  # no silent overwrite
    ok(cli(["debate", "new", "copy", "--date", "2014-02-12", "--presidency", "Lithuania"]))
    ok(cli(["speakers", "import", "2", str(out)]))
    first = [r["delegation"] for r in ok(cli(["speakers", "list", debate, "--json"])).json()]  # type: ignore[union-attr]
    second = [r["delegation"] for r in ok(cli(["speakers", "list", "2", "--json"])).json()]  # type: ignore[union-attr]
    assert first == second and len(first) == 62


def test_briefers_from_the_imported_concept_note(cli: Cli) -> None:
    ok(cli(["import", str(SEED_NOTE)]))
    added = ok(cli(["speakers", "import", "1", "--briefers", "--json"])).json()
    assert [e["code"] for e in added] == ["OCHA", "DPKO", "OHCHR", "ICRC"]  # type: ignore[index, union-attr]
    assert all(e["basis"] == "briefer" and e["confirmed"] is False for e in added)  # type: ignore[union-attr]
    assert ok(cli(["speakers", "import", "1", "--briefers", "--json"])).json() == []


def test_inscribe_the_council_in_one_step(cli: Cli) -> None:
    debate = new_debate(cli)
    ok(cli(["speakers", "add", debate, "Lithuania", "--level", "minister"]))
    added = ok(cli(["speakers", "import", debate, "--council", "--json"])).json()
    assert len(added) == 14 and {e["basis"] for e in added} == {"member"}  # type: ignore[arg-type, union-attr]
    again = ok(cli(["speakers", "import", debate, "--council"]))
    assert again.stdout.strip() == "all 15 Council members of 2014 are on the list already: nothing added"
    assert len(ok(cli(["speakers", "list", debate, "--json"])).json()) == 15  # type: ignore[arg-type]
    missing = cli(["speakers", "import", debate, "--council", "--year", "1999"])
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1
    assert "the roster has no Council composition for 1999" in missing.stderr
    stray = cli(["speakers", "import", debate, "--briefers", "--year", "2014"])
    assert stray.exit_code == 2 and "--year goes with --council" in stray.stderr


def test_import_verbatim_record(cli: Cli, shared_data: Path) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8723*_spch*.txt"))
    if not files:
        pytest.skip("S/PV.8723 is not in ../shared/data")
    ok(cli(["debate", "new", "Transitional justice", "--meeting", "8723", "--date", "2020-02-13",
            "--presidency", "Belgium"]))  # no flag: the minister presiding is placed by the rule
    result = ok(cli(["speakers", "import", "1", "--record", *map(str, files)]))
    assert result.stdout.startswith("imported 62 speakers heard in the record")
    rows = ok(cli(["speakers", "list", "1", "--json"])).json()
    assert [r["code"] for r in rows[:5]] == ["OHCHR", None, None, "BEL", "NER"]  # type: ignore[index]
    assert [r["position"] for r in rows] == list(range(1, 63))  # type: ignore[index]
    assert all(r["override"] is None for r in rows)  # type: ignore[union-attr]  # heard as the rules order it


def test_the_presidents_place_is_overridden_both_ways_from_the_cli(cli: Cli) -> None:
    ok(cli(["debate", "new", "PoC", "--date", "2014-02-12", "--presidency", "Lithuania", "--president-last"]))
    for name, level in (("OCHA", None), ("Chad", None), ("Lithuania", "minister")):
        ok(cli(["speakers", "add", "1", name, *(["--level", level] if level else [])]))
    rows = ok(cli(["speakers", "order", "1", "--json"])).json()
    assert [r["delegation"] for r in rows] == ["Office for the Coordination of Humanitarian Affairs", "Chad", "Lithuania"]  # type: ignore[index]
    assert rows[2]["override"].startswith("set for this debate: the President speaks last")  # type: ignore[index]
    assert rows[2]["auto_position"] == 2  # type: ignore[index]
    assert ok(cli(["debate", "set", "1", "--president-first", "rule", "--json"])).json()["settings"]["president_first"] is None  # type: ignore[index]
    rows = ok(cli(["speakers", "order", "1", "--json"])).json()
    assert [r["delegation"] for r in rows][1] == "Lithuania" and rows[1]["override"] is None  # type: ignore[index]
    ok(cli(["debate", "set", "1", "--president-first", "no"]))
    assert ok(cli(["speakers", "order", "1", "--json"])).json()[2]["delegation"] == "Lithuania"  # type: ignore[index]
    both = cli(["debate", "new", "x", "--president-first", "--president-last"])
    assert both.exit_code == 2 and "not allowed with" in both.stderr


def test_roster_lookup(cli: Cli) -> None:
    found = ok(cli(["speakers", "roster", "英", "--json"])).json()
    assert found["delegations"][0]["code"] == "GBR"  # type: ignore[index]
    nordic = ok(cli(["speakers", "roster", "Nordic countries", "--json"])).json()
    assert nordic["group"]["members"] == ["DNK", "FIN", "ISL", "NOR", "SWE"]  # type: ignore[index]


def test_council_of_a_year() -> None:
    from tests.conftest import run_cli

    result = run_cli(["speakers", "council", "2014", "--json"])
    assert result.exit_code == 0
    data = result.json()
    assert data["presidency"][1] == {"month": 2, "code": "LTU", "name": "Lithuania"}  # type: ignore[index]
    missing = run_cli(["speakers", "council", "1999"])
    assert missing.exit_code == 1 and "no Council composition for 1999" in missing.stderr



UNEP_NOTE = """Letter dated 2 March 2031 from the Permanent Representative of Denmark to the United Nations \
addressed to the Secretary-General

Denmark will hold an open debate on climate and security on 20 March 2031.

Annex
Concept note for the Security Council open debate on climate and security

I. Background
Climate change affects peace and security.

II. Guiding questions
- How can the Council address climate risks?

III. Briefers
The Council will be briefed by the Secretary-General and the Executive Director of the United Nations \
Environment Programme.
"""


def test_a_rehearsal_out_of_turn_reorders_nothing(cli: Cli, tmp_path: Path) -> None:
    """Issue 13: UNEP timed out of turn today (not the debate's day) stays behind the
    Secretary-General, and reinstating a withdrawn entry that spoke keeps its record."""
    note = tmp_path / "note.txt"
    note.write_text(UNEP_NOTE, encoding="utf-8")
    ok(cli(["import", str(note)]))
    ok(cli(["speakers", "import", "1", "--briefers"]))
    ok(cli(["speakers", "start", "2"]))  # the real clock: years before the 2031 debate
    rows = ok(cli(["speakers", "list", "1", "--json"])).json()
    assert [(r["position"], r["code"], r["status"]) for r in rows] == [  # type: ignore[index, union-attr]
        (1, "SG", "inscribed"), (2, None, "speaking")]
    order = ok(cli(["speakers", "order", "1"])).stdout
    assert "stays where it was heard" not in order
    assert "Secretary-General is 1st" in order and "rehearsal" in order.splitlines()[1]
    ok(cli(["speakers", "done", "2", "--seconds", "200"]))
    ok(cli(["speakers", "withdraw", "2"]))
    back = ok(cli(["speakers", "reinstate", "2", "--json"])).json()
    assert back["status"] == "spoke" and back["actual_seconds"] == 200  # type: ignore[index]
    assert cli(["speakers", "reinstate", "2"]).exit_code != 0  # not withdrawn: nothing to reinstate


def test_a_list_exported_from_another_debate_brings_no_speeches(cli: Cli, tmp_path: Path) -> None:
    """Statuses of speeches heard in the 2014 debate do not follow its list into another debate;
    the same debate's export comes back with them."""
    debate = new_debate(cli)
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    ok(cli(["speakers", "start", "1", "--at", "2014-02-12T10:00"]))
    ok(cli(["speakers", "done", "1", "--seconds", "480"]))
    out = tmp_path / "out.csv"
    ok(cli(["speakers", "export", debate, "--output", str(out)]))
    ok(cli(["debate", "new", "another", "--date", "2031-03-20", "--presidency", "Denmark"]))
    ok(cli(["speakers", "import", "2", str(out)]))
    rows = ok(cli(["speakers", "list", "2", "--json"])).json()
    assert {r["status"] for r in rows} == {"inscribed"}  # type: ignore[union-attr, index]
    assert rows[0]["actual_seconds"] is None and "spoke in the imported file" in rows[0]["notes"]  # type: ignore[index]
    ok(cli(["debate", "new", "copy", "--date", "2014-02-12", "--presidency", "Lithuania"]))
    ok(cli(["speakers", "import", "3", str(out)]))
    again = ok(cli(["speakers", "list", "3", "--json"])).json()
    assert [(r["status"], r["actual_seconds"]) for r in again[:2]] == [  # type: ignore[index]
        ("spoke", 480), ("inscribed", None)]


def test_on_behalf_is_the_option_name_and_group_its_alias(cli: Cli) -> None:
    debate = new_debate(cli)
    ok(cli(["speakers", "add", debate, "Norway", "--on-behalf", "Nordic countries"]))
    ok(cli(["speakers", "add", debate, "Austria", "--group", "EU"]))
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert isinstance(rows, list)
    assert {r["delegation"]: r["on_behalf_of"] for r in rows} == {"Norway": "NORDIC", "Austria": "EU"}
    norway = next(r for r in rows if r["delegation"] == "Norway")
    ok(cli(["speakers", "edit", str(norway["id"]), "--on-behalf", "Group of Friends of PoC"]))
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert isinstance(rows, list)
    assert next(r for r in rows if r["delegation"] == "Norway")["on_behalf_of"] == "POC"
    assert "--on-behalf GROUP" in ok(cli(["speakers", "add", "--help"])).stdout


def test_a_rehearsal_is_undone_one_entry_or_all_and_the_plan_is_as_before(cli: Cli, tmp_path: Path) -> None:
    """The user's rehearsal on another day left rows 1-2 "spoke" with no way back: `unspoke` undoes
    one entry's timing, `reset-timer --yes` every one; the list is then exactly as planned."""
    debate = new_debate(cli)
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    ok(cli(["speakers", "move", "30", "--to", "6", "--reason", "swap with the EU"]))
    planned = ok(cli(["speakers", "list", debate, "--json"])).json()
    ok(cli(["speakers", "start", "1", "--at", "2026-11-27T15:53"]))
    ok(cli(["speakers", "done", "1", "--seconds", "312"]))
    ok(cli(["speakers", "start", "2", "--at", "2026-11-27T15:59"]))
    ok(cli(["speakers", "done", "2", "--seconds", "40"]))
    ok(cli(["speakers", "start", "3", "--at", "2026-11-27T16:00"]))
    back = ok(cli(["speakers", "unspoke", "2", "--json"])).json()
    assert (back["status"], back["actual_seconds"]) == ("inscribed", None)  # type: ignore[index]
    again = cli(["speakers", "unspoke", "2"])
    assert again.exit_code != 0 and "no timing to undo" in again.stderr and "Traceback" not in again.stderr
    refused = cli(["speakers", "reset-timer", debate])
    assert refused.exit_code == 2 and "--yes" in refused.stderr and "#1 " in refused.stderr
    rows = ok(cli(["speakers", "list", debate, "--json"])).json()
    assert [r["status"] for r in rows[:3]] == ["spoke", "inscribed", "speaking"]  # type: ignore[index]
    done = ok(cli(["speakers", "reset-timer", debate, "--yes"]))
    assert "2 entries wait to speak again" in done.stdout
    after = ok(cli(["speakers", "list", debate, "--json"])).json()
    keep = ("position", "id", "status", "actual_seconds", "actual_start", "planned_start", "session", "override")
    assert [{k: r[k] for k in keep} for r in after] == [{k: r[k] for k in keep} for r in planned]  # type: ignore[index, union-attr]
    assert ok(cli(["speakers", "reset-timer", debate])).stdout.startswith("timer reset")  # nothing left: no --yes needed


def test_an_entry_moved_to_a_later_session_comes_back_moved_after_a_withdrawal(cli: Cli) -> None:
    debate = new_debate(cli)
    for name in ("Chad", "Jordan", "Norway", "Japan"):
        ok(cli(["speakers", "add", debate, name]))
    assert "moved to a later session" in ok(cli(["speakers", "later", "2"])).stdout
    ok(cli(["speakers", "start", "1", "--at", "2014-02-12T10:00"]))
    ok(cli(["speakers", "done", "1", "--seconds", "300"]))

    def shown() -> list[tuple[object, ...]]:
        rows = ok(cli(["speakers", "list", debate, "--json"])).json()
        assert isinstance(rows, list)
        return [(r["id"], r["position"], r["status"], r["session"], r["planned_start"]) for r in rows]

    before = shown()
    assert [r[2] for r in before] == ["spoke", "inscribed", "inscribed", "moved"]
    for entry in ("2", "1", "3"):
        assert "withdrawn" in ok(cli(["speakers", "withdraw", entry])).stdout
        ok(cli(["speakers", "reinstate", entry]))
    assert shown() == before
    back = ok(cli(["speakers", "later", "2", "--back", "--json"])).json()
    assert back["status"] == "inscribed"  # type: ignore[index]
    refused = cli(["speakers", "later", "1"])
    assert refused.exit_code != 0 and "only an entry waiting to speak" in refused.stderr


def test_without_the_years_roster_p5_speak_as_members_and_elected_members_are_not_guessed(cli: Cli) -> None:
    ok(cli(["debate", "new", "Middle East", "--date", "2024-05-02"]))
    for name in ("China", "法国", "Russia", "United Kingdom", "United States"):
        assert ok(cli(["speakers", "add", "1", name, "--json"])).json()["basis"] == "member"  # type: ignore[index]
    refused = cli(["speakers", "add", "1", "Malta"])
    assert refused.exit_code != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "debateprep: error: Malta: membership unknown for 2024: add the roster (a [2024] table in "
        "speakers/council.toml), or give the basis (--basis member or rule37)"]
    assert ok(cli(["speakers", "add", "1", "Malta", "--basis", "member", "--json"])).json()["basis"] == "member"  # type: ignore[index]


def test_a_president_who_is_not_on_the_council_that_year_is_refused_in_one_line(cli: Cli) -> None:
    refused = cli(["debate", "new", "PoC", "--date", "2020-05-27", "--presidency", "Lithuania"])
    assert refused.exit_code != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "debateprep: error: Lithuania is not a Council member in 2020 (it sat in 2014, 2015), so it cannot "
        "preside (see `debateprep speakers council 2020`)"]
    assert ok(cli(["debate", "list", "--json"])).json() == []
    debate = new_debate(cli)
    other = cli(["debate", "set", debate, "--presidency", "Japan"])
    assert other.exit_code != 0 and "Japan is not a Council member in 2014" in other.stderr
    assert ok(cli(["debate", "show", debate, "--json"])).json()["presidency"] == "Lithuania"  # type: ignore[index]
    rehearsed = ok(cli(["debate", "set", debate, "--date", "2026-11-30"]))  # a new date alone: said, not refused
    assert rehearsed.stderr.strip() == ("warning: Lithuania is not a Council member in 2026 (it sat in 2014, 2015), "
                                        "so it cannot preside (see `debateprep speakers council 2026`)")
    unchecked = ok(cli(["debate", "set", debate, "--date", "2024-05-02", "--presidency", "Malta"]))
    warning = ("warning: the President, Malta, is not checked: membership unknown for 2024: add the roster "
               "(a [2024] table in speakers/council.toml)")
    assert unchecked.stderr.strip() == warning
    assert ok(cli(["speakers", "list", debate])).stderr.strip() == warning


def test_done_without_seconds_ends_the_running_turn_now(cli: Cli, tmp_path: Path) -> None:
    """`speakers start N` then `speakers done N`: the turn ends now, timed from its start (as F2's f
    does); an entry that is not speaking needs its duration, said in one line."""
    debate = new_debate(cli)
    ok(cli(["speakers", "import", debate, str(csv_of_62(tmp_path))]))
    started = (datetime.now() - timedelta(seconds=90)).replace(microsecond=0)
    ok(cli(["speakers", "start", "1", "--at", started.isoformat(timespec="minutes")]))
    entry = ok(cli(["speakers", "done", "1", "--json"])).json()
    assert entry["status"] == "spoke" and 60 <= entry["actual_seconds"] <= 60 + 90 + 300  # type: ignore[index, operator]
    refused = cli(["speakers", "done", "2"])
    assert refused.exit_code != 0 and "Traceback" not in refused.stderr
    assert "is not speaking: give its duration (--seconds)" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1

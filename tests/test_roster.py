"""The roster: reviewed data files, name resolution in English/Chinese, Council by year."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError
from debateprep.domain.roster import Roster, normalize_name
from debateprep.domain.verbatim import parse_speaker_header



@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster.load()


def test_all_member_and_observer_states(roster: Roster) -> None:
    states = list(roster.states())
    assert sum(d.kind == "member_state" for d in states) == 193
    assert sorted(d.code for d in states if d.kind == "observer_state") == ["PSE", "VAT"]
    for d in states:
        assert d.name and d.zh_name and d.formal_name and d.zh_formal_name, d.code
        assert roster.find(d.name) == d and roster.find(d.zh_name) == d


@pytest.mark.parametrize(
    "written, code",
    [
        ("United Kingdom", "GBR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Islamic Republic of Iran", "IRN"),
        ("Palestine", "PSE"), ("Observer State of Palestine", "PSE"), ("Russian Federation", "RUS"),
        ("Russia", "RUS"), ("C6te d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"), ("the Niger", "NER"),
        ("Timor- Leste", "TLS"), ("Bolivarian Republic of Venezuela", "VEN"),
        ("Plurinational State of Bolivia", "BOL"), ("Holy See", "VAT"), ("the Netherlands", "NLD"),
        ("United States", "USA"), ("英国", "GBR"), ("联合王国", "GBR"), ("俄罗斯联邦", "RUS"), ("美国", "USA"),
        ("刚果（金）", "COD"), ("中国", "CHN"), ("中华人民共和国", "CHN"), ("巴勒斯坦", "PSE"),
        ("DPKO", "DPKO"), ("维持和平行动部", "DPKO"), ("Department of Peace Operations", "DPO"), ("European Union", "EU"), ("欧盟", "EU"),
        ("ICRC", "ICRC"), ("红十字国际委员会", "ICRC"), ("OCHA", "OCHA"), ("OHCHR", "OHCHR"),
        ("UNHCR", "UNHCR"), ("UNICEF", "UNICEF"), ("UN Women", "UNWOMEN"), ("African Union", "AU"),
        ("非盟", "AU"), ("Secretary-General", "SG"),
    ],
)
def test_names_used_by_records_and_staff(roster: Roster, written: str, code: str) -> None:
    found = roster.find(written)
    assert found is not None and found.code == code


def test_bases_of_non_state_speakers(roster: Roster) -> None:
    assert roster.get("EU").basis == "observer"
    assert roster.get("ICRC").basis == "briefer" and roster.get("OCHA").basis == "briefer"
    assert roster.get("PSE").basis == "observer" and roster.get("CHN").basis == "rule37"


def test_unknown_name_is_a_clear_error_with_a_suggestion(roster: Roster) -> None:
    with pytest.raises(InputError, match=r"unknown delegation 'Frnace'; did you mean France\?"):
        roster.resolve("Frnace")
    assert roster.find("Frnace") is None
    assert roster.find("Germny", fuzzy=True) == roster.get("DEU")
    assert roster.find("Narnia", fuzzy=True) is None


def test_search_for_autocomplete_english_and_chinese(roster: Roster) -> None:
    assert [m.delegation.code for m in roster.search("uni", limit=4)] == ["ARE", "GBR", "TZA", "USA"]
    assert roster.search("英")[0].delegation.code == "GBR"
    assert {m.delegation.code for m in roster.search("中")} >= {"CHN", "CAF"}
    assert roster.search("korea")[0].delegation.code == "KOR"
    assert roster.search("us")[0].delegation.code == "USA"
    assert "AUS" not in {m.delegation.code for m in roster.search("us")}
    assert roster.search("grmany")[0].delegation.code == "DEU"
    assert roster.search("") == []


def test_groups(roster: Roster) -> None:
    nordic = roster.resolve_group("Nordic countries")
    assert set(nordic.members) == {"DNK", "FIN", "ISL", "NOR", "SWE"}
    assert roster.resolve_group("Non-Aligned Movement").code == "NAM"
    assert roster.resolve_group("Group of Friends of PoC").code == "POC"
    assert roster.resolve_group("E10").dynamic == "elected"
    assert set(roster.group_members(roster.resolve_group("E10"), 2020)) == set(roster.council_year(2020).elected)
    assert len(roster.group_members(roster.resolve_group("EU"))) == 27
    for group in roster.groups.values():
        for code in group.members:
            assert roster.get(code).is_state, (group.code, code)
    with pytest.raises(InputError, match="unknown group"):
        roster.resolve_group("Friends of Narnia")


@pytest.mark.parametrize("year", [2014, 2020, 2026])
def test_council_composition_and_presidency_rotation(roster: Roster, year: int) -> None:
    council = roster.council_year(year)
    assert len(set(council.members)) == 15 and len(council.permanent) == 5
    assert set(council.african) <= set(council.elected)
    assert len(council.presidency) == 12 and set(council.presidency) <= set(council.members)
    # Rule 18: the presidency rotates in the English alphabetical order of the members' names.
    ordered = sorted(council.members, key=lambda c: normalize_name(roster.get(c).name))
    start = ordered.index(council.presidency[0])
    expected = [ordered[(start + i) % 15] for i in range(12)]
    assert list(council.presidency) == expected


def test_rotation_continues_across_years(roster: Roster) -> None:
    for year in sorted(roster.council):
        if year + 1 not in roster.council:
            continue
        nxt = roster.council_year(year + 1)
        ordered = sorted({*nxt.members, roster.council_year(year).presidency[-1]},
                         key=lambda c: normalize_name(roster.get(c).name))
        after_december = ordered[(ordered.index(roster.council_year(year).presidency[-1]) + 1) % len(ordered)]
        assert nxt.presidency[0] == after_december, year


def test_known_presidencies(roster: Roster) -> None:
    assert roster.presidency(date(2014, 2, 12)).name == "Lithuania"  # S/2014/74, S/PV.7109
    assert roster.presidency(date(2020, 1, 9)).name == "Viet Nam"  # S/PV.8699
    assert roster.is_council_member("VCT", date(2020, 1, 9))
    assert not roster.is_council_member("VCT", date(2014, 2, 12))


def test_names_match_the_unterm_list(shared_data: Path, roster: Roster) -> None:
    path = shared_data / "member_states" / "un_member_states_unterm_en_zh.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {r["iso3"] for r in rows} == {d.code for d in roster.states()}
    for row in rows:
        d = roster.get(row["iso3"])
        assert d.abbrev == row["en_short"] and d.zh_name == row["zh_short"], row["iso3"]
        for ours, theirs in ((d.formal_name, row["en_formal"]), (d.zh_formal_name, row["zh_formal"])):
            if theirs:  # blank in the source for Côte d'Ivoire and Türkiye: ours are filled in
                assert ours == theirs, row["iso3"]
        assert roster.find(row["en_short"]) == d
        assert not row["zh_formal"] or roster.find(row["zh_formal"]) == d


def test_every_delegation_in_2020_verbatim_headers_resolves(shared_data: Path, roster: Roster) -> None:
    seen: set[str] = set()
    for path in (shared_data / "spv_2020_speeches").glob("*.txt"):
        header = parse_speaker_header(path.read_text(encoding="utf-8").split("\n", 1)[0])
        if header is not None and header.delegation:
            seen.add(header.delegation)
    assert len(seen) > 100 and "C6te d'Ivoire" in seen
    unresolved = sorted(n for n in seen if roster.find(n) is None)
    assert unresolved == []


def test_president_names_members_invited_under_rule_37(shared_data: Path, roster: Roster) -> None:
    # S/PV.8699 opens by inviting about 90 States by name, with OCR slips ("Fyi", "Timor- Leste").
    text = (shared_data / "spv_2020_speeches" / "UNSC_2020_SPV.8699_spch001.txt").read_text(encoding="utf-8")
    listed = re.search(r"I invite the representatives of (.*?) to participate", text)
    assert listed is not None
    names = listed.group(1).split(", ")
    names[-1:] = names[-1].rsplit(" and ", 1)  # "... Venezuela and Yemen"
    assert len(names) > 85
    assert [n for n in names if roster.find(n) is None] == []

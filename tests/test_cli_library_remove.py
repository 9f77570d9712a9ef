"""`debateprep library remove SYMBOL [--lang]`, on SQLite and PostgreSQL: the document, its
paragraphs and its search entries go; the rest of the library stays searchable; an unknown symbol
is refused in one line."""

from __future__ import annotations

from pathlib import Path

RES_242 = """Resolution 242 (1967)
of 22 November 1967

The Security Council,

Expressing its continuing concern with the grave situation in the Middle East,

1. Affirms that the fulfilment of Charter principles requires the establishment of a just and lasting peace;

2. Requests the Secretary-General to report to the Security Council on the progress of the efforts;
"""


def test_remove_a_document_and_its_search_entries(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli(["library", "sample"]).exit_code == 0
    before = cli(["library", "search", "决定继续处理此案", "--json"]).json()
    assert len(before) == 3

    r = cli(["library", "remove", "S/RES/2594 (2021)"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == "removed S/RES/2594 (2021) (zh): 28 paragraphs"

    after = cli(["library", "search", "决定继续处理此案", "--json"]).json()
    assert sorted(h["symbol"] for h in after) == ["S/RES/2518 (2020)", "S/RES/2589 (2021)"]
    assert [d["symbol"] for d in cli(["library", "list", "--json"]).json()] == ["S/RES/2518 (2020)", "S/RES/2589 (2021)"]
    assert cli(["library", "search", "决定继续处理此案", "--symbol", "S/RES/2594 (2021)", "--json"]).json() == []

    # gone for good, and it can come back: the next import is not "already in the library"
    again = cli(["library", "sample", "--json"]).json()
    assert [d["symbol"] for d in again["imported"]] == ["S/RES/2594 (2021)"]
    assert len(cli(["library", "search", "决定继续处理此案", "--json"]).json()) == 3


def test_remove_one_language_and_unknown_symbols(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "S_RES_0242_1967_EN.txt"
    f.write_text(RES_242, encoding="utf-8")
    assert cli(["library", "import", str(f)]).exit_code == 0

    r = cli(["library", "remove", "S/RES/242", "--lang", "zh"])
    assert r.exit_code != 0 and r.stdout == ""
    assert r.stderr.strip().splitlines() == ["debateprep: error: S/RES/242 (zh) is not in the library"]

    r = cli(["library", "remove", "S/RES/999 (1999)"])
    assert r.exit_code != 0 and len(r.stderr.strip().splitlines()) == 1 and "not in the library" in r.stderr

    r = cli(["library", "remove", "S/RES/242", "--lang", "en", "--json"])  # the year may be left out
    assert r.exit_code == 0, r.stderr
    assert r.json() == [{"symbol": "S/RES/242 (1967)", "lang": "en", "paragraphs": 3}]
    assert cli(["library", "search", "lasting peace", "--json"]).json() == []
    assert cli(["library", "list", "--json"]).json() == []

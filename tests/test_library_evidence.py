"""The library takes a file only when it is an adopted resolution or presidential statement by its
own evidence (a symbol in its header, or its file name, and the Council's form); a speech or a text
that merely cites a symbol is refused with a one-line reason, never imported "with doubts"."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError
from debateprep.domain.resolution import OP, PARA, AdoptedDocument, parse_adopted
from debateprep.importers.library import ImportReport, bulk_import, load_adopted

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "debateprep" / "data" / "library_samples"

RESOLUTION = """Resolution 9901 (2030)

Adopted by the Security Council at its 9999th meeting, on 2 January 2030

The Security Council,

Recalling its previous resolutions on the protection of civilians,

1. Decides to remain seized of the matter;

2. Requests the Secretary-General to report every six months;
"""

PRST_NAMED = """"The Security Council reaffirms its commitment to the protection of civilians.

"The Security Council further requests the Secretary-General to report on the matter."
"""

SPEECH = ("Mr. Singer Weisinger (Dominican Republic) (spoke in Spanish): I have the honour to brief the "
          "members of the Council in my capacity as Chair of the Security Council Committee established "
          "pursuant to resolution 2374 (2017) concerning Mali. 1. The Committee met three times.\n")


def _import(paths: list[Path]) -> ImportReport:
    """bulk_import with the library kept in dictionaries (the storage is not what is tested here)."""
    hashes: set[str] = set()
    stored: dict[tuple[str, str], tuple[str, str]] = {}

    def save(doc: AdoptedDocument, digest: str) -> None:
        stored[(doc.symbol, doc.lang)] = (digest, doc.source)

    return bulk_import(paths, known_hashes=hashes, stored=lambda s, lang: stored.get((s, lang)), save=save)


# -- made-up cases ------------------------------------------------------------------------------

def test_a_resolution_with_its_header_and_form_is_accepted() -> None:
    doc = parse_adopted(RESOLUTION)
    assert doc.symbol == "S/RES/9901 (2030)" and doc.not_adopted == ""
    assert doc.count(OP) == 2


def test_a_speech_is_refused_even_in_a_file_named_like_a_resolution(tmp_path: Path) -> None:
    f = tmp_path / "S_RES_2374_2017_EN.txt"
    f.write_text(SPEECH, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_adopted(f)
    message = str(err.value)
    assert "\n" not in message and str(f) in message
    assert "speaker's name (Mr. Singer Weisinger:)" in message and "verbatim record" in message


def test_a_chinese_speech_is_refused() -> None:
    speech = "张军先生（中国）：中方欢迎安理会通过第2374(2017)号决议。\n我们支持委员会的工作。\n"
    assert "speaker's name (张军先生:)" in parse_adopted(speech).not_adopted


def test_a_symbol_only_in_running_text_is_not_the_documents_own() -> None:
    """No speaker header (a report, an article), the symbol at the start of a wrapped line."""
    text = textwrap.fill(SPEECH.split(": ", 1)[1] * 3, 60)
    doc = parse_adopted(text)
    assert doc.symbol == "S/RES/2374 (2017)"
    assert doc.not_adopted.startswith("S/RES/2374 (2017) appears only in its running text")


def test_a_named_file_still_needs_the_form_of_a_resolution(tmp_path: Path) -> None:
    f = tmp_path / "S_RES_0990_2030.txt"
    f.write_text("Agenda of the meeting\n\n1. The Committee met three times.\n\n2. Nothing was decided.\n",
                 encoding="utf-8")
    with pytest.raises(InputError, match="neither \"The Security Council,\" nor numbered operative paragraphs"):
        load_adopted(f)


def test_a_presidential_statement_by_its_paragraphs_or_its_opening() -> None:
    doc = parse_adopted(PRST_NAMED, symbol="S/PRST/2030/1")
    assert doc.kind == "prst" and doc.count(PARA) == 2 and doc.not_adopted == ""
    chair = '"The Security Council will now begin its consideration of the item on its agenda."\n'
    refused = parse_adopted(chair, symbol="S/PRST/2030/1")
    assert "not a presidential statement" in refused.not_adopted


def test_bulk_import_refuses_per_file_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a_speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b_resolution.txt").write_text(RESOLUTION, encoding="utf-8")
    report = _import([tmp_path])
    assert [d.symbol for d in report.imported] == ["S/RES/9901 (2030)"]
    assert [(Path(p).name, r.startswith("not imported: it opens with a speaker's name")) for p, r in report.failed] == [
        ("a_speech.txt", True)]


def test_the_bundled_chinese_resolutions_are_still_accepted() -> None:
    for f in sorted(SAMPLES.glob("*.txt")):
        assert load_adopted(f).doc.not_adopted == ""


# -- real data ----------------------------------------------------------------------------------

def test_the_2020_speeches_import_nothing(shared_data: Path) -> None:
    """The user's report: 40 of these went in as resolutions ("S/RES/2374 (2017), PP 1")."""
    report = _import([shared_data / "spv_2020_speeches"])
    assert report.imported == [] and len(report.failed) == 1600
    assert all(r.startswith("not imported: it opens with a speaker's name") for _p, r in report.failed)
    assert all("\n" not in r for _p, r in report.failed)


def test_the_2020_speeches_without_their_headers_are_refused(shared_data: Path) -> None:
    """Second line of defence: a speech with its speaker's name cut off, as it is and hard-wrapped,
    with no symbol given and with a file name that claims a resolution or a PRST."""
    accepted = []
    for f in sorted((shared_data / "spv_2020_speeches").glob("*.txt"))[::4]:
        body = f.read_text(encoding="utf-8").split(":", 1)[1].strip()
        for text in (body, textwrap.fill(body, 72)):
            for named in (None, "S/RES/2374 (2017)", "S/PRST/2020/5"):
                doc = parse_adopted(text, symbol=named)
                if doc.symbol and doc.paragraphs and not doc.not_adopted:
                    accepted.append((f.name, named))
    assert accepted == []


def test_the_1946_1994_resolutions_import_as_before(shared_data: Path) -> None:
    """Counts measured before the evidence check: 900 in, 20 with doubts, 2 refused as duplicates
    (542 and 778 carry the text of 538 and 773)."""
    report = _import([shared_data / "resolutions_en_1946-1994"])
    assert (len(report.imported), len(report.doubtful), len(report.failed)) == (900, 20, 2)
    assert all("was already imported from" in r for _p, r in report.failed)

"""Speaker headers of verbatim records, on real S/PV text (../shared/data/spv_2020_speeches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from debateprep.domain.verbatim import iter_speeches, parse_speaker_header, person_name


def test_member_header_with_language() -> None:
    h = parse_speaker_header("Mr. Zhang Jun (China) (spoke in Chinese): China appreciates Viet Nam's initiative")
    assert h is not None
    assert (h.title, h.name, h.delegation, h.language) == ("Mr.", "Zhang Jun", "China", "Chinese")
    assert h.rest == "China appreciates Viet Nam's initiative"
    assert not h.is_president


@pytest.mark.parametrize(
    "line, role, language",
    [
        ("The President: I now give the floor to Mrs. Robinson.", "President", None),
        ("The President (spoke in French): Je remercie", "President", "French"),
        ("The Secretary-General: I thank the Vietnamese presidency", "Secretary-General", None),
        ("Mr. President (spoke in French): | thank Ms. Sooka for her briefing.", "President", "French"),
    ],
)
def test_office_headers(line: str, role: str, language: str | None) -> None:
    h = parse_speaker_header(line)
    assert h is not None and h.role == role and h.language == language and h.name is None


def test_sentence_spliced_into_language_note_is_put_back() -> None:
    # S/PV.8713: OCR moved the President's first sentence inside "(spoke ... in French)".
    h = parse_speaker_header(
        "The President (spoke I thank Mr. Spleeters for his briefing. in French): I now give the floor")
    assert h is not None and h.is_president and h.language == "French"
    assert h.spliced == "I thank Mr. Spleeters for his briefing."
    assert h.rest == "I thank Mr. Spleeters for his briefing. I now give the floor"


def test_notes_in_either_order_and_ocr_slips_kept() -> None:
    h = parse_speaker_header("Mr. Michon (spoke in French) (France): I thank the Special Representative")
    assert h is not None and (h.delegation, h.language) == ("France", "French")
    h = parse_speaker_header("Mr. Adom (C6te d'Ivoire) (spoke in French): Thank you")
    assert h is not None and h.delegation == "C6te d'Ivoire"


def test_briefers_titles_and_bare_names() -> None:
    assert parse_speaker_header("Mrs. Robinson: I am honoured").delegation is None  # type: ignore[union-attr]
    dato = parse_speaker_header("Dato Lim Jock Hoi: At the outset")
    assert dato is not None and (dato.title, dato.name) == ("Dato", "Lim Jock Hoi")
    king = parse_speaker_header("King Philippe (spoke in French): 1 thank the Secretary-General")
    assert king is not None and (king.title, king.name, king.language) == ("King", "Philippe", "French")
    child = parse_speaker_header("Hadiza (spoke in French): Allow me to thank")
    assert child is not None and child.name == "Hadiza"
    assert parse_speaker_header("Mr Skoog: I have the honour").title == "Mr."  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "Mr. President, I thank you: it is an honour",
        "Resolution 2417 (2018): a milestone",
        "In 1945 (see annex): the founders",
        "Colombia (Spanish): no",
        "We have three concerns: first, the humanitarian situation",
        "",
    ],
)
def test_statement_text_is_not_a_header(line: str) -> None:
    assert parse_speaker_header(line) is None


def test_chinese_headers() -> None:
    h = parse_speaker_header("张军先生（中国）：中国赞赏越南倡议召开今天的公开辩论。")
    assert h is not None and (h.name, h.title, h.delegation, h.language) == ("张军", "先生", "中国", None)
    h = parse_speaker_header("主席（以法语发言）：我感谢斯普利特斯先生的通报。")
    assert h is not None and h.is_president and h.language == "French"
    assert parse_speaker_header("我们认为：必须保护平民。") is None


def test_iter_speeches_splits_a_record() -> None:
    record = (
        "United Nations S/PV.8699\nSecurity Council\n"
        "The President: I now give the floor to the Secretary-General.\n"
        "The Secretary-General: I thank the presidency.\nSecond paragraph.\n"
        "Mr. Zhang Jun (China) (spoke in Chinese): China appreciates it.\n"
    )
    speeches = list(iter_speeches(record))
    assert [h.role or h.delegation for h, _ in speeches] == ["President", "Secretary-General", "China"]
    assert speeches[1][1] == "I thank the presidency.\nSecond paragraph."


def test_every_real_2020_header_parses(shared_data: Path) -> None:
    files = sorted((shared_data / "spv_2020_speeches").glob("*.txt"))
    assert len(files) >= 1500
    kinds = {"president": 0, "person": 0, "spliced": 0, "with_delegation": 0}
    for path in files:
        text = path.read_text(encoding="utf-8")
        speeches = list(iter_speeches(text))
        assert len(speeches) == 1, path.name  # one speech per file, and no body line taken for a header
        header = speeches[0][0]
        kinds["president" if header.is_president else "person"] += 1
        kinds["spliced"] += bool(header.spliced)
        kinds["with_delegation"] += header.delegation is not None
    # The data's README: 37 headers have a sentence spliced into them.
    assert kinds["spliced"] == 37
    assert kinds["president"] > 500 and kinds["with_delegation"] > 900


def test_real_8699_opening_sequence(shared_data: Path) -> None:
    folder = shared_data / "spv_2020_speeches"
    heads = [parse_speaker_header(p.read_text(encoding="utf-8"))
             for p in sorted(folder.glob("UNSC_2020_SPV.8699_spch0[01]?.txt"))][:13]
    who = [h.role or h.delegation or h.name for h in heads if h is not None]
    assert who[:12] == ["President", "Secretary-General", "President", "Robinson", "President",
                        "Saint Vincent and the Grenadines", "President", "Estonia", "President",
                        "Germany", "South Africa", "China"]


@pytest.mark.parametrize(("speaker", "name"), [
    ("Mr. Khiari", "Khiari"), ("Ms. Bachelet", "Bachelet"), ("Mr. De Roux", "De Roux"), ("希亚里先生", "希亚里"),
    ("瓦莱丽·阿莫斯女士", "瓦莱丽·阿莫斯"), ("The President", None), ("主席", None), ("秘书长", None), ("", None),
])
def test_person_name_of_a_speaker(speaker: str, name: str | None) -> None:
    assert person_name(speaker) == name

"""How long a statement takes to deliver: spoken units, delivery rates, the estimate against a limit.

English is counted in words, Chinese in characters (汉字); a Latin word or number inside Chinese
text counts as one unit, as does a Chinese character inside English text. What is not spoken is
left out: footnote markers ("[^S/RES/2594 (2021), OP 4]") and bracketed placeholders ("[our
position]"), which the check reports separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from debateprep.i18n import N_, _

# Usual delivery rates at the Council (interpreted statements are read a little slower).
WORDS_PER_MINUTE = 130.0
CHARACTERS_PER_MINUTE = 220.0

FOOTNOTE_MARKER = re.compile(r"\[\^([^\[\]\n]+)\]")
# A bracketed placeholder: "[our position]", "[xxxx]", "[日期]" (not a footnote marker).
PLACEHOLDER = re.compile(r"\[(?!\^)([^\[\]\n]*)\]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’.,\-/][A-Za-z0-9\u00c0-\u024f]+)*")

UNIT_NAMES = {"en": (N_("word"), N_("words")), "zh": (N_("character"), N_("characters"))}  # msgids
# A delivery rate with its unit (a Chinese statement is counted in characters, an English one in words).
RATE_TEXTS = {"en": N_("{rate} words a minute"), "zh": N_("{rate} characters a minute")}  # msgids


def spoken(text: str) -> str:
    """The text as read aloud: without footnote markers and bracketed placeholders."""
    return PLACEHOLDER.sub(" ", FOOTNOTE_MARKER.sub("", text))


def units(text: str) -> int:
    """Spoken units: Chinese characters plus Latin words and numbers."""
    said = spoken(text)
    return len(_CJK.findall(said)) + len(_LATIN_WORD.findall(_CJK.sub(" ", said)))


@dataclass(frozen=True)
class Rates:
    """Delivery rates: English words and Chinese characters per minute."""

    words_per_minute: float = WORDS_PER_MINUTE
    characters_per_minute: float = CHARACTERS_PER_MINUTE

    def per_minute(self, language: str) -> float:
        return self.characters_per_minute if language == "zh" else self.words_per_minute

    def to_json(self) -> dict[str, float]:
        return {"words_per_minute": self.words_per_minute, "characters_per_minute": self.characters_per_minute}


@dataclass(frozen=True)
class LengthEstimate:
    """The draft's length against the speaking limit."""

    language: str
    units: int
    rate: float  # units per minute
    limit_seconds: int

    @property
    def seconds(self) -> float:
        return self.units / self.rate * 60 if self.rate > 0 else 0.0

    @property
    def target_units(self) -> int:
        """How many words (characters) fit in the limit at this rate."""
        return int(self.limit_seconds / 60 * self.rate)

    @property
    def over_units(self) -> int:
        """Words (characters) past the limit; 0 when the draft fits."""
        return max(0, self.units - self.target_units)

    @property
    def over(self) -> bool:
        return self.over_units > 0

    @property
    def over_seconds(self) -> float:
        return max(0.0, self.seconds - self.limit_seconds)

    @property
    def unit_name(self) -> str:
        names = UNIT_NAMES["zh" if self.language == "zh" else "en"]
        return _(names[1])

    def describe(self) -> str:
        """One line: "412 words ≈ 3:10 of 5:00 (target 650 words)" or the over-limit warning."""
        base = _("{units} {unit} ≈ {time} of {limit} (target {target} {unit} at {rate}/min)").format(
            units=self.units, unit=self.unit_name, time=mmss(self.seconds), limit=mmss(self.limit_seconds),
            target=self.target_units, rate=f"{self.rate:g}")
        if self.over:
            return _("OVER THE LIMIT by {units} {unit} (≈ {time}): ").format(
                units=self.over_units, unit=self.unit_name, time=mmss(self.over_seconds)) + base
        return base

    def to_json(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "unit": self.unit_name,
            "rate_per_minute": self.rate,
            "estimated_seconds": round(self.seconds, 1),
            "limit_seconds": self.limit_seconds,
            "target_units": self.target_units,
            "over": self.over,
            "over_units": self.over_units,
            "over_seconds": round(self.over_seconds, 1),
        }


def estimate(text: str, language: str, limit_seconds: int, rates: Rates | None = None) -> LengthEstimate:
    rates = rates or Rates()
    return LengthEstimate(language, units(text), rates.per_minute(language), int(limit_seconds))


def observed_rate(unit_count: int, seconds: float) -> float | None:
    """Units per minute actually delivered in a rehearsal (None for a rehearsal of no length)."""
    return unit_count / seconds * 60 if seconds > 0 and unit_count > 0 else None


def rate_text(rate: float, language: str) -> str:
    """A delivery rate in the interface language, with the unit of the statement's `language`:
    "134 words a minute" / "134 词/分钟", "220 characters a minute" / "220 字/分钟"."""
    template = RATE_TEXTS["zh" if language == "zh" else "en"]
    return _(template).format(rate=f"{rate:.0f}")


def mmss(seconds: float) -> str:
    seconds = int(round(abs(seconds)))
    return f"{seconds // 60:d}:{seconds % 60:02d}"

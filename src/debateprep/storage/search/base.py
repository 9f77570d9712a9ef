"""The search backend interface and the filters every backend applies the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlmodel import Session

Term = tuple[str, ...]  # a phrase of index tokens

# A query matching more paragraphs than this ranks only the newest this-many (see sqlite.py).
RANK_WINDOW = 300


@dataclass(frozen=True)
class Filters:
    lang: str | None = None  # "zh" | "en"
    kind: str | None = None  # "PP" | "OP" | "para"
    lead: str | None = None  # lead verb or phrase; matches that lead and longer ones it opens
    symbol: str | None = None  # normalised symbol; "S/RES/2594" also matches "S/RES/2594 (2021)"
    year_from: int | None = None
    year_to: int | None = None
    doc_kind: str | None = None  # "resolution" | "prst"

    def sql(self, alias: str = "p") -> tuple[str, dict[str, Any]]:
        """An SQL condition (starting with AND, or empty) over library_paragraphs `alias`."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if self.lang:
            where.append(f"{alias}.lang = :f_lang")
            params["f_lang"] = self.lang
        if self.kind:
            where.append(f"{alias}.kind = :f_kind")
            params["f_kind"] = self.kind
        if self.lead:
            where.append(f"({alias}.lead = :f_lead OR {alias}.lead LIKE :f_lead_more ESCAPE '\\')")
            params["f_lead"] = self.lead
            params["f_lead_more"] = _like_escape(self.lead) + " %"
        if self.symbol:
            where.append(f"({alias}.symbol = :f_symbol OR {alias}.symbol LIKE :f_symbol_year ESCAPE '\\')")
            params["f_symbol"] = self.symbol
            params["f_symbol_year"] = _like_escape(self.symbol) + " (%"
        if self.year_from is not None:
            where.append(f"{alias}.year >= :f_year_from")
            params["f_year_from"] = self.year_from
        if self.year_to is not None:
            where.append(f"{alias}.year <= :f_year_to")
            params["f_year_to"] = self.year_to
        if self.doc_kind:
            where.append(f"{alias}.symbol LIKE :f_doc_kind")
            params["f_doc_kind"] = "S/PRST/%" if self.doc_kind == "prst" else "S/RES/%"
        return "".join(f" AND {w}" for w in where), params


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Hit:
    paragraph_id: int
    score: float  # higher is better; comparable within one backend only


class SearchBackend(Protocol):
    def after_import(self, session: Session) -> None:
        """Housekeeping after documents were added (planner statistics)."""
        ...

    def search(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = RANK_WINDOW
    ) -> list[Hit]:
        """Paragraphs containing every term (each a phrase), best first (ranking at most `window`)."""
        ...

    def any_of(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = None
    ) -> list[Hit]:
        """Paragraphs containing any of the terms, those sharing most (and rarest) first."""
        ...

    def count(self, session: Session, terms: Sequence[Term], filters: Filters, cap: int | None = None) -> int:
        """How many paragraphs contain every term (counting stops at `cap`)."""
        ...

    def close_to(self, session: Session, text: str, lang: str, limit: int) -> list[Hit]:
        """Paragraphs in `lang` whose wording is close to `text` by the database's own similarity
        machinery (PostgreSQL trigrams), closest first; [] where the database has none."""
        ...

"""Messages the panes of the TUI send each other (through the app)."""

from __future__ import annotations

from textual.message import Message


class DebateSelected(Message):
    """The current debate changed (id None: no debate)."""

    def __init__(self, debate_id: int | None) -> None:
        self.debate_id = debate_id
        super().__init__()


class DataChanged(Message):
    """Something was imported or edited; panes showing `what` should reload."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__()


class SendToPrst(Message):
    """Agreed language chosen in the library, for the PRST draft (the PRST pane converts its form).

    `text` is the paragraph as adopted; `citation` like "S/RES/2594 (2021), OP 4".
    """

    def __init__(self, text: str, citation: str, paragraph_id: int | None = None, lang: str = "") -> None:
        self.text = text
        self.citation = citation
        self.paragraph_id = paragraph_id
        self.lang = lang
        super().__init__()


class SendGroupToPrst(Message):
    """A convergence group (by its rank in the debate's convergence list) chosen for the PRST draft."""

    def __init__(self, rank: int, text: str) -> None:
        self.rank = rank
        self.text = text
        super().__init__()

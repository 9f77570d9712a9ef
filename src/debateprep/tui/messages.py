"""Messages between the app and its panes.

The app tells the panes what to show (`DebateSelected`, `TopicsChanged`, `AddToDraft`); these do
not bubble back. A pane asks the app for something that concerns another pane (`DebateChosen`,
`SendToPrst`, `SendGroupToPrst`); these bubble up to the app. A pane's thread workers report to the
pane itself with messages of their own (defined beside the pane), or `Failed`.
"""

from __future__ import annotations

from textual.message import Message

from debateprep.services.topics import Topic


class DebateSelected(Message, bubble=False):
    """The current debate changed (id None: no debate)."""

    def __init__(self, debate_id: int | None) -> None:
        self.debate_id = debate_id
        super().__init__()


class TopicsChanged(Message, bubble=False):
    """Something was imported or edited: a pane reloads what it shows of `topics`.

    Made by the app from what `Services` announced, and sent to each pane whose TOPICS meet it."""

    def __init__(self, topics: frozenset[Topic]) -> None:
        self.topics = topics
        super().__init__()


class DebateChosen(Message):
    """A pane made a debate the current one (e.g. the debate of a note it just imported)."""

    def __init__(self, debate_id: int, label: str) -> None:
        self.debate_id = debate_id
        self.label = label
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


class AddToDraft(Message, bubble=False):
    """The app hands the PRST pane what another pane sent it (`SendToPrst` or `SendGroupToPrst`)."""

    def __init__(self, sent: SendToPrst | SendGroupToPrst) -> None:
        self.sent = sent
        super().__init__()


class Failed(Message):
    """A worker's use case was refused (bad input, a stale edit …): shown as a notification."""

    def __init__(self, problem: str, title: str = "") -> None:  # title: translated by the sender; "" is "Error"
        self.problem = problem
        self.title = title
        super().__init__()

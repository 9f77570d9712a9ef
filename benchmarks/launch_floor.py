"""The floor of this stack for bench_launch.py: a minimal Textual app that opens a debateprep
SQLite file with SQLModel, selects the current debate's guiding questions and shows them in a
DataTable. Nothing more — what any app built on Textual + SQLModel has to pay to show those rows.

Run: python benchmarks/launch_floor.py FILE.db   (Ctrl+Q quits)
"""

from __future__ import annotations

import sys

from rich.text import Text
from sqlmodel import Field, Session, SQLModel, create_engine, select
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Debate(SQLModel, table=True):
    __tablename__ = "debates"

    id: int | None = Field(default=None, primary_key=True)
    concept_note_id: int | None = None


class Question(SQLModel, table=True):
    __tablename__ = "questions"

    id: int | None = Field(default=None, primary_key=True)
    note_id: int
    position: int
    text: str
    topic: bool


class Floor(App[None]):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        engine = create_engine(f"sqlite:///{self.path}")
        with Session(engine) as session:
            debate = session.exec(select(Debate).order_by(Debate.id.desc())).first()  # type: ignore[union-attr]
            note_id = debate.concept_note_id if debate else None
            rows = session.exec(select(Question).where(Question.note_id == note_id)
                                .order_by(Question.position)).all()  # type: ignore[arg-type]
        table = self.query_one(DataTable)
        table.add_columns("#", "Kind", "Question")
        for q in rows:
            table.add_row(str(q.position), "topic" if q.topic else "Q", Text(q.text))


if __name__ == "__main__":
    Floor(sys.argv[1]).run()

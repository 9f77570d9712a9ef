"""The database's own settings: read one, write one (inside the caller's transaction)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from debateprep.domain.errors import Conflict
from debateprep.storage.tables.app_settings import AppSettingRow

CURRENT_DEBATE = "current_debate"  # the debate `debateprep debate use` chose (its id)


def get(session: Session, key: str) -> str | None:
    row = session.get(AppSettingRow, key)
    return row.value if row is not None else None


def put(session: Session, key: str, value: str | None) -> None:
    """Set `key` to `value`; None removes it."""
    row = session.get(AppSettingRow, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppSettingRow(key=key, value=value))
    else:
        row.value = value
        session.add(row)
    try:
        session.flush()
    except IntegrityError:  # someone else set it between our read and our write
        raise Conflict(f"the setting {key} was changed by someone else a moment ago; try again") from None

"""What a change touches: a closed set of topics, and the table of which use case changes which.

`Services` (services/facade.py) announces the topics of every change it makes; the terminal UI
reloads each pane that shows one of them. A topic is an enum member, never a free string, so a
misspelt topic is an error and not a pane that silently stops refreshing.

`CHANGES` names every use case that writes, by service and method; `READS` every one that only
reads. tests/test_services.py checks the two cover every public method of every service, so a new
method must be classified (and a new change given its topics) before the suite passes.
"""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    DEBATES = "debates"  # the list of debates and each debate's settings (date, our delegation …)
    NOTES = "notes"  # concept notes: their text, metadata and briefers
    QUESTIONS = "questions"  # the guiding questions of a note (what coverage is measured against)
    SPEAKERS = "speakers"  # the speakers list, its overrides and its timing
    STATEMENTS = "statements"  # statements and their delegations (coverage and convergence)
    LIBRARY = "library"  # the agreed-language library
    PRST = "prst"  # PRST drafts, paragraphs and revisions
    OURS = "ours"  # our own statement: its sections, settings, revisions and rehearsals


ALL = frozenset(Topic)
_DEBATES = frozenset({Topic.DEBATES})
_NOTE = frozenset({Topic.NOTES, Topic.QUESTIONS, Topic.DEBATES})  # an imported note announces a debate
_QUESTIONS = frozenset({Topic.QUESTIONS})
_SPEAKERS = frozenset({Topic.SPEAKERS})
_STATEMENTS = frozenset({Topic.STATEMENTS})
_LIBRARY = frozenset({Topic.LIBRARY})
_PRST = frozenset({Topic.PRST})
_PRST_CHOICE = frozenset({Topic.PRST, Topic.DEBATES})  # which draft a debate works on is the debate's setting
_OURS = frozenset({Topic.OURS})

# service attribute of `Services` -> method -> the topics a successful call changes
CHANGES: dict[str, dict[str, frozenset[Topic]]] = {
    "notes": {
        "import_file": _NOTE,
        "edit_question": _QUESTIONS, "restore_question": _QUESTIONS, "move_question": _QUESTIONS,
        "add_question": _QUESTIONS, "delete_question": _QUESTIONS, "reset_questions": _QUESTIONS,
    },
    "debates": {"create": _DEBATES, "update": _DEBATES, "use": _DEBATES},
    "speakers": {
        "add": _SPEAKERS, "update": _SPEAKERS, "withdraw": _SPEAKERS, "reinstate": _SPEAKERS, "move": _SPEAKERS,
        "clear_override": _SPEAKERS, "start": _SPEAKERS, "finish": _SPEAKERS, "import_csv": _SPEAKERS,
        "import_record": _SPEAKERS, "import_briefers": _SPEAKERS, "inscribe_council": _SPEAKERS,
        "delete": _SPEAKERS, "later": _SPEAKERS, "unspoke": _SPEAKERS, "reset_timer": _SPEAKERS,
    },
    "statements": {
        "import_files": _STATEMENTS, "import_record": _STATEMENTS, "resolve": _STATEMENTS,
        "remove": _STATEMENTS, "remove_all": _STATEMENTS, "mark": _STATEMENTS,  # a user's mark on a coverage cell
    },
    "library": {"import_paths": _LIBRARY, "import_text": _LIBRARY, "load_sample": _LIBRARY, "remove": _LIBRARY},
    "prst": {
        "new_draft": _PRST_CHOICE, "use": _PRST_CHOICE, "send": _PRST_CHOICE, "send_group": _PRST_CHOICE,
        "send_library": _PRST_CHOICE,
        "add_text": _PRST, "add_library": _PRST, "add_group": _PRST, "edit": _PRST,
        "remove": _PRST, "move": _PRST, "order": _PRST, "convert": _PRST, "check": _PRST, "revise": _PRST,
    },
    "ours": {
        "new": _OURS, "add_section": _OURS, "edit_section": _OURS, "remove_section": _OURS, "move_section": _OURS,
        "insert_library": _OURS, "insert_suggestion": _OURS, "refresh_sources": _OURS, "configure": _OURS,
        "revise": _OURS, "rehearse": _OURS,
    },
    "brief": {},
    "backup": {"restore": ALL},
}

# service attribute -> the methods that only read (files written by `backup` are not the database's)
READS: dict[str, frozenset[str]] = {
    "notes": frozenset({"list", "get", "for_debate", "debate_of", "questions"}),
    "debates": frozenset({"get", "list", "latest", "resolve", "roster", "presidency_problem", "chosen",
                          "current"}),
    "speakers": frozenset({"debate", "entries", "entry", "order_settings", "view", "build_entry", "export_csv",
                           "heard_settings", "timed_entries"}),
    "statements": frozenset({"list", "get", "questions", "coverage", "convergence", "roster", "why_empty",
                             "marks"}),
    "library": frozenset({"show", "documents", "count", "paragraph", "context", "search", "similar", "holdings",
                          "why_empty"}),
    "prst": frozenset({"get", "drafts", "current", "resolve", "paragraph", "check_text", "diff", "export", "export_docx"}),
    "ours": frozenset({"get", "statements", "resolve", "roster", "check", "diff", "sources", "export_markdown",
                       "export_docx"}),
    "brief": frozenset({"gather", "export"}),
    "backup": frozenset({"backup"}),
}

# `Services`' own changes (not a service's)
OWN_CHANGES: dict[str, frozenset[Topic]] = {"load_sample": ALL}

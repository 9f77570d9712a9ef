"""The interface language: gettext catalogs shipped in the package, one language per run, switchable.

English is the source language (the msgids); each other language is a catalog,
`locale/<catalog>/LC_MESSAGES/debateprep.mo`, compiled from its `.po` (`make catalog` extracts the
strings with Babel and compiles them). A new language is a new catalog and a line in `LANGUAGES`.

Interface strings only: what the user reads in the terminal UI and the CLI. A document's own
language (a brief, a PRST draft, a statement) is the document's, not the user's (exporters/).

`_()` translates now, in the current language; `N_()` only marks a string for extraction where it
is defined at import time (a binding's description, a table column) and translated where shown.
The current language is a module global: set once at start (`set_language`), changed at run time
by the TUI; threads read it as it is when they format their message.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from datetime import date, datetime
from importlib import resources

DOMAIN = "debateprep"
ENV_LANG = "DEBATEPREP_LANG"
SOURCE_LANGUAGE = "en"
# language code -> (its catalog folder under locale/, its name in its own script)
LANGUAGES: dict[str, tuple[str | None, str]] = {
    "en": (None, "English"),  # the msgids themselves
    "zh": ("zh_CN", "中文"),
}
# The locale variables, in the order gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_loaded: dict[str, gettext.NullTranslations] = {}
_language = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the current interface language ("" stays "": gettext would give the catalog's header)."""
    return _translations.gettext(message) if message else message


def N_(message: str) -> str:  # noqa: N802 - the name the extractor and every translator know
    """Mark `message` for the catalog without translating it (it is translated where it is shown)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the current interface language ("1 entry" / "2 entries")."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` (a short word that reads two ways in English)."""
    return _translations.pgettext(context, message)


def language() -> str:
    """The current interface language ("en", "zh")."""
    return _language


def language_name(code: str) -> str:
    """The language's own name ("English", "中文")."""
    return LANGUAGES[code][1]


# A document's language named in the interface language ("a brief in English" / "英文简报").
DOCUMENT_LANGUAGES = {"en": N_("English"), "zh": N_("Chinese")}


def document_language_name(code: str) -> str:
    """A document language's name in the interface language ("English" / "英文"); unknown codes as given."""
    return _(DOCUMENT_LANGUAGES[code]) if code in DOCUMENT_LANGUAGES else code


def _catalog(code: str) -> gettext.NullTranslations:
    folder = LANGUAGES[code][0]
    if folder is None:
        return gettext.NullTranslations()
    if code not in _loaded:
        path = resources.files("debateprep").joinpath("locale", folder, "LC_MESSAGES", f"{DOMAIN}.mo")
        with path.open("rb") as handle:  # through importlib.resources: works from a wheel or a zip
            _loaded[code] = gettext.GNUTranslations(handle)
    return _loaded[code]


def set_language(code: str) -> None:
    """Make `code` the interface language from now on; ValueError for a language without a catalog."""
    global _language, _translations
    if code not in LANGUAGES:
        raise ValueError(f"unknown interface language {code!r} (known: {', '.join(LANGUAGES)})")
    _translations = _catalog(code)
    _language = code


def from_locale(environ: Mapping[str, str]) -> str | None:
    """The language the locale asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), if we have it."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):  # LANGUAGE may list several, in order: fr:zh_CN:en
            code = part.split("_")[0].split(".")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":
            return None  # the first of LC_ALL, LC_MESSAGES, LANG that is set decides ("C": English)
    return None


def choose_language(flag: str | None = None, stored: str | None = None,
                    environ: Mapping[str, str] | None = None) -> str:
    """`--lang` beats $DEBATEPREP_LANG beats the stored setting beats the locale; else English.

    A value we have no catalog for is passed over (the next source decides)."""
    env = os.environ if environ is None else environ
    for candidate in (flag, env.get(ENV_LANG), stored):
        if candidate in LANGUAGES:
            return candidate
    return from_locale(env) or SOURCE_LANGUAGE


def ordinal_suffix(n: int) -> str:
    """English's ordinal suffix of `n` ("st", "nd", "rd", "th"): the key to a catalog's own ordinal
    strings ("{n}st" -> "第{n}位"), which each language words its own way."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# -- dates in the interface language (strftime's %a and %b are the C locale's English) ------------

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))


def weekday(day: date) -> str:
    """"Wed" / "周三"."""
    return _(WEEKDAYS[day.weekday()])


def day_month(day: date) -> str:
    """"12 Feb" / "2月12日"."""
    return _("{day} {month}").format(day=day.day, month=_(MONTHS[day.month - 1]))


def full_date(day: date) -> str:
    """"12 Feb 2014" / "2014年2月12日"."""
    return _("{day} {month} {year}").format(day=day.day, month=_(MONTHS[day.month - 1]), year=day.year)


def short_datetime(when: datetime) -> str:
    """"12 Feb 10:05" / "2月12日 10:05"."""
    return f"{day_month(when)} {when:%H:%M}"


def weekday_time(when: datetime) -> str:
    """"Wed 10:05" / "周三 10:05"."""
    return f"{weekday(when)} {when:%H:%M}"

"""A readable diff between two revisions of a PRST: by paragraph, then by word inside a paragraph.

Chinese has no spaces, so inside Chinese text every character is a token; Latin words, numbers
and symbols ("2594", "S/RES/2594") stay whole. Unchanged paragraphs are listed by number only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from debateprep.i18n import _

ChangeKind = Literal["same", "changed", "added", "removed", "moved"]
# Two paragraphs more alike than this are "the same paragraph, edited"; otherwise one was replaced.
PAIRING_THRESHOLD = 0.5

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'’/.][A-Za-z0-9]+)*|\s+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class WordOp:
    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    kind: ChangeKind
    old_number: int | None
    new_number: int | None
    old_text: str | None
    new_text: str | None
    words: tuple[WordOp, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": self.old_number,
            "new": self.new_number,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "words": [{"op": w.op, "text": w.text} for w in self.words],
        }


@dataclass(frozen=True)
class RevisionDiff:
    old_label: str
    new_label: str
    changes: tuple[ParagraphChange, ...] = field(default_factory=tuple)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def summary(self) -> str:
        """"rev.1 -> rev.2: 1 changed, 0 added, 0 removed, 0 moved" (in the interface language)."""
        counts = _("{changed} changed, {added} added, {removed} removed, {moved} moved").format(
            changed=self.count("changed"), added=self.count("added"), removed=self.count("removed"),
            moved=self.count("moved"))
        return f"{self.old_label} -> {self.new_label}: {counts}"

    def render(self) -> str:
        """Plain text: [-deleted-] and {+inserted+} inside changed paragraphs."""
        lines = [self.summary]
        for c in self.changes:
            if c.kind == "same":
                continue
            if c.kind == "changed":
                where = (_("para {new} (was {old}) changed:") if c.old_number != c.new_number
                         else _("para {new} changed:")).format(new=c.new_number, old=c.old_number)
                lines += [where, "  " + render_words(c.words)]
            elif c.kind == "added":
                lines += [_("para {new} added:").format(new=c.new_number), f"  + {c.new_text}"]
            elif c.kind == "removed":
                lines += [_("para {old} of {revision} removed:").format(old=c.old_number, revision=self.old_label),
                          f"  - {c.old_text}"]
            else:
                lines.append(_("para {old} moved to para {new}").format(old=c.old_number, new=c.new_number))
        if len(lines) == 1:
            lines.append(_("no differences"))
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.old_label,
            "to": self.new_label,
            "summary": self.summary,
            "changes": [c.to_json() for c in self.changes if c.kind != "same"],
        }


def render_words(words: Sequence[WordOp]) -> str:
    out = []
    for w in words:
        if w.op == "equal":
            out.append(w.text)
        elif w.op == "delete":
            out.append(f"[-{w.text}-]")
        else:
            out.append(f"{{+{w.text}+}}")
    return "".join(out)


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Word by word (character by character in Chinese). Words are matched on their own, spaces
    aside: a space never pairs two unrelated rewrites ("[-strongly-]{+condemns+} [-condemns-]…"),
    so a rewritten clause reads as one deletion and one insertion."""
    a, b = tokens(old), tokens(new)
    a_at = [i for i, t in enumerate(a) if not t.isspace()]
    b_at = [j for j, t in enumerate(b) if not t.isspace()]
    matcher = SequenceMatcher(None, [a[i] for i in a_at], [b[j] for j in b_at], autojunk=False)
    ops: list[WordOp] = []
    done_a = done_b = 0  # tokens of `old` and `new` accounted for
    for block in matcher.get_matching_blocks():
        start_a = a_at[block.a] if block.size else len(a)
        start_b = b_at[block.b] if block.size else len(b)
        ops += _gap("".join(a[done_a:start_a]), "".join(b[done_b:start_b]))
        if block.size:
            end_a, end_b = a_at[block.a + block.size - 1] + 1, b_at[block.b + block.size - 1] + 1
            ops.append(WordOp("equal", "".join(b[start_b:end_b])))
            done_a, done_b = end_a, end_b
    return tuple(_absorb_short_matches(_joined(ops)))


def _gap(deleted: str, inserted: str) -> list[WordOp]:
    """What lies between two matched runs: the spacing both share on either side stays unmarked,
    the rest was deleted and inserted."""
    head = _shared_space(deleted, inserted)
    deleted, inserted, lead = deleted[head:], inserted[head:], deleted[:head]
    tail = _shared_space(deleted[::-1], inserted[::-1])
    trail = deleted[len(deleted) - tail:] if tail else ""
    deleted, inserted = deleted[:len(deleted) - tail], inserted[:len(inserted) - tail]
    out = [WordOp("equal", lead)] if lead else []
    out += _changes(deleted, inserted)
    return out + ([WordOp("equal", trail)] if trail else [])


def _changes(deleted: str, inserted: str) -> list[WordOp]:
    """A deletion then an insertion, each when there is one."""
    return ([WordOp("delete", deleted)] if deleted else []) + ([WordOp("insert", inserted)] if inserted else [])


def _shared_space(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share that are spaces."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n] and a[n].isspace():
        n += 1
    return n


def _absorb_short_matches(ops: list[WordOp]) -> list[WordOp]:
    """A match shorter than the changes on both sides of it is chance (a 国 or 的 shared by two
    unrelated Chinese sentences): it joins them, so a rewrite reads as one change, not as
    fragments (diff-match-patch's semantic clean-up)."""
    runs: list[tuple[str, str]] = []  # (deleted, inserted); a match is (text, text) marked by `same`
    same: list[bool] = []
    for op in ops:
        if op.op == "equal":
            runs.append((op.text, op.text))
            same.append(True)
        elif same and not same[-1]:
            old, new = runs[-1]
            runs[-1] = (old + op.text, new) if op.op == "delete" else (old, new + op.text)
        else:
            runs.append((op.text, "") if op.op == "delete" else ("", op.text))
            same.append(False)
    k = 1
    while k < len(runs) - 1:
        size = len(runs[k][0])
        if same[k] and not same[k - 1] and not same[k + 1] and size < max(map(len, runs[k - 1])) \
                and size < max(map(len, runs[k + 1])):
            (d1, i1), (eq, _), (d2, i2) = runs[k - 1:k + 2]
            runs[k - 1:k + 2] = [(d1 + eq + d2, i1 + eq + i2)]
            same[k - 1:k + 2] = [False]
            k = max(1, k - 1)
            continue
        k += 1
    out: list[WordOp] = []
    for (deleted, inserted), matched in zip(runs, same, strict=True):
        if matched:
            out.append(WordOp("equal", deleted))
        else:
            out += _changes(deleted, inserted)
    return out


def _joined(ops: Sequence[WordOp]) -> list[WordOp]:
    """Neighbouring operations of the same kind as one."""
    out: list[WordOp] = []
    for op in ops:
        if out and out[-1].op == op.op:
            out[-1] = WordOp(op.op, out[-1].text + op.text)
        else:
            out.append(op)
    return out


_SUBJECT = re.compile(r"^(?:The Security Council|安全理事会|安理会)")


def similarity(a: str, b: str) -> float:
    """Share of matching words (characters in Chinese), ignoring the subject every paragraph has."""
    ta = [t for t in tokens(_SUBJECT.sub("", a)) if not t.isspace()]
    tb = [t for t in tokens(_SUBJECT.sub("", b)) if not t.isspace()]
    return SequenceMatcher(None, ta, tb, autojunk=False).ratio()


def _unchanged(a: str, b: str) -> bool:
    """The same paragraph text, the subject aside (Chinese: 安全理事会 first, 安理会 after, so a
    moved paragraph may change its subject without being edited)."""
    return a == b or _SUBJECT.sub("", a) == _SUBJECT.sub("", b)


def diff_paragraphs(old: Sequence[str], new: Sequence[str], old_label: str = "old", new_label: str = "new",
                    old_ids: Sequence[int | None] = (), new_ids: Sequence[int | None] = ()) -> RevisionDiff:
    """The changes from `old` to `new`, paragraph by paragraph, and word by word inside an edited one.

    With the paragraphs' stored ids on both sides (`old_ids`, `new_ids`, one per paragraph) a
    paragraph is matched by its id: the same id with other words is one changed paragraph however
    much it was rewritten, an id on one side only was added or removed, and a paragraph whose place
    among the others changed was moved. Without them (texts only) paragraphs are matched by wording."""
    if _complete(old_ids, old) and _complete(new_ids, new):
        return _diff_by_id(old, new, old_label, new_label, list(old_ids), list(new_ids))
    return _diff_by_text(old, new, old_label, new_label)


def _complete(ids: Sequence[int | None], texts: Sequence[str]) -> bool:
    """Every paragraph has an id, none twice."""
    known = [i for i in ids if i is not None]
    return len(known) == len(texts) and len(set(known)) == len(known)


def _diff_by_id(old: Sequence[str], new: Sequence[str], old_label: str, new_label: str,
                old_ids: list[int | None], new_ids: list[int | None]) -> RevisionDiff:
    new_at = {pid: j for j, pid in enumerate(new_ids)}
    common_old = [pid for pid in old_ids if pid in new_at]  # kept paragraphs, in their old order
    common_new = [pid for pid in new_ids if pid in set(common_old)]  # and in their new order
    # The longest run kept in the same order stayed where it was; the others were moved.
    stayed: set[int | None] = set()
    for block in SequenceMatcher(None, common_old, common_new, autojunk=False).get_matching_blocks():
        stayed.update(common_old[block.a:block.a + block.size])
    changes: list[ParagraphChange] = []
    for i, pid in enumerate(old_ids):
        j = new_at.get(pid)
        if j is None:
            changes.append(ParagraphChange("removed", i + 1, None, old[i], None))
        elif not _unchanged(old[i], new[j]):
            changes.append(ParagraphChange("changed", i + 1, j + 1, old[i], new[j], word_diff(old[i], new[j])))
        else:
            changes.append(ParagraphChange("same" if pid in stayed else "moved", i + 1, j + 1, old[i], new[j]))
    old_set = set(old_ids)
    changes += [ParagraphChange("added", None, j + 1, None, new[j]) for j, pid in enumerate(new_ids)
                if pid not in old_set]
    changes.sort(key=lambda c: c.new_number if c.new_number is not None else (c.old_number or 0) - 0.5)
    return RevisionDiff(old_label, new_label, tuple(changes))


def _diff_by_text(old: Sequence[str], new: Sequence[str], old_label: str, new_label: str) -> RevisionDiff:
    """Align paragraphs, pair edited (or moved) ones by similarity, then diff each pair by word."""
    changes: list[ParagraphChange] = []
    loose_old: list[int] = []
    loose_new: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes():
        if tag == "equal":
            changes += [ParagraphChange("same", i1 + k + 1, j1 + k + 1, old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
        else:
            loose_old += range(i1, i2)
            loose_new += range(j1, j2)
    scored = sorted(
        ((similarity(old[i], new[j]), i, j) for i in loose_old for j in loose_new),
        key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]),
    )
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    for score, i, j in scored:
        if score <= PAIRING_THRESHOLD or i in paired_old or j in paired_new:
            continue
        paired_old.add(i)
        paired_new.add(j)
        if old[i] == new[j]:
            changes.append(ParagraphChange("same" if i == j else "moved", i + 1, j + 1, old[i], new[j]))
        else:
            changes.append(ParagraphChange("changed", i + 1, j + 1, old[i], new[j], word_diff(old[i], new[j])))
    changes += [ParagraphChange("removed", i + 1, None, old[i], None) for i in loose_old if i not in paired_old]
    changes += [ParagraphChange("added", None, j + 1, None, new[j]) for j in loose_new if j not in paired_new]
    changes.sort(key=lambda c: c.new_number if c.new_number is not None else (c.old_number or 0) - 0.5)
    return RevisionDiff(old_label, new_label, tuple(changes))

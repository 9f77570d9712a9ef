"""A draft presidential statement as markdown: the clean text, or annotated for the drafting team.

Clean: heading, chapeau and the quoted paragraphs, exactly as the statement would be issued.
Annotated: numbered for negotiation, each paragraph marked agreed or NEW (and "review" when its
conversion or the check flagged it), with a footnote giving its provenance (convergence group and
supporters, agreed-language citation, or typed), the closest agreed language found by the check
and what to review, with the reason. All paragraph text is escaped (exporters.markdown).
"""

from __future__ import annotations

from debateprep.domain.prst import Draft, Paragraph, Revision, quote_paragraphs
from debateprep.domain.prst_form import CATEGORY_NAMES
from debateprep.exporters.markdown import Document, Md, emph, inline, strong

TITLES = {
    "en": "Statement by the President of the Security Council",
    "zh": "安全理事会主席的声明",
}
_DRAFT_WORD = {"en": "Draft", "zh": "草案"}
_MARKS = {
    "en": {"agreed": "agreed", "new": "NEW", "unchecked": "unchecked"},
    "zh": {"agreed": "商定措辞 agreed", "new": "新措辞 NEW", "unchecked": "未核对 unchecked"},
}


_REVIEW = {"en": "review", "zh": "待审查 review"}


def _stage(draft: Draft, revision: Revision | None) -> str:
    word = _DRAFT_WORD[draft.language]
    if revision is not None:
        return f"{word} {revision.label}"
    latest = draft.latest_revision()
    return f"{word} (working text after {latest.label})" if latest else f"{word} (working text)"


def clean_markdown(draft: Draft, revision: Revision | None = None) -> str:
    """The statement as it would be issued: chapeau, then the quoted paragraphs."""
    doc = Document()
    doc.heading(TITLES[draft.language], level=1)
    doc.paragraph(emph(_stage(draft, revision)))
    doc.paragraph(draft.chapeau)
    texts = list(revision.paragraphs) if revision is not None else draft.texts()
    for text in quote_paragraphs(texts, draft.language):
        doc.paragraph(text)
    return doc.to_markdown()


def _footnote_text(p: Paragraph) -> list[str]:
    described = p.provenance.describe()
    parts: list[str] = [described[:1].upper() + described[1:] + "."]
    if p.provenance.source_text and p.provenance.source_text.strip() != p.text.strip():
        parts.append(f" Converted from: {p.provenance.source_text.strip()}")
    parts.append(f" Check: {p.check_summary()}.")
    if p.status == "new" and p.closest_text:
        parts.append(f" Closest text: {p.closest_text.strip()}")
    for flag in p.flags:
        parts.append(f" To review: {flag.message}.")
    return parts


def annotated_markdown(draft: Draft) -> str:
    """Numbered paragraphs with agreed/NEW marks; provenance and the check as footnotes."""
    lang = draft.language
    doc = Document()
    doc.heading(f"{TITLES[lang]}: {_stage(draft, None)}, annotated", level=1)
    agreed = sum(1 for p in draft.paragraphs if p.status == "agreed")
    new = sum(1 for p in draft.paragraphs if p.status == "new")
    flagged = sum(1 for p in draft.paragraphs if p.flags)
    doc.paragraph(
        f"{len(draft.paragraphs)} paragraphs: {agreed} agreed language, {new} new language, "
        f"{len(draft.paragraphs) - agreed - new} not checked"
        + (f"; {flagged} flagged for review" if flagged else "") + ". Revisions: "
        f"{', '.join(r.label for r in draft.revisions) or 'none yet'}."
    )
    doc.paragraph(draft.chapeau)
    quoted = draft.quoted()
    for number, (paragraph, text) in enumerate(zip(draft.paragraphs, quoted, strict=True), start=1):
        marker = doc.footnote(*_footnote_text(paragraph))
        review = [Md(" "), strong(f"[{_REVIEW[lang]}]")] if paragraph.flags else []
        doc.paragraph(
            strong(f"para {number}"),
            Md(" "),
            strong(f"[{_MARKS[lang][paragraph.status]}]"),
            *review,
            Md(" "),
            emph(CATEGORY_NAMES[paragraph.category]),
            Md(" "),
            inline(text),
            marker,
        )
    return doc.to_markdown()

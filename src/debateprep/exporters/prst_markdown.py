"""A draft presidential statement as markdown: the clean text, or annotated for the drafting team.

Clean: heading, chapeau and the quoted paragraphs, exactly as the statement would be issued.
Annotated: numbered for negotiation, each paragraph marked agreed or NEW (and "review" when its
conversion or the check flagged it), with a footnote giving its provenance (convergence group and
supporters, agreed-language citation, or typed), the closest agreed language found by the check
and what to review, with the reason. All paragraph text is escaped (exporters.markdown).
Everything the export writes itself — headings, marks, categories, footnotes, delegation names —
is in the draft's language; only citations (S/RES/2594 (2021), OP 4) and revision labels (rev.1)
are the same in both.
"""

from __future__ import annotations

from dataclasses import replace

from debateprep.domain.prst import Draft, Paragraph, Revision, quote_paragraphs
from debateprep.exporters.brief_text import name_in
from debateprep.exporters.markdown import Document, Md, emph, inline, strong

TITLES = {
    "en": "Statement by the President of the Security Council",
    "zh": "安全理事会主席的声明",
}
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "stage": "Draft {rev}", "working": "Draft (working text)", "working_after": "Draft (working text after {rev})",
        "annotated": "{title}: {stage}, annotated",
        "summary": "{n} paragraphs: {agreed} agreed language, {new} new language, {unchecked} not checked{flagged}. "
                   "Revisions: {revisions}.",
        "flagged": "; {n} flagged for review", "review": "review", "to_review": " To review: {reason}.",
        "none_yet": "none yet", "para": "para {n}",
        "agreed": "agreed", "new": "NEW", "unchecked": "unchecked",
        "from_library": "Agreed language: {citation}.", "library_paragraph": "a library paragraph",
        "from_group": "Convergence group{ref} ({n} delegations: {who}).", "no_supporters": "no supporters recorded",
        "from_typed": "Typed by the drafter.", "edited_from": "Edited by the drafter from: {origin}",
        "converted": " Converted from: ", "check": " Check: {check}.", "closest_text": " Closest text: ",
        "not_checked": "not checked against the library yet",
        "checked": "{mark}; {near}", "mark_agreed": "agreed language", "mark_new": "new language",
        "closest": "closest {citation} ({sim:.0%})", "nothing_close": "no close paragraph in the library",
    },
    "zh": {
        "stage": "草案{rev}", "working": "草案（工作文本）", "working_after": "草案（{rev}之后的工作文本）",
        "annotated": "{title}：{stage}，附注释",
        "summary": "共{n}段：商定措辞{agreed}段，新措辞{new}段，未核对{unchecked}段{flagged}。修订版：{revisions}。",
        "flagged": "，待审查{n}段", "review": "待审查", "to_review": "待审查：{reason}。",
        "none_yet": "尚无", "para": "第{n}段",
        "agreed": "商定措辞", "new": "新措辞", "unchecked": "未核对",
        "from_library": "商定措辞：{citation}。", "library_paragraph": "商定措辞库段落",
        "from_group": "共同主张{ref}（{n}个代表团：{who}）。", "no_supporters": "未记录支持的代表团",
        "from_typed": "由起草人输入。", "edited_from": "由起草人改写，原出处：{origin}",
        "converted": "转换前原文：", "check": "核对：{check}。", "closest_text": "最接近的原文：",
        "not_checked": "尚未与商定措辞库核对",
        "checked": "{mark}；{near}", "mark_agreed": "商定措辞", "mark_new": "新措辞",
        "closest": "最接近{citation}（{sim:.0%}）", "nothing_close": "商定措辞库中没有相近段落",
    },
}
# The conventional order's categories (domain.prst_form.CATEGORY_NAMES), in each language.
CATEGORIES: dict[str, dict[int, str]] = {
    "en": {1: "reaffirm/recall", 2: "concern/condemn", 3: "stress/recognize/underline",
           4: "welcome/encourage/call upon", 5: "request/intend"},
    "zh": {1: "重申/回顾", 2: "关切/谴责", 3: "强调/确认/着重指出", 4: "欢迎/鼓励/呼吁", 5: "请/表示打算"},
}


def _stage(draft: Draft, revision: Revision | None) -> str:
    t = TEXT[draft.language]
    if revision is not None:
        return t["stage"].format(rev=revision.label)
    latest = draft.latest_revision()
    return t["working_after"].format(rev=latest.label) if latest else t["working"]


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


def _provenance(p: Paragraph, lang: str) -> str:
    t, prov = TEXT[lang], p.provenance
    if prov.edited_from is not None:
        return t["edited_from"].format(origin=_provenance(replace(p, provenance=prov.edited_from), lang))
    if prov.kind == "library":
        return t["from_library"].format(citation=prov.citation or t["library_paragraph"])
    if prov.kind == "group":
        sep = "、" if lang == "zh" else ", "
        who = sep.join(name_in(n, lang) for n in prov.supporters) or t["no_supporters"]
        ref = f" #{prov.source_id}" if prov.source_id is not None else ""
        return t["from_group"].format(ref=ref, n=len(prov.supporters), who=who)
    return t["from_typed"]


def _check(p: Paragraph, lang: str) -> str:
    t = TEXT[lang]
    if p.status == "unchecked":
        return t["not_checked"]
    near = (t["closest"].format(citation=p.closest_citation, sim=p.similarity)
            if p.closest_citation and p.similarity is not None else t["nothing_close"])
    return t["checked"].format(mark=t["mark_agreed" if p.status == "agreed" else "mark_new"], near=near)


def _footnote_text(p: Paragraph, lang: str) -> list[str]:
    t = TEXT[lang]
    parts: list[str] = [_provenance(p, lang)]
    if p.provenance.source_text and p.provenance.source_text.strip() != p.text.strip():
        parts.append(t["converted"] + p.provenance.source_text.strip())
    parts.append(t["check"].format(check=_check(p, lang)))
    if p.status == "new" and p.closest_text:
        parts.append(t["closest_text"] + p.closest_text.strip())
    for flag in p.flags:
        parts.append(t["to_review"].format(reason=flag.message.rstrip(".。")))
    return parts


def annotated_markdown(draft: Draft) -> str:
    """Numbered paragraphs with agreed/NEW marks; provenance and the check as footnotes."""
    lang = draft.language
    t = TEXT[lang]
    doc = Document()
    doc.heading(t["annotated"].format(title=TITLES[lang], stage=_stage(draft, None)), level=1)
    agreed = sum(1 for p in draft.paragraphs if p.status == "agreed")
    new = sum(1 for p in draft.paragraphs if p.status == "new")
    flagged = sum(1 for p in draft.paragraphs if p.flags)
    doc.paragraph(t["summary"].format(
        n=len(draft.paragraphs), agreed=agreed, new=new, unchecked=len(draft.paragraphs) - agreed - new,
        flagged=t["flagged"].format(n=flagged) if flagged else "",
        revisions=("、" if lang == "zh" else ", ").join(r.label for r in draft.revisions) or t["none_yet"]))
    doc.paragraph(draft.chapeau)
    quoted = draft.quoted()
    for number, (paragraph, text) in enumerate(zip(draft.paragraphs, quoted, strict=True), start=1):
        marker = doc.footnote(*_footnote_text(paragraph, lang))
        review = [Md(" "), strong(f"[{t['review']}]")] if paragraph.flags else []
        doc.paragraph(
            strong(t["para"].format(n=number)),
            Md(" "),
            strong(f"[{t[paragraph.status]}]"),
            *review,
            Md(" "),
            emph(CATEGORIES[lang][paragraph.category]),
            Md(" "),
            inline(text),
            marker,
        )
    return doc.to_markdown()

"""Our statement as markdown: the header (who speaks, on what occasion, where and when), "Check
against delivery", the delivered paragraphs, and the citations of agreed language as footnotes.

The delivery copy is the same text without footnotes, for reading from the lectern (the Word export
sets it in large type). All statement text is escaped (exporters.markdown); footnote markers in the
text ("[^S/RES/2594 (2021), OP 4]") become numbered footnotes, one per citation.
"""

from __future__ import annotations

import re

from debateprep.domain.delivery import FOOTNOTE_MARKER
from debateprep.domain.our_statement import OurStatement
from debateprep.exporters.markdown import Document, Md, emph, strong

DELIVERY_POINTS = 16  # type size of the delivery copy in Word
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.;:!?，。；：！？）)]|$)")


def statement_markdown(statement: OurStatement, *, delivery: bool = False) -> str:
    """The statement as markdown; `delivery` drops the footnotes."""
    header = statement.header()
    title, place, check = header[0], header[1], header[2]
    doc = Document()
    doc.heading(title, level=1)
    doc.paragraph(emph(place))
    doc.paragraph(strong(check))
    numbers: dict[str, Md] = {}
    for paragraph in statement.paragraphs():
        parts: list[str] = []
        last = 0
        for m in FOOTNOTE_MARKER.finditer(paragraph):
            parts.append(paragraph[last:m.start()])
            if not delivery:
                citation = m.group(1).strip()
                if citation not in numbers:
                    numbers[citation] = doc.footnote(citation)
                parts.append(numbers[citation])
            last = m.end()
        parts.append(paragraph[last:])
        if delivery:
            parts = [_SPACE_BEFORE_PUNCT.sub("", "".join(parts))]
        doc.paragraph(*parts)
    return doc.to_markdown()

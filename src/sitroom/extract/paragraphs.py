"""A spaCy component that starts a new sentence after a blank line (a paragraph break)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "sitroom_paragraphs"


@Language.component(COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc

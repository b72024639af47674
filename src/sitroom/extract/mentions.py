"""Mention step v0: the statistical model's named entities mapped to sitroom kinds.

Replaced by the gazetteer-backed step in :mod:`sitroom.extract.gazetteer` when that is present.
"""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.records import Mention

LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


class ModelMentionStep:
    name = "mentions-model"
    version = "0"

    def __call__(self, ctx: Context) -> None:
        for ent in ctx.doc.ents:
            kind = LABEL_KIND.get(ent.label_)
            if kind is None:
                continue
            ctx.mentions.append(
                Mention(
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    kind=kind,
                    label=ent.label_,
                    sentence=ctx.sentence_index(ent.start_char),
                    extractor=f"{self.name}/{self.version}",
                )
            )

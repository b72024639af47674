"""Resolve step v0: mentions with the same normalised name form one entity.

The full within-document resolver (aliases, acronyms, descriptions, coreference) lives in
:mod:`sitroom.resolve.cluster` and replaces this one when present.
"""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.records import Entity


def name_key(text: str) -> str:
    words = text.replace("\u2019", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower().removesuffix("'s")


def make_code(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return f"{country or ''}{sector or ''}"


class ExactResolveStep:
    name = "resolve-exact"
    version = "0"

    def __call__(self, ctx: Context) -> None:
        by_key: dict[tuple[str, str], Entity] = {}
        for m in ctx.mentions:
            key = (name_key(m.canonical or m.text), m.kind)
            ent = by_key.get(key)
            if ent is None:
                ent = Entity(
                    id=ctx.new_id("e"), name=m.canonical or m.text, kind=m.kind, sector=m.sector,
                    country=m.country, role=m.role, extractor=f"{self.name}/{self.version}",
                )
                ent.code = make_code(ent.country, ent.sector)
                by_key[key] = ent
                ctx.record.entities.append(ent)
            if m.text not in ent.aliases and m.text != ent.name:
                ent.aliases.append(m.text)
            ent.mentions.append(m)
            m.entity = ent.id

"""Demonyms as references to their country: "Russian" in "Russian troops" also points at Russia.

Entity-linking and geoparsing collections count an adjectival or plural demonym as a reference to
its country (a "Turkish policeman" mentions Turkey; TR-News tags "Turkish" with Turkey's point).
``DemonymLinkStep`` adds, to each country entity the document names, one mention per demonym of
that country in the text: label :data:`DEMONYM_LABEL`, ``is_name=False``. So the country's page
lists every sentence that refers to it, and a map of the document's places shows it once.

Three limits keep the rest of the record as it was:

* the step runs last, after events, claims and relations, so no extraction step reads these
  mentions as actors or places ("Russian troops attacked Vell" keeps its actor and its place);
* a country the document never names gets no entity from a demonym alone: the adjective describes
  someone else, and the entity list stays one entry per named actor or place;
* the store does not count these mentions as aliases of the country (see
  :func:`alias_mentions`): "Russian" is not another name of Russia.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.knowledge import lookup_demonym
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEMONYM_LABEL = "DEMONYM"
DEMONYM_POS = {"ADJ", "PROPN", "NOUN"}
"""Parts of speech a demonym takes: "Russian troops" (ADJ), "the Russians" (PROPN/NOUN)."""


class DemonymLinkStep:
    """Links demonyms to the country entities the document names (see the module docstring)."""

    name = "demonym-links"
    version = "1"

    @property
    def extractor(self) -> str:
        return f"{self.name}/{self.version}"

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None:
            return
        countries: dict[str, Entity] = {}
        for entity in ctx.record.entities:
            if entity.kind == "country" and entity.country:
                countries.setdefault(entity.country, entity)
        if not countries:
            return
        touched: set[str] = set()
        for start, end, code in demonyms_in(ctx.doc):
            named = countries.get(code)
            # "the Central African Republic": a demonym inside the country's own name is that name
            if named is None or any(m.start < end and start < m.end for m in named.mentions):
                continue
            named.mentions.append(Mention(
                start=start, end=end, text=ctx.text[start:end], kind="country", label=DEMONYM_LABEL,
                country=code, is_name=False, sentence=ctx.sentence_index(start), entity=named.id,
                extractor=self.extractor))
            touched.add(named.id)
        for entity in countries.values():
            if entity.id in touched:
                entity.mentions.sort(key=lambda m: (m.start, m.end))


def demonyms_in(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """``(start, end, alpha3)`` of every capitalised demonym, two-word forms first ("South African")."""
    skip_next = False
    for i, token in enumerate(doc):
        if skip_next:
            skip_next = False
            continue
        if not token.text[:1].isupper() or token.pos_ not in DEMONYM_POS:
            continue
        if i + 1 < len(doc):
            pair = doc[i + 1]
            code = _country_of(f"{token.text} {pair.text}")
            if code is not None:
                skip_next = True
                yield token.idx, pair.idx + len(pair.text), code
                continue
        code = _country_of(token.text)
        if code is not None:
            yield token.idx, token.idx + len(token.text), code


def _country_of(text: str) -> str | None:
    info = lookup_demonym(text)
    if info is None or info.prefix or info.country.kind != "country":
        return None
    return info.country.alpha3


def alias_mentions(entity: Entity) -> list[Mention]:
    """The entity's mentions that are names or descriptions of it: demonym links are not."""
    return [m for m in entity.mentions if m.label != DEMONYM_LABEL]

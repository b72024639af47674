"""Capitals standing for their state: "Niamey has since expelled ...", "Moscow denied ...".

A capital that is the subject of a verb of doing or saying is the state acting (docs/gold.md: "a
capital standing for its state or bloc as an actor is an alias of that actor, not a place"). It joins
the state's government organ when the article names one, else the state itself; "Brussels" joins the
European Union when the article names it. Anywhere else (a dateline, "talks in Niamey", "Niamey lies on
the Niger river") the capital stays a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.knowledge import lookup_city
from sitroom.resolve import typing_lexicon as lex
from sitroom.resolve.coref_links import Clusters, unit_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.resolve.coref_mentions import Node

# Verbs whose subject is a place, not an actor: "Niamey lies on the river", "Bamako saw protests".
PLACE_VERBS = {"be", "lie", "sit", "remain", "become", "seem", "look", "host", "have", "see", "experience",
               "suffer", "witness", "stand", "border", "wake", "sleep", "get", "grow", "swelter", "flood"}
# Capitals that stand for a bloc seated there, when the article names the bloc.
BLOC_SEATS = {"Brussels": "EUR"}


def mark_capitals(doc: Doc, clusters: Clusters) -> dict[int, str]:
    """Find the capitals used as actors and take them out of name linking (``form = "capital"``), so
    "Niamey has expelled ..." does not pull "talks in Niamey" along with it. Returns node -> country."""
    acting = {}
    for k, node in enumerate(clusters.nodes):
        code = _acting_capital(doc, node)
        if code is not None:
            node.form = "capital"
            acting[k] = code
    return acting


def link_capitals(clusters: Clusters, acting: dict[int, str]) -> None:
    """Join each capital used as an actor (:func:`mark_capitals`) to its state's government, the
    state, or its bloc (module docstring); with none named, the capital stands as the state itself."""
    nodes = clusters.nodes
    alone: dict[str, int] = {}
    for k, code in acting.items():
        node = nodes[k]
        node.form = "name"
        target = _first_found(_seat_target(clusters, node), _government(clusters, code), _state(clusters, code))
        if target is None:
            node.mention.kind, node.mention.country = "country", code
            node.mention.canonical = lex.country_name(code)
            target = alone.setdefault(code, k)
        node.mention.kind = nodes[target].mention.kind
        clusters.union(target, k)


def _first_found(*indices: int | None) -> int | None:
    """The first index that is not None (node 0 is a valid target, so ``or`` would not do)."""
    return next((i for i in indices if i is not None), None)


def _acting_capital(doc: Doc, node: Node) -> str | None:
    """The country code of a capital node that is the subject of an actor verb, else None."""
    m = node.mention
    if node.form != "name" or m.kind != "place" or node.root < 0:
        return None
    city = lookup_city(m.text)
    if city is None or not city.capital:
        return None
    token = doc[node.root]
    verb = token.head
    if token.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in PLACE_VERBS:
        return None
    return city.country


def _seat_target(clusters: Clusters, node: Node) -> int | None:
    bloc = BLOC_SEATS.get(node.mention.text)
    if bloc is None:
        return None
    return next((j for j, n in enumerate(clusters.nodes) if n.mention.country == bloc
                 and n.form in ("name", "acronym") and n.mention.kind == "organization"), None)


def _government(clusters: Clusters, code: str) -> int | None:
    """The first whole government organ of ``code`` ("the Kremlin", "the Nigerien government")."""
    return next((j for j, n in enumerate(clusters.nodes) if n.form == "organ" and n.organ_country == code
                 and (n.mention.sector or "GOV") == "GOV" and not unit_words(n)), None)


def _state(clusters: Clusters, code: str) -> int | None:
    return next((j for j, n in enumerate(clusters.nodes) if n.form in ("name", "demonym")
                 and n.mention.kind == "country" and n.mention.country == code), None)

"""The cross-document actor row both backends refresh after new mentions: one rule, written once.

The display name is the form resolvers most often chose as the entity name, then the longest (the full
form: "Wagner Group" over "Wagner"), then the most mentioned; each attribute is the value most
documents gave.
"""

from __future__ import annotations

from collections import Counter

from sitroom.records import Entity
from sitroom.resolve.demonym_links import alias_mentions

ACTOR_ATTRS = ("kind", "country", "sector", "code", "role")


def _best(attr: str) -> str:
    return (f"COALESCE((SELECT value FROM actor_attrs WHERE actor_id = actors.id AND attr = '{attr}'"
            f" ORDER BY count DESC, value LIMIT 1), {attr})")


def refresh_actors_sql(where: str) -> str:
    """``UPDATE actors SET name = ..., kind = ..., ...`` for the rows ``where`` selects (its placeholder is
    the backend's own: ``id = ?`` for SQLite, ``id = ANY(%s)`` for PostgreSQL)."""
    return (
        "UPDATE actors SET name = COALESCE((SELECT alias FROM actor_aliases WHERE actor_id = actors.id"
        " ORDER BY name_count DESC, length(alias) DESC, count DESC, alias LIMIT 1), name), "
        + ", ".join(f"{attr} = {_best(attr)}" for attr in ACTOR_ATTRS)
        + f" WHERE {where}"
    )


def entity_forms(ent: Entity) -> Counter[str]:
    """Surface forms an entity contributes to its actor's aliases: mention texts counted (demonym
    links are not names of the country), its name and aliases known even when no mention used them."""
    forms: Counter[str] = Counter(m.text for m in alias_mentions(ent))
    for alias in [ent.name, *ent.aliases]:
        forms[alias] += 0
    return forms


def entity_attrs(ent: Entity) -> list[tuple[str, str]]:
    """The (attr, value) votes an entity gives its actor (kind, country, sector, code, role)."""
    return [(attr, value) for attr in ACTOR_ATTRS if (value := getattr(ent, attr))]

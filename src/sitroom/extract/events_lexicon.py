"""The event trigger lexicon: ``sitroom/data/event_triggers.yaml`` loaded once into lookup tables.

Entries map spaCy lemmas to a :class:`Label` (PLOVER type plus optional mode). Two pseudo-types
are resolved later by the detector because the text decides them:

* ``DEPLOY``: sending troops or arms; AID when the destination is a state, MOBILIZE otherwise.
* ``STRIKE``: the noun "strike"; ASSAULT with an "air"/"drone" modifier, PROTEST/strike without.
* ``CLAIMED``: "claimed responsibility for X"; the type of X (ASSAULT when X is not a trigger).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DEPLOY = "DEPLOY"
STRIKE = "STRIKE"
CLAIMED = "CLAIMED"
SUPPORT_VERB = "SUPPORT_VERB"
BLOCK = "BLOCK"
"""A light-verb entry of ``none``: this verb with this object is no event ("burned a flag")."""


@dataclass(frozen=True)
class Label:
    """A PLOVER type (or a pseudo-type above) and an optional mode."""

    type: str
    mode: str | None = None

    @classmethod
    def parse(cls, raw: str) -> Label | None:
        """``"ASSAULT/firearms"`` -> Label; ``"none"`` -> None (an entry that blocks a match)."""
        if raw.lower() == "none":
            return None
        type_, _, mode = raw.partition("/")
        return cls(type_, mode or None)


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables for trigger detection; build with :func:`load_lexicon`."""

    verbs: dict[str, Label]
    nouns: dict[str, Label]
    phrasal: dict[str, Label | None]
    light: dict[str, dict[str, Label]]
    support_verbs: frozenset[str]
    noun_modifiers: dict[str, Label]
    agent_nouns: dict[str, Label] = field(default_factory=dict)
    """Nouns for participants whose presence is the event ("demonstrators" -> PROTEST demo)."""
    casualty_words: dict[str, str] = field(default_factory=dict)
    """Lemma -> casualties field (``killed``, ``injured``, ``arrested``, ``abducted``)."""

    def verb(self, lemma: str) -> Label | None:
        return self.verbs.get(lemma.lower())

    def noun(self, lemma: str) -> Label | None:
        return self.nouns.get(lemma.lower())

    def light_verb(self, verb: str, obj: str) -> Label | None:
        return self.light.get(verb.lower(), {}).get(obj.lower())

    def casualty_field(self, lemma: str) -> str | None:
        return self.casualty_words.get(lemma.lower())


def _labels(table: dict[str, Any], keep_blocks: bool = False) -> dict[str, Label]:
    out: dict[str, Label] = {}
    for key, raw in (table or {}).items():
        label = Label.parse(str(raw))
        if label is not None:
            out[str(key).lower()] = label
        elif keep_blocks:
            out[str(key).lower()] = Label(BLOCK)
    return out


def lexicon_from_dict(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from the YAML structure (used by tests with small tables)."""
    phrasal = {str(k).lower(): Label.parse(str(v)) for k, v in (data.get("phrasal") or {}).items()}
    light = {str(verb).lower(): _labels(objs, keep_blocks=True) for verb, objs in (data.get("light") or {}).items()}
    casualty_words = {
        str(word).lower(): field_name
        for field_name, words in (data.get("casualties") or {}).items()
        for word in words
    }
    return Lexicon(
        verbs=_labels(data.get("verbs") or {}),
        nouns=_labels(data.get("nouns") or {}),
        phrasal=phrasal,
        light=light,
        support_verbs=frozenset(str(v).lower() for v in data.get("support_verbs") or []),
        noun_modifiers=_labels(data.get("noun_modifiers") or {}),
        agent_nouns=_labels(data.get("agent_nouns") or {}),
        casualty_words=casualty_words,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon (parsed once per process)."""
    text = resources.files("sitroom").joinpath("data/event_triggers.yaml").read_text(encoding="utf-8")
    return lexicon_from_dict(yaml.safe_load(text))

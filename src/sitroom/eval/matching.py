"""Text normalisation used to match predictions to gold by text rather than by offsets.

Offsets differ legitimately between annotators and extractors ("on Tuesday" vs "Tuesday", "the
Volkov Group" vs "Volkov Group"), so every layer is matched on normalised strings.
"""

from __future__ import annotations

import re
from collections import Counter

from sitroom.records import Entity

_LEADING_DETERMINERS = ("the ", "a ", "an ")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?\b")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_TOKEN = re.compile(r"[0-9a-z]+")
# Pronoun mentions (if a resolver keeps them) are not names: they must not make two clusters match.
_PRONOUNS = frozenset("he she it they him her them his its their we i you us our".split())


def normalise(text: str) -> str:
    """Lowercase, no possessive ``'s``, punctuation as spaces, no leading ``the``/``a``/``an``.

    >>> normalise("The Volkov Group's")
    'volkov group'
    """
    text = _POSSESSIVE.sub("", text.lower().replace("’", "'"))
    text = _NON_WORD.sub(" ", text).strip()
    for det in _LEADING_DETERMINERS:
        if text.startswith(det):
            text = text[len(det):]
            break
    return text


def surface_keys(forms: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The normalised, non-empty, non-pronoun forms of a list of names."""
    keys = (normalise(form) for form in forms)
    return frozenset(k for k in keys if k and k not in _PRONOUNS)


def entity_keys(entity: Entity) -> frozenset[str]:
    """Every name a predicted entity goes by: its name, aliases and mention texts."""
    return surface_keys([entity.name, *entity.aliases, *(m.text for m in entity.mentions)])


def contains_either(a: str, b: str) -> bool:
    """True when one normalised text contains the other (``on Tuesday`` ~ ``Tuesday``)."""
    na, nb = normalise(a), normalise(b)
    return bool(na and nb) and (na in nb or nb in na)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-tokens F1 between two spans of text (SQuAD style)."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    common = sum((pred & ref).values())
    if common == 0:
        return 0.0
    precision = common / sum(pred.values())
    recall = common / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def unit_head(unit: str | None) -> str | None:
    """Head word of a unit, crudely singular: ``armoured vehicles`` -> ``vehicle``."""
    if not unit:
        return None
    words = tokens(unit)
    if not words:
        return None
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head

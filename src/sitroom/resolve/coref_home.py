"""The state an article is about (its "home"), for organs the text leaves unowned.

"The junta", "the army", "the government" without an owner belong to the state the story is about,
not to every state it names. A raw count of names misleads when a foreign partner is named often
("Karesia's junta bets on Russia ... a pact with Russia ... Russia delivered ... Russian troops ...
Russian contractors"), so each use is weighed by what it says about the story:

- a name counts 1; a demonym counts 1 when it owns a state organ ("the Karesian army") and 1/2 when it
  only gives someone's nationality ("a Russian businessman", "Russian contractors");
- a possessive ("Karesia's security") adds 1: the story's own state owns things;
- owning a government organ ("Karesia's junta", "the Malian authorities") adds 1;
- a mention in the headline adds 1: the headline names what the story is about.

Datelines are not counted: on the gold set the one dateline abroad ("ALGIERS, ..." over talks about
Karesia) named the venue, not the story's state. The parse is not used either: subjects and possessors
read from the dependency parse of headlines were wrong often enough to flip the result.

The home state needs a weight of at least 2 and strictly more than any other state; else there is none.
Linear in the document: one pass over the tokens, looking at most three tokens ahead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.resolve import typing_lexicon as lex

if TYPE_CHECKING:
    from spacy.tokens import Token

# Heads of government organs: a state owning one is a state whose rulers the story follows.
GOVERNMENT_HEADS = {"junta", "government", "authorities", "regime", "administration", "cabinet", "leadership",
                    "presidency", "ministry", "council"}
# Organ heads a demonym may own besides ``lex.ORGAN_HEADS`` ("the Karesian air force").
EXTRA_ORGAN_HEADS = {"force", "guard", "embassy"} | GOVERNMENT_HEADS
TITLE_BONUS = 1.0


def home_state_weights(ctx: Context, unlisted: set[str]) -> dict[str, float]:
    """Weight of each state (ISO code, or the bare name of an ``unlisted`` one) as the story's home."""
    weights: dict[str, float] = {}
    title_end = _headline_end(ctx.text)
    for token in ctx.doc:
        word = token.text
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            continue
        key = lex.country_code(word) or next(
            (name for name in unlisted if word == name or lex.demonym_stem_matches(word, name)), None)
        if key is None:
            continue
        weights[key] = weights.get(key, 0.0) + _weight(token, key, title_end)
    return weights


def pick_home(weights: dict[str, float]) -> str | None:
    """The heaviest state when it weighs at least 2 and strictly more than the next one."""
    ranked = sorted(weights.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(weights, key=lambda k: weights[k])


def _weight(token: Token, key: str, title_end: int) -> float:
    possessive = token.i + 1 < len(token.doc) and token.nbor(1).lower_ in ("'s", "\u2019s")
    owned = _owned_head(token)
    is_demonym = not possessive and (lex.is_demonym(token.text) or (
        lex.country_code(token.text) is None and token.text != key))
    weight = 0.5 if is_demonym and owned is None else 1.0
    if possessive:
        weight += 1
    if owned in GOVERNMENT_HEADS:
        weight += 1
    if token.idx < title_end:
        weight += TITLE_BONUS
    return weight


def _owned_head(token: Token) -> str | None:
    """The organ head among the next three words ("Karesia 's junta", "the Karesian air force")."""
    doc = token.doc
    for k in range(token.i + 1, min(token.i + 4, len(doc))):
        word = doc[k].lower_
        if word in lex.ORGAN_HEADS or word in EXTRA_ORGAN_HEADS:
            return word
        if doc[k].is_punct and word not in ("'s", "\u2019s"):
            break
    return None


def _headline_end(text: str) -> int:
    """End of the headline: a first line standing alone before a blank line (0 when there is none)."""
    first = text.find("\n\n")
    if 0 < first <= 200 and "\n" not in text[:first].strip():
        return first
    return 0

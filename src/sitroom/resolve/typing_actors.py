"""Reading an actor's type from the words around its name.

Two places in the parse describe a name: the words before it in its noun phrase ("Russian President
Vladimir Putin", "Russian gold company Nordgold", "Kremlin spokesman Dmitry Peskov") and an apposition
("Kimberly Joy Marten, an expert at Columbia University"; "A spokesman for the Kremlin, Dimitry Peskov").
:func:`describe` collects both into a :class:`Description`; :func:`actor_type` turns a description into
kind, country, sector and role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.knowledge import lookup_igo
from sitroom.resolve import typing_lexicon as lex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Prepositions that introduce whom a title holder serves ("spokesman for", "expert at", "leader of").
AFFILIATION_PREPS = {"for", "of", "at", "with", "from"}
# Relational nouns that are not roles and never give an affiliation ("a close ally of Putin").
NON_ROLES = {"ally", "friend", "rival", "critic", "son", "daughter", "wife", "husband", "brother"}


@dataclass
class Description:
    """Words that describe one name, and the token heading the organisation it serves (if any)."""

    words: list[str] = field(default_factory=list)
    affiliation: Token | None = None
    appositive: Token | None = None
    """Head of an appositive description ("expert" in ", an expert at ..."), if any."""
    past_role_skipped: bool = False
    """The name's own title was a past one ("the former trade envoy") and the current title it stands
    in apposition to was used instead ("Korvath's chairman, the former ... envoy Sir Martin Crewe")."""


@dataclass(frozen=True)
class ActorType:
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None


def describe(doc: Doc, start_token: int, end_token: int) -> Description:
    """Descriptor words and affiliation for the name covering tokens ``start_token:end_token``."""
    span = doc[start_token:end_token]
    root = span.root
    desc = Description(words=_prefix_words(doc, start_token, root))
    appositive = _lifted(_appositive(root, start_token, end_token))
    current = _current_title(appositive)
    if current is not None:
        appositive, desc.past_role_skipped = current, True
        desc.words = []
    if appositive is not None and appositive.pos_ != "PROPN":
        desc.appositive = appositive
        desc.words += [t.text for t in appositive.lefts if t.dep_ != "det"] + [appositive.text]
        if appositive.lower_ not in NON_ROLES:
            desc.affiliation = _prep_object(appositive) or _modifier_owner(appositive)
    if desc.affiliation is None and lex.title_of(desc.words):
        desc.affiliation = _prefix_affiliation(doc, start_token, len(desc.words))
    return desc


PAST_MARKERS = {"former", "ex", "ex-", "erstwhile", "onetime", "one-time"}


def _current_title(appositive: Token | None) -> Token | None:
    """"X's chairman, the former envoy Y": the title noun a past title stands in apposition to."""
    if appositive is None or not any(c.lower_ in PAST_MARKERS for c in appositive.lefts):
        return None
    head = appositive.head
    if appositive.dep_ == "appos" and head.pos_ == "NOUN" and lex.title_of([head.text]) is not None:
        return head
    return None


def _prefix_words(doc: Doc, start_token: int, root: Token) -> list[str]:
    """Contiguous modifiers before the name that belong to it ("Mali Prime Minister")."""
    subtree = {t.i for t in root.subtree}
    words: list[str] = []
    i = start_token - 1
    while i >= 0 and i in subtree and doc[i].dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod"):
        words.insert(0, doc[i].text)
        i -= 1
    return words


def _appositive(root: Token, start_token: int, end_token: int) -> Token | None:
    """The noun in apposition with the name, in either direction."""
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    for token in root.doc[start_token:end_token]:
        for child in token.children:
            if child.dep_ == "appos" and not start_token <= child.i < end_token:
                return child
    return None


def _lifted(appositive: Token | None) -> Token | None:
    """"A spokesman for the Kremlin, X": the parser hangs X on "Kremlin"; the title noun is meant."""
    if appositive is None or appositive.pos_ != "PROPN" or appositive.dep_ != "pobj":
        return appositive
    noun = appositive.head.head
    return noun if noun.pos_ == "NOUN" and noun.lower_ not in NON_ROLES else appositive


def _prep_object(head: Token) -> Token | None:
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return _named_in_apposition(obj)
    return None


def _named_in_apposition(obj: Token) -> Token:
    """"an analyst at the consultancy Meridian Risk": the name beside the common noun is the employer."""
    if obj.pos_ == "NOUN":
        named = next((c for c in obj.rights if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return obj


def _modifier_owner(head: Token) -> Token | None:
    """"The NLF's political chief, X", "A UN envoy, X": the possessor or proper-noun modifier."""
    for child in head.lefts:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
            return child
    return None


def _prefix_affiliation(doc: Doc, start_token: int, width: int) -> Token | None:
    """"Kremlin spokesman Dmitry Peskov": the organ named before the title is the affiliation."""
    for i in range(start_token - width, start_token):
        token = doc[i]
        if lex.metonym_organ(token.text) or token.ent_type_ == "ORG" or token.lower_ in lex.ORGAN_HEADS:
            return token  # "Kremlin spokesman X"; "army spokesman X" (the army named before)
    return None


def actor_type(description: Description, name: str, kind: str) -> ActorType:
    """Kind, country, sector and role a description gives the name it describes."""
    words = description.words
    country = next((lex.country_code(w) for w in words if lex.country_code(w)), None) or _igo_code(words)
    metonym = next((lex.metonym_organ(w) for w in words if lex.metonym_organ(w)), None)
    title = lex.title_of(words) if kind in ("person", "other") else None
    phrase_sector = lex.sector_of_phrase(words)
    if title is not None:
        return ActorType("person", country or (metonym[0] if metonym else None),
                         title.sector or (metonym[1] if metonym else None), title.role)
    if phrase_sector is not None and kind != "country":
        return ActorType("organization", country, phrase_sector)
    if kind == "organization":
        return ActorType(None, country, lex.sector_of_name(name))
    return ActorType(None, country)


def _igo_code(words: list[str]) -> str | None:
    """"the AU envoy for the Great Lakes", "a UN official": an intergovernmental body among the words
    describing a person gives its code (IGO, UNO, EUR), not the country the story is set in."""
    for k in range(len(words)):
        for size in (3, 2, 1):
            found = lookup_igo(" ".join(words[k:k + size])) if k + size <= len(words) else None
            if found is not None and found.country:
                return found.country
    return None

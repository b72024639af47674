"""Speakers given by a description instead of a name: "the minister said", "officials said", "the bloc said".

Read by :class:`sitroom.extract.claims_speakers.SpeakerResolver` when no mention covers a subject. Three
kinds of description, tried in this order:

1. **A role** ("the minister", "the Guatemalan security minister", "the president"): the nearest person
   before it whose ``role`` (set by the resolver from titles) ends with the same role word; the role
   words come from :data:`sitroom.knowledge.lexicon.ROLE_TITLES`. Failing that, and for people known
   only by a description ("a local official", "a farmer in the region", "the source"), the person the
   description names: an earlier claim speaker with the same head word ("the official" after "a local
   official"), else a new person entity named by the description ("local official").
2. **An organisation noun** ("the bloc", "the ministry", "the newspaper"): the nearest organisation
   before it whose names contain the word; generic collectives ("the bloc", "the group", "the
   organisation") take the nearest organisation; press nouns ("the newspaper", "the daily") the nearest
   outlet.
3. **A plural of people** ("officials", "two Karesian officials", "mediators", "Some critics"): a group
   entity named by the description without determiners and numbers ("Karesian officials"), shared by
   every identical description in the document. Decision: plural unnamed speakers are speakers in their
   own right (a ``group`` entity), not ``None``, so that "officials said" and "officials denied" can be
   queried and contrasted; they are never merged with a named person.

Documents ("the report says", "the cable says") are not speakers here: :data:`DOCUMENT_NOUNS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.knowledge.lexicon import ROLE_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitroom.records import Entity

# Single-word role titles (official, minister, spokesman...) -> the normalised role.
ROLE_WORDS: dict[str, str] = {key[0]: role.role for key, role in ROLE_TITLES.items() if len(key) == 1}
# People known by what they are rather than by a title.
PERSON_NOUNS = frozenset({
    "official", "source", "witness", "resident", "farmer", "agent", "lawyer", "activist", "worker",
    "survivor", "victim", "observer", "commentator", "investigator", "officer", "policeman", "member",
    "representative", "negotiator", "mediator", "critic", "supporter", "villager", "doctor", "teacher",
    "student", "trader", "merchant", "driver", "man", "woman", "person", "insider", "informant",
    "defector", "fighter", "militant", "soldier", "guard", "employee", "aide", "adviser", "advisor",
    "consultant", "economist", "historian", "bishop", "priest", "deputy", "senator", "congressman",
})
# Plural subjects that are groups of people (plural of PERSON_NOUNS and role words, plus collectives).
GROUP_NOUNS = frozenset({"authorities", "people", "locals", "residents", "police", "protesters",
                         "demonstrators", "rebels", "insurgents", "militants", "leaders", "elders",
                         "families", "relatives", "parents", "villagers", "experts", "analysts",
                         "diplomats", "officials", "sources", "witnesses", "mediators", "critics",
                         "observers", "commentators", "investigators", "prosecutors", "lawmakers",
                         "legislators", "activists", "campaigners", "researchers", "scholars",
                         "journalists", "reporters", "doctors", "spokespeople", "ministers", "members",
                         "representatives", "negotiators", "supporters", "opponents", "respondents"})
# Organisation nouns that stand for the nearest organisation of any name ("the bloc said").
COLLECTIVE_ORG_NOUNS = frozenset({"group", "movement", "body", "institution", "firm", "company"})
# Collectives of states: the nearest international organisation ("the bloc" after ECOWAS).
BLOC_NOUNS = frozenset({"bloc", "alliance", "union", "coalition", "community", "organisation", "organization"})
# Organisation nouns that must appear in the antecedent's name ("the ministry" -> "defence ministry").
NAMED_ORG_NOUNS = frozenset({"ministry", "government", "army", "office", "agency", "court", "council",
                             "committee", "department", "embassy", "junta", "party", "police",
                             "military", "navy", "commission", "parliament", "senate", "assembly",
                             "administration", "presidency", "cartel", "gang", "front", "institute",
                             "prosecutor's", "service", "force", "forces", "network"})
PRESS_NOUNS = frozenset({"newspaper", "daily", "paper", "outlet", "magazine", "broadcaster", "channel",
                         "newswire", "agency", "weekly", "website", "site", "station", "tabloid"})
# Things that say without being speakers: their author, if named, is found through "by"/"from".
DOCUMENT_NOUNS = frozenset({"report", "reports", "statement", "release", "document", "documents",
                            "study", "studies", "survey", "cable", "letter", "data", "figures",
                            "statistics", "estimate", "estimates", "record", "records", "analysis",
                            "investigation", "communique", "communiqué", "filing", "indictment",
                            "complaint", "ruling", "testimony", "article", "story", "account",
                            "accounts", "version", "book", "memo", "email", "message", "post",
                            "video", "footage", "audit", "assessment", "review", "poll", "census",
                            "information", "intelligence"})
_NAME_DEPS = frozenset({"amod", "compound", "nmod", "flat"})


def description_span(token: Token) -> tuple[int, int]:
    """Characters of the description without determiners or numbers: "two Karesian officials" ->
    "Karesian officials", "a Carepa City Hall official" -> "Carepa City Hall official"."""
    doc = token.doc
    first = token.i
    # walk left over the modifiers that name the kind; stop at "two", "the", "some"
    while first > 0 and doc[first - 1].dep_ in _NAME_DEPS and _under(doc[first - 1], token):
        first -= 1
    return doc[first].idx, token.idx + len(token.text)


def _under(token: Token, head: Token) -> bool:
    current = token
    for _ in range(6):
        if current.i == head.i:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return current.i == head.i


def role_of(token: Token) -> str | None:
    """The normalised role a description's head word names ("minister", "spokesperson"), or None."""
    return ROLE_WORDS.get(token.lemma_.lower()) or ROLE_WORDS.get(token.lower_)


def same_role(entity: Entity, role: str) -> bool:
    """ "the minister" fits a "defence minister"; "the president" a "president" but not a "vice president"."""
    if not entity.role:
        return False
    own = entity.role.lower()
    if role in ("president",) and own != role:
        return own in ("interim president", "transitional president")
    return own == role or own.endswith(" " + role)


def head_word(name: str) -> str:
    """Last word of a name, lower case, without a plural s: "local officials" -> "official"."""
    words = name.lower().split()
    last = words[-1] if words else ""
    return last[:-1] if last.endswith("s") and not last.endswith("ss") and len(last) > 3 else last


def kind_of_description(token: Token) -> str | None:
    """``role``, ``person``, ``group``, ``org``, ``press``, ``document`` or None for a subject noun."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if lower in DOCUMENT_NOUNS or lemma in DOCUMENT_NOUNS:
        return "document"
    plural = token.tag_ in ("NNS", "NNPS") or lower in GROUP_NOUNS
    if plural and (lower in GROUP_NOUNS or lemma in PERSON_NOUNS or lemma in ROLE_WORDS):
        return "group"
    if lemma in PRESS_NOUNS and lemma != "agency":
        return "press"
    if lemma in COLLECTIVE_ORG_NOUNS or lemma in NAMED_ORG_NOUNS or lemma in BLOC_NOUNS:
        return "org"
    if role_of(token) is not None:
        return "role"
    if lemma in PERSON_NOUNS:
        return "person"
    return None

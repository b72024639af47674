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
   queried and contrasted; they are never merged with a named person. People nouns outside the lists
   are known by an agentive ending ("specialists", "civilians", "fishermen", "shopkeepers").
4. **A plural of organisations** ("Rights groups", "Aid agencies", "unions"): an organisation entity
   named by the description ("Rights groups"), never the nearest single organisation.

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
    # trades and callings of the people local reporting quotes ("a pharmacist in the old town")
    "pharmacist", "nurse", "shopkeeper", "storekeeper", "shopowner", "vendor", "baker", "butcher",
    "fisherman", "herder", "miner", "mechanic", "engineer", "builder", "labourer", "laborer", "tailor",
    "carpenter", "businessman", "businesswoman", "owner", "journalist", "reporter", "scientist",
    "physician", "surgeon", "midwife", "pastor", "imam", "cleric", "monk", "nun", "chief", "elder",
    "refugee", "migrant", "pilot", "passenger", "motorist", "smuggler", "trafficker", "miller",
    "shepherd", "rancher", "grower", "producer", "citizen", "voter", "youth", "mother", "father",
    # kin and acquaintances: "according to a relative", "a neighbour said"
    "relative", "neighbour", "neighbor", "friend", "colleague", "cousin", "brother", "sister", "son",
    "daughter", "wife", "husband", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather",
    "parent", "widow", "child", "spouse", "acquaintance", "classmate",
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
# Plural organisation nouns: "Rights groups say", "Aid agencies said" are speakers of their own (many
# organisations, none named), never the nearest single organisation.
PLURAL_ORG_NOUNS = frozenset({"groups", "organisations", "organizations", "agencies", "ngos", "charities",
                              "unions", "associations", "federations", "institutions", "bodies", "companies",
                              "firms", "businesses", "parties", "movements", "networks", "coalitions",
                              "committees", "councils", "cooperatives", "churches", "monitors"})
# Plural people nouns outside the lists, known by an agentive ending ("specialists", "civilians",
# "fishermen"): lemma endings and the words with those endings that are no people.
_PEOPLE_ENDINGS = ("ist", "ian", "eur", "keeper", "man", "men", "worker", "seller", "owner", "dweller",
                   "goer", "holder", "maker", "monger", "smith")
_NOT_PEOPLE = frozenset({"list", "wrist", "twist", "mist", "fist", "gist", "exist", "insist", "persist",
                         "consist", "resist", "assist", "median", "amen", "omen", "abdomen", "specimen",
                         "regimen", "semen", "acumen", "stockholder", "placeholder", "shareholder"})
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


# Sectors of described speakers by head word (singular), for the entities made from descriptions:
# "Shopkeepers" are business, "a pharmacist" health, "a relative" a civilian.
_SECTOR_BY_HEAD: dict[str, str] = {
    **dict.fromkeys(("trader", "shopkeeper", "storekeeper", "shopowner", "merchant", "vendor", "baker",
                     "butcher", "businessman", "businesswoman", "owner", "tailor", "carpenter", "mechanic",
                     "miller", "company", "firm", "business"), "BUS"),
    **dict.fromkeys(("pharmacist", "nurse", "doctor", "physician", "surgeon", "midwife"), "MED"),
    **dict.fromkeys(("teacher", "student", "professor", "academic", "scholar", "classmate"), "EDU"),
    **dict.fromkeys(("farmer", "herder", "shepherd", "rancher", "grower", "fisherman"), "AGR"),
    **dict.fromkeys(("worker", "miner", "labourer", "laborer", "employee", "union"), "LAB"),
    **dict.fromkeys(("resident", "villager", "relative", "neighbour", "neighbor", "friend", "family",
                     "parent", "mother", "father", "son", "daughter", "wife", "husband", "brother",
                     "sister", "cousin", "uncle", "aunt", "nephew", "niece", "widow", "child", "citizen",
                     "voter", "youth", "passenger", "motorist", "witness", "survivor", "victim", "local",
                     "civilian", "spouse", "acquaintance"), "CVL"),
    **dict.fromkeys(("pastor", "imam", "cleric", "priest", "bishop", "monk", "nun", "church"), "REL"),
    **dict.fromkeys(("refugee", "migrant"), "REF"),
    **dict.fromkeys(("journalist", "reporter"), "JRN"),
    **dict.fromkeys(("activist", "campaigner", "ngo", "charity"), "SOC"),
    **dict.fromkeys(("smuggler", "trafficker"), "CRM"),
}
# Modifiers that make plural organisations civil society: "Rights groups", "Aid agencies".
_CIVIL_SOCIETY_WORDS = frozenset({"rights", "aid", "humanitarian", "relief", "charity", "advocacy", "civil",
                                  "non-governmental", "nongovernmental", "watchdog"})


def sector_of_description(words: list[str]) -> str | None:
    """The sector a description names by its head or a civil-society modifier, or None:
    "Shopkeepers" -> BUS, "a pharmacist" -> MED, "Rights groups" -> SOC."""
    lowered = [w.lower() for w in words]
    if not lowered:
        return None
    if any(w in _CIVIL_SOCIETY_WORDS for w in lowered[:-1]):
        return "SOC"
    head = lowered[-1]
    for form in (head, head[:-1] if head.endswith("s") else head, head[:-2] if head.endswith("es") else head,
                 head[:-3] + "y" if head.endswith("ies") else head, head.replace("men", "man")):
        if form in _SECTOR_BY_HEAD:
            return _SECTOR_BY_HEAD[form]
    return None


def _agentive(lemma: str) -> bool:
    """ "specialist", "civilian", "fisherman", "shopkeeper": a noun for people by its ending."""
    if lemma in _NOT_PEOPLE or len(lemma) < 6:
        return False
    if lemma.endswith("list") and not lemma.endswith("alist"):
        return False  # "checklist", "shortlist"; but "journalist", "nationalist"
    return lemma.endswith(_PEOPLE_ENDINGS)


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
    """``role``, ``person``, ``group``, ``orgs`` (several organisations), ``org``, ``press``,
    ``document`` or None for a subject noun."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if lower in DOCUMENT_NOUNS or lemma in DOCUMENT_NOUNS:
        return "document"
    plural = token.tag_ in ("NNS", "NNPS") or lower in GROUP_NOUNS
    if plural and (lower in GROUP_NOUNS or lemma in PERSON_NOUNS or lemma in ROLE_WORDS
                   or _agentive(lemma)):
        return "group"
    if plural and (lower in PLURAL_ORG_NOUNS or lemma + "s" in PLURAL_ORG_NOUNS):
        return "orgs"
    if lemma in PRESS_NOUNS and lemma != "agency":
        return "press"
    if lemma in COLLECTIVE_ORG_NOUNS or lemma in NAMED_ORG_NOUNS or lemma in BLOC_NOUNS:
        return "org"
    if role_of(token) is not None:
        return "role"
    if lemma in PERSON_NOUNS:
        return "person"
    return None

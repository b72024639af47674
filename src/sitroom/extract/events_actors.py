"""Map actor tokens to entity ids, and find an event's place.

A token stands for the noun phrase it heads (without coordinated, relative or appositive parts);
the entity is the one of the longest resolved mention overlapping that phrase, so "Mali's ruling
military junta" gives the junta's entity when the mention step found it, and Mali's otherwise.
Place entities are never actors: "shelled the town of Vell" makes Vell the place.

Two fallbacks, both marked in the entity's ``extractor`` so they can be told apart:

* pronouns the resolver left unlinked ("it sent its minister") take the nearest preceding mention
  of a compatible kind in the same or the previous sentence;
* common-noun actors with no mention ("unknown gunmen", "protesters", "soldiers") become
  entities of kind group/organization with a sector from :data:`ACTOR_NOUNS` (ACLED-style
  reporting names most actors this way, and an event without actors is of little use).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_KINDS = {"person", "organization", "country", "group", "other"}
PLACE_KINDS = {"place"}
PHRASE_EXCLUDED = {"conj", "cc", "relcl", "acl", "appos", "punct", "prep", "advcl", "parataxis"}
PRONOUN_KINDS = {
    "he": {"person"}, "him": {"person"}, "she": {"person"}, "her": {"person"},
    "it": {"country", "organization"}, "its": {"country", "organization"},
    "they": {"group", "organization", "country"}, "them": {"group", "organization", "country"},
    "their": {"group", "organization", "country"},
}
ACTOR_NOUNS: dict[str, tuple[str, str]] = {
    # noun lemma -> (sector, kind); sectors per conventions.md
    "gunman": ("UAF", "group"), "assailant": ("UAF", "group"), "attacker": ("UAF", "group"),
    "aggressor": ("UAF", "group"),
    "militant": ("REB", "group"), "jihadist": ("REB", "group"), "insurgent": ("REB", "group"),
    "rebel": ("REB", "group"), "terrorist": ("REB", "group"), "islamist": ("REB", "group"),
    "extremist": ("REB", "group"), "fighter": ("REB", "group"),
    "soldier": ("MIL", "organization"), "troop": ("MIL", "organization"), "army": ("MIL", "organization"),
    "military": ("MIL", "organization"), "serviceman": ("MIL", "organization"),
    "commando": ("MIL", "organization"),
    # gendarmes police the country (ACLED and CAMEO code them as police), whatever ministry they report to
    "gendarme": ("COP", "organization"), "gendarmerie": ("COP", "organization"),
    "police": ("COP", "organization"), "policeman": ("COP", "organization"),
    # "the authorities imposed a curfew": the state, unnamed
    "authority": ("GOV", "organization"), "authorities": ("GOV", "organization"),
    "policemen": ("COP", "organization"), "policewoman": ("COP", "organization"),
    "civilian": ("CVL", "group"), "villager": ("CVL", "group"), "resident": ("CVL", "group"),
    "inhabitant": ("CVL", "group"), "people": ("CVL", "group"), "youth": ("CVL", "group"),
    "protester": ("CVL", "group"), "protestor": ("CVL", "group"), "demonstrator": ("CVL", "group"),
    "rioter": ("CVL", "group"), "mob": ("CVL", "group"), "crowd": ("CVL", "group"),
    "woman": ("CVL", "group"), "child": ("CVL", "group"), "passenger": ("CVL", "group"),
    "man": ("CVL", "group"), "family": ("CVL", "group"), "landowner": ("CVL", "group"),
    "individual": ("CVL", "group"), "person": ("CVL", "group"),
    "driver": ("CVL", "group"), "motorist": ("CVL", "group"), "traveller": ("CVL", "group"),
    "traveler": ("CVL", "group"), "pedestrian": ("CVL", "group"), "worshipper": ("CVL", "group"),
    "mercenary": ("PMC", "group"),
    "militia": ("PRM", "group"), "militiaman": ("PRM", "group"), "volunteer": ("PRM", "group"),
    "vigilante": ("PRM", "group"),
    # Sahel self-defence militias named by a common noun ("Dozo hunters", "a Koglweogo group")
    "dozo": ("PRM", "group"), "koglweogo": ("PRM", "group"),
}
OCCUPATIONS: dict[str, str] = {
    "farmer": "AGR", "herder": "AGR", "pastoralist": "AGR", "herdsman": "AGR", "herdsmen": "AGR",
    "fisherman": "AGR", "worker": "LAB", "miner": "LAB", "labourer": "LAB", "laborer": "LAB",
    "student": "EDU", "teacher": "EDU", "pupil": "EDU", "trader": "BUS", "merchant": "BUS",
    "shopkeeper": "BUS", "vendor": "BUS", "journalist": "JRN", "reporter": "JRN", "nurse": "MED",
    "doctor": "MED", "imam": "REL", "priest": "REL", "pastor": "REL", "catechist": "REL",
    "refugee": "REF",
}
"""People named by their trade. As unorganised people they are civilians (``CVL``; ACLED's
"Civilians" with the trade as associated actor): the trade goes to the entity's ``role`` and the
PLOVER occupational sector is kept in :data:`OCCUPATIONS` for callers that want it. Organised
bodies ("the farmers' union") are names the resolver types, not these nouns."""
UNIT_NOUNS = {"convoy", "patrol", "unit", "detachment", "post", "outpost", "base", "position", "camp",
              "barracks", "checkpoint", "vehicle", "column", "garrison", "station"}
"""Nouns for a force's units and sites: attacking "an army convoy" targets the army."""
FORCE_MODIFIERS = {"army": "MIL", "military": "MIL", "soldier": "MIL", "troop": "MIL", "naval": "MIL",
                   "gendarmerie": "COP", "police": "COP", "gendarme": "COP"}
UNKNOWN_ARMED = {"unknown", "unidentified", "armed", "masked", "suspected"}
"""Modifiers that make "men"/"individuals" unidentified armed actors ("armed men")."""
UNKNOWN_ARMED_HEADS = {"man", "men", "individual", "person", "assailant", "gunman"}
PLACE_NOUNS = {"town", "village", "city", "area", "region", "province", "district", "commune", "department",
               "locality", "neighbourhood", "neighborhood", "quarter", "hamlet", "capital", "camp", "market",
               "outskirts", "vicinity", "municipality", "county", "sector", "zone", "forest"}
"""Nouns naming a place whose "of" phrase or apposition is the place ("the village of Vell")."""
LOCATIVE_PREPS = {"in", "near", "at", "around", "outside", "inside"}
PLACE_PREPS = {"in", "into", "to", "near", "at", "around", "outside", "inside", "across", "from", "within"}


@dataclass
class ActorResult:
    """Entity ids found for a list of actor tokens, and any places among them."""

    actors: list[str]
    places: list[str]


def resolve_tokens(ctx: Context, tokens: list[Token], create: bool) -> ActorResult:
    actors: list[str] = []
    places: list[str] = []
    for token in tokens:
        found = named_in_apposition(ctx, token) or represented(ctx, token) or both_sides(ctx, token)
        if not found:
            entity = entity_for_token(ctx, token, create)
            found = [entity] if entity is not None else []
        for entity in found:
            bucket = places if entity.kind in PLACE_KINDS else actors
            if entity.id not in bucket:
                bucket.append(entity.id)
    return ActorResult(actors, places)


def named_in_apposition(ctx: Context, token: Token) -> list[Entity]:
    """"the junta's spokesman, Colonel Idris Fane": the person named beside a role noun acts."""
    if token.pos_ != "NOUN":
        return []
    for child in (c for c in token.children if c.dep_ == "appos"):
        entity = _named_entity(ctx, child)
        if entity is not None and entity.kind == "person":
            return [entity]
    return []


MEMBER_NOUNS = {"envoy", "representative", "delegate", "delegation", "diplomat", "negotiator", "emissary",
                "fighter", "member", "militant", "soldier", "troop", "force", "combatant", "gunman",
                "official", "militiaman", "unit", "element", "mercenary", "contractor", "operative", "agent",
                "head", "leader", "chief", "commander", "spokesman", "spokesperson", "spokeswoman"}
"""People who act for a body: "envoys of the government", "its fighters", "militants from JNIM",
"ECOWAS heads of state", "NLF fighters"."""
OWNER_KINDS = {"organization", "country", "group"}
HEDGES = {"suspected", "alleged", "presumed", "purported"}
"""Capitalised hedges the tagger makes proper nouns ("Suspected NLF fighters"): no owner."""


def represented(ctx: Context, token: Token) -> list[Entity]:
    """The bodies a member noun acts for, when the phrase itself names no entity.

    "Envoys of the government and the NLF met" is a meeting of the government and the NLF;
    "its fighters seized" a seizure by whatever "its" stands for.
    """
    if token.pos_ not in ("NOUN", "PROPN") or (
            _noun_key(token) not in MEMBER_NOUNS and token.lemma_.lower() not in MEMBER_NOUNS):
        return []
    start, end = phrase_chars(token)
    found = ctx.entity_at(start, end)
    if found is not None and found.name.lower().split()[-1:] != [token.lower_]:
        return []  # a named body ("the Wagner fighters"), not a bare "fighters"
    owners: list[Token] = [c for c in token.children if c.dep_ == "poss"
                           or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ not in HEDGES)]
    owners += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
               for p in prep.children if p.dep_ == "pobj"]
    out: list[Entity] = []
    for owner in owners:
        for part in _coordinated(owner):
            entity = pronoun_antecedent(ctx, part) if part.pos_ == "PRON" else _named_entity(ctx, part)
            if entity is not None and entity.kind in OWNER_KINDS and entity not in out:
                out.append(entity)
    return out


def _coordinated(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_coordinated(child))
    return out


def _named_entity(ctx: Context, token: Token) -> Entity | None:
    start, end = phrase_chars(token)
    return ctx.entity_at(start, end)


SIDE_NOUNS = {"side", "party"}
TWO_SIDED = {"CONSULT", "ASSAULT", "COOPERATE", "AGREE", "CONCEDE", "RETREAT"}
"""Events between sides; co-speakers of a statement ("backed by the UN and the AU") are no sides."""
SIDES_REACH = 3
"""Sentences back in which "both sides" looks for the two sides of an event."""


def both_sides(ctx: Context, token: Token) -> list[Entity]:
    """"both sides", "the two parties": the source and target of the latest two-sided event nearby."""
    if token.lemma_.lower() not in SIDE_NOUNS or not any(
            c.lower_ in ("both", "two") for c in token.children if c.dep_ in ("det", "nummod", "predet")):
        return []
    here = ctx.sentence_index(token.idx)
    for event in reversed(ctx.record.events):
        if here - ctx.sentence_index(event.trigger.start) > SIDES_REACH:
            break
        sides = [*event.source, *event.target]
        if len(sides) >= 2 and event.type in TWO_SIDED:
            return [e for e in (ctx.record.entity(i) for i in sides) if e is not None]
    return []


def entity_for_token(ctx: Context, token: Token, create: bool) -> Entity | None:
    start, end = phrase_chars(token)
    entity = ctx.entity_at(start, end)
    if entity is not None and not (create and _untyped_modifier(ctx, entity, token)):
        return entity
    if token.pos_ == "PRON":
        return pronoun_antecedent(ctx, token)
    counted = _counted_noun(token)
    if counted is not None:  # "a number of residents", "dozens of workers"
        return entity_for_token(ctx, counted, create)
    if create:
        return _common_noun_actor(ctx, token, start, end)
    return None


def _untyped_modifier(ctx: Context, entity: Entity, token: Token) -> bool:
    """"two Gourmantche farmers": the name found is an untyped modifier, the head noun is the actor.

    Only for names with no sector that are not states or places (ethnic and local names the model
    guessed a kind for); "French troops" stay France's, "Wagner mercenaries" Wagner's.
    """
    if entity.sector is not None or entity.kind in ("country", "place") or actor_type(token) is None:
        return False
    head_start, head_end = token.idx, token.idx + len(token.text)
    return not any(m.entity == entity.id and m.start <= head_start and head_end <= m.end for m in ctx.mentions)


def phrase_chars(token: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token``, without clauses and coordination."""
    keep = _phrase_tokens(token)
    first, last = min(keep, key=lambda t: t.i), max(keep, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase_tokens(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ not in PHRASE_EXCLUDED:
            out.extend(_phrase_tokens(child))
    return out


QUANTIFIER_HEADS = {"number", "group", "dozen", "hundred", "thousand", "score", "couple", "handful", "band",
                    "crowd", "member", "some", "many", "several", "most", "all", "one", "two", "three"}


def _counted_noun(token: Token) -> Token | None:
    if token.lemma_.lower() not in QUANTIFIER_HEADS and token.pos_ != "NUM":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return None


def pronoun_antecedent(ctx: Context, pronoun: Token) -> Entity | None:
    """The entity a pronoun stands for: the previous sentence's subject when the pronoun (or the
    subject of its clause) opens the sentence as subject ("The NLF claimed ... It said its fighters
    ..."), the nearest compatible mention otherwise."""
    kinds = PRONOUN_KINDS.get(pronoun.lower_)
    if kinds and _opens_as_subject(pronoun):
        entity = _previous_subject(ctx, pronoun)
        if entity is not None and entity.kind in kinds:
            return entity
    return _pronoun_antecedent(ctx, pronoun)


def _opens_as_subject(pronoun: Token) -> bool:
    """"It said ...", "They ...", and "its" in a clause whose subject is such a pronoun."""
    subject = pronoun
    if pronoun.dep_ == "poss":
        clause = pronoun.head.head
        while clause.dep_ in ("ccomp", "conj", "xcomp") and clause.head != clause:
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PRON"), pronoun)
        if subject is pronoun:
            return False
    return subject.dep_ == "nsubj" and subject.i == subject.sent.start


def _previous_subject(ctx: Context, pronoun: Token) -> Entity | None:
    start = pronoun.sent.start
    if start == 0:
        return None
    previous = pronoun.doc[start - 1].sent
    subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        entity = _named_entity(ctx, subject)
        if entity is not None:
            return entity
    return None


def _pronoun_antecedent(ctx: Context, pronoun: Token) -> Entity | None:
    kinds = PRONOUN_KINDS.get(pronoun.lower_)
    if not kinds:
        return None
    here = ctx.sentence_index(pronoun.idx)
    for mention in reversed(ctx.mentions):
        if mention.start >= pronoun.idx or mention.entity is None:
            continue
        if mention.sentence >= 0 and here - mention.sentence > 1:
            break
        entity = ctx.entity_of_mention(mention)
        if entity is not None and entity.kind in kinds:
            return entity
    return None


def _common_noun_actor(ctx: Context, token: Token, start: int, end: int) -> Entity | None:
    typed = actor_type(token)
    if typed is None:
        return None
    name = _actor_name(token)
    existing = next((e for e in ctx.record.entities
                     if e.extractor.startswith("events") and e.name.lower() == name.lower()), None)
    mention = Mention(start=start, end=end, text=ctx.text[start:end], kind=typed.kind, label="EVENT-ACTOR",
                      sector=typed.sector, role=typed.role, is_name=False, sentence=ctx.sentence_index(start),
                      extractor="events/1")
    if existing is None:
        existing = Entity(id=ctx.new_id("e"), name=name, kind=typed.kind, sector=typed.sector,
                          code=typed.sector, role=typed.role, extractor="events/1")
        ctx.record.entities.append(existing)
    mention.entity = existing.id
    existing.mentions.append(mention)
    ctx.mentions.append(mention)
    return existing


@dataclass(frozen=True)
class ActorType:
    """Sector, kind and (for trades) role of a common-noun actor."""

    sector: str
    kind: str
    role: str | None = None


def actor_type(token: Token) -> ActorType | None:
    """The actor a common noun names ("unknown gunmen" UAF, "farmers" CVL/farmer), or None."""
    lemma = _noun_key(token)
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if lemma in UNKNOWN_ARMED_HEADS and (modifiers & UNKNOWN_ARMED or _armed_with(token)):
        return ActorType("UAF", "group")
    if lemma in ("gunman", "assailant", "attacker", "aggressor") and not modifiers - UNKNOWN_ARMED:
        return ActorType("UAF", "group")
    if "volunteer" in modifiers and lemma in ("fighter", "man", "militia", "guard"):
        return ActorType("PRM", "group")
    if lemma in OCCUPATIONS:
        return ActorType("CVL", "group", lemma)
    found = ACTOR_NOUNS.get(lemma)
    if found is not None:
        return ActorType(*found)
    if lemma == "force":
        police = any(c.lemma_.lower() in ("police", "gendarmerie") for c in token.children)
        return ActorType("COP", "organization") if police else ActorType("MIL", "organization")
    if lemma == "officer" and any(c.lemma_.lower() == "police" for c in token.children):
        return ActorType("COP", "organization")
    if lemma in UNIT_NOUNS:  # "an army convoy", "a gendarmerie unit": the force it belongs to
        force = next((FORCE_MODIFIERS[m] for m in modifiers if m in FORCE_MODIFIERS), None)
        return ActorType(force, "organization") if force else None
    return None


def _noun_key(token: Token) -> str:
    """The lexicon key of a noun: its lemma, or a singular the small model missed ("Gendarmes")."""
    for key in (token.lemma_.lower(), token.lower_):
        if key in ACTOR_NOUNS or key in OCCUPATIONS or key in UNKNOWN_ARMED_HEADS:
            return key
    word = token.lower_
    for singular in (word[:-1], word[:-2], word[:-3] + "man" if word.endswith("men") else ""):
        if singular and (singular in ACTOR_NOUNS or singular in OCCUPATIONS):
            return singular
    return token.lemma_.lower()


def _armed_with(token: Token) -> bool:
    """"individuals armed with rifles": a participle clause that arms the noun."""
    return any(c.dep_ == "acl" and c.lemma_.lower() == "arm" for c in token.children)


def _actor_name(token: Token) -> str:
    """A readable name: the head noun with its adjectives ("unknown gunmen", "police officers")."""
    words = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    unit = _noun_key(token) in UNIT_NOUNS and any(w.lemma_.lower() in FORCE_MODIFIERS for w in words)
    if not unit:  # "an army convoy", "army positions": the actor is the army, not its vehicles
        words.append(token)
    return " ".join(w.text for w in sorted(words, key=lambda t: t.i))


def place_from_preps(ctx: Context, holders: list[Token]) -> str | None:
    """The first place/country entity in an "in"/"near"/"to" phrase of the given tokens."""
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = place_of_phrase(ctx, pobj) or _untyped_name_place(ctx, prep, pobj)
                if found is not None:
                    return found
            found = first_place_in(ctx, prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text))
            if found is not None:
                return found
    return None


def _untyped_name_place(ctx: Context, prep: Token, pobj: Token) -> str | None:
    """"near Vell": a proper name after a locative preposition that no gazetteer could type.

    The model labels many small places ORG; an organization with no sector, named right after
    "in"/"near"/"at", is far more often a village than a company.
    """
    if prep.lower_ not in LOCATIVE_PREPS or pobj.pos_ != "PROPN":
        return None
    entity = entity_at_name(ctx, pobj)
    if entity is None or entity.sector is not None:
        return None
    if entity.kind in ("organization", "other"):
        return entity.id
    # "killed a farmer in Djika": nobody is killed *in* a person; an untitled one-word "person"
    if entity.kind == "person" and prep.lower_ in ("in", "near") and entity.role is None and " " not in entity.name:
        return entity.id
    return None


def place_of_phrase(ctx: Context, token: Token) -> str | None:
    """"the village of Vell", "the capital, Bamako": the named place, whatever kind the model gave it.

    The statistical model often labels unknown village names ORG or PERSON; the place noun in
    front of them is the better witness.
    """
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in token.children:
        names = [child] if child.dep_ == "appos" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            names = [c for c in child.children if c.dep_ == "pobj"]
        for name in names:
            entity = entity_at_name(ctx, name)
            if entity is not None and entity.kind != "person":
                return entity.id
    return None


def entity_at_name(ctx: Context, token: Token) -> Entity | None:
    """The entity named by the phrase headed by ``token``, read before any bracket: in
    "Seme (Toeni, Sourou)" the village is the place, not a name of its qualifier (which the parser
    may even make the head, "Seme" then a compound of "Toeni")."""
    start, end = phrase_chars(token)
    bracket = ctx.text.find("(", start, end)
    if bracket > start:
        before = ctx.entity_at(start, bracket)
        if before is not None:
            return before
    own = ctx.entity_at(token.idx, token.idx + len(token.text))
    return own if own is not None else ctx.entity_at(start, end)


def first_place_in(ctx: Context, start: int, end: int, exclude: set[str] | None = None) -> str | None:
    """The first place entity in the span; a country only when there is no place. A place written
    as where someone comes from ("locals from Vell ... clashed in Tamsa") yields to one that is not."""
    country: str | None = None
    origin: str | None = None
    for mention in ctx.mentions_in(start, end):
        entity = ctx.entity_of_mention(mention)
        if entity is None or (exclude and entity.id in exclude):
            continue
        if entity.kind == "place":
            if not _after_from(ctx.text, mention.start):
                return entity.id
            origin = origin or entity.id
        if entity.kind == "country" and country is None:
            country = entity.id
    return origin or country


def _after_from(text: str, start: int) -> bool:
    """True when the name follows "from" ("people from Vell", "came from the town of Vell")."""
    words = text[max(0, start - 24):start].lower().split()
    return bool(words) and ("from" in words[-1:] or words[-3:-1] == ["from", "the"]
                            or (len(words) >= 3 and words[-3] == "from" and words[-1] == "of"))


QUALIFIER_REACH = 60
"""Characters after a place name in which its bracketed qualifier ("(Toeni, Sourou)") lies."""


def coarser_geocoded_place(ctx: Context, place_id: str, start: int, end: int) -> str | None:
    """A geocoded place that contains an ungeocoded one, from the qualifier written beside it.

    "in Seme (Toeni, Sourou)": GeoNames may not know the village, but the department or province
    in brackets is where the event happened too, at a coarser scale; a map can show that. Only
    constraining qualifiers (brackets, "in") count, the first geocoded name in them wins.
    """
    try:
        from sitroom.resolve.geo_text import qualifier_after
    except ImportError:  # the geocoder is optional to this step
        return None
    for mention in (m for m in ctx.mentions_in(start, end) if m.entity == place_id):
        qualifier = qualifier_after(ctx.text, mention.end)
        if qualifier is None or not qualifier.strict:
            continue
        for inner in ctx.mentions_in(qualifier.start, qualifier.start + QUALIFIER_REACH):
            entity = ctx.entity_of_mention(inner)
            if entity is not None and entity.id != place_id and entity.geo and entity.kind in ("place", "country"):
                return entity.id
    return None


def locative_name_place(ctx: Context, tokens: list[Token]) -> str | None:
    """The first untyped proper name after "in"/"near"/"at" among ``tokens`` (see _untyped_name_place)."""
    for prep in (t for t in tokens if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = place_of_phrase(ctx, pobj) or _untyped_name_place(ctx, prep, pobj)
            if found is not None:
                return found
    return None

"""Actors of an event from the dependency parse: who acted (source) and on whom (target).

Verbs: ``nsubj`` (or the ``by`` agent of a passive) is the source, ``dobj``/``nsubjpass`` and the
objects of "with", "to", "against", "into", "on" are targets. Verbs without a subject borrow one
up the tree: "is set to deploy" (xcomp: the matrix subject), "urged the Kremlin to aid" (xcomp of a
verb with an object: that object), "abducted and killed" (conj), "killing 12 civilians" (participle
clause), "plans to draw down" (the subject of the verb owning "plans"), "a group accused of"
(participle modifier: the noun is the passive subject).

Nouns: possessives, compounds and demonym adjectives are the source ("France's withdrawal",
"U.S. sanctions", "French attacks"); "by" gives the source, "against"/"on"/"with" the target.

This module only finds tokens; :mod:`sitroom.extract.events_actors` maps them to entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract.events_detect import Trigger
from sitroom.extract.events_lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = {"with", "to", "against", "into", "on", "upon", "at", "alongside"}
"""Prepositions whose object is a target (places among them are sorted out by entity kind)."""
NOUN_TARGET_PREPS = {"against", "on", "with", "to", "into", "upon", "of"}
MAX_CLIMB = 5
"""Levels to climb for a borrowed subject; deeper chains are rarely the same actor."""


@dataclass
class Roles:
    """Actor tokens of one trigger (heads of noun phrases, coordination expanded)."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)


def roles_for(trigger: Trigger) -> Roles:
    if trigger.kind in ("noun", "agent"):
        return _without_dateline(_noun_roles(trigger))
    roles = _subject_roles(trigger.head, 0)
    if not roles.sources and not roles.targets:
        roles.sources.extend(_left_neighbour_subject(trigger.head))
    objects = _verb_objects(trigger) or _shared_object(trigger)
    for obj in objects:
        roles.targets.extend(expand_conj(obj))
    roles.targets = [t for t in roles.targets if t not in roles.sources]
    if trigger.label.type in ("DEPLOY", "MOBILIZE"):
        _sent_forces_act(trigger, roles)
    return _without_dateline(roles)


def _sent_forces_act(trigger: Trigger, roles: Roles) -> None:
    """"Marines have been deployed to the border": the forces sent are the actor, never the target."""
    sent = [c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass")]
    forces = [t for s in sent for t in expand_conj(s)]
    roles.targets = [t for t in roles.targets if t not in forces]
    if not roles.sources:
        roles.sources.extend(t for t in forces if t.dep_ == "nsubjpass" or t.head.dep_ == "nsubjpass")


DATELINE = re.compile(r"(?m)^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*,[^.!?\n]{0,60}?\s[-\u2013\u2014]{1,2}\s+")
"""A wire dateline ("VELL, Karesia, April 7, 2022 - "): its place names are no actors."""
_DATELINE_KEY = "sitroom.events.datelines"


def dateline_spans(token: Token) -> list[tuple[int, int]]:
    doc = token.doc
    spans = doc.user_data.get(_DATELINE_KEY)
    if spans is None:
        spans = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text)]
        doc.user_data[_DATELINE_KEY] = spans
    return list(spans)


def in_dateline(token: Token) -> bool:
    return any(start <= token.idx < end for start, end in dateline_spans(token))


def _without_dateline(roles: Roles) -> Roles:
    """The parser makes the dateline city the subject ("VELL, ... - Fighters attacked"): its appositive
    (the real subject) stands in for it, and dateline words are never actors."""
    return Roles(sources=_outside_dateline(roles.sources), targets=_outside_dateline(roles.targets))


def _outside_dateline(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        if not in_dateline(token):
            out.append(token)
            continue
        for child in token.children:
            if child.dep_ in ("appos", "conj") and not in_dateline(child):
                out.extend(expand_conj(child))
    return list(dict.fromkeys(out))


def _shared_object(trigger: Trigger) -> list[Token]:
    """"arrested and tortured a civilian": the object of the last conjunct belongs to each verb."""
    verb = trigger.head
    if trigger.kind != "verb" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        objs = [c for c in conj.children if c.dep_ == "dobj"]
        if objs:
            return objs[:1]
        deeper = _shared_object(Trigger(trigger.label, conj, [conj], "verb"))
        if deeper:
            return deeper
    return []


SUBJECT_SKIPS = {"ADV", "AUX", "PART"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _left_neighbour_subject(verb: Token) -> list[Token]:
    """A finite verb the parser left without subject: the noun phrase right before it.

    The small model misparses hedged subjects ("presumed X militants attacked", where "presumed"
    becomes the verb of "X"); the noun directly left of the verb (adverbs and auxiliaries
    skipped) is the subject in such reporting, and its coordinated family comes with it.
    """
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "attacked and burned": the first verb's
        verb = verb.head
    if verb.tag_ not in FINITE_TAGS or verb.dep_ != "ROOT":
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return []
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in SUBJECT_SKIPS:
        i -= 1
    if i < verb.sent.start or verb.doc[i].pos_ not in ("NOUN", "PROPN"):
        return []
    token = verb.doc[i]
    while token.dep_ == "conj" and token.head != token and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return expand_conj(token)


def expand_conj(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("France and Mali")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(expand_conj(child))
    return out


def _subject_roles(verb: Token, depth: int) -> Roles:
    roles = Roles()
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and _act_noun(child):
            roles.sources.extend(act_doers(child))  # "an airstrike by the air force killed 11"
        elif child.dep_ in ("nsubj", "csubj"):
            roles.sources.extend(expand_conj(_relative_antecedent(child)))
        elif child.dep_ == "nsubjpass":
            roles.targets.extend(expand_conj(_relative_antecedent(child)))
        elif child.dep_ == "agent":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                roles.sources.extend(expand_conj(pobj))
    if not roles.sources and not roles.targets:
        roles.sources.extend(c for c in verb.children if c.dep_ == "advcl" and misparsed_name(c))
    if roles.sources or roles.targets or depth >= MAX_CLIMB:
        return roles
    return _borrowed_roles(verb, depth)


def _act_noun(token: Token) -> bool:
    """An attack noun as a verb's subject ("an airstrike killed 11", "the bombing hit a market")."""
    label = load_lexicon().noun(token.lemma_)
    return label is not None and label.type == "ASSAULT"


def subject_act_mode(verb: Token) -> str | None:
    """The mode an attack noun subject gives its verb ("an airstrike killed 11": aerial)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and _act_noun(child):
            label = load_lexicon().noun(child.lemma_)
            return label.mode if label is not None else None
    return None


def act_doers(noun: Token) -> list[Token]:
    """Who carried out the act a noun names: "by the air force", "the air force's airstrike", "a Malian
    air force airstrike" (its modifiers that are actors, compounds and demonyms read by the caller)."""
    agents = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by"
              for p in prep.children if p.dep_ == "pobj"]
    if agents:
        return [t for a in agents for t in expand_conj(a)]
    return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "NOUN", "ADJ")]


def misparsed_name(token: Token) -> bool:
    """A sentence-initial acronym the tagger read as a verb ("ECOWAS heads of state, meeting in
    Abuja, condemned ..."): in news prose an all-capitals word opening a sentence is a name."""
    return (token.i == token.sent.start and token.pos_ == "VERB" and token.text.isupper()
            and len(token.text) > 2 and token.text.isalpha())


def _borrowed_roles(verb: Token, depth: int) -> Roles:
    """Roles from up the tree when the verb has no subject of its own."""
    head, dep = verb.head, verb.dep_
    if head == verb:
        return Roles()
    if misparsed_name(head) and dep in ("advcl", "acl"):
        return Roles(sources=[head])  # "ECOWAS heads of state, meeting in Abuja": the name's people meet
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if verb.tag_ == "VBN":  # "a group accused of torture": the noun underwent it
            return Roles(targets=expand_conj(head))
        if verb.tag_ == "VBG":  # "gunmen riding motorbikes"
            return Roles(sources=expand_conj(head))
        if verb.tag_ in FINITE_TAGS:  # a misparsed predicate: "X, the main party, called for a strike"
            return Roles(sources=expand_conj(_appositive_head(head)))
        return _noun_owner_roles(head, depth)  # "plans to draw down"
    if dep == "relcl":
        return Roles(sources=expand_conj(head))
    if dep == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() not in INSTRUMENT_VERBS:  # object control: "urged the Kremlin to aid"
            return Roles(sources=expand_conj(objs[0]))
        inherited = _subject_roles(head, depth + 1)
        return Roles(sources=inherited.sources + inherited.targets)  # "is set to deploy"
    if dep == "advcl" and _is_infinitive(verb):  # "went to the street to protest": the goers protest
        inherited = _subject_roles(head, depth + 1)
        return Roles(sources=inherited.sources)
    if dep == "pcomp":
        accused = _accused_doer(verb)
        if accused:  # "accuses Norland of arming the rebels": Norland armed them
            return Roles(sources=accused)
    reported = _reported_clause(head) if dep == "conj" else None
    if reported is not None:
        # "were arrested, police said, and charged": the verb continues the reported clause
        return _subject_roles(reported, depth + 1)
    if dep in ("conj", "advcl", "pcomp", "prep"):
        inherited = _subject_roles(head, depth + 1)
        if dep == "conj" and _own_passive(verb) and not inherited.targets:
            # "resigned and was arrested": the first verb's doer undergoes the second
            return Roles(targets=inherited.sources)
        if dep == "conj" and _shares_passive(verb, head):
            return inherited  # "was arrested in Vell and extradited to Karesia": both done to him
        if dep == "conj" and _is_active(verb):
            # "was estimated to have 425 fighters and has claimed ...": the subject acts here
            return Roles(sources=inherited.sources + inherited.targets)
        if dep == "conj" or verb.tag_ == "VBG" or verb.pos_ == "ADP":
            return inherited  # "after meeting X": through the preposition to the clause's subject
    return Roles()


def _appositive_head(noun: Token) -> Token:
    """"Karesia Forward, the main opposition party": the name the description stands beside."""
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN") else noun


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


INSTRUMENT_VERBS = {"use", "employ", "utilize", "utilise", "wield"}
"""Verbs whose object is the means, not the doer: "used rifles to kill 17 people"."""
REPORTING_VERBS = {"say", "report", "tell", "add", "state", "announce", "confirm", "claim", "write", "note"}


def _reported_clause(head: Token) -> Token | None:
    """The clause a parenthetical reporting verb ("..., police said, and ...") was parsed as governing."""
    if head.lemma_.lower() not in REPORTING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)


def _shares_passive(verb: Token, head: Token) -> bool:
    """A bare conjoined verb after a passive one shares its auxiliary (tagged VBD or VBN alike)."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in {c.dep_ for c in head.children} and not deps & {"aux", "auxpass", "dobj", "nsubj"}


def _own_passive(verb: Token) -> bool:
    """A conjoined verb with its own passive auxiliary ("... and was arrested")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _is_active(verb: Token) -> bool:
    """A conjoined verb with its own non-passive auxiliary ("has claimed") is active."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" not in deps and ("aux" in deps or verb.tag_ in ("VBD", "VBZ", "VBP", "VBG"))


def _noun_owner_roles(noun: Token, depth: int) -> Roles:
    """The subject of the verb a noun depends on ("announcing plans to ...")."""
    verb = noun.head
    if verb == noun or verb.pos_ not in ("VERB", "AUX"):
        return Roles()
    inherited = _subject_roles(verb, depth + 1)
    return Roles(sources=inherited.sources)


def _relative_antecedent(token: Token) -> Token:
    """"which"/"who" as subject of a relative clause stands for the noun the clause modifies."""
    if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _verb_objects(trigger: Trigger) -> list[Token]:
    """Targets of a verb trigger: the direct object (unless it is the light object) and prep objects."""
    out: list[Token] = []
    holders = [trigger.head] + ([trigger.obj] if trigger.obj is not None else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "dobj" and child != trigger.obj and holder == trigger.head:
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ == "to" and trigger.label.mode == "deport":
                continue  # "extradited to the US": the destination, not the one removed
            elif child.dep_ in ("prep", "dative") and (child.lower_ in TARGET_PREPS or _taken_from(trigger, child)
                                                       or _patient_of(trigger, holder, child)):
                out.extend(c for c in child.children if c.dep_ == "pobj")
    if trigger.head.lemma_.lower() in ARRIVAL_VERBS:  # "arrived in Karesia": the host country
        out.extend(p for prep in trigger.head.children if prep.dep_ == "prep" and prep.lower_ == "in"
                   for p in prep.children if p.dep_ == "pobj")
    out.extend(_named_culprits(trigger))
    if trigger.head.lemma_.lower() in TAKING_VERBS or trigger.head.lemma_.lower() in HOSTING_VERBS:
        # "seized 5 tricycles from farmers"; "received a delegation from Norland": the other party
        for obj in (c for c in trigger.head.children if c.dep_ == "dobj"):
            out.extend(p for prep in obj.children if prep.lower_ == "from"
                       for p in prep.children if p.dep_ == "pobj")
    # "On 14 September, X attacked": a date is no target
    return [t for t in out if t != trigger.obj and t.ent_type_ not in ("DATE", "TIME")]


ARRIVAL_VERBS = {"arrive", "land"}
HOSTING_VERBS = {"receive", "host", "welcome"}


def _named_culprits(trigger: Trigger) -> list[Token]:
    """"calling the reports a campaign by France": the criticised one is the agent in the label."""
    if trigger.label.type != "ACCUSE":
        return []
    labels = [c for c in trigger.head.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    return [p for lab in labels for prep in lab.subtree if prep.dep_ == "prep" and prep.lower_ == "by"
            for p in prep.children if p.dep_ == "pobj"]


def _patient_of(trigger: Trigger, holder: Token, prep: Token) -> bool:
    """"ordered the arrest of two reporters": who undergoes the event noun a support verb takes."""
    return holder is trigger.obj and prep.lower_ == "of" and holder.lemma_.lower() in PATIENT_NOUNS


TAKING_VERBS = {"seize", "steal", "rob", "loot", "confiscate", "take", "grab", "extort", "snatch",
                "abduct", "kidnap", "rustle"}


def _taken_from(trigger: Trigger, prep: Token) -> bool:
    """"seized livestock from herders": whoever something is taken from is the target."""
    return prep.lower_ == "from" and trigger.head.lemma_.lower() in TAKING_VERBS


def _noun_roles(trigger: Trigger) -> Roles:
    noun = trigger.head
    roles = Roles()
    if trigger.kind == "agent":  # "demonstrators in Vell urged ...": the protesters protest
        return Roles(sources=expand_conj(noun))
    for child in noun.children:
        if child.dep_ == "poss" and noun.lemma_.lower() in PATIENT_NOUNS:
            roles.targets.extend(expand_conj(child))  # "El Chapo's arrest": he was arrested
        elif child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and _is_actor_modifier(child)):
            roles.sources.extend(expand_conj(child))
        elif child.dep_ == "prep" and (child.lower_ == "by" or (
                child.lower_ == "from" and trigger.label.type in ("REQUEST", "AGREE"))):
            roles.sources.extend(c for c in child.children if c.dep_ == "pobj")  # "requests from the AU"
        elif child.dep_ == "prep" and child.lower_ == "between":  # "clashes between A and B"
            sides = [t for pobj in child.children if pobj.dep_ == "pobj" for t in expand_conj(pobj)]
            roles.sources.extend(sides[:1])
            roles.targets.extend(sides[1:])
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                roles.targets.extend(expand_conj(pobj))
    if noun.dep_ in ("nsubj", "nsubjpass") and not roles.sources:
        # "a clash was reported between farmers and herders": the sides hang from the verb
        for prep in (c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"):
            sides = [t for pobj in prep.children if pobj.dep_ == "pobj" for t in expand_conj(pobj)]
            roles.sources.extend(sides[:1])
            roles.targets.extend(sides[1:])
    roles.targets.extend(_target_of_copula(noun))
    if not roles.sources:
        roles.sources.extend(_accused_of(noun))
    if trigger.label.type == "PROTEST":
        roles.targets.extend(p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in PROTEST_SITES
                             for p in prep.children if p.dep_ == "pobj")
        if not roles.sources:
            roles.sources.extend(_detained_protesters(noun))
    return roles


PROTEST_SITES = {"outside", "before"}
"""A protest "outside the ministry" is aimed at the ministry (a place named there stays the place)."""
DISPERSING_VERBS = {"arrest", "detain", "disperse", "beat", "tear-gas", "teargas", "charge", "round",
                    "apprehend", "shoot", "kill", "injure", "wound", "hold"}
DURING_PREPS = {"after", "during", "at", "following", "in"}


def _detained_protesters(noun: Token) -> list[Token]:
    """"Police detained 14 students after a sit-in": those detained at a protest held it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in DURING_PREPS:
        return []
    verb = prep.head
    if verb.lemma_.lower() not in DISPERSING_VERBS:
        return []
    return [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in expand_conj(c)]


PATIENT_NOUNS = {"arrest", "capture", "detention", "killing", "murder", "assassination", "execution",
                 "kidnapping", "abduction", "release", "conviction", "extradition", "expulsion", "ouster",
                 "overthrow", "imprisonment", "torture", "beheading", "deportation", "sentencing", "lynching"}
"""Event nouns whose possessor underwent the event ("Keita's ouster", "El Chapo's 2014 arrest")."""
ACCUSATION_VERBS = {"accuse", "suspect", "charge", "convict", "blame", "implicate"}


def _accused_doer(gerund: Token) -> list[Token]:
    """"accused X of arming", "X was accused of arming", "a group accused of arming": X."""
    prep = gerund.head
    if prep.lower_ not in ("of", "for") or prep.head == prep:
        return []
    verb = prep.head
    if verb.lemma_.lower() not in ACCUSATION_VERBS:
        return []
    if verb.dep_ == "acl":
        return expand_conj(verb.head)
    accused = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return expand_conj(accused[0]) if accused else []


def _accused_of(noun: Token) -> list[Token]:
    """"the militia is accused of torture" / "accused the militia of torture": the militia did it."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for"):
        return []
    verb = prep.head
    if verb.lemma_.lower() not in ACCUSATION_VERBS:
        return []
    if verb.dep_ == "acl":  # "a group accused of torture"
        return expand_conj(verb.head)
    accused = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return expand_conj(accused[0]) if accused else []


def _is_actor_modifier(token: Token) -> bool:
    """Proper-noun compounds and demonym adjectives can be actors; "security" in "security deal" not."""
    return token.pos_ == "PROPN" or (token.pos_ == "ADJ" and token.text[:1].isupper())


def _target_of_copula(noun: Token) -> list[Token]:
    """"X has been the target of sanctions": X is the target of the noun's event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return []
    holder = prep.head
    if holder.lemma_.lower() not in ("target", "victim", "subject", "object"):
        return []
    verb = holder.head
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]

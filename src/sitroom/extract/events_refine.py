"""Context rules that change or cancel a verb trigger's lexicon label.

The lexicon gives a verb's usual PLOVER reading; news and analysis prose uses many of the same
verbs in other senses. Each rule below looks at the verb's own dependents only:

* ``capture`` of people is an arrest (COERCE), of a town an attack (ASSAULT);
* ``execute`` a plan, ``release`` a report, ``demonstrate`` that ...: no event;
* ``attack`` a policy or someone *for* something is verbal criticism (ACCUSE/disapprove);
  ``fight`` corruption or ``fight for`` rights is no violence;
* ``take over`` is a seizure only of a place, a facility or power (not of a company);
* ``warn`` is a threat only with a threat in it (consequences, sanctions, "it would respond", the
  warner's own interests); "warned that prices would rise" is a prediction, a claim;
* an accusation with no accuser ("is accused of", "a man accused of") is no ACCUSE event: it is
  an allegation, and the act alleged is the event (alleged modality);
* ``host`` talks restates the meeting, which is coded once;
* ``order`` someone to leave is an expulsion (SANCTION/expel); ``arrive`` is coded by who arrives
  (pseudo-type ARRIVE, decided in :mod:`sitroom.extract.events` once the actors are known);
* a negated acceptance ("would never accept", "did not agree to") is a REJECT;
* working or patrolling ``alongside`` someone is COOPERATE;
* ``call``/``describe``/``brand`` something a pejorative ("called the sanctions illegal") is ACCUSE;
* ``beat`` is violence only against people ("beating a rival bid" is winning);
* ``ask`` is a REQUEST only of someone, to do something or for something ("asked Algeria to host
  talks"), not "asked not to be named" or "asked whether ...";
* ``propose`` is an offer (AGREE) only of something ("proposed a prisoner exchange"), not of a
  plan of one's own ("proposed to stay in power");
* ``search`` is a forced search (COERCE/seize) only of homes, vehicles and other premises;
* rejecting a charge is a denial also when the charge is the noun the clause modifies ("a charge the
  government rejected");
* "position(s)" attacked are military positions unless someone's position on something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.events_lexicon import Label

if TYPE_CHECKING:
    from spacy.tokens import Token

ARRIVE = "ARRIVE"
"""Pseudo-type: arriving troops are a deployment, an arriving official a visit (events.py decides)."""

HUMAN_NOUNS = {
    "people", "person", "man", "men", "woman", "women", "child", "member", "leader", "suspect", "boss",
    "kingpin", "trafficker", "smuggler", "militant", "rebel", "fighter", "soldier", "officer", "agent",
    "civilian", "hostage", "prisoner", "individual", "commander", "chief", "head", "journalist", "worker",
    "student", "gang", "gunman", "jihadist", "insurgent", "terrorist", "criminal", "fugitive", "brother",
    "son", "daughter", "father", "wife", "husband", "sister", "mother", "mayor", "official", "policeman",
    "citizen", "national", "migrant", "activist", "opponent", "detainee", "inmate", "captive", "abductee",
    "villager", "resident", "farmer", "herder", "teacher", "nurse", "doctor", "priest", "imam", "trader",
    "colleague", "neighbour", "neighbor", "boy", "girl",
    "delegate", "delegation", "visitor", "guest", "participant", "representative", "envoy", "diplomat",
    "minister", "president", "couple", "employee", "staff", "crew", "tourist", "pilgrim", "refugee",
}
"""Heads of noun phrases naming people (for capture, execute, release)."""
HUMAN_PRONOUNS = {"him", "her", "them", "he", "she", "they", "us", "me", "who", "whom"}
PEOPLE_QUANTIFIERS = {"all", "both", "some", "several", "many", "most", "others", "few", "none"}
"""Pronoun-like quantifiers standing for people just named ("All were released")."""
TERRITORY_NOUNS = {
    "town", "city", "village", "base", "camp", "territory", "area", "region", "building", "palace",
    "airport", "station", "port", "mine", "checkpoint", "prison", "government", "power", "control",
    "ministry", "parliament", "radio", "television", "broadcaster", "district", "province", "capital",
    "outpost", "post", "barracks", "garrison", "position", "headquarters", "compound", "road", "bridge",
    "border", "crossing", "locality", "commune", "hill", "island", "city hall", "presidency", "country",
}
"""Objects whose taking over is a seizure (COERCE/seize)."""
ABSTRACT_TARGETS = {
    "failure", "policy", "plan", "decision", "proposal", "record", "remark", "comment", "stance", "handling",
    "budget", "bill", "law", "idea", "claim", "speech", "approach", "reform", "strategy", "move", "report",
    "statement", "view", "attitude", "tax", "measure", "response", "performance", "leadership",
    "management", "rule", "ruling", "scheme", "programme", "program", "manifesto", "vision", "pledge",
    "promise", "deal", "agreement", "spending", "cut", "increase", "rise", "level", "decline", "lack",
}
OPINION_POSITION = {"position", "stance"}
""""attacked army positions" is an assault; "attacked the minister's position on tax" criticism."""
"""Objects that make "attack" verbal criticism: nobody shoots at a policy."""
ABSTRACT_FIGHTS = {
    "corruption", "crime", "poverty", "wrongdoing", "inflation", "disease", "impunity", "trafficking",
    "extremism", "fraud", "evasion", "climate", "unemployment", "case", "charge", "election", "seat",
    "law", "ban", "decision", "ruling", "plan", "proposal", "bill", "lawsuit", "extradition", "addiction",
    "cancer", "fire", "hunger", "illiteracy", "racism", "discrimination", "abuse", "drug", "crisis",
    "battle", "cause", "recession", "deficit", "deportation", "eviction", "claim", "takeover", "bid",
    "money", "laundering", "smuggling", "piracy", "spam", "virus", "malaria", "aids", "obesity",
    "terror", "terrorism", "immigration", "insecurity", "violence", "criminality", "delinquency",
    "activity", "extortion", "kidnapping", "homicide", "graft", "bribery",
}
"""Objects of "fight"/"battle"/"combat" that are problems or disputes, not armed opponents."""
THREAT_WORDS = {
    "consequence", "repercussion", "retaliation", "reprisal", "sanction", "action", "measure", "response",
    "punishment", "war", "retaliate", "respond", "punish", "strike", "attack", "step", "expel", "expulsion", "suspend", "cut", "sever", "embargo", "blockade", "ultimatum", "react",
}
"""Words that make a warning a threat (PLOVER THREATEN) rather than a prediction."""
SELF_PRONOUNS = {"it", "its", "they", "their", "we", "our", "us", "he", "his", "she", "her", "i", "my"}
PREDICTION_OBJECTS = {"crisis", "famine", "shortage", "risk", "danger", "rise", "increase", "fall",
                      "collapse", "slowdown", "recession", "outbreak", "spread", "return", "surge"}
MEETING_NOUNS = {"talk", "meeting", "summit", "conference", "negotiation", "discussion", "forum",
                 "dialogue", "session", "event", "gathering", "round", "visit"}
LEAVE_VERBS = {"leave", "depart", "quit", "exit", "go"}
ACCEPT_VERBS = {"accept", "recognise", "recognize", "agree", "allow", "tolerate", "approve", "negotiate"}
ALONGSIDE_VERBS = {"work", "operate", "serve", "patrol", "train", "cooperate", "collaborate", "deploy"}
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "dub", "denounce", "characterise", "characterize"}
PEJORATIVES = {
    "illegal", "illegitimate", "inhumane", "inhuman", "unjust", "unacceptable", "unfair", "shameful",
    "criminal", "lie", "propaganda", "provocation", "fabrication", "smear", "violation", "betrayal",
    "aggression", "interference", "blackmail", "hypocrisy", "disgrace", "outrage", "outrageous",
    "terrorist", "absurd", "baseless", "false", "fake", "discredit", "destabilise", "destabilize",
    "hostile", "racist", "irresponsible", "reckless", "unlawful", "illegally", "barbaric", "cowardly",
    "scandalous", "disgraceful", "unconstitutional", "campaign", "plot", "conspiracy", "attack", "insult",
    "mistake", "failure", "farce", "sham", "fraud", "coup", "crime", "genocide", "massacre", "occupation",
    # naming an act by a crime ("called the arrests a kidnapping") accuses whoever did it
    "kidnapping", "abduction", "murder", "theft", "piracy", "terrorism", "robbery", "persecution",
    "harassment", "invasion", "annexation", "hostage", "assassination",
}
"""Words that make naming something ("called the sanctions illegal") a criticism."""
DENIED_CLAIMS = {"claim", "report", "allegation", "accusation", "suggestion", "rumour", "rumor", "charge",
                 "denial", "assertion", "account", "story", "criticism", "speculation", "assessment",
                 "characterisation", "characterization", "finding", "conclusion", "statement", "notion"}
"""Objects that make "reject"/"dismiss" a denial: claims step territory, not a PLOVER REJECT."""


def refine_verb_label(verb: Token, lemma: str, label: Label) -> Label | None:
    """The label this verb has in its sentence (``None``: no event here)."""
    rule = _RULES.get(lemma)
    return rule(verb, label) if rule is not None else label


def special_verb_label(verb: Token, lemma: str) -> tuple[Label, list[Token]] | None:
    """Verb readings the lexicon has no entry for, with the extra trigger tokens they consume."""
    if lemma == "order":
        leave = _child(verb, ("xcomp",), LEAVE_VERBS)
        if leave is not None and _child(verb, ("dobj",)) is not None:
            return Label("SANCTION", "expel"), [leave]
    if lemma in ACCEPT_VERBS and _negated(verb):
        return Label("REJECT"), [n for n in verb.children if n.dep_ == "neg"]
    if lemma in ALONGSIDE_VERBS:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "alongside"), None)
        if prep is not None:
            return Label("COOPERATE"), [prep]
    if lemma in NAMING_VERBS and _names_pejoratively(verb):
        return Label("ACCUSE", "disapprove"), []
    if lemma in ("arrive", "land"):
        return Label(ARRIVE), []
    return None


def _child(verb: Token, deps: tuple[str, ...], lemmas: set[str] | None = None) -> Token | None:
    for child in verb.children:
        if child.dep_ in deps and (lemmas is None or child.lemma_.lower() in lemmas):
            return child
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children)


def _object(verb: Token) -> Token | None:
    """The patient: direct object, passive subject, or the noun a participle modifies."""
    found = _child(verb, ("dobj", "nsubjpass"))
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = verb.head  # "the members captured in the raid"
    if found is not None and found.pos_ == "NUM":
        of = next((p for c in found.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
        found = of or found
    return found


def is_human(token: Token) -> bool:
    """Does this noun phrase head name people?"""
    if token.lower_ in HUMAN_PRONOUNS or token.ent_type_ in ("PERSON", "NORP"):
        return True
    if token.pos_ in ("PRON", "DET", "NUM") and (token.lower_ in PEOPLE_QUANTIFIERS or token.like_num):
        return True  # "All were released", "three were freed"
    lemma = token.lemma_.lower()
    if lemma in HUMAN_NOUNS or token.lower_ in HUMAN_NOUNS:
        return True
    return lemma.endswith(("ist", "er")) and token.pos_ == "NOUN" and lemma not in ABSTRACT_TARGETS


def _capture(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is None:
        return label
    if is_human(obj):
        return Label("COERCE", "arrest")
    if obj.lemma_.lower() in TERRITORY_NOUNS or obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.pos_ == "PROPN":
        return label
    return None  # "to capture the European market", "captured the imagination"


def _protest(verb: Token, label: Label) -> Label | None:
    if _child(verb, ("ccomp",)) is not None:
        return Label("ACCUSE", "disapprove")  # "firms have protested that the laws are too costly"
    return label


def _execute(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is not None and not is_human(obj):
        return None  # "execute a plan", "the order was executed"
    return label


def _release(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is None or is_human(obj) or obj.lemma_.lower() in ("hostage", "prisoner", "detainee"):
        return label
    return None  # "released a report", "videos released by"


def _demonstrate(verb: Token, label: Label) -> Label | None:
    if _child(verb, ("ccomp", "dobj")) is not None:
        return None  # "the figures demonstrate that", "demonstrated its strength"
    subject = _child(verb, ("nsubj",))
    if subject is not None and subject.pos_ == "NOUN" and not is_human(subject) and subject.ent_type_ == "":
        return None  # "the case demonstrates how ..."
    return label


def _attack(verb: Token, label: Label) -> Label | None:
    if _for_reason(verb):
        return Label("ACCUSE", "disapprove")  # "attacked the EC for backing down"
    obj = _child(verb, ("dobj",))
    if obj is not None and (obj.lemma_.lower() in ABSTRACT_TARGETS or _quoted(obj) or _opinion_position(obj)):
        return Label("ACCUSE", "disapprove")  # "attacked the government's failure"
    return label


def _opinion_position(obj: Token) -> bool:
    """"the minister's position on tax" (an opinion), not "army positions" (a place held by force)."""
    if obj.lemma_.lower() not in OPINION_POSITION:
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("on", "regarding")) for c in obj.children)


def _for_reason(verb: Token) -> bool:
    """"... X for backing down": a "for" phrase giving a reason (a gerund) marks criticism."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        if any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.tag_ == "VBG") for c in prep.children):
            return True
    return False


def _quoted(token: Token) -> bool:
    return any(t.text in ('"', "\u201c", "\u201d") for t in token.subtree)


def _fight(verb: Token, label: Label) -> Label | None:
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) and _child(verb, ("dobj",)) is None:
        return None  # "fighting for their rights"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                for p in c.children if p.dep_ == "pobj"]
    if any(_abstract_fight(o) for o in objects):
        return None  # "fight corruption", "fighting against corporate wrongdoing"
    return label


def _abstract_fight(obj: Token) -> bool:
    words = {obj.lemma_.lower(), obj.lower_} | {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    return bool(words & ABSTRACT_FIGHTS)


def _take_over(verb: Token, label: Label) -> Label | None:
    obj = _child(verb, ("dobj",))
    if obj is None:
        return None  # "civilian forces must take over": take over a task
    if obj.lemma_.lower() in TERRITORY_NOUNS or obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return label
    return None


def _warn(verb: Token, label: Label) -> Label | None:
    threat_in = [c for c in verb.children if c.dep_ in ("ccomp", "prep", "xcomp", "dobj", "advcl")]
    for child in threat_in:
        own = _own_clause(child)
        if {t.lemma_.lower() for t in own} & THREAT_WORDS:
            return label  # "warned of heavy consequences", "warned that it would respond"
        if child.dep_ in ("ccomp", "advcl") and {t.lower_ for t in own} & SELF_PRONOUNS:
            return label  # "warned that hiring them would be incompatible with its mission"
    if any(c.dep_ in ("ccomp", "prep", "xcomp") for c in verb.children):
        return None  # "warned that smuggling would rise", "warned against the changes"
    obj = _child(verb, ("dobj",))
    if obj is not None and obj.ent_type_ not in ("GPE", "ORG", "NORP"):
        return None  # "failing to warn the garrison": informing, not threatening
    return label


CONTRAST_MARKS = {"while", "whereas", "although", "though", "as"}


def _own_clause(token: Token) -> list[Token]:
    """The token's subtree without contrasting clauses tacked on ("..., while Nigeria pledged ...")."""
    skipped = {t.i for c in token.subtree if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children) for t in c.subtree}
    return [t for t in token.subtree if t.i not in skipped]


def _blame(verb: Token, label: Label) -> Label | None:
    """"blamed the cuts on poor returns", "blamed the strength of the euro": a cause, nobody accused."""
    obj = _child(verb, ("dobj",))
    # "blamed the attack in Vell on the Volkov Group": the parser may hang "on" from the object
    on = [p for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
    if obj is not None and not _accusable(obj) and not any(_accusable(p) for p in on):
        return None
    return _accuse(verb, label)


def _accusable(token: Token) -> bool:
    return is_human(token) or token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") \
        or token.lemma_.lower() in COLLECTIVE_ACTORS


COLLECTIVE_ACTORS = {"government", "army", "police", "force", "group", "gang", "cartel", "ministry", "party",
                     "regime", "junta", "administration", "authority", "state", "country", "rebel", "militia"}


def _accuse(verb: Token, label: Label) -> Label | None:
    """No accuser, no ACCUSE event: "is accused of" is an allegation about the accused act."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    if passive and not has_agent:
        return None
    if any(c.dep_ == "det" for c in verb.children):
        return None  # "one of the accused": the accused persons
    return label


def _host(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is not None and obj.lemma_.lower() in MEETING_NOUNS:
        return None  # "the talks are hosted by Niger": the meeting is the event
    return label


def _reject(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is None and verb.dep_ == "relcl":
        obj = verb.head  # "a charge the government rejected"
    if obj is not None and obj.lemma_.lower() in DENIED_CLAIMS:
        return None  # "rejected claims that the movement had split": a denial, i.e. a claim
    return label


def _mutual(verb: Token, label: Label) -> Label | None:
    """"train"/"trade" are cooperation only with a partner or an object ("shares start trading": none)."""
    if _child(verb, ("dobj",)) is None and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "alongside") for c in verb.children):
        return None
    return label


def _welcome(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is not None and is_human(obj):
        return None  # "due to welcome delegates to the conference": hosting them
    return label


def _names_pejoratively(verb: Token) -> bool:
    if _child(verb, ("dobj",)) is None:
        return False
    parts = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "acomp")]
    return any(t.lemma_.lower() in PEJORATIVES or t.lower_ in PEJORATIVES for p in parts for t in p.subtree)


def _beat(verb: Token, label: Label) -> Label | None:
    obj = _object(verb)
    if obj is not None and not is_human(obj):
        return None  # "beating a rival bid", "beat expectations", "beat the deadline"
    return label


def _ask(verb: Token, label: Label) -> Label | None:
    """"asked Algeria to host talks", "asked the AU for troops"; not "asked not to be named"."""
    content = _child(verb, ("xcomp", "ccomp"))
    if content is not None and (_negated(content) or content.dep_ == "ccomp"):
        return None  # "asked not to be named", "asked whether the talks would resume": no demand
    asked_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    if content is None and not asked_for:
        return None  # "asked about the ceasefire", "when asked"
    return label


def _propose(verb: Token, label: Label) -> Label | None:
    """"proposed a prisoner exchange" offers something; "proposed to stay in power" is a plan."""
    return label if _child(verb, ("dobj", "nsubjpass")) is not None else None


SEARCHED_PLACES = {"home", "house", "village", "vehicle", "car", "truck", "building", "office", "compound",
                   "premise", "premises", "shop", "market", "church", "mosque", "school", "residence",
                   "headquarters", "camp", "bus", "passenger", "traveller", "traveler"}


def _search(verb: Token, label: Label) -> Label | None:
    obj = _child(verb, ("dobj", "nsubjpass"))
    if obj is None or obj.lemma_.lower() not in SEARCHED_PLACES and obj.lower_ not in SEARCHED_PLACES:
        return None  # "searched for survivors", "searched the archives"
    return label


_RULES = {
    "capture": _capture, "protest": _protest, "execute": _execute, "release": _release, "free": _release,
    "demonstrate": _demonstrate, "attack": _attack, "fight": _fight, "battle": _fight,
    "warn": _warn, "accuse": _accuse, "reject": _reject,
    "train": _mutual, "trade": _mutual, "welcome": _welcome, "blame": _blame, "host": _host,
    "beat": _beat, "ask": _ask, "search": _search, "propose": _propose,
}


def take_over_label(verb: Token, label: Label) -> Label | None:
    """The phrasal "take over" under the same object rule (see :func:`_take_over`)."""
    return _take_over(verb, label)


ABUSE_SENSES = {"against", "on", "by", "of"}
NON_EVENT_HEADS = {"warrant", "charge", "record", "rate", "figure", "statistic", "victim", "case", "law",
                   "rule", "policy", "unit", "squad", "helicopter", "rifle", "weapon", "group", "movement",
                   "leader", "room", "zone", "site", "scene", "threat", "risk", "fear", "level", "season"}
"""Nouns an event noun may modify without being an event itself ("arrest warrants", "attack helicopter")."""


def plausible_noun_event(noun: Token) -> bool:
    """False for event nouns used as modifiers or in a non-event sense."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in NON_EVENT_HEADS:
        return False  # "arrest warrants", "kidnapping victims", "protest movement"
    if noun.lemma_.lower() == "abuse":
        return _violent_abuse(noun)
    if noun.lemma_.lower() == "release" and any(c.lower_ in ("press", "news") for c in noun.children):
        return False  # "a Europol press release"
    if noun.lemma_.lower() == "demonstration" and any(
            p.dep_ == "pobj" and not is_human(p) for c in noun.children if c.lower_ == "of" for p in c.children):
        return False  # "a demonstration of the state's weakness": a showing, not a protest
    return True


def _violent_abuse(noun: Token) -> bool:
    """"abuses against civilians", "rights abuses" are violence; "abuse of authority", "drug abuse" not."""
    if any(c.lemma_.lower() in ("right", "rights", "human") for c in noun.children if c.dep_ in ("compound", "amod")):
        return True
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ABUSE_SENSES):
        if prep.lower_ != "of" or any(is_human(p) for p in prep.children if p.dep_ == "pobj"):
            return True
    return False

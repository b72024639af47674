"""Verb readings that crime and security reporting gets wrong: which object makes a verb an event.

Found by reading the pipeline's events on organised-crime reporting. Each rule looks at the verb's
own dependents and keeps, changes or cancels the lexicon label (``None``: no event):

* ``overthrow``/``oust``/``topple`` a government or a ruler is a coup; "overthrew a law" is not;
* ``withdraw`` cash, a bid or a complaint is no retreat;
* ``kill`` animals, ``burn``/``destroy`` seized drugs or drug crops: no violence against anyone
  (destroying drugs, labs or crops is the state's crackdown: COERCE);
* ``offer``/``promise``/``agree`` in their everyday senses ("offers a rare insight", "promises to be
  difficult", "analysts agree that ...") are no AGREE;
* ``aid``/``arm`` a business or oneself is no AID ("laws that aid the trade", "arming themselves");
* ``attack`` a crime or a problem is fighting it, not violence;
* a police ``raid`` on premises with no violence told is a search and seizure (COERCE/seize);
* ``explode`` is a blast only when a bomb, device or vehicle explodes ("exploded onto the scene");
* ``dismantle``/``take down``/``break up`` a gang, network or lab is a crackdown (COERCE);
* ``charge`` someone *with* a crime (or *on* charges) is a formal accusation (ACCUSE/allege);
* ``transfer`` a prisoner *to* a prison is detention (COERCE/arrest);
* ``intercept`` drugs, a shipment or a vessel is a seizure;
* plural event nouns that are figures ("seizures rose", "a rise in kidnappings", "executions were
  recorded") are statistics, no events (:func:`is_statistic`);
* ``offer`` a reward is an appeal; ``back``/``support`` a claim, or evidence backing something, is
  corroboration; ``pledge that`` a fact is an assurance; ``appeal to voters`` attracts them;
* ``kill`` pain or a bill is no violence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extract.events_lexicon import Label
from sitroom.extract.events_refine import ABSTRACT_FIGHTS, is_human

if TYPE_CHECKING:
    from spacy.tokens import Token

RULERS = {
    "government", "regime", "junta", "president", "leader", "ruler", "monarchy", "king", "queen",
    "administration", "cabinet", "dictator", "dictatorship", "prime", "minister", "emperor", "sultan",
    "emir", "premier", "governor", "mayor", "council", "authority", "state",
}
"""Objects whose overthrow is a coup."""
ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
WITHDRAWN_THINGS = {
    "cash", "money", "fund", "saving", "deposit", "bid", "candidacy", "candidature", "application",
    "complaint", "lawsuit", "suit", "nomination", "name", "motion", "amendment", "bill", "offer",
    "proposal", "request", "petition", "appeal", "statement", "comment", "remark", "product", "licence",
    "license", "permit", "accreditation", "certification", "card", "ticket", "membership",
}
"""Objects of "withdraw" that are no forces: taking back money or a motion is no retreat."""
ANIMALS = {
    "animal", "shark", "bird", "elephant", "rhino", "rhinoceros", "cattle", "cow", "livestock", "dog",
    "fish", "turtle", "tiger", "lion", "goat", "sheep", "camel", "horse", "donkey", "pig", "chicken",
    "wildlife", "whale", "dolphin", "monkey", "parrot", "jaguar", "deer", "bee", "insect", "rat",
}
DRUGS = {"drug", "narcotic", "cocaine", "heroin", "marijuana", "cannabis", "opium", "poppy", "coca",
         "methamphetamine", "fentanyl", "meth", "illicit", "illegal"}
CONTRABAND = DRUGS | {"lab", "laboratory", "contraband", "fin", "precursor", "seizure", "cigarette", "pill"}
"""Goods a state destroys after seizing them: a crackdown, not violence."""
CROPS = {"crop", "plantation", "field", "plant", "bush", "hectare", "acre", "ton", "tonne", "kilogram", "kilo"}
"""Crops and measures that are contraband only with a drug named ("poppy fields", "tons of coca")."""
DESTROYERS = {"destroy", "burn", "incinerate", "torch"}
NON_OFFERS = {
    "insight", "glimpse", "view", "look", "picture", "example", "lesson", "explanation", "perspective",
    "clue", "window", "hint", "expertise", "service", "advantage", "opportunity", "alternative",
    "collateral", "idea", "sense", "reminder", "snapshot", "indication", "evidence", "proof", "detail",
    "account", "analysis", "assessment", "comment", "answer", "argument", "solution", "possibility",
    "chance", "option", "prospect", "way", "route", "path", "haven", "refuge", "cover", "incentive",
    "benefit", "profit", "return", "market", "price", "product", "job", "work", "employment", "salary",
    "wage", "condolence", "apology", "prayer", "thought", "illustration", "demonstration", "sign",
    "signal", "testament", "lens", "reading", "interpretation", "estimate", "figure", "overview",
    # a reward for information is a public appeal, not a promise to another actor
    "reward", "bounty", "prize",
}
"""Objects of "offer" in its everyday sense ("offers a rare insight", "offer local expertise")."""
OPINION_HOLDERS = {
    "analyst", "expert", "observer", "analysis", "study", "report", "researcher", "scholar", "critic",
    "commentator", "academic", "economist", "most", "many", "all", "everyone", "source", "survey",
}
"""Subjects whose agreement is shared opinion ("analysts agree that ..."), not a pact."""
BUSINESS_OBJECTS = {"business", "trade", "trafficking", "industry", "market", "economy", "activity",
                    "investigation", "process", "effort", "campaign", "work", "growth", "development"}
"""Objects of "aid"/"assist" that are activities, not actors ("laws that aid the arms trade")."""
REFLEXIVES = {"themselves", "itself", "himself", "herself", "ourselves", "yourself", "yourselves"}
LAW_ENFORCERS = {
    "police", "policeman", "policemen", "officer", "investigator", "prosecutor", "agent", "authority",
    "official", "detective", "inspector", "cop", "gendarme", "gendarmerie", "customs", "interpol",
    "europol", "dea", "fbi", "unit", "task", "ministry", "office",
}
"""Subjects whose raid is a search and seizure (unless violence is told)."""
RAIDED_PREMISES = {"office", "home", "house", "warehouse", "premise", "premises", "building", "headquarters",
                   "residence", "property", "lab", "laboratory", "apartment", "shop", "store", "bank",
                   "ranch", "farm", "estate", "hangar", "facility", "club", "bar", "hotel", "company", "firm"}
VIOLENCE_LEMMAS = {"kill", "shoot", "wound", "injure", "die", "dead", "clash", "fire", "gunfight",
                   "shootout", "firefight", "exchange", "death", "casualty", "battle", "fight"}
EXPLOSIVE_SUBJECTS = {"bomb", "device", "ied", "mine", "grenade", "car", "vehicle", "shell", "rocket",
                      "missile", "explosive", "charge", "truck", "motorcycle", "motorbike", "bus",
                      "landmine", "munition", "mortar", "dynamite", "parcel", "package", "suitcase",
                      "belt", "vest", "it", "which", "that"}
CRIMINAL_UNITS = {
    "gang", "network", "ring", "cell", "cartel", "group", "organization", "organisation", "structure",
    "lab", "laboratory", "camp", "clan", "band", "syndicate", "mafia", "faction", "operation", "route",
    "racket", "scheme", "clique", "militia", "unit", "plantation", "refinery", "workshop", "factory",
}
"""Objects whose dismantling is a crackdown on organised crime."""
CRIMES = {
    "murder", "homicide", "laundering", "trafficking", "kidnapping", "extortion", "corruption", "fraud",
    "conspiracy", "terrorism", "possession", "embezzlement", "bribery", "rebellion", "treason", "theft",
    "robbery", "smuggling", "crime", "offence", "offense", "assault", "rape", "manslaughter", "sedition",
    "espionage", "racketeering", "association", "collusion", "abuse", "torture", "genocide", "count",
    "charge", "felony", "misdemeanor", "misdemeanour", "tax", "evasion", "drug", "weapon", "arm",
    "illicit", "enrichment", "insurrection", "subversion", "desertion", "mutiny", "incitement",
}
"""What someone is charged with: a crime (not "charged with protecting the border")."""
PRISONS = {"prison", "jail", "penitentiary", "cell", "facility", "detention", "custody", "gaol",
           "lockup", "centre", "center", "penal", "colony", "complex", "compound"}
MEASURES = {"number", "quantity", "amount", "shipment", "ton", "tonne", "kilogram", "kilo", "load",
            "consignment", "cargo", "batch", "cache", "hectare", "acre", "worth"}
INTERCEPTED = CONTRABAND | {"weapon", "gun", "firearm", "ammunition", "shipment", "consignment", "cargo", "load", "vessel", "boat", "ship", "plane",
                            "aircraft", "submarine", "semi", "truck", "container", "package", "parcel"}

Rule = Callable[["Token", Label], "Label | None"]


def crime_verb_label(verb: Token, lemma: str, label: Label) -> Label | None:
    """The label after the crime-reporting rules (``None``: no event)."""
    rule = _RULES.get(lemma)
    return rule(verb, label) if rule is not None else label


def crime_phrasal_label(verb: Token, key: str, label: Label) -> Label | None:
    """"took down a trafficking ring", "broke up a cell": a crackdown only on a criminal unit."""
    if key in ("take down", "break up"):
        return label if _criminal_unit(_patient(verb)) else None
    if label.type == "RETREAT":
        return _withdraw(verb, label)  # "pulling money out of the country"
    return label


FORCE_WORDS = {"troop", "soldier", "force", "personnel", "fighter", "mercenary", "contractor", "officer",
               "police", "peacekeeper", "unit", "battalion", "military", "presence", "staff", "advisor",
               "adviser", "instructor", "marine", "guard", "trainer", "boot"}


def crime_light_label(verb: Token, obj: Token, label: Label) -> Label | None:
    """Light-verb pairs whose object phrase says they are not the act ("reduced the number of guns")."""
    lemma = obj.lemma_.lower()
    if lemma == "control" and controlled_organisation(verb):
        return None  # "took control of the organisation": now leads it
    if lemma == "number" and label.type == "RETREAT":
        counted = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        if counted and not _words(counted[0]) & FORCE_WORDS:
            return None  # "reduced the number of guns a person could carry"
    return label


PLACE_ENTS = ("GPE", "LOC", "FAC")


TALLIED_NOUNS = {"capture", "seizure", "murder"}
"""Event nouns that statistics count ("496 murders", "cocaine seizures rose"): acts only when specific."""


TREND_VERBS = {"rise", "fall", "increase", "decrease", "drop", "decline", "double", "triple", "quadruple",
               "climb", "spike", "surge", "soar", "plummet", "plunge", "grow", "jump", "dip", "shrink",
               "reach", "total", "exceed", "top", "outnumber", "halve", "slow"}
"""Verbs whose subject is a figure: "seizures of methamphetamine rose", "homicides fell"."""
WORSENING_VERBS = {"intensify", "escalate", "worsen", "spread"}
"""Verbs that make a condition noun a trend ("violence against police is intensifying")."""
TREND_NOUNS = {"increase", "rise", "decrease", "drop", "decline", "fall", "spike", "surge", "jump", "number",
               "rate", "level", "wave", "total", "tally", "count", "share", "proportion", "percentage",
               "reduction", "growth", "upsurge", "uptick", "downturn", "average", "record", "statistic"}
"""Nouns whose "in"/"of" object is counted ("a rise in kidnappings", "the number of murders")."""
TALLY_VERBS = {"record", "register", "tally", "count", "document", "log", "see", "witness"}
"""Verbs that count plural events ("11,241 executions were recorded", "2007 saw 60 attacks")."""
CONDITION_WORDS = {"violence", "crime", "insecurity", "criminality", "unrest", "bloodshed", "homicide"}


def is_statistic(noun: Token) -> bool:
    """A plural event noun that is a figure, not an act: the subject of a trend verb ("homicides
    fell"), the object of a trend noun ("a rise in kidnappings"), or counted by a tally verb with no
    agent ("executions were recorded", "the year saw 60 attacks")."""
    plural = noun.tag_ == "NNS"
    if not plural and noun.lemma_.lower() not in CONDITION_WORDS:
        return False
    head = noun.head
    verb_lemma = head.lemma_.lower()
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if verb_lemma in TREND_VERBS:
            return True
        if verb_lemma in WORSENING_VERBS and not plural:  # "violence escalated on Monday" is dated: an event
            return not any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree)
        if plural and noun.dep_ == "nsubjpass" and verb_lemma in TALLY_VERBS:
            return not any(c.dep_ == "agent" for c in head.children)
    if plural and noun.dep_ == "dobj" and verb_lemma in TALLY_VERBS:
        return _counted_by_period(head)
    if noun.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.lemma_.lower() in TREND_NOUNS:
        return True
    return False


def _counted_by_period(verb: Token) -> bool:
    """"2007 saw 60 attacks", "the state recorded 496 murders": a period or a record-keeper counts."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if verb.lemma_.lower() in ("see", "witness"):
        return subject.ent_type_ == "DATE" or subject.lemma_.lower() in ("year", "month", "week", "period", "decade")
    return True


def crime_noun_label(noun: Token, label: Label) -> Label | None:
    """"the capture of the town" is an attack, "the capture of El Chapo" an arrest, "seizure of power" a coup."""
    if is_statistic(noun):
        return None
    lemma = noun.lemma_.lower()
    if lemma not in TALLIED_NOUNS:
        return label
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    owned = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj"]
    if noun.tag_ == "NNS" and not owned and not possessors:
        return None  # "recorded 496 murders", "cocaine seizures rose 183 percent": a tally
    if lemma == "murder" or not owned + possessors:
        return label
    if possessors and lemma == "capture":
        return label  # "El Coss' capture": the possessor is the one captured
    first = owned[0]
    if lemma == "seizure":
        return Label("COERCE") if first.lemma_.lower() == "power" else label
    if _actor_like(first) and first.ent_type_ not in PLACE_ENTS:
        return label
    if first.ent_type_ in PLACE_ENTS or first.lemma_.lower() in TERRITORY_WORDS:
        return Label("ASSAULT")
    return None  # "the capture of the market", "the capture of animals"


TERRITORY_WORDS = {"town", "city", "village", "base", "camp", "territory", "area", "region", "airport",
                   "port", "checkpoint", "district", "province", "capital", "outpost", "post", "garrison"}


def _children(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps]


def _patient(verb: Token) -> Token | None:
    """Direct object or passive subject, through "of" for quantities ("two tons of cocaine")."""
    found = next(iter(_children(verb, ("dobj", "nsubjpass"))), None)
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = verb.head  # "the shark fins destroyed in July"
    if found is not None:
        of = [p for c in found.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
        if of and (found.pos_ == "NUM" or found.lemma_.lower() in MEASURES):
            return of[0]
    return found


def _words(token: Token) -> set[str]:
    """The head's lemma and surface form with its compounds ("shark fins" -> fin, shark)."""
    return {token.lemma_.lower(), token.lower_} | {
        c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}


def _actor_like(token: Token) -> bool:
    return is_human(token) or token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN"


def _overthrow(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is None or _actor_like(obj) or obj.lemma_.lower() in RULERS:
        return label
    return None  # "overthrow the legalisation measures in court", "overthrowing a previous code"


def _withdraw(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is not None and obj.lemma_.lower() in WITHDRAWN_THINGS:
        return None
    return label


KILLED_THINGS = {"pain", "time", "bill", "deal", "idea", "plan", "proposal", "chance", "hope", "mood",
                 "momentum", "engine", "light", "conversation", "story", "project", "programme", "program",
                 "scheme", "bacteria", "germ", "virus", "weed", "cell", "demand", "appetite", "competition"}
"""Objects of "kill" that never bled ("drugs which kill pain", "killed the bill")."""


def _kill(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is not None and _words(obj) & ANIMALS and not is_human(obj):
        return None  # "70 million sharks are killed each year"
    if obj is not None and obj.lemma_.lower() in KILLED_THINGS:
        return None
    return label


def _destroy(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is not None and _contraband(obj):
        return Label("COERCE")  # "destroyed poppy crops", "burnt shark fins seized from fishermen"
    return label


def _contraband(obj: Token) -> bool:
    """"seized cocaine", "shark fins"; crops only with the drug named (militants burning crops is violence)."""
    words = _words(obj)
    if obj.lemma_.lower() in CONTRABAND:
        return True
    return obj.lemma_.lower() in CROPS and bool(words & DRUGS)


def _offer(verb: Token, label: Label) -> Label | None:
    obj = next(iter(_children(verb, ("dobj", "nsubjpass"))), None)
    if obj is not None and obj.lemma_.lower() in NON_OFFERS:
        return None
    if any(c.lower_ == "as" for c in _children(verb, ("prep",))):
        return None  # "offering her house as collateral"
    subject = next(iter(_children(verb, ("nsubj",))), None)
    if subject is not None and subject.pos_ == "NOUN" and not _actor_like(subject) and not _collective(subject):
        return None  # "the capture offers a rare insight"
    return label


COLLECTIVES = {"government", "army", "police", "force", "group", "gang", "cartel", "ministry", "council",
               "party", "union", "movement", "coalition", "alliance", "junta", "administration", "company",
               "authority", "state", "country", "side", "committee", "office", "court", "agency"}


def _collective(token: Token) -> bool:
    return token.lemma_.lower() in COLLECTIVES


def _promise(verb: Token, label: Label) -> Label | None:
    content = next(iter(_children(verb, ("xcomp",))), None)
    if content is not None and content.lemma_.lower() == "be":
        return None  # "2017 promises to be the same", "the talks promise to be difficult"
    subject = next(iter(_children(verb, ("nsubj",))), None)
    if subject is not None and not _actor_like(subject) and not _collective(subject):
        return None  # "the year promises more violence"
    return label


def _pledge_that(verb: Token, label: Label) -> Label | None:
    """"pledges that no report shows ...": an assurance about facts (a claim), not a promise to act;
    "pledged that the troops would leave" still promises."""
    content = next(iter(_children(verb, ("ccomp",))), None)
    if content is not None and not any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in content.children):
        return None
    return _promise(verb, label)


FUTURE_MODALS = {"will", "would", "shall", "'ll", "wo"}
APPEAL_AUDIENCES = {"voter", "electorate", "customer", "consumer", "reader", "audience", "viewer", "buyer",
                    "investor", "taste", "sense", "instinct", "base", "supporter", "fan", "public", "youth"}


def _appeal(verb: Token, label: Label) -> Label | None:
    """"appealed for calm", "appealed to the UN to intervene" ask; "aimed to appeal to voters" attracts."""
    if _children(verb, ("xcomp", "ccomp")) or any(c.lower_ in ("for", "against") for c in _children(verb, ("prep",))):
        return label
    audience = [p for c in _children(verb, ("prep",)) if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    if any(p.lemma_.lower() in APPEAL_AUDIENCES for p in audience) or verb.dep_ == "xcomp":
        return None
    return label


def _agree(verb: Token, label: Label) -> Label | None:
    if _children(verb, ("ccomp",)):
        return None  # "they agree that the gang has grown": a shared view, a claim
    subject = next(iter(_children(verb, ("nsubj",))), None)
    if subject is not None and subject.lemma_.lower() in OPINION_HOLDERS:
        return None  # "analysts agree on one thing"
    return label


def _aid(verb: Token, label: Label) -> Label | None:
    obj = next(iter(_children(verb, ("dobj",))), None)
    if obj is not None and (obj.lower_ in REFLEXIVES or obj.lemma_.lower() in BUSINESS_OBJECTS):
        return None  # "arming themselves", "laws that aid the dirty business"
    if obj is None and any(c.lower_ in ("in", "with") for c in _children(verb, ("prep",))):
        return None  # "assisted in the capture of ...": the capture is the event
    return label


def _fund(verb: Token, label: Label) -> Label | None:
    """"financing security programs can burden the state": funding with no funder and no one funded."""
    obj = next(iter(_children(verb, ("dobj",))), None)
    has_subject = bool(_children(verb, ("nsubj", "agent")))
    if not has_subject and obj is not None and not _actor_like(obj) and not _collective(obj):
        return None
    return _aid(verb, label)


MET_THINGS = {
    "goal", "target", "requirement", "need", "demand", "standard", "deadline", "expectation", "obligation",
    "condition", "quota", "criterion", "death", "end", "fate", "challenge", "threshold", "cost", "criteria",
    "objective", "benchmark", "commitment", "resistance", "opposition", "approval", "skepticism",
    "scepticism", "response", "reaction", "success", "failure",
}
"""Objects of "meet" that are no one to meet ("meet crime reduction targets", "met violent deaths")."""


BACKED_STATEMENTS = {
    "claim", "assertion", "theory", "view", "idea", "argument", "finding", "hypothesis", "allegation",
    "account", "suggestion", "statement", "figure", "estimate", "conclusion", "notion", "story", "thesis",
    "interpretation", "assessment", "data", "number", "observation", "assumption", "belief", "version",
    "accusation", "charge", "report", "analysis", "perception", "impression", "case", "point",
}
"""Objects of "back"/"support" that are statements: evidence bears them out, nobody is supported."""
EVIDENCE_SUBJECTS = {"evidence", "data", "figure", "number", "statistic", "study", "report", "document",
                     "record", "research", "survey", "finding", "testimony", "fact", "information", "analysis"}


def _back(verb: Token, label: Label) -> Label | None:
    """"no evidence to back this claim", "the data support the theory": corroboration, no SUPPORT."""
    obj = _patient(verb)
    if obj is not None and obj.lemma_.lower() in BACKED_STATEMENTS:
        return None
    subject = next(iter(_children(verb, ("nsubj",))), None)
    if subject is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
        subject = verb.head  # "evidence that supports ...", "no evidence to back"
    if subject is not None and subject.lemma_.lower() in EVIDENCE_SUBJECTS:
        return None
    return label


def _meet(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is not None and obj.lemma_.lower() in MET_THINGS:
        return None
    return label


ORGANISATIONS = {"office", "organization", "organisation", "company", "cartel", "gang", "group", "business",
                 "party", "agency", "institution", "firm", "bank", "network", "operation", "trade",
                 "market", "club", "team", "board", "portfolio", "prosecutor", "investigation", "case",
                 "command", "leadership", "faction", "family", "clan", "empire", "enterprise"}
"""What "took control of" names when someone takes charge rather than seizing ground."""


def controlled_organisation(verb: Token) -> bool:
    """"took control of the organisation/the prosecutor's office": taking charge, no seizure."""
    for prep in (c for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "of"):
        if prep.head.lemma_.lower() == "control" and any(
                p.lemma_.lower() in ORGANISATIONS for p in prep.children if p.dep_ == "pobj"):
            return True
    return False


def _attack(verb: Token, label: Label) -> Label | None:
    obj = next(iter(_children(verb, ("dobj",))), None)
    if obj is not None and label.type == "ASSAULT" and _words(obj) & ABSTRACT_FIGHTS:
        return None  # "the best way to attack this crime"
    return label


def _raid(verb: Token, label: Label) -> Label | None:
    if _violent_clause(verb):
        return label
    subject = next(iter(_children(verb, ("nsubj",)) + [p for a in _children(verb, ("agent",))
                                                       for p in a.children if p.dep_ == "pobj"]), None)
    obj = _patient(verb)
    by_law = subject is not None and bool(_words(subject) & LAW_ENFORCERS)
    premises = obj is not None and obj.lemma_.lower() in RAIDED_PREMISES
    if by_law or (subject is None and premises):
        return Label("COERCE", "seize")  # "police raided a warehouse", "the offices were raided"
    return label


def _violent_clause(verb: Token) -> bool:
    """Violence told in the verb's own clause ("raided the house, killing two")."""
    return any(t.lemma_.lower() in VIOLENCE_LEMMAS for t in verb.subtree if t.i != verb.i)


def _explode(verb: Token, label: Label) -> Label | None:
    subject = next(iter(_children(verb, ("nsubj",))), None)
    if subject is None or _children(verb, ("dobj",)):
        return label
    return label if _words(subject) & EXPLOSIVE_SUBJECTS else None  # "Colima exploded onto the radar"


def _criminal_unit(obj: Token | None) -> bool:
    return obj is not None and (bool(_words(obj) & CRIMINAL_UNITS) or obj.ent_type_ == "ORG")


def _dismantle(verb: Token, label: Label) -> Label | None:
    return label if _criminal_unit(_patient(verb)) else None  # not "dismantle trade barriers"


def _charge(verb: Token, label: Label) -> Label | None:
    """"charged with money laundering", "indicted on trafficking charges": a crime, not a task."""
    for prep in _children(verb, ("prep",)):
        if prep.lower_ not in ("with", "on", "for"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.tag_ != "VBG" and _words(pobj) & CRIMES:
                return label
    return label if verb.lemma_.lower() == "indict" else None


def _transfer(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    if obj is None or not _actor_like(obj):
        return None  # "transferred the money", "technology transfer"
    for prep in _children(verb, ("prep",)):
        if prep.lower_ in ("to", "into") and any(_words(p) & PRISONS for p in prep.children if p.dep_ == "pobj"):
            return label
    return None


def _besiege(verb: Token, label: Label) -> Label | None:
    """"began besieging Vell" is the act; "jihadists besieging Djibo attacked ..." describes them."""
    return None if verb.dep_ in ("acl", "amod") else label


def _intercept(verb: Token, label: Label) -> Label | None:
    obj = _patient(verb)
    return label if obj is not None and _words(obj) & INTERCEPTED else None


def _jail(verb: Token, label: Label) -> Label | None:
    """"was jailed for 20 years" is a sentence; "the 191 nationals imprisoned in Peru" a state."""
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return None
    return label if _patient(verb) is not None else None


POLICE_ACTIONS = {"raid", "operation", "sweep", "search", "swoop", "bust"}
LAW_SECTORS = {"COP", "JUD"}
LAW_NAMES = {"police", "prosecutors", "prosecutor", "investigators", "detectives", "gendarmerie", "customs",
             "interpol", "europol", "authorities", "attorney"}
"""Sectors whose raids and operations are law enforcement: coercion unless violence is told."""


def police_action(tokens: list[Token]) -> bool:
    """"carried out 300 operations", "raided the offices": an action police take without violence."""
    words = {t.lemma_.lower() for t in tokens}
    return bool(words & POLICE_ACTIONS) and not any(_violent_clause(t) for t in tokens if t.pos_ == "VERB")


_RULES: dict[str, Rule] = {
    "overthrow": _overthrow, "oust": _overthrow, "topple": _overthrow, "depose": _overthrow,
    "withdraw": _withdraw, "kill": _kill, "slaughter": _kill,
    "destroy": _destroy, "burn": _destroy, "incinerate": _destroy, "torch": _destroy,
    "offer": _offer, "promise": _promise, "pledge": _pledge_that, "agree": _agree, "appeal": _appeal,
    "aid": _aid, "assist": _aid, "arm": _aid, "equip": _aid, "attack": _attack,
    "fund": _fund, "finance": _fund, "meet": _meet,
    "raid": _raid, "explode": _explode, "dismantle": _dismantle,
    "charge": _charge, "indict": _charge, "transfer": _transfer, "intercept": _intercept,
    "jail": _jail, "imprison": _jail, "besiege": _besiege,
    "back": _back, "support": _back, "endorse": _back, "corroborate": _back,
}

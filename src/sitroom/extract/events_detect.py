"""Trigger detection: which tokens of a parsed sentence are PLOVER events, and of what type.

Four shapes, tried in this order for each verb:

* phrasal verbs ("draw down", "pull out") from the verb and its ``prt`` child;
* light verb constructions ("sent troops", "suspending military cooperation", "took to the
  streets"): the verb plus its object lemma decide the type;
* support verbs with an event noun as object ("launched an attack", "staged a demonstration"):
  the noun gives the type, the verb gives the actors;
* plain verb triggers ("attacked", "sanctioned", "visited").

Then nouns ("the deployment", "demonstrations", "a security deal") that no verb consumed become
nominal triggers, unless they restate a verb trigger they hang from ("ousted in a coup"). An offer
or request a verb consumed is still an event of its own when the noun names who made it
("rejected an ECOWAS offer", "refused requests from the AU"). Not events:

* what is feared or averted ("raising fears of a clash", "to avert a war"): nothing happened;
* a claim of responsibility nobody made ("No group claimed the killing").

Hyphenated nouns the tokenizer splits ("sit-in", "shoot-out") are looked up whole; exercises and
patrols are COOPERATE when "joint".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract.events_crime import (
    crime_light_label,
    crime_noun_label,
    crime_phrasal_label,
    crime_verb_label,
)
from sitroom.extract.events_lexicon import BLOCK, CLAIMED, STRIKE, SUPPORT_VERB, Label, Lexicon
from sitroom.extract.events_refine import (
    plausible_noun_event,
    refine_verb_label,
    special_verb_label,
    take_over_label,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

VERB_TAGS = {"VERB"}
"""spaCy POS for verb triggers; AUX is never a trigger."""
NOUN_TAGS = {"NOUN"}
"""Proper nouns are names ("March" the month, "Strike Force Alpha"), never nominal triggers."""
COMMUNICATION_VERBS = {"stress", "emphasize", "emphasise", "underline", "outline", "spell", "raise", "point"}
"""Verbs that make THREATEN when their object is "consequences" ("stressed the heavy consequences")."""
STATE_PARTICIPLES = {"arm", "equip", "back", "train", "finance", "fund"}
"""Participles that describe an actor's state rather than report an act ("armed men")."""
THREAT_OBJECTS = {"consequence", "repercussion", "retaliation", "reprisal"}


@dataclass
class Trigger:
    """One detected event trigger."""

    label: Label
    head: Token
    """The token whose dependents give the actors: the verb, or the noun for nominal triggers."""
    tokens: list[Token]
    """Tokens making up the trigger ("sent" + "troops"); the trigger span runs from first to last."""
    kind: str
    """``verb``, ``light``, ``support``, ``noun`` or ``agent`` ("protesters" implying a protest)."""
    obj: Token | None = None
    """The object noun consumed by a light or support verb (never an actor)."""
    planned: bool = False
    """The text announces the event for later ("called a general strike for next week")."""

    @property
    def start_char(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end_char(self) -> int:
        last = max(self.tokens, key=lambda t: t.idx)
        return last.idx + len(last.text)


def find_triggers(sent: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """All triggers in one spaCy sentence, in text order."""
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    for token in sent:
        # a verb the parser made a modifier ("rebels kill soldiers attack") is a misparse, no event
        if token.pos_ in VERB_TAGS and token.dep_ not in ("amod", "compound") and not _is_heading(token):
            trigger = _verb_trigger(token, lexicon)
            if trigger is not None:
                triggers.append(trigger)
                if trigger.obj is not None:  # "want autonomy and the release of prisoners": both objects
                    consumed.update(t.i for t in _conjuncts(trigger.obj))
    verb_types = {t.head.i: t.label.type for t in triggers}
    for token in sent:
        if (token.pos_ in NOUN_TAGS or _hyphen_tail(token)) and token.ent_type_ not in ("DATE", "TIME"):
            if _is_heading(token) or in_feared_frame(token) or (token.i in consumed and not names_its_maker(token, lexicon)):
                continue
            trigger = _noun_trigger(token, lexicon)
            if trigger is not None and not _restates_verb(token, trigger.label, verb_types):
                triggers.append(trigger)
    triggers.sort(key=lambda t: t.start_char)
    return triggers


FEAR_NOUNS = {"fear", "risk", "danger", "prospect", "spectre", "specter", "possibility", "likelihood",
              "threat", "worry", "concern", "chance", "brink", "verge"}
"""Nouns whose "of" object has not happened ("fears of a clash", "the brink of war")."""
AVERT_VERBS = {"fear", "avert", "avoid", "prevent", "risk", "forestall", "head"}
"""Verbs whose object has not happened ("to avert a war", "risk a clash")."""


def in_feared_frame(noun: Token) -> bool:
    """"fears of a clash", "averted a war": the event noun names what did not happen."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in FEAR_NOUNS:
        return True
    return noun.dep_ == "dobj" and head.lemma_.lower() in AVERT_VERBS


OFFER_TYPES = {"REQUEST", "AGREE"}


def names_its_maker(noun: Token, lexicon: Lexicon) -> bool:
    """An offer or request object that names its maker ("an ECOWAS offer", "requests from the AU")."""
    label = _noun_label(noun, lexicon)
    if label is None or label.type not in OFFER_TYPES or noun.dep_ != "dobj":
        return False
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
            return True
        if child.dep_ == "amod" and child.pos_ == "ADJ" and child.text[:1].isupper():
            return True  # "a Norwegian offer": a demonym names the state that made it
        if child.dep_ == "prep" and child.lower_ == "from":
            return True
    return False


def _hyphen_tail(token: Token) -> bool:
    """"in" of "sit-in" (tokenized "sit", "-", "in"), whatever part of speech the tagger gave it."""
    return token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_ \
        and not token.nbor(-2).whitespace_


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


HEADING_REACH = 3
"""Tokens from the sentence start within which "Looting:" or "Property destruction:" is a label."""


def _is_heading(token: Token) -> bool:
    """A category label before a colon ("Looting: On 3 May, militants seized ..."), not an event."""
    nxt = token.i + 1
    return (token.i - token.sent.start < HEADING_REACH and nxt < token.sent.end
            and token.doc[nxt].text == ":")


INFLECTIONS = ("s", "ed", "d", "ing")


def verb_lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, repaired where the small model's lemmatizer fails ("staged" -> "stag").

    A lemma unknown to the lexicon is replaced by a known one the surface form inflects.
    """
    lemma = verb.lemma_.lower()
    if _known_verb(lemma, lexicon):
        return lemma
    word = verb.lower_
    if not word.endswith(INFLECTIONS):
        return lemma  # "to bank in Uruguay" is not "ban": only inflected forms are repaired
    for candidate in (word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-4] + "e", word[:-4]):
        if len(candidate) > 2 and _known_verb(candidate, lexicon) and candidate[:3] == lemma[:3]:
            return candidate
    return lemma


def _known_verb(lemma: str, lexicon: Lexicon) -> bool:
    return lemma in lexicon.verbs or lemma in lexicon.light or lemma in lexicon.support_verbs


PARTICLE_WORDS = {"out", "back", "down", "off", "up"}
"""Words the parser may attach as adverb or preposition rather than particle ("pulled ... out of")."""


def _particle(verb: Token, lexicon: Lexicon, lemma: str) -> Token | None:
    found = next((c for c in verb.children if c.dep_ == "prt"), None)
    if found is not None:
        return found
    for child in verb.children:
        if child.dep_ in ("advmod", "prep") and child.lower_ in PARTICLE_WORDS \
                and f"{lemma} {child.lower_}" in lexicon.phrasal:
            return child  # "pulled its soldiers out of the country", "had pulled back from Vell"
    return None


NOBODY = {"nobody", "none"}


def _nobody_claimed(verb: Token) -> bool:
    """"No group claimed the killing", "nobody has claimed responsibility", "did not claim"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True
    return False


def _verb_trigger(verb: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = verb_lemma(verb, lexicon)
    if lemma == "claim" and _nobody_claimed(verb):
        return None  # an unclaimed attack is told elsewhere; "no one claimed it" is no new act
    if lemma in CALLING_VERBS:
        called = _called_protest(verb, lexicon)
        if called is not None:
            return called
    particle = _particle(verb, lexicon, lemma)
    support = lemma in lexicon.support_verbs
    if particle is not None:
        key = f"{lemma} {particle.lower_}"
        if key in lexicon.phrasal:
            label = lexicon.phrasal[key]
            if label is None:
                return None
            if label.type == SUPPORT_VERB:
                support = True
            elif key != "take over" or take_over_label(verb, label) is not None:
                label = crime_phrasal_label(verb, key, label)
                return Trigger(label, verb, [verb, particle], "verb") if label is not None else None
            else:
                return None
    for obj in _objects(verb):
        if _blocked(lexicon.light_verb(lemma, obj.lemma_.lower())):
            return None
        found = _light_or_support(verb, obj, lexicon, support)
        if found is not None:
            return found
    special = special_verb_label(verb, lemma)
    if special is not None:
        return Trigger(special[0], verb, [verb, *special[1]], "verb")
    label = lexicon.verb(lemma)
    label = refine_verb_label(verb, lemma, label) if label is not None else None
    label = crime_verb_label(verb, lemma, label) if label is not None else None
    if label is None:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and lemma in STATE_PARTICIPLES:
        return None  # "men armed with rifles" describes them; nobody armed them here
    if label.type == "ASSAULT" and lemma == "strike" and (not _struck(verb) or verb.dep_ in ("amod", "acomp")):
        return None  # "workers struck", "striking workers": a strike; "struck a convoy" an attack
    return Trigger(label, verb, [verb], "verb")


STRUCK_PREPS = {"at", "on", "against", "near", "in"}


def _struck(verb: Token) -> bool:
    """"struck a convoy", "struck at army positions"; not "what is striking about the killings"."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in STRUCK_PREPS for c in verb.children)


CALLING_VERBS = {"call", "announce"}


def _called_protest(verb: Token, lexicon: Lexicon) -> Trigger | None:
    """"called (for) a general strike": the caller organises a protest that has not happened yet."""
    for obj in _objects(verb):
        if obj.dep_ == "nsubjpass":
            continue
        label = _noun_label(obj, lexicon)
        if label is not None and label.type == "PROTEST":
            tokens = [verb, obj, *(c for c in verb.children if c.dep_ == "prt")]
            return Trigger(label, verb, tokens, "support", obj=obj, planned=True)
    return None


MEASURE_NOUNS = {"worth", "ton", "tonne", "shipment", "consignment", "batch", "cache", "quantity", "amount"}
"""Objects that only measure the real object ("$23 million worth of weapons")."""


SOURCE_PREPS = {"from", "despite", "after", "before", "since", "amid", "amidst", "like", "unlike", "than",
                "because", "near", "beyond", "besides", "without", "except", "regarding"}
"""Prepositions whose object is where from, when or why, never what is moved, sent or held:
"moving operations from the security forces" moves no forces."""


def _objects(verb: Token) -> list[Token]:
    """Object-like dependents: direct objects, passive subjects, and objects of a preposition."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for obj in [o for o in objs if o.lemma_.lower() in MEASURE_NOUNS]:
        objs.extend(p for prep in obj.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ not in SOURCE_PREPS):
        objs.extend(c for c in prep.children if c.dep_ == "pobj")
    # a garbled clause ("staged a protest and prevent access ...") can leave the event noun an
    # "nmod" inside the object the parser chose: tried last, after every real object
    objs.extend(n for o in objs if o.dep_ == "dobj" for n in o.children if n.dep_ == "nmod" and n.i < o.i)
    return objs


def _blocked(label: Label | None) -> bool:
    return label is not None and label.type == BLOCK


def _light_or_support(verb: Token, obj: Token, lexicon: Lexicon, support: bool) -> Trigger | None:
    lemma = verb_lemma(verb, lexicon)
    obj_lemma = obj.lemma_.lower()
    label = lexicon.light_verb(lemma, obj_lemma)
    if label is None and lemma in COMMUNICATION_VERBS and obj_lemma in THREAT_OBJECTS:
        label = Label("THREATEN")
    if label is not None and obj_lemma == "operation" and _non_combat(obj):
        label = None
    if label is not None and label.type != BLOCK:
        label = crime_light_label(verb, obj, label)
    if label is not None:
        if label.type == CLAIMED:
            return _claimed(verb, obj, lexicon)
        return Trigger(_joint(obj, label), verb, [verb, obj], "light", obj=obj)
    if support and obj.dep_ != "nsubjpass":
        noun = _noun_label(obj, lexicon)
        if noun is not None:
            return Trigger(noun, verb, [verb, obj], "support", obj=obj)
    return None


NON_COMBAT = {"rescue", "humanitarian", "peacekeeping", "search", "evacuation", "relief", "recovery",
              "mining", "clean", "cleanup", "vaccination", "election", "electoral", "sting", "undercover",
              "financial", "business", "commercial", "logistical", "logistics", "money", "banking",
              # a gang's trafficking or laundering operations are its business, not an offensive
              "trafficking", "smuggling", "drug", "laundering"}
"""Modifiers of "operation" that make it anything but an offensive."""


def _non_combat(operation: Token) -> bool:
    return any(c.lemma_.lower() in NON_COMBAT for c in operation.children if c.dep_ in ("compound", "amod"))


def _claimed(verb: Token, responsibility: Token, lexicon: Lexicon) -> Trigger:
    """"claimed responsibility for the attack": the type of the attack, the claimer as actor."""
    for prep in (c for c in responsibility.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            label = _noun_label(pobj, lexicon)
            if label is not None:
                return Trigger(label, verb, [verb, responsibility, pobj], "support", obj=pobj)
    return Trigger(Label("ASSAULT"), verb, [verb, responsibility], "light", obj=responsibility)


JOINT_ACTIVITIES = {"exercise", "drill", "patrol", "manoeuvre", "maneuver", "training"}


def _joint(noun: Token, label: Label) -> Label:
    """"held joint exercises": done together, so cooperation rather than a show of force."""
    if noun.lemma_.lower() in JOINT_ACTIVITIES and any(c.lower_ == "joint" for c in noun.children):
        return Label("COOPERATE")
    return label


def _noun_trigger(noun: Token, lexicon: Lexicon) -> Trigger | None:
    if noun.pos_ == "NOUN" and _joint(noun, Label("NONE")).type == "COOPERATE":
        return Trigger(Label("COOPERATE"), noun, [noun], "noun")
    label = _noun_label(noun, lexicon)
    if label is not None:
        if _hyphen_tail(noun) and _hyphenated_label(noun, lexicon) is not None:
            first = noun.nbor(-2)  # "sit-in": the whole word, headed by whichever part the parser chose
            head = first if noun.head == first or noun.head.head == first else noun
            return Trigger(label, head, list(noun.doc[first.i: noun.i + 1]), "noun")
        return Trigger(label, noun, [noun], "noun")
    agent = lexicon.agent_nouns.get(noun.lemma_.lower())
    if agent is not None and noun.dep_ in ("nsubj", "nsubjpass", "conj", "appos"):
        return Trigger(agent, noun, [noun], "agent")  # "demonstrators in Vell urged ..."
    return None


def _noun_label(noun: Token, lexicon: Lexicon) -> Label | None:
    """Label of an event noun, refined by modifiers ("drone strike", "suicide bombing")."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("DATE", "TIME"):
        return None  # "On 7 March": a month, not a march
    label = lexicon.noun(noun.lemma_) or lexicon.noun(noun.lower_) or _hyphenated_label(noun, lexicon)
    if label is None or not plausible_noun_event(noun):
        return None
    label = crime_noun_label(noun, label)
    if label is None:
        return None
    modifiers = [lexicon.noun_modifiers.get(c.lemma_.lower()) for c in noun.children
                 if c.dep_ in ("compound", "amod", "nmod")]
    refined = [m for m in modifiers if m is not None]
    if label.type == STRIKE:
        assault = next((m for m in refined if m.type == "ASSAULT"), None)
        return assault or next(iter(refined), Label("PROTEST", "strike"))
    for mod in refined:
        if mod.type == label.type and mod.mode and label.type in ("ASSAULT", "PROTEST"):
            return Label(label.type, mod.mode)
    return label


def _hyphenated_label(noun: Token, lexicon: Lexicon) -> Label | None:
    """"sit-in" is tokenized "sit", "-", "in": the noun with its hyphen-joined compound."""
    if not _hyphen_tail(noun):
        return None
    first = noun.nbor(-2)
    return lexicon.noun(f"{first.lower_}-{noun.lower_}")


def _restates_verb(noun: Token, label: Label, verb_types: dict[int, str]) -> bool:
    """True when the noun hangs (directly or via a preposition) from a verb trigger of its type."""
    head = noun.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return verb_types.get(head.i) == label.type and head.i != noun.i

"""One event per happening: triggers in a sentence that restate or only frame another trigger.

PLOVER codes an act once. Within a sentence, three shapes produce a second trigger for the same
act, or a trigger for something that is only the setting of the act:

* **promise content**: "offered to hold the meeting", "threatened to impose sanctions",
  "urged the authorities to release the students": the promise (AGREE), threat (THREATEN) or
  request (REQUEST) is the event; what is promised or asked has not happened;
* **elaboration**: "imposed sanctions on Karesia, freezing $40 million in assets": a participle
  clause of the same type spells out the act it hangs from; its actors and tolls join the host;
* **pledged retreat**: "agreed to withdraw their fighters" is one announced withdrawal (CONCEDE),
  not a promise plus a withdrawal;
* **setting**: "backed the measures at the summit", "spoke during the meeting": an event noun with
  no actors of its own in an "at"/"during" phrase of another trigger is where that act happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.events_detect import Trigger, names_its_maker
from sitroom.extract.events_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

PROMISE_LEMMAS = {"offer", "promise", "pledge", "vow", "threaten", "propose", "refuse", "urge", "demand",
                  "ask", "appeal", "request", "implore", "call", "press"}
"""Verbs whose infinitive complement is the content of a promise, threat, refusal or request."""
SETTING_PREPS = {"at", "during", "amid"}


def promise_contents(triggers: list[Trigger], lexicon: Lexicon | None = None) -> list[Trigger]:
    """Triggers that are what a promise, threat, refusal or request trigger is about: its infinitive
    ("urged them to release") or its event-noun object ("demanding the resignation of X")."""
    heads = {t.head.i: t for t in triggers if t.kind == "verb" and t.head.lemma_.lower() in PROMISE_LEMMAS}
    out = []
    for trigger in triggers:
        if _content_of(trigger, heads) and not (lexicon is not None and trigger.kind == "noun"
                                                and names_its_maker(trigger.head, lexicon)):
            out.append(trigger)  # "refused requests from the AU": the AU's requests were made
    return out


PLEDGE_LEMMAS = {"agree", "promise", "pledge", "vow", "commit", "offer", "undertake"}
CONCESSION_TYPES = {"RETREAT", "CONCEDE"}


def pledged_retreats(triggers: list[Trigger]) -> list[Trigger]:
    """Promises whose content is a retreat ("agreed to withdraw their fighters"): PLOVER codes the
    announced retreat once, as CONCEDE (the content, planned), not also as an AGREE."""
    retreats = {t.head.i for t in triggers if t.label.type in CONCESSION_TYPES and t.head.dep_ == "xcomp"}
    return [t for t in triggers if t.kind == "verb" and t.head.lemma_.lower() in PLEDGE_LEMMAS
            and any(c.i in retreats for c in t.head.children if c.dep_ == "xcomp")]


def _content_of(trigger: Trigger, heads: dict[int, Trigger]) -> bool:
    word = trigger.head
    if trigger.kind in ("verb", "light", "support"):
        return word.dep_ == "xcomp" and heads.get(word.head.i, trigger) is not trigger
    if trigger.kind != "noun":
        return False
    holder = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "for" else word.head
    return word.dep_ in ("dobj", "pobj") and heads.get(holder.i, trigger) is not trigger


def elaboration_host(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The trigger a same-type participle clause elaborates ("imposed sanctions, freezing assets"),
    or the protest whose purpose a demand states ("marched on the palace to demand his exit")."""
    verb = trigger.head
    if trigger.label.type == "REQUEST" and verb.dep_ in ("advcl", "xcomp") and _infinitive(verb):
        return next((o for o in triggers if o.head == verb.head and o.label.type == "PROTEST"), None)
    if trigger.kind not in ("verb", "light") or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    for other in triggers:
        if other is not trigger and other.head == verb.head and other.label.type == trigger.label.type:
            return other
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_setting(trigger: Trigger, verb_heads: set[int]) -> bool:
    """An actor-less event noun in an "at"/"during" phrase of another trigger's verb."""
    noun = trigger.head
    if trigger.kind != "noun" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    holder = prep.head  # "backed the measures at the summit": the phrase may hang from the object
    if prep.lower_ not in SETTING_PREPS or not {holder.i, holder.head.i} & verb_heads:
        return False
    return not any(_actor_like(c) for c in noun.children)


def _actor_like(child: Token) -> bool:
    if child.dep_ == "poss":
        return True
    if child.dep_ in ("compound", "amod"):
        return child.pos_ == "PROPN" or child.text[:1].isupper()
    return child.dep_ == "prep" and child.lower_ in ("by", "between", "with", "of")

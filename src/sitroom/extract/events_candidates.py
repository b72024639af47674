"""Event candidates of one sentence: triggers, with casualty verbs and elaborations merged into
the act they report ("ambushed a convoy, killing 12" is one candidate), and the tokens whose
casualty words count for each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract.events_detect import Trigger, find_triggers
from sitroom.extract.events_lexicon import Lexicon
from sitroom.extract.events_merge import elaboration_host, is_setting, pledged_retreats, promise_contents

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PURE_CASUALTY_LEMMAS = {"kill", "wound", "injure", "die", "murder"}
"""Verbs that only report the toll of an attack; merged into a nearby attack trigger."""


@dataclass
class Candidate:
    """A trigger and what was merged into it."""

    trigger: Trigger
    merged: list[Trigger] = field(default_factory=list)
    counted: set[int] = field(default_factory=set)
    """Casualty words this candidate's toll was read from."""
    others: list[Token] = field(default_factory=list)
    """Heads of the sentence's other events: their clauses tell their own tolls."""


def candidates_in(sent: SpacySpan, lexicon: Lexicon) -> list[Candidate]:
    """The sentence's event candidates (see the module docstring)."""
    triggers = [t for t in find_triggers(sent, lexicon) if not _author_voice(t)]
    promised = promise_contents(triggers, lexicon) + pledged_retreats(triggers)
    verb_heads = {t.head.i for t in triggers if t.kind != "noun"}
    triggers = [t for t in triggers if t not in promised and not is_setting(t, verb_heads)]
    candidates = [Candidate(t) for t in triggers]
    for cand in list(candidates):
        host = _casualty_host(cand.trigger, candidates) or _elaborated(cand.trigger, candidates)
        if host is not None:
            host.merged.append(cand.trigger)
            candidates.remove(cand)
    for cand in candidates:
        cand.others = [c.trigger.head for c in candidates
                       if c is not cand and c.trigger.kind not in ("noun", "agent")]
    return candidates


def _author_voice(trigger: Trigger) -> bool:
    """"I agree with ...": the author's opinion, not an event between actors."""
    subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ == "i" for s in subjects)


def is_pure_casualty(trigger: Trigger) -> bool:
    return trigger.kind == "verb" and trigger.head.lemma_.lower() in PURE_CASUALTY_LEMMAS


def _casualty_host(trigger: Trigger, candidates: list[Candidate]) -> Candidate | None:
    """The attack a pure casualty verb reports the toll of, when they are syntactically linked."""
    if not is_pure_casualty(trigger):
        return None
    head = trigger.head
    first = head
    while first.dep_ == "conj" and first.head != first:  # "killing 12 and wounding 20": the first verb's links
        first = first.head
    for cand in candidates:
        other = cand.trigger
        if other is trigger or other.label.type != "ASSAULT":
            continue
        if is_pure_casualty(other) and other.start_char > trigger.start_char:
            continue  # "killed 3 and wounded 5": the first one hosts
        linked = any(h.head == other.head or other.head.head == h
                     or any(c == other.head for c in h.children if c.dep_ in ("nsubj", "nsubjpass"))
                     for h in {head, first})
        if linked or _participle_of(first, other.head, {c.trigger.head.i for c in candidates}):
            return cand
    return None


PARTICIPLE_CLIMB = 4
CLIMBED = {"advcl", "relcl", "ccomp", "dobj", "pobj", "prep"}
"""Clauses a "killing four people" participle may sit below its attack ("bombed a village that
the army says shelters rebels, killing four"): the parser hangs it on the nearest verb."""


def _participle_of(verb: Token, attack: Token, trigger_heads: set[int]) -> bool:
    """A casualty participle whose chain of non-event clauses leads up to the attack verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    current = verb.head
    for _ in range(PARTICIPLE_CLIMB):
        if current == attack:
            return True
        if current.i in trigger_heads or current.dep_ not in CLIMBED or current.head == current:
            return False
        current = current.head
    return current == attack


def _elaborated(trigger: Trigger, candidates: list[Candidate]) -> Candidate | None:
    host = elaboration_host(trigger, [c.trigger for c in candidates])
    return next((c for c in candidates if c.trigger is host), None)


def scope_tokens(cand: Candidate) -> list[Token]:
    """Tokens whose casualty words count for this event: its subtree and the merged triggers'."""
    heads = [cand.trigger.head] + [t.head for t in cand.merged]
    own = {h.i for h in heads}
    # "killed two policemen who shot dead a woman": the relative clause's killing is its own event
    # an event whose clause holds this one ("imposed a curfew after clashes left seven dead") blocks nothing
    blocked = {t.i for other in cand.others if other.i not in own and not _dominates(other, heads)
               for t in other.subtree}
    seen: dict[int, Token] = {}
    for head in heads:
        for token in head.subtree:
            if token.i not in blocked or token.i in own:
                seen[token.i] = token
        seen[head.i] = head
    if cand.trigger.kind == "noun" and cand.trigger.head.dep_ in ("nsubj", "nsubjpass"):
        verb = cand.trigger.head.head  # "clashes resulted in one dead"; "the raid left five dead"
        for token in verb.subtree:
            seen.setdefault(token.i, token)
    return [seen[i] for i in sorted(seen)]


def _dominates(other: Token, heads: list[Token]) -> bool:
    return any(other == h or other in h.ancestors for h in heads)

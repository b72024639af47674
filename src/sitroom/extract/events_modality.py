"""Modality of an event: asserted, planned, hypothetical, negated, denied, alleged or reported.

Read from the trigger's own verb group (auxiliaries, negation, "poised to"/"set to"/"plans to"),
the clauses above it ("if", "denied that", "accused of", "said that") and the sentence ("according
to Reuters"), plus the containing claim when the claims step found one. When several apply the
strongest wins, in :data:`PRIORITY` order: a denied plan is denied, a reported plan is planned
(the claim id keeps the attribution).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PRIORITY = ["denied", "negated", "hypothetical", "planned", "alleged", "reported", "asserted"]
PLANNED_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d", "can"}
"""Modals of possibility: "he can end the contract" says what may happen, not what did."""
PLAN_VERBS = {"poise", "poised", "set", "plan", "intend", "prepare", "aim", "schedule", "expect", "go",
              "seek", "want", "hope", "propose", "decide", "vow", "pledge", "promise", "agree", "threaten"}
"""Verbs that take an infinitive for something not yet done ("poised to sign", "going to send")."""
PLAN_NOUNS = {"plan", "intention", "proposal", "bid", "decision", "readiness", "commitment", "pledge", "offer"}
DENY_VERBS = {"deny", "refute", "dismiss", "reject", "disprove"}
ALLEGE_VERBS = {"accuse", "allege", "suspect", "charge", "blame", "implicate"}
REPORT_VERBS = {"say", "report", "claim", "tell", "state", "announce", "add", "reply", "write", "confirm",
                "insist", "assert", "note", "explain", "argue", "believe", "think", "estimate"}
CONDITION_MARKS = {"if", "unless", "whether"}
INVERTED_CONDITIONALS = {"were", "had", "should"}
ALLEGED_ADVERBS = {"allegedly", "purportedly", "supposedly"}
REPORTED_ADVERBS = {"reportedly", "apparently"}
NEGATIONS = {"not", "n't", "never", "no"}
VERB_GROUP_DEPS = {"xcomp", "acl"}
"""Links that keep a trigger in the same verb group as its head ("set to send", "plans to draw")."""
MAX_DEPTH = 8


def modality_from_parse(head: Token) -> str:
    """The modality the parse alone supports for a trigger whose head token is ``head``."""
    found = set(_verb_group_cues(head)) | set(_clause_cues(head)) | set(_sentence_cues(head))
    return strongest(found)


def strongest(modalities: set[str] | list[str]) -> str:
    for modality in PRIORITY:
        if modality in modalities:
            return modality
    return "asserted"


def _verb_group(head: Token) -> list[Token]:
    """The trigger and the tokens above it that belong to the same predicate."""
    group = [head]
    token = head
    for _ in range(MAX_DEPTH):
        if token.dep_ not in VERB_GROUP_DEPS or token.head == token:
            break
        token = token.head
        group.append(token)
        if token.pos_ in ("NOUN", "PROPN"):  # "plans to draw down": the plan noun ends the group
            break
    return group


def _verb_group_cues(head: Token) -> list[str]:
    cues: list[str] = []
    group = _verb_group(head)
    for token in group:
        lemma = token.lemma_.lower()
        if token != head and (lemma in PLAN_VERBS or lemma in PLAN_NOUNS):
            cues.append("planned")
        if token != head and lemma in FAIL_VERBS:
            cues.append("negated")  # "failed to warn the garrison"
        if token != head and lemma == "be" and head.dep_ == "xcomp" and not _purpose_subject(token):
            cues.append("planned")  # "Mali is to sign"; not "the goal was to stress"
        for child in _modal_children(token):
            cue = _child_cue(child)
            if cue == ["hypothetical"] and child.lower_ in BACKSHIFT_AUX and _backshifted(token):
                cue = ["planned"]  # "said the government would free": reported "will"
            cues.extend(cue)
    if head.pos_ in ("NOUN", "PROPN"):
        cues.extend(_noun_cues(head))
    return cues


FAIL_VERBS = {"fail", "neglect", "refuse"}
BACKSHIFT_AUX = {"would", "'d"}
DEONTIC_AUX = {"should", "must", "ought"}
"""Modals of recommendation: "ECOWAS should lift the closures" is advice, not an event."""
PAST_REPORT_TAGS = {"VBD", "VBN"}


def _modal_children(token: Token) -> list[Token]:
    """The token's children, plus the auxiliaries of the verb it is coordinated with when it has none
    ("should lift the closures and offer a timetable": "offer" shares "should")."""
    children = list(token.children)
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in children)
    if token.dep_ == "conj" and not own_aux and token.head.pos_ in ("VERB", "AUX"):
        children += [c for c in token.head.children if c.dep_ == "aux" or c.dep_ == "neg"]
    return children


def _backshifted(verb: Token) -> bool:
    """A "would" clause reported by a past-tense speech verb, with no condition in sight."""
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORT_VERBS | {"announce", "warn"}:
        return False
    if clause.head.tag_ not in PAST_REPORT_TAGS:
        return False
    return not any(t.dep_ == "mark" and t.lower_ in CONDITION_MARKS for t in clause.subtree)


def is_recommendation(head: Token) -> bool:
    """True when the trigger's verb group carries "should", "must" or "ought to".

    An inverted "should" ("Should the Volkov Group decide to withdraw, ...", "... should the
    government release them") makes a condition, not advice: the event stays, hypothetical.
    """
    for token in _verb_group(head):
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX and not _inverted(c, token)
               for c in _modal_children(token)):
            return True
    return False


def _inverted(aux: Token, verb: Token) -> bool:
    """"should" before its verb's subject: the inverted conditional."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return aux.lower_ == "should" and any(aux.i < s.i for s in subjects)


PURPOSE_NOUNS = {"goal", "aim", "purpose", "objective", "idea", "point", "task", "mission", "intention"}


def _purpose_subject(be: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in PURPOSE_NOUNS for c in be.children)


def _child_cue(child: Token) -> list[str]:
    word = child.lower_
    if child.dep_ == "neg" or (child.dep_ == "advmod" and word == "never"):
        return ["negated"]
    if child.dep_ == "aux":
        if word in PLANNED_AUX:
            return ["planned"]
        if word in HYPOTHETICAL_AUX:
            return ["hypothetical"]
    if child.dep_ == "advmod" and word in ALLEGED_ADVERBS:
        return ["alleged"]
    if child.dep_ == "advmod" and word in REPORTED_ADVERBS:
        return ["reported"]
    if child.dep_ == "mark" and word in CONDITION_MARKS:
        return ["hypothetical"]
    return []


def _noun_cues(noun: Token) -> list[str]:
    cues: list[str] = []
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ == "no":
            cues.append("negated")
        if child.lower_ in ("planned", "proposed", "expected", "future", "possible", "potential"):
            cues.append("planned" if child.lower_ in ("planned", "proposed", "expected", "future")
                        else "hypothetical")
        if child.lower_ in ALLEGED_ADVERBS | {"alleged", "suspected"}:
            cues.append("alleged")
    # the verb a nominal event hangs from carries its modality ("a deal ... would be a red line")
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb != noun:
        cues.extend(c for child in verb.children for c in _child_cue(child) if c != "reported")
    return cues


def _clause_cues(head: Token) -> list[str]:
    """Cues from the clauses above the trigger: conditions, denials, accusations, reports."""
    cues: list[str] = []
    previous = head
    token = head
    for _ in range(MAX_DEPTH):
        if token.head == token:
            break
        previous, token = token, token.head
        lemma = token.lemma_.lower()
        embedded = previous.dep_ in ("ccomp", "dobj", "pobj", "prep", "xcomp", "pcomp", "advcl")
        if lemma in DENY_VERBS and embedded:
            cues.append("denied")
        elif lemma in ALLEGE_VERBS and embedded:
            cues.append("alleged")
        elif lemma in REPORT_VERBS and previous.dep_ == "ccomp":
            cues.append("reported")
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                cues.append("hypothetical")
        if previous.dep_ == "advcl" and previous.left_edge.lower_ in INVERTED_CONDITIONALS:
            cues.append("hypothetical")  # "Were Russia to establish ..."
    if head.left_edge.lower_ in INVERTED_CONDITIONALS and head.left_edge.dep_ in ("aux", "auxpass"):
        cues.append("hypothetical")
    return cues


def _sentence_cues(head: Token) -> list[str]:
    """"according to Reuters" anywhere in the sentence makes its content reported."""
    sent = head.sent
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            return ["reported"]
    return []

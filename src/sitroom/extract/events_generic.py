"""Habitual and generic acts: statements about what groups usually do are no events.

PLOVER codes specific acts. Crime reporting often describes a group's business instead: "gangs
extort shopkeepers", "the Volkov Group typically kidnaps businessmen", "it makes its money by
robbing travellers". Those have no occasion, no date and often no particular victim. Three shapes:

* a habitual adverb or frame on the verb ("routinely", "usually", "tend to", "used to");
* a present-simple verb with no auxiliary and no date whose subject is a bare plural ("gangs",
  "traffickers"): a generalisation about a kind of actor;
* a gerund after "by"/"through"/"via" in a present-tense clause with no date ("makes money by
  robbing victims"): the means of a habit.

Headlines use the present for past acts ("Gunmen kill 12 in Vell"); they have no final full stop
and keep their events. A date in the clause ("In 2012 the gang extorts ...") makes the act specific.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

HABITUAL_ADVERBS = {
    "typically", "usually", "routinely", "often", "regularly", "frequently", "generally", "commonly",
    "normally", "habitually", "sometimes", "occasionally", "always", "traditionally", "customarily",
    "constantly", "continually",
}
HABIT_FRAMES = {"tend", "use"}
"""Verbs whose infinitive is a habit: "gangs tend to recruit", "the cartel used to smuggle"."""
PRESENT_TAGS = {"VBZ", "VBP"}
MEANS_PREPS = {"by", "through", "via"}
GENERIC_ANTECEDENTS = {"those", "anyone", "anybody", "whoever", "everyone", "people"}
SENTENCE_ENDS = {".", "!", "?", "\u201d", '"'}


def is_generic(head: Token) -> bool:
    """True when the verb trigger ``head`` tells a habit or a generalisation, not one act."""
    if head.pos_ != "VERB":
        return False
    main = _first_conjunct(head)
    if _habitual(head) or _habitual(main):
        return True
    if _generic_present(main):
        return True
    return _means_gerund(head)


def _first_conjunct(verb: Token) -> Token:
    """"extort shopkeepers and kill those who refuse": the verb whose subject and tense both share."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _habitual(verb: Token) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return True
    frame = verb.head if verb.dep_ == "xcomp" else None
    if frame is None or frame.lemma_.lower() not in HABIT_FRAMES:
        return False
    # "used to smuggle" (a past habit), not "used force to disperse": the frame has no object
    return not any(c.dep_ == "dobj" for c in frame.children)


def _dated(verb: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _present_simple(verb: Token) -> bool:
    return verb.tag_ in PRESENT_TAGS and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _generic_present(verb: Token) -> bool:
    """"Gangs extort shopkeepers.": present simple, a bare plural subject, no date, a full sentence."""
    # "Gangs extort ... and kill ...": with the subject misparsed as root, "kill" is tagged a bare VB
    misparsed = verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.pos_ == "NOUN"
    if not (_present_simple(verb) or misparsed) or _dated(verb) or not _full_sentence(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and verb.head.lower_ in GENERIC_ANTECEDENTS:
        return True  # "those who refuse to pay": whoever does, not someone who did
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ == "NOUN":
        subjects = [verb.head]  # "Gangs in the port extort ... and kill ...": the subject parsed as root
    return bool(subjects) and all(_bare_plural(s) for s in subjects)


def _bare_plural(noun: Token) -> bool:
    """"gangs", "armed groups", "gang members": a kind, not particular people ("the gangs", "12 men")."""
    if noun.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _full_sentence(verb: Token) -> bool:
    """Headlines ("Gunmen kill 12 in Vell") have no closing punctuation."""
    last = verb.sent[-1]
    return last.text in SENTENCE_ENDS


def _means_gerund(verb: Token) -> bool:
    """"makes most of its money by robbing victims": the means of a present habit."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    prep = verb.head
    if prep.lower_ not in MEANS_PREPS:
        return False
    clause = prep.head
    return clause.pos_ in ("VERB", "AUX") and _present_simple(clause) and not _dated(clause)

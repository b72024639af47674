"""Reporting cues read off the dependency parse: verbs of saying, attributions, passive allegations.

A :class:`Cue` is a place in the text where someone is presented as saying something: the verb
("has denied", "went on to say", "inserted the caveat"), its subject token, and the span of what is
said when the parse shows it (the "that"-clause, the object of a denial, the "of"-phrase of an
accusation). Cues without a content span still matter: they attach quotations ("... ," he added).

Rules that decide what is *not* a cue, for precision:
- a negated or refused reporting verb ("did not confirm", "declined to comment") says nothing;
- "claimed the killing" (an act as the object) is no claim; nor is anything "no group" or "nobody" says;
- "charged with" is a legal act, not speech;
- verbs other than denials, announcements, accusations... need a clause: "added 500 troops" is no speech;
- characterising verbs need an "as" phrase or a predicate ("called the deal a mistake").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract import claims_lexicon as lex
from sitroom.extract.context import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_QUOTED_LABEL = re.compile(r"\s*[\"“‘'][^\"“”‘’'\n]{1,80}[\"”’']")
_CONTENT_PREPS = frozenset({"to", "of", "as", "about", "with", "for", "on", "against"})


@dataclass
class Cue:
    """A reporting verb (or attribution) with its subject and, when found, its content span."""

    verb: Token
    cue_start: int
    cue_end: int
    subject: Token | None
    stance: str = "assert"
    content: tuple[int, int] | None = None
    content_root: Token | None = None
    """Head of the content clause; its subject is added to the claim's ``about``."""
    kind: str = "verb"
    """``verb`` (active reporting verb), ``attribution`` ("according to X"), ``allegation`` (no speaker)."""
    about_tokens: list[Token] = field(default_factory=list)
    """Tokens outside the content whose entities the claim is about (the accused of a passive)."""
    relay: Token | None = None
    """Who passes the words on: Reuters in "Reuters quoted a diplomat as saying" (the claim's ``via``)."""


def is_reporting_verb(token: Token) -> bool:
    """A verb of saying, or a light verb with a speech noun ("inserted the caveat")."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VB", "VBG"):
        return False
    lemma = token.lemma_.lower()
    if lemma in lex.REPORTING_VERBS:
        return not _is_excluded(token)
    return lemma in lex.LIGHT_VERBS and _speech_noun(token) is not None


def _is_excluded(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.REFUSAL_VERBS:
        return True
    # "point" only as "point out"
    return verb.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in verb.children)


def _speech_noun(verb: Token) -> Token | None:
    obj = _child(verb, "dobj")
    if obj is not None and obj.lemma_.lower() in lex.SPEECH_NOUNS:
        return obj
    return None


def _child(token: Token, dep: str) -> Token | None:
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _subtree_span(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _end_of(token: Token) -> int:
    return token.idx + len(token.text)


def verb_cues(doc: Doc) -> list[Cue]:
    """Every active reporting verb in the document, with content where the parse shows one."""
    cues = []
    for token in doc:
        if not is_reporting_verb(token) or _is_passive(token) or token.dep_ == "amod":
            continue
        if token.dep_ == "acl" and token.tag_ == "VBN":
            continue
        if _purpose_infinitive(token):
            continue  # "marched on the palace to demand ...": a purpose, shown by acting, not said
        if _claims_an_act(token) or _nobody_says(token):
            continue
        start, end = _cue_extent(token)
        cue = Cue(verb=token, cue_start=start, cue_end=end, subject=_speaker_token(token))
        _quoted_as_saying(cue)
        if token.lemma_.lower() in lex.DENIAL_VERBS:
            if _rejects_an_act(token):
                continue  # "rejected an offer to mediate": a REJECT event, not a denial
            cue.stance = "deny"
        noun = _speech_noun(token)
        if noun is not None and noun.lemma_.lower() == "denial":
            cue.stance = "deny"
        if not _inverted(cue):
            _set_content(cue)
            _relative_object(cue)
            _drop_requested_act(cue)
        if token.lemma_.lower() in lex.CLAUSE_ONLY_VERBS and not _has_clause_content(cue):
            continue  # "the cartel is disputing the region": a fight over ground, not over a claim
        second = _second_clause(cue)
        if second is not None:
            cues.append(cue)
            cue = second  # "said X and that Y": two claims, one cue each
        if token.dep_ == "relcl" and any(t.lower_ in lex.RELATIVE_PRONOUNS and t.dep_ == "pobj"
                                         for t in token.subtree):
            cue.about_tokens.append(token.head)  # "X, to which the state denies affinity": about X
        cues.append(cue)
    return cues


_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
_QUOTE_OR_COMMA = _CLOSING_QUOTES | {","}
_NOUN_PHRASE_DEPS = frozenset({"compound", "det", "amod", "nummod", "poss", "case"})


def _speaker_token(verb: Token) -> Token | None:
    """The verb's subject; in '"...," said X' the noun phrase after the verb, since a subject the parser
    found before the verb lies inside the quotation."""
    subject = _subject(verb)
    after = _subject_after_quote(verb)
    closes_quote = verb.i > 0 and verb.doc[verb.i - 1].text in _CLOSING_QUOTES
    if after is not None and (subject is None or (closes_quote and subject.i < verb.i)):
        return after
    return subject


def _subject_after_quote(verb: Token) -> Token | None:
    """ '"...," said Salif Arou, "..."': when the parser hangs the name under the quote's second half,
    the noun phrase right after the verb is still its speaker."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in _QUOTE_OR_COMMA:
        return None
    for token in verb.doc[verb.i + 1:verb.i + 6]:
        if token.pos_ in ("PROPN", "NOUN") and token.dep_ != "compound" and token.ent_type_ not in ("DATE", "TIME"):
            return token
        if token.dep_ not in _NOUN_PHRASE_DEPS:
            return None
    return None


def _claims_an_act(verb: Token) -> bool:
    """ "claimed the killing", "claimed the attack": the act as the object is taking credit (an event or
    nothing), not a statement; "claimed responsibility for ..." remains a claim."""
    if verb.lemma_.lower() != "claim":
        return False
    obj = _child(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in lex.CLAIMED_ACT_NOUNS


def _nobody_says(verb: Token) -> bool:
    """ "No group claimed ...", "Nobody has confirmed ...": a negated speaker says nothing."""
    subject = _child(verb, "nsubj")
    if subject is None:
        return False
    return subject.lower_ in lex.NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _quoted_as_saying(cue: Cue) -> None:
    """ "Reuters quoted a council diplomat as saying that ...": the one quoted is the speaker and the
    one quoting the relay; "Brask was quoted as saying ..." has the quoted person as the subject."""
    verb = cue.verb
    marker = verb.head
    if verb.dep_ != "pcomp" or marker.lower_ != "as" or marker.head.lemma_.lower() not in lex.QUOTING_VERBS:
        return
    quoting = marker.head
    quoted = _child(quoting, "dobj") or _child(quoting, "nsubjpass")
    if quoted is None:
        return
    cue.subject = quoted
    cue.cue_start = marker.idx
    cue.relay = _child(quoting, "nsubj") or _agent(quoting)


def _agent(verb: Token) -> Token | None:
    from sitroom.extract.claims_speakers import agent_of

    return agent_of(verb)


def _second_clause(cue: Cue) -> Cue | None:
    """ "said the army had retaken the airport and that the rebels had fled": the "and that" clause is
    a second claim; the first cue's content stops before the "and". Returns the second cue."""
    root = cue.content_root
    if root is None or cue.content is None or root.dep_ != "ccomp":
        return None
    second = next((c for c in root.rights if c.dep_ == "conj" and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if second is None:
        return None
    before = _strip_edges([t for t in root.subtree if t.i < second.left_edge.i])
    while before and before[-1].dep_ == "cc":
        before = _strip_edges(before[:-1])
    if not before:
        return None
    cue.content = (cue.content[0], _end_of(before[-1]))
    return Cue(verb=cue.verb, cue_start=cue.cue_start, cue_end=cue.cue_end, subject=cue.subject,
               stance=cue.stance, content=_clause_span(second), content_root=second, relay=cue.relay)


def _drop_requested_act(cue: Cue) -> None:
    """ "urged the authorities to release the students": an act asked for is a REQUEST event, not a
    claim, so the cue keeps no content (a quote may still hang on it); "urged that ..." is a claim."""
    if cue.verb.lemma_.lower() not in lex.REQUEST_VERBS or cue.content_root is None:
        return
    if cue.content_root.dep_ != "ccomp":
        cue.content, cue.content_root = None, None


def _purpose_infinitive(verb: Token) -> bool:
    """ "to demand" after "marched": but "went on to say" / "continued to insist" are speech."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in lex.CONTINUATION_VERBS


def _inverted(cue: Cue) -> bool:
    """ "Nine bodies were found on Friday, reported the AFP.": the speaker follows the verb, and what it
    says is the sentence before the comma. Sets subject and content; True when the pattern holds."""
    verb = cue.verb
    if verb.lemma_.lower() not in lex.INVERSION_VERBS or verb.i == verb.sent.start:
        return False
    if verb.doc[verb.i - 1].text != "," or any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    after = [c for c in verb.rights if c.dep_ in ("nsubj", "dobj") and c.pos_ in ("PROPN", "NOUN")]
    last = _last_word(verb.sent)
    if not after or after[0].right_edge.i < last.i or any(c.dep_ in ("ccomp", "mark") for c in verb.rights):
        return False
    tokens = _strip_edges([t for t in verb.sent if t.i < verb.i - 1 and not _in_dateline(t)])
    if not tokens:
        return False
    cue.subject = after[0]
    cue.content, cue.content_root = (tokens[0].idx, _end_of(tokens[-1])), verb.sent.root
    return True


def _last_word(sent: Span) -> Token:
    last = sent[-1]
    while last.i > sent.start and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    return last


def _in_dateline(token: Token) -> bool:
    from sitroom.extract.claims_speakers import in_dateline

    return in_dateline(token)


def _relative_object(cue: Cue) -> None:
    """ "a charge that the government denied": the content is the noun the relative clause hangs on."""
    verb = cue.verb
    if verb.dep_ != "relcl" or cue.content is not None:
        return
    if not any(c.dep_ == "dobj" and c.lower_ in lex.RELATIVE_PRONOUNS for c in verb.children):
        return
    noun = verb.head
    tokens = _strip_edges([t for t in noun.subtree if t.i < verb.left_edge.i])
    if tokens:
        cue.content, cue.content_root = (tokens[0].idx, _end_of(tokens[-1])), noun


def _rejects_an_act(verb: Token) -> bool:
    """ "rejected an ECOWAS offer", "dismissed the demand": the direct object is a proposal or a demand."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and not objects:
        objects = [verb.head]  # "the offer, which Brask rejected"
    return any(o.lemma_.lower() in lex.ACT_NOUNS or o.lower_ in lex.ACT_NOUNS for o in objects)


def _has_clause_content(cue: Cue) -> bool:
    if cue.content_root is None:
        return False
    root = cue.content_root
    return root.pos_ in ("VERB", "AUX") or root.lemma_.lower() in lex.PROPOSITION_NOUNS


def _subject(verb: Token) -> Token | None:
    from sitroom.extract.claims_speakers import subject_of

    return subject_of(verb)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _cue_extent(verb: Token) -> tuple[int, int]:
    """Characters of the cue phrase: "has denied", "went on to say", "inserted the caveat"."""
    start, end = verb.idx, _end_of(verb)
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass") and child.i >= verb.i - 3:
            start = min(start, child.idx)
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = _end_of(child)
    noun = _speech_noun(verb)
    if noun is not None and noun.i <= verb.i + 3:
        end = max(end, _end_of(noun))
    head = verb.head
    # "went on to say": the controlling verb is part of the cue when it is just before.
    if verb.dep_ in ("xcomp", "advcl") and head.i < verb.i and verb.i - head.i <= 3:
        start = min(start, head.idx)
    return start, end


def _set_content(cue: Cue) -> None:
    verb = cue.verb
    lemma = verb.lemma_.lower()
    ccomp = _ccomp_after(verb) or fronted_ccomp(verb)
    if ccomp is not None:
        cue.content, cue.content_root = _clause_span(ccomp), ccomp
        return
    noun = _speech_noun(verb) if lemma in lex.LIGHT_VERBS else None
    if noun is not None:
        clause = _proposition_clause(noun)
        if clause is not None:
            cue.content, cue.content_root = _clause_span(clause), clause
        return
    obj = _child(verb, "dobj")
    if lemma in lex.PREP_FIRST_VERBS:
        _prep_content(cue, lex.PREP_CONTENT[lemma])  # "accused France last week of spying"
        if cue.content is not None:
            return
    if lemma in lex.CHARACTERISING_VERBS:
        _characterisation(cue, obj)
    elif lemma in lex.OBJECT_CONTENT_VERBS and obj is not None and obj.i > verb.i:
        _object_content(cue, obj)
    if cue.content is None and lemma in lex.PREP_CONTENT:
        _prep_content(cue, lex.PREP_CONTENT[lemma])
    if cue.content is None and lemma in lex.XCOMP_CONTENT_VERBS:
        xcomp = _child(verb, "xcomp")
        if xcomp is not None and xcomp.i > verb.i:
            cue.content, cue.content_root = _clause_span(xcomp), xcomp


def _ccomp_after(verb: Token) -> Token | None:
    for child in verb.rights:
        if child.dep_ == "ccomp":
            return child
    return None


def fronted_ccomp(verb: Token) -> Token | None:
    """The clause before a parenthetical cue: "The group had seized the airport, Reuters reported"."""
    for child in verb.lefts:
        if child.dep_ == "ccomp" and child.right_edge.i + 1 < verb.i:
            between = verb.doc[child.right_edge.i + 1]
            if between.text == ",":
                return child
    return None


def clause_span(head: Token) -> tuple[int, int]:
    """The clause headed by ``head``, without "that" and final punctuation (see :func:`_clause_span`)."""
    return _clause_span(head)


def _clause_span(head: Token) -> tuple[int, int]:
    """A clause without its complementiser ("that") and without trailing punctuation."""
    tokens = [t for t in head.subtree]
    while tokens and (tokens[0].dep_ in ("mark", "punct") or (tokens[0].dep_ == "aux" and tokens[0].lower_ == "to")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "”’\"'":
        tokens = tokens[:-1]
    if not tokens:
        return head.idx, _end_of(head)
    return tokens[0].idx, _end_of(tokens[-1])


def _proposition_clause(noun: Token) -> Token | None:
    """The "that"-clause of a claim noun: "claims that troops were present"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                           for g in child.children):
            return child
    return None


def _object_content(cue: Cue, obj: Token) -> None:
    verb = cue.verb
    clause = _proposition_clause(obj) if obj.lemma_.lower() in lex.PROPOSITION_NOUNS else None
    if clause is not None:
        cue.content, cue.content_root = _clause_span(clause), clause
        return
    start, end = _subtree_span(obj)
    end = _without_trailing_comment(obj, end)
    preps = _CONTENT_PREPS - {"as"} if cue.stance == "deny" else _CONTENT_PREPS
    for child in verb.rights:
        if child.i <= obj.right_edge.i:
            continue
        adjacent = child.left_edge.i == _next_index(verb, end)
        if adjacent and (child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ in preps)):
            end = _subtree_span(child)[1]
    cue.content, cue.content_root = (start, end), obj


def _without_trailing_comment(obj: Token, end: int) -> int:
    """ "accused the advisers of failing to warn the garrison, a rare public criticism": an apposition
    that comes after the object's other modifiers comments on the whole act; it is not claimed."""
    rights = list(obj.rights)
    for k, child in enumerate(rights):
        if child.dep_ == "appos" and any(r.dep_ not in ("punct", "appos") for r in rights[:k]):
            before = [t for t in obj.subtree if t.i < child.left_edge.i]
            while before and (before[-1].is_punct or before[-1].is_space):
                before.pop()
            return _end_of(before[-1]) if before else end
    return end


def _next_index(verb: Token, char_end: int) -> int:
    """Index of the first token starting at or after ``char_end``."""
    for token in verb.doc[verb.i:]:
        if token.idx >= char_end:
            return token.i
    return len(verb.doc)


def _characterisation(cue: Cue, obj: Token | None) -> None:
    verb = cue.verb
    predicate = None
    for child in verb.rights:
        if child.dep_ in ("oprd", "xcomp") or (child.dep_ == "prep" and child.lower_ == "as"):
            predicate = child
    if obj is not None and predicate is None:
        label_end = _quoted_label_after(obj)
        if label_end is not None:
            cue.content, cue.content_root = (_subtree_span(obj)[0], label_end), obj
        return
    if obj is None or predicate is None:
        return
    cue.content = (_subtree_span(obj)[0], _trim_end(predicate))
    cue.content_root = obj


def _quoted_label_after(obj: Token) -> int | None:
    """End of a quoted label right after the object ("called the sanctions “illegal and inhumane”")."""
    text = doc_text(obj.doc)
    at = _end_of(obj)
    match = _QUOTED_LABEL.match(text, at)
    return match.end() if match else None


def _trim_end(token: Token) -> int:
    last = token.right_edge
    while last.i > token.i and last.is_punct and last.text not in "”’\"'":
        last = last.doc[last.i - 1]
    return _end_of(last)


def _prep_content(cue: Cue, preps: frozenset[str]) -> None:
    verb = cue.verb
    obj = _child(verb, "dobj")
    # "accused France last week of ...": the parser may hang the "of" on the time phrase
    candidates = list(verb.rights) + [g for c in verb.rights if c.dep_ == "npadvmod" for g in c.rights]
    for child in candidates:
        if child.dep_ == "prep" and child.lower_ in preps:
            target = _child(child, "pobj") or _child(child, "pcomp")
            if target is None:
                continue
            start = _subtree_span(obj)[0] if obj is not None and obj.i > verb.i else _subtree_span(target)[0]
            cue.content, cue.content_root = (start, _trim_end(child)), target
            if obj is not None:
                cue.about_tokens.append(obj)
            return


# ---- attributions ----------------------------------------------------------------------------------

def attribution_cues(doc: Doc) -> list[Cue]:
    """ "according to X" and "as reported by X": X is the source of the clause they modify."""
    cues = []
    for token in doc:
        source = _according_to(token) or _as_reported_by(token)
        if source is None or not _can_be_a_source(source):
            continue
        head = token.head if token.head is not token else token
        # the cue is "according to" / "as reported by": the words before the source's name
        cue = Cue(verb=token, cue_start=token.idx, cue_end=_end_of(source.head), subject=source,
                  kind="attribution", content_root=head)
        if token.lower_ == "according":
            cue.cue_end = _end_of(source.head)
        else:
            cue.cue_start = min(c.idx for c in token.lefts if c.lower_ == "as")
        cue.content = _clause_without(head, token)
        cues.append(cue)
    return cues


def _can_be_a_source(source: Token) -> bool:
    """ "according to Reuters / him / a report / officials" yes; "according to the quantities carried"
    (in proportion to) no: a source is a name, a pronoun, or a noun for people, bodies or documents."""
    from sitroom.extract.claims_descriptions import kind_of_description

    if source.pos_ in ("PROPN", "PRON") or source.ent_type_:
        return True
    return kind_of_description(source) is not None


def _according_to(token: Token) -> Token | None:
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            return _child(child, "pobj")
    return None


def _as_reported_by(token: Token) -> Token | None:
    if token.lemma_.lower() != "report" or not any(c.lower_ == "as" for c in token.lefts):
        return None
    from sitroom.extract.claims_speakers import agent_of

    return agent_of(token)


def _clause_without(head: Token, attribution: Token) -> tuple[int, int] | None:
    """The clause headed by ``head`` minus the attribution phrase and the punctuation around it.

    An attribution at either edge of its sentence ("According to X, ..." / "..., according to X.")
    covers the whole sentence, whatever clause the parser hung it on ("... a company that would bring
    300 soldiers, according to Reuters" is about the company deal, not only the relative clause)."""
    first, last = attribution.left_edge.i, attribution.right_edge.i
    sent = attribution.sent
    words = [t for t in sent if not (t.is_punct or t.is_space or _in_dateline(t))]
    if words and (words[0].i >= first or words[-1].i <= last):
        tokens = _strip_edges([t for t in sent if not (first <= t.i <= last) and not _in_dateline(t)])
        return (tokens[0].idx, _end_of(tokens[-1])) if tokens else None
    before = [t for t in head.subtree if t.i < first]
    after = [t for t in head.subtree if t.i > last]
    # a span is contiguous: keep the side of the attribution that holds the clause's head
    tokens = _strip_edges(after if head.i > last else before)
    if not tokens:
        return None
    return tokens[0].idx, _end_of(tokens[-1])


def _strip_edges(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in lex.DISCOURSE_MARKERS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in "”’\"'")):
        tokens = tokens[:-1]
    return tokens


# ---- unattributed allegations --------------------------------------------------------------------

def allegation_cues(doc: Doc) -> list[Cue]:
    """Passive reports without a speaker ("has been accused of", "is said to"), "allegedly", "alleged"."""
    cues = []
    for token in doc:
        cue = _passive_allegation(token) or _allegation_modifier(token)
        if cue is not None:
            cues.append(cue)
    return cues


def _passive_allegation(verb: Token) -> Cue | None:
    lemma = verb.lemma_.lower()
    passive = _is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if lemma not in lex.PASSIVE_ALLEGATION_VERBS or not passive or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    from sitroom.extract.claims_speakers import agent_of

    agent = agent_of(verb)
    cue = Cue(verb=verb, cue_start=verb.idx, cue_end=_end_of(verb), subject=agent, kind="allegation")
    target = _child(verb, "nsubjpass") or (verb.head if verb.dep_ == "acl" else None)
    if target is not None and target.lower_ != "it":
        cue.about_tokens.append(target)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "with"):
            inner = _child(child, "pobj") or _child(child, "pcomp")
            if inner is not None:
                cue.content, cue.content_root = (_subtree_span(inner)[0], _trim_end(child)), inner
                cue.cue_end = _end_of(child)
                return cue
        if child.dep_ in ("xcomp", "ccomp"):
            cue.content, cue.content_root = _clause_span(child), child
            if child.dep_ == "xcomp":
                cue.cue_end = _end_of(child.left_edge) if child.left_edge.lower_ == "to" else cue.cue_end
            return cue
    return None


def _allegation_modifier(token: Token) -> Cue | None:
    lower = token.lower_
    if lower in lex.ALLEGATION_ADVERBS and token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX"):
        head = token.head
        tokens = _strip_edges(list(head.subtree))  # the whole clause: "the group is allegedly financed by X"
        content = (tokens[0].idx, _end_of(tokens[-1])) if tokens else None
    elif lower in lex.ALLEGATION_ADJECTIVES and token.dep_ == "amod":
        head = token.head
        start, end = _subtree_span(head)
        content = (start, end)
    else:
        return None
    if content is None:
        return None
    return Cue(verb=token, cue_start=token.idx, cue_end=_end_of(token), subject=None, content=content,
               content_root=head, kind="allegation")

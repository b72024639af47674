"""The author's own voice: sentences that judge, prescribe or predict rather than report.

Aims at precision. A sentence is an opinion of the author when, outside any quotation, it has one of:

- a first-person judgement ("I agree with", "I think", "we believe", "in my view");
- a prescriptive modal ("must", "should", "ought to");
- a stance marker ("certainly", "of course", "in conclusion", "arguably", "theoretically");
- a hedged prediction ("would likely be");
- "X alone will not ..." (a verdict on a means);
- an evaluative predicate ("are not an effective way", "is multi-faceted", "are incapable of");
- "it is in X's interest to";
- a comparative prediction without figures ("will achieve much more stability than").

Sentences that attribute their content to someone else (a reporting verb with a subject, "according
to") are left to the reported-speech rules, unless the author speaks in the first person.

**Op-ed only.** Generic evaluative statements without any of those cues ("the north is more violent than
ever", "the only path that has produced a ceasefire", "has cost the country dearly", "Nothing about this
will be easy", "He can keep paying ..., or he can end the contract") read as the author's judgement only
in an opinion piece; in a news report the same words are the reporter's description. So they are gated
by :func:`is_op_ed`: the document has a byline author *and* the author writes in the first person outside
quotations somewhere ("I spent last month in Vell", "We must stop"), or its title starts with an opinion
marker ("Opinion: ...", "Comment | ..."). Measured on 20 BBC and 20 InSight Crime news articles (none
passes the gate), see the claims-3 report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract import claims_lexicon as lex
from sitroom.extract.context import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_INTEREST = re.compile(r"\bit is (?:not )?in (?:the )?[\w’'.-]+(?: [\w’'.-]+)? interests?\b", re.I)
_PHRASES = sorted((m for m in lex.STANCE_MARKERS if " " in m), key=len, reverse=True)


@dataclass(frozen=True)
class OpinionCue:
    """Why a sentence reads as the author's opinion: the cue text and the content span."""

    cue: str
    start: int
    end: int


# Verdicts an op-ed states in its own voice; each alternative is one kind of judgement.
_VERDICT = re.compile(r"""\b(?:
    (?:far|much|a\ little|a\ lot)\ (?:more|less|worse|better)\b   # intensified comparative
  | than\ ever\b                                                              # "more violent than ever"
  | the\ only\ (?:path|way|option|one|solution|hope|choice|route|answer|road)\b
  | cost(?:s|ing)?\ (?:[\w’'-]+\ ){0,4}?dearly\b                              # cost/benefit verdict
  | (?:hard|difficult|impossible)\ to\ (?:ignore|deny|justify|defend|believe|overstate)\b
  | ha(?:s|ve)\ (?:only\ )?(?:two|three|few|no|limited)\ (?:choices|options)\b
  | ^(?:that|this)\ is\ (?:not|exactly|precisely)\ what\b                    # the author contradicting
)""", re.IGNORECASE | re.VERBOSE)
_OPTION_MODALS = frozenset({"can", "could"})


def is_op_ed(doc: Doc, quoted: set[int], has_author: bool) -> bool:
    """True for an opinion piece: a byline author who writes in the first person outside quotations,
    or a title (first line) that starts with an opinion marker. Gates :func:`op_ed_opinion_in`."""
    first_line = doc.text.lstrip().split("\n", 1)[0].lower()
    if any(re.match(rf"{re.escape(m)}\s*[:|\-–—]", first_line) for m in lex.OPED_TITLE_MARKERS):
        return True
    if not has_author:
        return False
    return any(t.lower_ in ("i", "we", "my", "our", "me", "us") and t.i not in quoted
               and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "dative") for t in doc)


def opinion_in(sent: Span, quoted: set[int], attributed: bool, op_ed: bool = False) -> OpinionCue | None:
    """The opinion cue of one sentence, or None; ``quoted`` holds indices of tokens inside quotes.
    ``op_ed`` (see :func:`is_op_ed`) adds the generic verdicts that only an opinion piece states."""
    tokens = [t for t in sent if t.i not in quoted]
    first_person = _first_person(tokens)
    if first_person is not None:
        return first_person
    if attributed or len(tokens) < len(sent) / 2:
        return None
    finders = [_stance_phrase, _modal, _stance_word, _alone_negated, _evaluative, _comparative]
    if op_ed:
        finders += [_verdict, _options, _judged_predicate]
    for finder in finders:
        found = finder(sent, tokens)
        if found is not None:
            return found
    return None


def _verdict(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    """ "far more than", "than ever", "the only path", "cost the country dearly", "hard to ignore"."""
    unquoted = {t.idx for t in tokens}
    text = sent.text
    for match in _VERDICT.finditer(text):
        at = sent.start_char + match.start()
        if any(start <= at < start + 12 for start in unquoted):
            return OpinionCue(match.group(0), *_content(sent))
    return None


def _options(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    """ "He can keep paying ..., or he can end the contract": the author laying out the choices."""
    modals = [t for t in tokens if t.tag_ == "MD" and t.lower_ in _OPTION_MODALS]
    if len(modals) < 2:
        return None
    between = {t.lower_ for t in tokens if modals[0].i < t.i < modals[-1].i}
    return OpinionCue(f"{modals[0].text} ... or", *_content(sent)) if "or" in between else None


def _judged_predicate(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    """ "Nothing about this will be easy", "The second path is harder": a copula with a judging
    adjective, in the present or the future (past ones describe: "the road was difficult")."""
    for token in tokens:
        if token.dep_ != "acomp" or token.lower_ not in lex.OPED_PREDICATE_ADJECTIVES:
            continue
        verb = token.head
        if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP", "VB") and not _in_question(sent):
            return OpinionCue(token.text, *_content(sent))
    return None


def _in_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def _content(sent: Span, head: Token | None = None) -> tuple[int, int]:
    """The sentence (or the clause of ``head``) without leading discourse markers and final stop."""
    tokens = list(head.subtree) if head is not None else list(sent)
    text = doc_text(sent.doc)
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in lex.DISCOURSE_MARKERS):
        tokens = tokens[1:]
    start_char = tokens[0].idx if tokens else sent.start_char
    lowered = text[start_char:sent.end_char].lower()
    for phrase in sorted(lex.DISCOURSE_MARKERS, key=len, reverse=True):
        if " " in phrase and lowered.startswith(phrase):
            tokens = [t for t in tokens if t.idx >= start_char + len(phrase)]
            while tokens and tokens[0].is_punct:
                tokens = tokens[1:]
            break
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "”’\"'":
        tokens = tokens[:-1]
    if not tokens:
        return sent.start_char, sent.end_char
    last = tokens[-1]
    return tokens[0].idx, last.idx + len(last.text)


def _first_person(tokens: list[Token]) -> OpinionCue | None:
    for token in tokens:
        if token.lower_ not in ("i", "we") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = token.head
        modal = any(c.lower_ in lex.PRESCRIPTIVE_MODALS for c in verb.children)
        if verb.lemma_.lower() in lex.FIRST_PERSON_OPINION_VERBS or modal:
            ccomp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            start, end = _content(verb.sent, ccomp if ccomp is not None else verb)
            cue_end = verb.idx + len(verb.text)
            return OpinionCue(verb.doc.text[token.idx:cue_end], start, end)
    for token in tokens:
        if token.lower_ == "my" and token.head.lower_ in ("view", "opinion", "mind"):
            return OpinionCue(f"my {token.head.lower_}", *_content(token.sent))
    return None


def _stance_phrase(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    lowered = sent.text.lower()
    for phrase in _PHRASES:
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return OpinionCue(phrase, *_content(sent))
    match = _INTEREST.search(sent.text)
    if match:
        return OpinionCue(match.group(0), *_content(sent))
    return None


def _stance_word(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    for token in tokens:
        lower = token.lower_
        if lower in lex.STANCE_MARKERS and token.pos_ == "ADV":
            return OpinionCue(token.text, *_content(sent))
        if lower in lex.HEDGE_ADVERBS and token.pos_ == "ADV" and _has_modal(token.head):
            return OpinionCue(token.text, *_content(sent))
    return None


def _has_modal(verb: Token) -> bool:
    return any(c.tag_ == "MD" for c in verb.children)


def _modal(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    for token in tokens:
        if token.tag_ == "MD" and token.lower_ in lex.PRESCRIPTIVE_MODALS and token.i != sent.start:
            return OpinionCue(token.text, *_content(sent))
    return None


def _alone_negated(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    for token in tokens:
        if token.lower_ != "alone":
            continue
        verb = token.head.head if token.head.dep_ in ("nsubj", "nsubjpass") else token.head
        if _has_modal(verb) and any(c.dep_ == "neg" for c in verb.children):
            return OpinionCue(f"{token.head.text} alone", *_content(sent))
    return None


def _evaluative(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    for token in tokens:
        lemma = token.lemma_.lower()
        word = _hyphenated(token)
        if token.dep_ in ("acomp", "oprd") and {lemma, token.lower_, word} & lex.EVALUATIVE_ADJECTIVES:
            return OpinionCue(word, *_content(sent))
        if token.dep_ == "attr":
            if lemma in lex.EVALUATIVE_NOUNS:
                return OpinionCue(token.text, *_content(sent))
            for child in token.children:
                if child.dep_ == "amod" and child.lower_ in lex.EVALUATIVE_ADJECTIVES:
                    return OpinionCue(child.text, *_content(sent))
    return None


def _hyphenated(token: Token) -> str:
    """ "multi-faceted" is split into three tokens; rebuild the word from the last one."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return token.lower_


def _comparative(sent: Span, tokens: list[Token]) -> OpinionCue | None:
    if any(t.like_num for t in tokens):
        return None
    lowers = [t.lower_ for t in tokens]
    if "than" not in lowers or not any(w in lex.COMPARATIVES for w in lowers):
        return None
    for token in tokens:
        if token.tag_ == "MD" and token.lower_ in ("will", "would"):
            return OpinionCue(f"{token.text} ... than", *_content(sent))
    return None

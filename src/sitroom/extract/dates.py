"""Date step: every date expression of a document as a :class:`DateRef`, normalised to ISO.

The recogniser (:mod:`sitroom.extract.dates_patterns`) is rule-based: spaCy's small model misses
many dates and tags counts as dates, so its DATE entities are only a hint (they let a bare year such
as "the 2016 US election" count). Resolution against the document date lives in
:mod:`sitroom.extract.dates_relative`. When the document has no date, one is inferred first
(:mod:`sitroom.extract.dates_infer`) and marked ``published_inferred``.

For other steps:

* :func:`resolve_date_text` normalises a date string on its own;
* :func:`dates_in` gives the dates inside a character span (the date of a clause).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.dates_calendar import Anchor
from sitroom.extract.dates_infer import infer_published
from sitroom.extract.dates_lexicon import EVENT_NOUNS, FUTURE_CUES
from sitroom.extract.dates_patterns import Candidate, ScanEnv, scan
from sitroom.records import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class DateStep:
    """Fills ``ctx.record.dates``; infers ``ctx.document.published`` when it is missing."""

    name = "dates"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        env = spacy_env(ctx.doc)
        if not ctx.document.published:
            inferred = infer_published(scan(ctx.text, env))
            if inferred is not None:
                ctx.document.published = inferred
                ctx.document.published_inferred = True
        env.anchor = Anchor.parse(ctx.document.published)
        extractor = f"{self.name}/{self.version}"
        ctx.record.dates = [_date_ref(ctx, cand, extractor) for cand in scan(ctx.text, env)]


def _date_ref(ctx: Context, cand: Candidate, extractor: str) -> DateRef:
    span = ctx.span(cand.start, cand.end)
    value = cand.value
    return DateRef(text=span.text, start=value.start, end=value.end, granularity=value.granularity,
                   evidence=span, relative=value.relative, extractor=extractor)


def resolve_date_text(text: str, anchor: str | None) -> tuple[str | None, str | None, str]:
    """Normalise a date expression on its own: ``(start, end, granularity)``.

    ``anchor`` is the document date (``2021-09-22``, ``2021-09`` or ``2021``) for relative
    expressions. A bare year is trusted here ("2018" -> ``2018``): the caller says it is a date.
    The longest expression in ``text`` wins; ``(None, None, "unknown")`` when none resolves.

    >>> resolve_date_text("last month", "2021-09-22")
    ('2021-08', '2021-08', 'month')
    """
    env = ScanEnv(anchor=Anchor.parse(anchor), trust_years=True)
    found = scan(text, env)
    if not found:
        return None, None, "unknown"
    best = max(found, key=lambda c: c.end - c.start)
    return best.value.start, best.value.end, best.value.granularity


def dates_in(ctx: Context, start: int, end: int) -> list[DateRef]:
    """The dates whose expression lies inside ``start:end``, in text order."""
    dates = ctx.record.dates
    starts = sorted_date_starts(ctx)
    if starts is None:  # not in text order (a step reordered them): scan, as before
        return [d for d in dates if d.evidence.start >= start and d.evidence.end <= end]
    first, last = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
    return [d for d in dates[first:last] if d.evidence.end <= end]


def sorted_date_starts(ctx: Context) -> list[int] | None:
    """Evidence starts of ``ctx.record.dates`` when they are in text order (else None), kept per list
    and length: every clause of every event asks for its dates, and a scan each time was quadratic."""
    dates = ctx.record.dates
    cached = _STARTS_CACHE.get(id(ctx))
    if cached is not None and cached[0] is dates and cached[1] == len(dates):
        return cached[2]
    starts: list[int] | None = [d.evidence.start for d in dates]
    if starts != sorted(starts or []):
        starts = None
    _STARTS_CACHE.clear()  # one document at a time: keep only the latest
    _STARTS_CACHE[id(ctx)] = (dates, len(dates), starts)
    return starts


_STARTS_CACHE: dict[int, tuple[list[DateRef], int, list[int] | None]] = {}


def spacy_env(doc: Doc) -> ScanEnv:
    """Token-level hints from the parse: DATE entities, counted nouns, forward-looking sentences.
    Tokens are reached through ``char_span``: indexing every token of a long Doc costs more than
    the whole recogniser."""
    date_ents = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]

    def is_date_hint(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in date_ents)

    def counts_noun(start: int, end: int) -> bool:
        span = doc.char_span(start, end)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        head = tok.head
        return (tok.dep_ == "nummod" and head.i > tok.i and head.pos_ == "NOUN"
                and head.lower_ not in EVENT_NOUNS)

    def is_future_at(char: int) -> bool:
        verdict = _clause_tense(doc, char)
        if verdict is not None:
            return verdict
        return bool(_FUTURE_RE.search(_sentence_text(doc, char)))

    def is_past_at(char: int) -> bool:
        if _DEADLINE_BEFORE.search(doc.text, max(0, char - 10), char) or _in_condition(doc, char):
            return False  # "if the troops were not withdrawn by June 30": a deadline still to come
        return _clause_tense(doc, char) is False

    return ScanEnv(is_date_hint=is_date_hint, counts_noun=counts_noun, is_future_at=is_future_at,
                   is_past_at=is_past_at)


_FUTURE_RE = re.compile(r"(?i)(?:\b|(?<=['’]))(?:" + "|".join(re.escape(w) for w in sorted(FUTURE_CUES)) + r")\b")


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "would", "wo"})
_PLANNING_LEMMAS = frozenset({"plan", "schedule", "expect", "set", "due", "poise", "intend", "aim", "agree"})
_START_LEMMAS = frozenset({"start", "begin"})


_DEADLINE_BEFORE = re.compile(r"\b(?:[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore)\s+(?:the\s+)?$")
_CONDITION_MARKS = frozenset({"if", "unless"})


def _in_condition(doc: Doc, char: int) -> bool:
    """The date's clause is a condition ("if ... by June 30"): its tense says nothing of the date."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    verb = _governing_verb(span[0]) if span is not None and len(span) else None
    return verb is not None and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)


def _clause_tense(doc: Doc, char: int) -> bool | None:
    """Does the clause the date belongs to look forward? Read from the verb that governs it (its
    auxiliaries, a planning verb above it): True/False, or None when no governing verb is found.
    The whole sentence misleads: "rejected an offer on Monday to set a date" is past, and "the
    ministry announced on Thursday that France will ..." dates the announcement, not the plan."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governing_verb(span[0])
    if verb is None:
        return None
    if verb.lemma_.lower() in _START_LEMMAS and verb.tag_ == "VBG":
        return True  # "a ceasefire starting on Friday"
    while True:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
            return True
        if verb.tag_ in ("VBD", "VBN") and verb.dep_ != "xcomp":
            return verb.lemma_.lower() in _PLANNING_LEMMAS and verb.tag_ == "VBN"
        if verb.dep_ != "xcomp" or verb.head is verb:
            break
        verb = verb.head  # "is set to meet on Monday": the plan is above the verb of the date
        if verb.lemma_.lower() in _PLANNING_LEMMAS:
            return True
    return None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _sentence_text(doc: Doc, char: int) -> str:
    """The sentence around ``char``, found by walking tokens to the sentence starts on each side."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    first = last = span[0].i
    while first > 0 and not doc[first].is_sent_start:
        first -= 1
    while last + 1 < len(doc) and not doc[last + 1].is_sent_start:
        last += 1
    return doc[first:last + 1].text

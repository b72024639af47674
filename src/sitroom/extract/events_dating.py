"""Which date an event happened on: its own clause's date, never a deadline or a dateline.

:func:`sitroom.extract.events_attach.date_for` picks the date closest to the trigger in the
innermost span that has one. Three kinds of date expression in those spans are not the event's:

* **wire datelines** ("ALGIERS, April 14, 2023 - The rebels on Thursday released ..."): the date
  the story was filed, i.e. the publication date, which events never take;
* **deadlines** ("warned ... if the troops are not withdrawn by June 30", "until 15 October"): the
  date something is due by, not the date of the act that sets it (a deadline the event's own verb
  governs, "agreed to withdraw by the end of April", dates that planned event);
* **dates of a subordinate happening** ("imposed a curfew after clashes left seven dead on
  Friday"): a date inside an "after"/"before"/"since" clause dates that clause's happening, and so
  does one inside a relative or participial clause describing something else ("a murder committed
  in December").

Incident logs and timelines head each paragraph with its date ("26 September 2022 - Vell,
Karesia. Gunmen ambushed ..."). When an event's own sentence states no date, the date heading
its paragraph is used, with ``Event.date_fallback = True`` because it comes from outside the
sentence. Only date-first headers count: a wire dateline heads a story, whose paragraphs tell
events of many days.

A report's lead tells its newest happening: an event of the main clause of the document's first
sentence (:func:`in_main_clause`) that states no date of its own, told as done (asserted, reported or alleged, not planned, hypothetical, negated
or denied), takes the publication date, again with ``date_fallback = True``, and a date whose
``extractor`` is ``events.publication-date`` and whose evidence is the empty span at offset 0 (the
date is not written in the text). An inferred publication date is never used this way: it was read
from the text's own years and would only echo them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.events_attach import CharSpan, date_for
from sitroom.extract.events_lexicon import load_lexicon
from sitroom.extract.events_roles import dateline_spans
from sitroom.records import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Token

DEADLINE_WORDS = {"by", "until", "till", "til", "pending"}
"""Words before a date that make it a deadline ("withdrawn by June 30")."""
SUBORDINATE_LINKS = {"after", "before", "since", "following", "until", "when", "once"}
"""First words of clauses that tell another happening ("after clashes left seven dead on Friday")."""
HEADER_DASH = re.compile(r"\s*[-\u2013\u2014]{1,2}\s")
DONE_MODALITIES = {"asserted", "reported", "alleged"}
"""Modalities of an event told as having happened: only those may take the publication date."""
PUBLICATION_EXTRACTOR = "events.publication-date"


@dataclass(frozen=True)
class EventDate:
    """The date chosen for an event and whether it came from outside the event's sentence."""

    date: DateRef | None
    fallback: bool = False


def event_date(ctx: Context, trigger_char: int, spans: list[CharSpan], head: Token,
               modality: str = "asserted") -> EventDate:
    """The event's date: in its spans (deadlines, datelines, subordinate clauses skipped), else
    the date heading its paragraph, else, for a done event in the lead, the publication date (both
    marked as a fallback)."""
    blocked = _blocked_spans(ctx, head)
    found = date_for(ctx, trigger_char, spans, head, accept=lambda d: not _blocked(ctx, d, blocked, head))
    if found is not None:
        return EventDate(found)
    header = paragraph_header_date(ctx, trigger_char)
    if header is not None and not any(span.contains(header.evidence.start, header.evidence.end) for span in spans):
        return EventDate(header, fallback=True)
    published = lead_publication_date(ctx, trigger_char, modality) if in_main_clause(head) else None
    if published is not None:
        return EventDate(published, fallback=True)
    return EventDate(None)


EMBEDDING_DEPS = {"pcomp", "relcl", "acl"}
"""Links that embed an older or background act in the lead: "accuses X of arming the rebels"
(pcomp), "the militia, which had attacked Vell" (relcl), "a group accused of torture" (acl)."""


def in_main_clause(head: Token) -> bool:
    """The trigger is the lead's news, not an act embedded below it: no link on its way up to the
    sentence root is a prepositional, relative or adnominal clause."""
    token = head
    while token.head != token:
        if token.dep_ in EMBEDDING_DEPS:
            return False
        token = token.head
    return True


def lead_publication_date(ctx: Context, trigger_char: int, modality: str) -> DateRef | None:
    """The publication date for a done event in the document's first sentence (None otherwise)."""
    document = ctx.record.document
    if not document.published or document.published_inferred or modality not in DONE_MODALITIES:
        return None
    if not ctx.record.sentences or trigger_char >= ctx.record.sentences[0].end:
        return None
    day = document.published[:10]
    granularity = {4: "year", 7: "month", 10: "day"}.get(len(day), "unknown")
    return DateRef(text="", start=day, end=day, granularity=granularity, evidence=ctx.span(0, 0),
                   relative=True, extractor=PUBLICATION_EXTRACTOR)


def _blocked_spans(ctx: Context, head: Token) -> list[CharSpan]:
    """Character spans of subordinate "after/before/since ..." clauses under the trigger's clause."""
    out = [CharSpan(start, end) for start, end in dateline_spans(head)]
    root = head
    while root.dep_ in ("xcomp", "conj", "aux") and root.head != root:
        root = root.head
    for token in (root, head):
        for child in token.children:
            if child.dep_ in ("advcl", "prep") and _opens_subordinate(child):
                out.append(CharSpan(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
    # clauses that describe something else in the sentence tell their own happening: "pulled back
    # from Vell, where it had been based before the fighting began in October", "sentenced him for a
    # murder committed in December"
    own_words = {head.i} | {c.i for c in head.children}
    for token in head.sent:
        if token.head.i in own_words:
            continue  # "joins the protests planned for next week": its own object's date is its date
        if _earlier_description(token) and not token.left_edge.i <= head.i <= token.right_edge.i:
            out.append(CharSpan(token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)))
    clause = head
    while clause.dep_ in ("xcomp", "aux") and clause.head != clause:
        clause = clause.head
    out.extend(_other_conjuncts(clause))
    return out


def _other_conjuncts(clause: Token) -> list[CharSpan]:
    """"Officers were not paid in December, and the minister has threatened ...": a coordinated
    clause with its own subject does not take the date of the clause before it."""
    if clause.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return []
    sent = clause.sent
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    return [CharSpan(sent.start_char, start), CharSpan(end, sent.end_char)]


PERFECT_AUX = {"had", "has", "have", "'d"}


def _earlier_description(token: Token) -> bool:
    """A clause describing something with an act of its own time: a past participle ("a murder
    committed in December"), a perfect relative clause ("where it had been based") or a "where"
    clause. "traders who were travelling on Monday" describes them at the time of the act, and a
    participle on a thing ("a convoy escorted by X on January 17") usually holds the act's own date,
    which the parser hung on the nearest verb."""
    if token.dep_ == "acl":  # only on an event noun: "a convoy escorted by X on Monday" is often the
        return token.tag_ == "VBN" and load_lexicon().noun(token.head.lemma_) is not None  # verb's date
    if token.dep_ != "relcl":
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in PERFECT_AUX for c in token.children) or any(
        c.lower_ == "where" for c in token.children)


def _opens_subordinate(child: Token) -> bool:
    """An "after ..." phrase or clause that holds a verb or event noun, not just a date ("after 3 May")."""
    first = child.left_edge
    if first.lower_ not in SUBORDINATE_LINKS and child.lower_ not in SUBORDINATE_LINKS:
        return False
    return any(t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME"))
               for t in child.subtree if t is not first)


def _blocked(ctx: Context, date: DateRef, blocked: list[CharSpan], head: Token) -> bool:
    if any(span.contains(date.evidence.start, date.evidence.end) for span in blocked):
        return True
    # a deadline dates the act it is set for ("agreed to withdraw by the end of April"), not the
    # act that sets it ("warned ... if the troops were not withdrawn by June 30")
    return _deadline(ctx.text, date) and _governing_verb(ctx, date) != head


def _deadline(text: str, date: DateRef) -> bool:
    """"by June 30", "until 15 October", "by the end of April": the date something is due by."""
    if date.text.strip().split(" ", 1)[0].lower() in DEADLINE_WORDS:
        return True
    words = text[max(0, date.evidence.start - 24): date.evidence.start].lower().split()
    if not words:
        return False
    if words[-1] in DEADLINE_WORDS:
        return True
    # "by the end of April": the date step may read only "the end of April" or "April"
    return words[-1] in ("the", "of", "end") and any(w in DEADLINE_WORDS for w in words[-4:])


def _governing_verb(ctx: Context, date: DateRef) -> Token | None:
    """The nearest verb above the date expression in the parse."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(date.evidence.start, date.evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)


def paragraph_header_date(ctx: Context, char: int) -> DateRef | None:
    """The resolved date that opens the paragraph holding ``char``, followed by a dash."""
    text = ctx.text
    para_start = text.rfind("\n\n", 0, char)
    para_start = 0 if para_start < 0 else para_start + 2
    while para_start < len(text) and text[para_start].isspace():
        para_start += 1
    for date in ctx.record.dates:
        if date.start is None or date.evidence.start != para_start or date.evidence.end > char:
            continue
        if HEADER_DASH.match(text, date.evidence.end):
            return date
    return None

"""Document-level passes over the finished events: headline echoes and criticised events' actors.

* **Headline echoes.** A headline ("Police arrest dozens as protesters demand Volkov's exit")
  summarises the lead; the body tells the same acts with their dates and places. A headline event
  whose type the body also has is the same act told twice and is dropped; a headline event the
  body never tells is kept. A headline is the document's first line when a blank line follows it
  and it does not end like a sentence.
* **Criticised events.** "The junta called the sanctions illegal", "Russia condemned the
  attack": the target of a reaction to an earlier event is that event's source, when the reaction
  names the event by its noun and has no actor of its own on that side.
* **Releases.** "Police detained 14 students ... All were released two days later": a release
  with no one named as releasing undoes the latest detention or abduction told just before it;
  its captors release, its captives are released.
* **What a threat or a proposal says.** "warned that it would impose sanctions on X", "proposed a
  plan to deploy a joint force with Y": the sanction and the deployment are the content of the
  THREATEN and the AGREE, not acts of their own (PLOVER codes the threat, not the threatened act).
  The content's event is dropped and its targets join the threat's or the proposal's.
* **Actors' names as events.** "Angry protesters stormed the town hall": the noun "protesters"
  implies a protest, but when a verb of the same sentence tells the protest itself (a riot, a
  march, a blockade: any PROTEST of those protesters), that act is the event and the implied one is
  dropped. "Demonstrators demanded his release" keeps both: the demand is not the protest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

SENTENCE_END = (".", "!", "?", '"', "\u201d", ":")
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST"}
"""Event types whose object may be another event ("condemned the attack")."""


def headline_end(ctx: Context) -> int | None:
    """End offset of the headline line, or None when the text does not start with one."""
    text = ctx.text
    brk = text.find("\n\n")
    if brk <= 0 or not text[brk:].strip():
        return None
    first = text[:brk].strip()
    if "\n" in first or first.endswith(SENTENCE_END) or len(first.split()) > 25:
        return None
    return brk


def drop_headline_echoes(ctx: Context) -> None:
    end = headline_end(ctx)
    if end is None:
        return
    body_types = {e.type for e in ctx.record.events if e.trigger.start >= end}
    ctx.record.events = [e for e in ctx.record.events
                         if e.trigger.start >= end or e.type not in body_types]


def target_reacted_events(ctx: Context, reactions: list[tuple[Event, str]]) -> None:
    """Give each reaction without a target the sources of the latest earlier event of the named type.

    ``reactions`` pairs an event with the PLOVER type of the event noun it names ("the sanctions"
    -> SANCTION).
    """
    for event, named_type in reactions:
        if event.target or event.type not in REACTION_TYPES:
            continue
        earlier = [e for e in ctx.record.events if e.type == named_type and e.source
                   and e.trigger.start < event.trigger.start and e is not event]
        if earlier:
            event.target = [s for s in earlier[-1].source if s not in event.source]


DETENTION_MODES = {("COERCE", "arrest"), ("ASSAULT", "abduct")}
RELEASE_REACH = 3
"""Sentences back in which a release looks for the detention it ends."""


def release_after_detention(ctx: Context) -> None:
    """Give a release without releaser the captors (and, if unnamed, the captives) of the detention
    it ends."""
    for index, event in enumerate(ctx.record.events):
        if event.type != "RETREAT" or event.mode != "release" or event.source:
            continue
        here = ctx.sentence_index(event.trigger.start)
        for earlier in reversed(ctx.record.events[:index]):
            if here - ctx.sentence_index(earlier.trigger.start) > RELEASE_REACH:
                break
            if (earlier.type, earlier.mode) in DETENTION_MODES and earlier.source:
                event.source = list(earlier.source)
                event.target = event.target or [t for t in earlier.target if t not in event.source]
                break


def drop_agent_echoes(ctx: Context) -> None:
    """Drop a protest implied by its actors' name when the sentence tells their protest (runs after
    :func:`sitroom.extract.events_riots.mark_riots`, which turns crowd violence into riots)."""
    keep = []
    for event in ctx.record.events:
        if event.type == "PROTEST" and _is_agent_event(ctx, event) and any(
                other is not event and other.type == "PROTEST" and not _is_agent_event(ctx, other)
                and set(event.source) & set(other.source)
                and ctx.sentence_index(other.trigger.start) == ctx.sentence_index(event.trigger.start)
                for other in ctx.record.events):
            continue
        keep.append(event)
    ctx.record.events[:] = keep


def _is_agent_event(ctx: Context, event: Event) -> bool:
    """The trigger lies inside a mention of the event's own source ("protesters" -> PROTEST)."""
    for source in event.source:
        entity = ctx.record.entity(source)
        if entity is not None and any(m.start <= event.trigger.start and event.trigger.end <= m.end
                                      for m in entity.mentions):
            return True
    return False


UNREALISED = {"hypothetical", "planned"}
PROPOSAL_NOUNS = {"plan", "proposal", "offer", "bid", "scheme", "initiative"}


def fold_stated_contents(ctx: Context) -> None:
    """Drop the threatened or proposed act and give its targets to the threat or proposal."""
    if ctx.doc is None:
        return
    heads: dict[int, Token | None] = {id(e): _head(ctx, e) for e in ctx.record.events}
    dropped: set[int] = set()
    for holder in ctx.record.events:
        if holder.type not in ("THREATEN", "AGREE") or heads[id(holder)] is None:
            continue
        for content in ctx.record.events:
            if content is holder or content.modality not in UNREALISED or id(content) in dropped:
                continue
            head = heads[id(content)]
            if head is not None and _states(holder.type, heads[id(holder)], head):
                dropped.add(id(content))
                holder.target.extend(t for t in content.target if t not in holder.target and t not in holder.source)
    ctx.record.events[:] = [e for e in ctx.record.events if id(e) not in dropped]


def _head(ctx: Context, event: Event) -> Token | None:
    span = ctx.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") if ctx.doc else None
    return span.root if span is not None and len(span) else None


def _states(holder_type: str, holder: Token | None, head: Token) -> bool:
    """``head`` is what the holder's verb says: the clause a warning announces, or the infinitive
    of the plan a proposal puts forward."""
    if holder is None:
        return False
    if holder_type == "THREATEN":
        return head.dep_ == "ccomp" and head.head == holder
    noun = head.head
    return (head.dep_ == "acl" and noun.lemma_.lower() in PROPOSAL_NOUNS and noun.dep_ == "dobj"
            and noun.head == holder)

"""Claims step: who says what, quoted, reported, denied, alleged, or the author's own opinion.

Fills ``ctx.record.claims`` (:class:`sitroom.records.Claim`) in four passes over one document:

1. **Direct quotes** (:mod:`claims_quotes`): each quotation (interrupted ones merged) is attached to a
   reporting verb (:mod:`claims_cues`) by the parse, else to one in its sentence, else to an
   "according to X" there, else to a content-less cue in the next sentence ("... ." That was how Dorn
   put it), else to the previous sentence's quoted speaker (a continued quote). Scare quotes (three
   words or fewer, no verb: a "red line") are no claim by themselves.
2. **Reported speech**: reporting verbs with a content span (the "that"-clause, the object of a denial,
   "warned of ..."), "according to X" clauses, and unattributed allegations ("has been accused of",
   "allegedly", "alleged"). Nested attribution ("Reuters reported that officials said ...") yields one
   claim by the officials via Reuters.
3. **The author's voice** (:mod:`claims_opinion`): kind ``opinion``, speaker the byline author.
4. ``about``: entities mentioned inside the content, plus the content clause's subject and, for
   allegations, the accused.

Long-form reporting adds: inverted attributions ("..., reported El Tiempo." / '"...," Walsh states.'),
quotes introduced by a colon ending the previous sentence, quotes left open at a paragraph's end that
continue in the next paragraph, quotes that are only a piece of a reported clause (no direct claim of
their own), datelines and trailing ", while ..." clauses trimmed off content, and hedges ("reportedly")
inside a sourced claim dropped as duplicates.

Speakers are resolved by :mod:`claims_speakers` (descriptions such as "the minister", "officials", "the
bloc" by :mod:`claims_descriptions`). ``via`` is the outlet a claim comes through: the
source of "according to X" / "as reported by X" when it is not a person, and the subject of "X
reported" or of any verb when X is a news outlet (sector ``JRN``).

Stance is ``deny`` for denial verbs (deny, reject, dismiss, refute, dispute) and ``issued a denial``;
rejecting a denial ("rejected the ministry's denial") is a ``deny`` claim whose content is the denial
(docs/gold.md: a denial of a denial), so contradiction finding sees the two stances. Negated
reporting ("did not confirm") gives no claim at all: nobody said anything.

For the events step: :func:`claim_containing` and :func:`modality_for_claim`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract import claims_lexicon as lex
from sitroom.extract.claims_cues import (
    Cue,
    allegation_cues,
    attribution_cues,
    clause_span,
    fronted_ccomp,
    is_reporting_verb,
    verb_cues,
)
from sitroom.extract.claims_opinion import is_op_ed, opinion_in
from sitroom.extract.claims_quotes import Quote, find_quotes
from sitroom.extract.claims_speakers import (
    SpeakerResolver,
    agent_of,
    author_entity,
    datelines_from,
    is_outlet,
    participle_of_speaker,
)
from sitroom.extract.context import doc_text
from sitroom.records import Claim, Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitroom.extract.context import Context

# Interrupted quotes ("...," he added, "...") are merged when the words between them are this short.
MAX_INTERRUPTION_CHARS = 80
# A quotation of at most this many words and no verb is a scare quote ("red line", "very poor").
SCARE_QUOTE_WORDS = 3
# Verbs that only pass words on: "Reuters reported that officials said X" is the officials' claim.
CONDUIT_VERBS = frozenset({"report", "say", "tell", "write", "state", "add", "announce"})
# '," Walsh states.': a capitalised name of up to four words, then a verb of saying.
_NAME_THEN_VERB = re.compile(r"\s*,?\s*([A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3})\s+(says|said|states|stated|"
                             r"adds|added|explains|explained|notes|noted|writes|wrote|argues|argued|told)\b")
# '"..." The words came from Defence Minister Pavel Orn': the quote's speaker named in the next sentence.
_WORDS_CAME_FROM = re.compile(r"\s*((?:The|Those|These) (?:words|remarks|comments|lines) (?:came from|were|"
                              r"belonged to|are|were those of|are those of))\s+(?:those of\s+)?")
_CHARGE_COMMENT = re.compile(r",\s+(?:a|an|the)\s+(?:charge|accusation|claim|allegation|assertion)s?\b")
# Priority when two claims share a content span: the more specific reading wins.
_PRIORITY = {"direct": 0, "verb": 1, "attribution": 2, "allegation": 3, "opinion": 4}


@dataclass
class _Candidate:
    speaker: Entity | None
    via: Entity | None
    stance: str
    kind: str
    cue: str | None
    content: tuple[int, int]
    evidence: tuple[int, int]
    source: str
    """Which pass made it (a key of ``_PRIORITY``)."""
    about_tokens: list[Token] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)
    """For interrupted quotes: the quoted parts (``about`` ignores the "he added" between them)."""


class ClaimStep:
    """Extraction step "claims" (see the module docstring)."""

    name = "claims"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        author = author_entity(ctx)
        if ctx.doc is None or len(ctx.doc) == 0:
            return
        builder = _ClaimBuilder(ctx, author, f"{self.name}/{self.version}")
        ctx.record.claims.extend(builder.build())


class _ClaimBuilder:
    """One document's claims: holds the quotes, cues and speaker resolver the passes share."""

    def __init__(self, ctx: Context, author: Entity | None, extractor: str) -> None:
        self.ctx = ctx
        self.author = author
        self.extractor = extractor
        self.text = doc_text(ctx.doc)
        self.quotes = find_quotes(self.text)
        # sorted starts for bisect: long documents have many tokens and quotes
        self._quote_starts = [q.outer_start for q in self.quotes]
        self._real_quotes = _RealQuotes(self.text, self.quotes)
        self._token_starts = [t.idx for t in ctx.doc]
        self.resolver = SpeakerResolver(ctx)
        self.verb_cues = verb_cues(ctx.doc)
        self.attributions = attribution_cues(ctx.doc)
        self.allegations = allegation_cues(ctx.doc)
        self.cue_by_verb = {cue.verb.i: cue for cue in self.verb_cues}
        # Cues by sentence and by position: each quote and each cue looks only at its own sentences
        # or content span (scanning every cue per quote made the step quadratic in length).
        self._cues_by_sentence = _by_sentence(ctx, self.verb_cues)
        self._first_attribution = {k: cues[0] for k, cues in _by_sentence(ctx, self.attributions).items()}
        self._verb_cues_by_idx = _CuesByPosition(self.verb_cues)
        self._attributions_by_idx = _CuesByPosition(self.attributions)
        self._quote_by_end: dict[int, Quote] = {}
        for quote in self.quotes:
            self._quote_by_end.setdefault(quote.end, quote)
        self.used: set[int] = set()
        self.embedded: set[int] = set()
        self.attribution_via: dict[int, Entity | None] = {}
        """Cues whose quotation is part of their reported content (see :meth:`_embedded`)."""
        self.via_of: dict[int, Entity | None] = {}
        self.candidates: list[_Candidate] = []

    def build(self) -> list[Claim]:
        self._meet_speakers()
        self._nesting()
        self._direct_quotes()
        self._reported()
        self._attributed()
        self._alleged()
        self._opinions()
        return self._finish()

    # ---- speakers ----------------------------------------------------------------------------------

    def _meet_speakers(self) -> None:
        """Resolve the speakers of reported clauses in text order before any pass: the passes do not
        read the text in order, and 'A pharmacist, Lucia, said X. "...," she said.' needs Lucia known
        (made an entity) before the quote's "she" looks back for her."""
        for cue in sorted(self.verb_cues + self.attributions, key=lambda c: c.verb.i):
            if cue.content is None or cue.subject is None or self._in_any_quote(cue.verb.idx):
                continue
            if cue.subject.lower_ in lex.PRONOUN_KINDS:
                continue  # pronouns resolve to what is already known; nothing to introduce
            outlet_context = cue.kind == "attribution" or cue.verb.lemma_.lower() == "report"
            self.resolver.resolve(cue.subject, outlet_context=outlet_context)

    def _speaker_and_via(self, cue: Cue) -> tuple[Entity | None, Entity | None]:
        outlet_context = cue.kind == "attribution" or cue.verb.lemma_.lower() == "report"
        speaker = self.resolver.resolve(cue.subject, outlet_context=outlet_context)
        via = self.via_of.get(cue.verb.i) or self._told_outlet(cue)
        if via is None and cue.relay is not None:  # "Reuters quoted a diplomat as saying"
            via = self.resolver.resolve(cue.relay, outlet_context=True)
        if via is None and speaker is not None and (speaker.kind != "person" or is_outlet(speaker)):
            if outlet_context or is_outlet(speaker):
                via = speaker
        attribution = self._attribution_near(cue.verb.idx)
        if attribution is not None and attribution is not cue:
            source = self.resolver.resolve(attribution.subject, outlet_context=True)
            via = via or self._source_via(attribution.subject) or _channel(source)
            speaker = speaker or source
            self.used.add(id(attribution))
        return speaker, via

    def _told_outlet(self, cue: Cue) -> Entity | None:
        """ "the official told AFP": the outlet told is the channel the claim comes through."""
        if cue.verb.lemma_.lower() not in ("tell", "say", "speak", "confirm", "explain"):
            return None
        for child in cue.verb.children:
            target = child
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                target = next((g for g in child.children if g.dep_ == "pobj"), child)
            elif child.dep_ not in ("dobj", "dative"):
                continue
            found = self.resolver.resolve(target, outlet_context=False, create=False)
            if found is not None and is_outlet(found):
                return found
        return None

    def _source_via(self, source: Token | None) -> Entity | None:
        """ "according to a US agent interviewed by El Tiempo": El Tiempo is the channel."""
        if source is None:
            return None
        for child in source.children:
            if child.dep_ == "acl":
                agent = agent_of(child)
                found = self.resolver.resolve(agent, outlet_context=True) if agent is not None else None
                if found is not None:
                    return found
        return None

    def _attribution_near(self, char: int) -> Cue | None:
        return self._first_attribution.get(self.ctx.sentence_index(char))

    def _nesting(self) -> None:
        """Reuters reported that officials said X: the officials' claim comes via Reuters. Likewise
        "According to ministry figures, X, reported El Universal": the ministry's claim via the paper."""
        self._parentheticals()
        for outer in self.verb_cues:
            if outer.content is None or id(outer) in self.used:
                continue
            start, end = outer.content
            for attribution in self._attributions_by_idx.within(start, end):
                if outer.verb.lemma_.lower() in CONDUIT_VERBS:
                    self.attribution_via[id(attribution)] = self.resolver.resolve(outer.subject,
                                                                                   outlet_context=True)
                    self.used.add(id(outer))
            for inner in self._verb_cues_by_idx.within(start, end):
                if inner is outer or self._in_real_quote(inner.verb.idx, inner.verb.idx + 1):
                    continue  # a verb inside quoted words ('"Investors will ask ...," she said') is no relay
                if not _heads_content(outer, inner):
                    continue  # "said lawmakers will propose changes that would classify ...": no relay
                speaker = self.resolver.resolve(outer.subject, outlet_context=True)
                self.via_of.setdefault(inner.verb.i, speaker)
                if self._is_conduit(outer, speaker) and inner.content is not None:
                    self.used.add(id(outer))

    def _is_conduit(self, outer: Cue, speaker: Entity | None) -> bool:
        """ "Reuters reported that officials said X" only passes the officials' words on; "a diplomat
        said Russia had told Karesia X" is the diplomat's own account (both claims are kept)."""
        if outer.verb.lemma_.lower() not in CONDUIT_VERBS:
            return False
        return outer.verb.lemma_.lower() == "report" or speaker is None or is_outlet(speaker)

    def _parentheticals(self) -> None:
        """ "Officials said X, Reuters reported": the parser hangs "reported" under "said"; the
        claim is the officials', its content X, and Reuters the outlet it comes through."""
        for cue in self.verb_cues:
            fronted = fronted_ccomp(cue.verb)
            head_cue = self.cue_by_verb.get(cue.verb.head.i) if cue.verb.dep_ == "ccomp" else None
            if fronted is None or head_cue is None or head_cue.verb.i > fronted.i:
                continue
            head_cue.content, head_cue.content_root = clause_span(fronted), fronted
            self.via_of[head_cue.verb.i] = self.resolver.resolve(cue.subject, outlet_context=True)
            self.used.add(id(cue))

    # ---- pass 1: direct quotes ---------------------------------------------------------------------

    def _direct_quotes(self) -> None:
        previous: tuple[int, Entity | None, Entity | None] | None = None
        for group in self._quote_groups():
            if self._is_scare(group):
                continue
            start, end = group[0].start, group[-1].end
            named = None
            cue = self._cue_by_parse({t.i for q in group for t in self._tokens_in(q.outer_start, q.outer_end)})
            if cue is None:
                # '"...," Walsh states.' read off the text beats a verb elsewhere in the sentence
                named = self._name_after_quote(group)
                cue = self._cue_for_quote(group) if named is None else None
                if cue is None and named is None:
                    named = self._name_in_next_sentence(group)
            if cue is not None and self._embedded(group, cue):
                self.embedded.add(id(cue))  # part of what the cue reports: the reported pass keeps it
                continue
            first_sentence = self.ctx.sentence_index(group[0].outer_start)
            if cue is not None:
                self.used.add(id(cue))
                speaker, via = self._speaker_and_via(cue)
                text = self.text[cue.cue_start:cue.cue_end]
                evidence = (min(start, cue.cue_start), max(end, cue.cue_end))
            elif named is not None:
                speaker, via, text, evidence = named[0], None, named[1], (start, named[2])
            elif previous is not None and previous[0] == first_sentence - 1 and self._starts_sentence(group[0]):
                speaker, via, text, evidence = previous[1], previous[2], None, (start, end)
            else:
                speaker, via, text, evidence = None, None, None, (start, end)
            stance = cue.stance if cue is not None and cue.kind == "verb" else "assert"
            # docs/gold.md: a quote interrupted by "said X" is one claim per part (a content is one
            # contiguous string); the parts share the cue, the speaker and the evidence.
            for quote in group:
                self.candidates.append(_Candidate(speaker, via, stance, "direct", text, (quote.start, quote.end),
                                                  evidence, "direct"))
            previous = (self.ctx.sentence_index(group[-1].outer_end - 1), speaker, via)
        self._continued_quotes()

    def _name_after_quote(self, group: list[Quote]) -> tuple[Entity, str, int] | None:
        """ '"...," Walsh states.' when the parser took "Walsh states" for a noun phrase: the name right
        after the closing mark, then a present or past verb of saying. Returns speaker, cue, cue end."""
        match = _NAME_THEN_VERB.match(self.text, group[-1].outer_end)
        if match is None:
            return None
        k = bisect.bisect_left(self._token_starts, match.start(1))
        if k >= len(self.ctx.doc):
            return None
        speaker = self.resolver.resolve(self.ctx.doc[k], create=False)
        return (speaker, match.group(2), match.end(2)) if speaker is not None else None

    def _name_in_next_sentence(self, group: list[Quote]) -> tuple[Entity, str, int] | None:
        """'"..." The words came from General Anton Brask.' / 'The words were Brask's.': a sentence that
        only names whose words the quote was (no verb of saying for the cue lists)."""
        match = _WORDS_CAME_FROM.match(self.text, group[-1].outer_end)
        if match is None:
            return None
        head = self._noun_head_at(match.end())
        speaker = self.resolver.resolve(head) if head is not None else None
        return (speaker, match.group(1), match.end()) if speaker is not None else None

    def _noun_head_at(self, char: int) -> Token | None:
        """The head of the noun phrase starting at ``char`` ("General Anton Brask" -> "Brask")."""
        k = bisect.bisect_left(self._token_starts, char)
        for token in self.ctx.doc[k:k + 6]:
            if token.pos_ in ("PROPN", "NOUN") and token.dep_ != "compound":
                return token
        return None

    def _embedded(self, group: list[Quote], cue: Cue) -> bool:
        """True when the quote is a piece of the cue's reported content, not the speech itself: "said
        the protest had been organised by “agents of France”", "rejected the denial as “a lie”"."""
        if cue.kind != "verb" or self._in_any_quote(cue.verb.idx):
            return False
        if cue.content is not None:
            c_start, c_end = cue.content
            words_before = self.text[c_start:group[0].outer_start].split()
            if c_start <= group[0].outer_start and c_end >= group[-1].end and words_before:
                return True
        for token in self._tokens_in(group[0].start, group[-1].end):
            child = token
            for _ in range(12):  # climb to the verb's child that holds the quote
                if child.head.i in (child.i, cue.verb.i):
                    break
                child = child.head
            if child.head.i == cue.verb.i and child.i != cue.verb.i and (child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as")):
                return True
        return False

    def _continued_quotes(self) -> None:
        """A quote left open at a paragraph's end continues in the next paragraph's quote: same speaker."""
        directs = [c for c in self.candidates if c.source == "direct"]
        for earlier, later in zip(directs, directs[1:], strict=False):
            if earlier.speaker is not None or later.speaker is None:
                continue
            quote = self._quote_ending_at(earlier.content[1])
            if quote is None or not quote.open_ended:
                continue
            between = self.text[quote.outer_end:later.content[0]]
            if "\n" in between and not between.strip(" \n\t\"“‘'"):
                earlier.speaker, earlier.via, earlier.cue = later.speaker, later.via, later.cue

    def _quote_ending_at(self, end: int) -> Quote | None:
        return self._quote_by_end.get(end)

    def _quote_groups(self) -> list[list[Quote]]:
        groups: list[list[Quote]] = []
        for quote in self.quotes:
            if groups and self._interrupts(groups[-1][-1], quote):
                groups[-1].append(quote)
            else:
                groups.append([quote])
        return groups

    def _interrupts(self, first: Quote, second: Quote) -> bool:
        gap = self.text[first.outer_end:second.outer_start]
        if len(gap) > MAX_INTERRUPTION_CHARS or any(ch in gap for ch in ".!?\n"):
            return False
        if self.text[first.start:first.end].rstrip()[-1:] in (".", "!", "?"):
            return False  # the first quote ends its sentence: the next one is a new statement
        return any(is_reporting_verb(t) for t in self._tokens_in(first.outer_end, second.outer_start))

    def _tokens_in(self, start: int, end: int) -> list[Token]:
        first = bisect.bisect_left(self._token_starts, start)
        last = bisect.bisect_left(self._token_starts, end)
        return [self.ctx.doc[i] for i in range(first, last)]

    def _is_scare(self, group: list[Quote]) -> bool:
        words = sum(len(self.text[q.start:q.end].split()) for q in group)
        if words > SCARE_QUOTE_WORDS:
            return False
        tokens = [t for q in group for t in self._tokens_in(q.start, q.end)]
        return not any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def _starts_sentence(self, quote: Quote) -> bool:
        sentence = self.ctx.sentence_at(quote.outer_start)
        return sentence is not None and sentence.start >= quote.outer_start - 1

    def _cue_for_quote(self, group: list[Quote]) -> Cue | None:
        inside = {t.i for q in group for t in self._tokens_in(q.outer_start, q.outer_end)}
        return (self._cue_by_parse(inside) or self._cue_in_sentences(group, inside)
                or self._attribution_for(group) or self._cue_before_colon(group)
                or self._cue_in_next_sentence(group))

    def _cue_before_colon(self, group: list[Quote]) -> Cue | None:
        """'Brask was blunt. He told reporters:' + '"We will stay."': the cue ends the previous sentence."""
        colon = _end_before_spaces(self.text, group[0].outer_start) - 1
        if colon < 0 or self.text[colon] != ":":
            return None
        here = self.ctx.sentence_index(colon)
        candidates = [c for c in self._cues_by_sentence.get(here, []) if id(c) not in self.used
                      and c.verb.idx < colon and not self._in_any_quote(c.verb.idx)]
        return candidates[-1] if candidates else None

    def _cue_by_parse(self, inside: set[int]) -> Cue | None:
        doc = self.ctx.doc
        for i in sorted(inside):
            head = doc[i].head
            for _ in range(4):
                if head.i in inside:
                    break
                cue = self.cue_by_verb.get(head.i)
                if cue is not None and id(cue) not in self.used:
                    return cue
                if head.head.i == head.i:
                    break
                head = head.head
            for child in doc[i].children:
                cue = self.cue_by_verb.get(child.i)
                if child.i not in inside and cue is not None and id(cue) not in self.used:
                    return cue
        return None

    def _cue_in_sentences(self, group: list[Quote], inside: set[int]) -> Cue | None:
        first = self.ctx.sentence_index(group[0].outer_start)
        last = self.ctx.sentence_index(group[-1].outer_end - 1)
        best: tuple[int, Cue] | None = None
        for cue in self._cues_in_sentences(first, last):
            if cue.verb.i in inside or id(cue) in self.used or self._in_any_quote(cue.verb.idx):
                continue
            if cue.content is not None and not self._in_real_quote(*cue.content):
                continue  # it reports something else ("leaders have called for ..."), not this quote
            if first <= self.ctx.sentence_index(cue.verb.idx) <= last:
                distance = min(abs(cue.verb.idx - group[0].outer_start), abs(cue.verb.idx - group[-1].outer_end))
                if best is None or distance < best[0]:
                    best = (distance, cue)
        return best[1] if best else None

    def _attribution_for(self, group: list[Quote]) -> Cue | None:
        cue = self._attribution_near(group[0].outer_start)
        if cue is not None and not self._in_any_quote(cue.verb.idx):
            self.used.add(id(cue))
            return cue
        return None

    def _cue_in_next_sentence(self, group: list[Quote]) -> Cue | None:
        """'"We will not leave." That was how Dorn put it.': a cue with nothing else to say."""
        following = self.ctx.sentence_index(group[-1].outer_end - 1) + 1
        for cue in self._cues_by_sentence.get(following, []):
            if id(cue) in self.used or cue.content is not None or self._in_any_quote(cue.verb.idx):
                continue
            if self.ctx.sentence_index(cue.verb.idx) == following and cue.subject is not None:
                return cue
        return None

    def _in_any_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, char) - 1
        return i >= 0 and self.quotes[i].contains(char)

    def _in_real_quote(self, start: int, end: int) -> bool:
        """True when most of ``start:end`` lies inside quotations that are not scare quotes."""
        return self._real_quotes.covered(start, end) * 2 > (end - start)

    def _cues_in_sentences(self, first: int, last: int) -> list[Cue]:
        """Verb cues of sentences ``first`` to ``last``, in text order."""
        return [cue for k in range(first, last + 1) for cue in self._cues_by_sentence.get(k, [])]

    # ---- pass 2: reported speech -------------------------------------------------------------------

    def _reported(self) -> None:
        for cue in self.verb_cues:
            if id(cue) in self.used or cue.content is None or self._in_any_quote(cue.verb.idx):
                continue
            if self._in_real_quote(*cue.content) and id(cue) not in self.embedded:
                continue
            speaker, via = self._speaker_and_via(cue)
            if speaker is None and via is None and cue.verb.lemma_.lower() in lex.INFERENTIAL_VERBS:
                continue  # "the escape suggests he was not guarded": the author reasoning, not speech
            if speaker is None and via is None and cue.subject is not None and (
                    cue.verb.lemma_.lower() in lex.CHARACTERISING_VERBS):
                continue  # "changes that would classify gangs as terrorists": a thing, not a speaker
            self._add_reported(cue, speaker, via, "verb")

    def _add_reported(self, cue: Cue, speaker: Entity | None, via: Entity | None, source: str) -> None:
        assert cue.content is not None
        start, end = self._trim_content(*cue.content)
        about = list(cue.about_tokens)
        if cue.content_root is not None:
            about.extend(c for c in cue.content_root.children if c.dep_ in ("nsubj", "nsubjpass"))
        cue_text = self.text[cue.cue_start:cue.cue_end]
        evidence = (min(start, cue.cue_start), max(end, cue.cue_end))
        self.candidates.append(_Candidate(speaker, via, cue.stance, "reported", cue_text, (start, end),
                                          evidence, source, about))

    def _trim_content(self, start: int, end: int) -> tuple[int, int]:
        """Drop a dateline ("PARIS, March 18 - ") and a trailing ", while ..." clause (the narration
        moving on to someone else) from reported content."""
        for d_start, d_end in datelines_from(self.ctx.doc, start):
            if d_start > start:
                break  # datelines are in text order: none further on can hold ``start``
            if d_start <= start < d_end < end:
                start = d_end
        for inverted in self._verb_cues_by_idx.within(start, end):
            content = inverted.content
            if content is not None and start < content[1] <= inverted.verb.idx:
                end = min(end, content[1])  # "said that X, reported El Heraldo": the outlet is no content
            elif participle_of_speaker(inverted.verb) and start < inverted.verb.idx < end:
                end = min(end, _before_comma(self.text, inverted.verb.idx))  # "X, declaring that Y"
        cut = _paragraph_end(self.text, start, end)
        if cut is not None:
            end = cut  # "the force said its soldiers had killed 12 rebels\nVELL, March 3 -": the next story
        for marker in (", while ", ", whereas "):
            cut = self.text.find(marker, start, end)
            if cut > start and not self._in_any_quote(cut):
                end = cut
        comment = _CHARGE_COMMENT.search(self.text, start, end)
        if comment is not None and comment.start() > start:
            end = comment.start()  # "..., a charge that X denied": the denial is its own claim
        return start, end

    def _attributed(self) -> None:
        """ "X would be a red line, according to Al-Jazeera": the outlet's claim."""
        for cue in self.attributions:
            if id(cue) in self.used or cue.content is None or self._in_any_quote(cue.verb.idx):
                continue
            if self._in_real_quote(*cue.content):
                continue
            speaker = self.resolver.resolve(cue.subject, outlet_context=True)
            # docs/gold.md: "according to X" makes X the via, a person too ("according to a local official")
            via = self.attribution_via.get(id(cue)) or self._source_via(cue.subject) or speaker
            self._add_reported(cue, speaker, via, "attribution")

    def _alleged(self) -> None:
        for cue in self.allegations:
            if cue.content is None or self._in_real_quote(*cue.content) or self._in_any_quote(cue.verb.idx):
                continue
            speaker = self.resolver.resolve(cue.subject) if cue.subject is not None else None
            self._add_reported(cue, speaker, self._via_of_enclosing(cue), "allegation")

    def _via_of_enclosing(self, cue: Cue) -> Entity | None:
        """An allegation inside "..., according to Al-Jazeera" comes through Al-Jazeera."""
        for attribution in self.attributions:
            if attribution.content and attribution.content[0] <= cue.verb.idx < attribution.content[1]:
                source = self.resolver.resolve(attribution.subject, outlet_context=True)
                return _channel(source)
        return None

    # ---- pass 3: the author's voice ----------------------------------------------------------------

    def _opinions(self) -> None:
        quoted = {t.i for t in self.ctx.doc if self._in_any_quote(t.idx)}
        attributed = {self.ctx.sentence_index(c.evidence[0]) for c in self.candidates
                      if c.source in ("verb", "attribution", "direct")}
        op_ed = is_op_ed(self.ctx.doc, quoted, self.author is not None)
        for sent in self.ctx.doc.sents:
            index = self.ctx.sentence_index(sent.start_char)
            found = opinion_in(sent, quoted, index in attributed, op_ed)
            if found is None:
                continue
            self.candidates.append(_Candidate(self.author, None, "assert", "opinion", found.cue,
                                              (found.start, found.end), (found.start, found.end), "opinion"))

    # ---- assembling ----------------------------------------------------------------------------------

    def _finish(self) -> list[Claim]:
        chosen: dict[tuple[int, int], _Candidate] = {}
        for cand in self.candidates:
            if cand.content[1] <= cand.content[0]:
                continue
            kept = chosen.get(cand.content)
            if kept is None or _PRIORITY[cand.source] < _PRIORITY[kept.source]:
                chosen[cand.content] = cand
        ordered = sorted(chosen.values(), key=lambda c: (c.content[0], c.content[1]))
        spoken = [c.content for c in ordered if c.source in ("direct", "verb", "attribution")]
        ordered = [c for c in ordered if not (_is_modifier_allegation(c) and _overlaps_any(c.content, spoken))]
        return [self._claim(cand) for cand in ordered]

    def _claim(self, cand: _Candidate) -> Claim:
        start, end = _balance_quotes(self.text, *cand.content)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        ev_start, ev_end = cand.evidence
        return Claim(
            id=self.ctx.new_id("c"),
            speaker=cand.speaker.id if cand.speaker else None,
            via=cand.via.id if cand.via else None,
            stance=cand.stance,
            kind=cand.kind,
            cue=cand.cue,
            content=self.ctx.span(start, end),
            evidence=self.ctx.evidence(min(start, ev_start), max(end, ev_end)),
            about=self._about(cand.segments or [(start, end)], cand.about_tokens),
            extractor=self.extractor,
        )

    def _about(self, segments: list[tuple[int, int]], tokens: list[Token]) -> list[str]:
        ids: list[str] = []
        for token in tokens:
            ent = self.resolver.resolve(token, create=False)
            if ent is not None and ent.id not in ids:
                ids.append(ent.id)
        for start, end in segments:
            for mention in self.ctx.mentions_in(start, end):
                if mention.entity is not None and mention.entity not in ids:
                    ids.append(mention.entity)
        return ids


class _RealQuotes:
    """The quotations that are not scare quotes, for "how much of this span is quoted" in O(log n)."""

    def __init__(self, text: str, quotes: list[Quote]) -> None:
        self.quotes = sorted((q for q in quotes if len(text[q.start:q.end].split()) > SCARE_QUOTE_WORDS),
                             key=lambda q: q.outer_start)
        self.starts = [q.outer_start for q in self.quotes]
        # Running maximum of the ends: walking back from the last quote starting before a span's end,
        # every earlier quote ends before the span once this maximum does (holds for nested quotes too).
        self.max_end: list[int] = []
        for q in self.quotes:
            self.max_end.append(max(q.outer_end, self.max_end[-1] if self.max_end else q.outer_end))

    def covered(self, start: int, end: int) -> int:
        """Characters of ``start:end`` inside these quotes (summed per quote, as overlaps are)."""
        total = 0
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.max_end[k] > start:
            q = self.quotes[k]
            total += max(0, min(end, q.outer_end) - max(start, q.outer_start))
            k -= 1
        return total


class _CuesByPosition:
    """Cues sorted by their verb's character offset, for "cues whose verb lies in this span"."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda c: c.verb.idx)
        self.starts = [c.verb.idx for c in self.cues]

    def within(self, start: int, end: int) -> list[Cue]:
        return self.cues[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


def _by_sentence(ctx: Context, cues: list[Cue]) -> dict[int, list[Cue]]:
    """Cues grouped by the sentence of their verb, each group in list order."""
    out: dict[int, list[Cue]] = {}
    for cue in cues:
        out.setdefault(ctx.sentence_index(cue.verb.idx), []).append(cue)
    return out


def _paragraph_end(text: str, start: int, end: int) -> int | None:
    """Where reported content must stop at a line break: a clause never runs on into the next paragraph
    (a sentence split missed there, often before a dateline). None when the span has no break."""
    cut = text.find("\n", start, end)
    if cut <= start or not text[start:cut].strip():
        return None
    return _end_before_spaces(text, cut)


def _before_comma(text: str, at: int) -> int:
    """The end of the words before the comma (and spaces) that precede ``at``."""
    at = _end_before_spaces(text, at)
    if at > 0 and text[at - 1] == ",":
        at = _end_before_spaces(text, at - 1)
    return at


def _end_before_spaces(text: str, at: int) -> int:
    """``len(text[:at].rstrip())`` without copying the text before ``at``."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _heads_content(outer: Cue, inner: Cue) -> bool:
    """True when ``inner``'s verb heads ``outer``'s content (or a clause coordinated with its head):
    "reported that officials said", not a verb deep inside a relative clause of it."""
    root = outer.content_root
    verb = inner.verb
    if root is None:
        return True  # inverted or attributed content: no head to compare with
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.i != root.i:
        verb = verb.head
    return verb.i == root.i


def _channel(source: Entity | None) -> Entity | None:
    """An attribution's source is also the claim's ``via`` unless it is a person speaking for themself."""
    if source is None or (source.kind == "person" and not is_outlet(source)):
        return None
    return source


def _is_modifier_allegation(cand: _Candidate) -> bool:
    """ "allegedly", "reportedly", "alleged": hedges, not sources of their own."""
    cue = (cand.cue or "").lower()
    return cand.source == "allegation" and (cue in lex.ALLEGATION_ADVERBS or cue in lex.ALLEGATION_ADJECTIVES)


def _overlaps_any(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """A hedge inside a sourced claim ("X reportedly did Y, according to Z") adds no claim: the sourced
    one already carries it, and events inside take its modality."""
    return any(start < span[1] and span[0] < end for start, end in others)


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend content that opens a quotation to its closing mark ("as “very poor." -> "...poor.”")."""
    inner = text[start:end]
    if inner.count("“") > inner.count("”"):
        close = text.find("”", end, end + 3)
        if close >= 0:
            return start, close + 1
    return start, end


# ---- helpers for the events step -----------------------------------------------------------------

def claim_containing(ctx: Context, start: int, end: int) -> Claim | None:
    """The innermost claim whose content span contains ``start:end`` (None when none does)."""
    best: Claim | None = None
    for claim in ctx.record.claims:
        if claim.content.start <= start and end <= claim.content.end:
            if best is None or (claim.content.end - claim.content.start) < (best.content.end - best.content.start):
                best = claim
    return best


def modality_for_claim(claim: Claim) -> str:
    """The modality an event inside this claim's content gets (conventions.md's vocabulary).

    - ``denied`` when the claim denies (stance ``deny``);
    - ``alleged`` for accusations and allegations ("accused of", "allegedly", "alleged"), attributed
      or not;
    - ``asserted`` for the author's own opinion: the article itself says it, so the event step's own
      clause-level reading (hypothetical, planned, negated) should decide;
    - ``reported`` for everything else (direct and reported speech).
    """
    if claim.stance == "deny":
        return "denied"
    if claim.kind == "opinion":
        return "asserted"
    cue_words = (claim.cue or "").lower().replace("-", " ").split()
    if any(_lemma_like(word) in lex.ALLEGATION_CUES for word in cue_words):
        return "alleged"
    return "reported"


def _lemma_like(word: str) -> str:
    """Crude lemma for cue words: "accused" -> "accuse", "alleges" -> "allege"."""
    for suffix, repl in (("ed", "e"), ("es", "e"), ("ing", "e")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in lex.ALLEGATION_CUES:
            return word[: -len(suffix)] + repl
    return word

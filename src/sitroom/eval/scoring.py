"""Per-layer scoring of one predicted :class:`DocumentRecord` against one :class:`GoldArticle`.

Every layer adds (numerator, denominator) pairs to a :class:`Tally`; tallies of all articles are
summed and divided at the end, so scores are micro-averaged over the gold set. Matching is by
normalised text (see :mod:`sitroom.eval.matching`), never by offsets, and one-to-one (greedy):

- entities: a predicted entity matches a gold entity when any of its names (name, aliases, mention
  texts) equals any gold name or alias after normalisation. Precision counts predicted entities that
  match some gold entity, recall gold entities matched by some prediction (a split cluster is punished
  by clustering, not twice). Kind/sector/country accuracy are over matched gold entities, sector and
  country only where gold gives one. Clustering is *pairwise over distinct alias strings*: gold pairs
  are the pairs of forms inside one gold entity; predicted pairs those inside one predicted entity,
  restricted to forms gold knows; precision = shared / predicted pairs, recall = shared / gold pairs.
- dates: text containment either way plus equal start and end (a gold ``end`` of ``None`` is an open
  range: only the start is compared). ``dates.detection_recall`` ignores the resolution.
- quantities: equal value (the predicted upper/lower bound stands in when it has no value) and, when
  gold gives a unit, the same head word; vague gold counts match vague predictions by text.
- events: same type and at least one gold actor (source or target) matching a predicted actor; gold
  events without actors match on type alone. Modality and date accuracy are over matched events,
  casualty accuracy over matched events whose gold states counts (every stated count must agree).
- claims: pairs with content token F1 >= 0.5, best first; speaker/stance/kind accuracy and mean content
  F1 over matched claims, via accuracy where gold names a via.
- relations: same type, source and target (either direction for symmetric types).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TypeVar

from sitroom.eval.gold import GoldArticle, GoldEntity, GoldEvent, GoldQuantity, GoldRelation
from sitroom.eval.matching import contains_either, entity_keys, surface_keys, token_f1, unit_head
from sitroom.records import Claim, DateRef, DocumentRecord, Entity, Event, Quantity, Relation

# Content overlap needed for a predicted claim to count as a gold one (the brief's threshold: half
# the tokens shared keeps "the contract was worth..." apart from a neighbouring quote).
CLAIM_MATCH_F1 = 0.5
SYMMETRIC_RELATIONS = frozenset({"ally_of", "competes_with", "opposes"})

P = TypeVar("P")
G = TypeVar("G")


@dataclass
class Tally:
    """Named ratios accumulated over articles: ``name -> [numerator, denominator]``."""

    counts: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, numerator: float, denominator: float) -> None:
        slot = self.counts.setdefault(name, [0.0, 0.0])
        slot[0] += numerator
        slot[1] += denominator

    def merge(self, other: Tally) -> None:
        for name, (num, den) in other.counts.items():
            self.add(name, num, den)

    def ratio(self, name: str) -> float:
        """The ratio, 0.0 when nothing was counted (no predictions: precision 0, not undefined)."""
        num, den = self.counts.get(name, (0.0, 0.0))
        return num / den if den else 0.0

    def scores(self) -> dict[str, float]:
        """Every ratio, plus an ``f1`` for each layer that has both precision and recall."""
        scores = {name: self.ratio(name) for name in self.counts}
        for name in list(scores):
            if name.endswith(".precision"):
                layer = name[: -len(".precision")]
                recall = scores.get(f"{layer}.recall")
                if recall is not None:
                    scores[f"{layer}.f1"] = _f1(scores[name], recall)
        return dict(sorted(scores.items()))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def greedy_pairs(gold: list[G], predicted: list[P], score: Callable[[G, P], float],
                 threshold: float = 1.0) -> list[tuple[G, P]]:
    """One-to-one pairs with ``score >= threshold``, best first (ties in text order)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            value = score(g, p)
            if value >= threshold:
                candidates.append((-value, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def _add_pr(tally: Tally, layer: str, matched: int, n_predicted: int, n_gold: int) -> None:
    tally.add(f"{layer}.precision", matched, n_predicted)
    tally.add(f"{layer}.recall", matched, n_gold)


def _add_accuracy(tally: Tally, name: str, outcomes: Iterable[bool]) -> None:
    results = list(outcomes)
    tally.add(name, sum(results), len(results))


class ArticleScorer:
    """Scores one record against one gold article; :meth:`score` returns the article's tally."""

    def __init__(self, record: DocumentRecord, gold: GoldArticle) -> None:
        self.record = record
        self.gold = gold
        self.tally = Tally()
        self._pred_keys = {e.id: entity_keys(e) for e in record.entities}

    def score(self) -> Tally:
        self.score_entities()
        self.score_clusters()
        self.score_dates()
        self.score_quantities()
        self.score_events()
        self.score_claims()
        self.score_relations()
        return self.tally

    # --- references -----------------------------------------------------------------------------

    def gold_keys(self, ref: str | None) -> frozenset[str]:
        """Names a gold reference goes by: its gold entity's forms, or the reference itself."""
        if ref is None:
            return frozenset()
        entity = self.gold.entity_named(ref)
        return surface_keys(entity.surface_forms if entity else (ref,))

    def pred_keys(self, entity_id: str | None) -> frozenset[str]:
        return self._pred_keys.get(entity_id or "", frozenset())

    def refers_to(self, entity_id: str | None, gold_ref: str | None) -> bool:
        return bool(self.pred_keys(entity_id) & self.gold_keys(gold_ref))

    # --- entities -------------------------------------------------------------------------------

    def score_entities(self) -> None:
        gold_keys = [surface_keys(g.surface_forms) for g in self.gold.entities]
        predicted = self.record.entities
        matched_pred = sum(1 for p in predicted if any(self.pred_keys(p.id) & k for k in gold_keys))
        best = [self._best_entity(g, keys) for g, keys in zip(self.gold.entities, gold_keys, strict=True)]
        pairs = [(g, p) for g, p in zip(self.gold.entities, best, strict=True) if p is not None]
        self.tally.add("entities.precision", matched_pred, len(predicted))
        self.tally.add("entities.recall", len(pairs), len(self.gold.entities))
        _add_accuracy(self.tally, "entities.kind_accuracy", (p.kind == g.kind for g, p in pairs))
        _add_accuracy(self.tally, "entities.sector_accuracy",
                      (p.sector == g.sector for g, p in pairs if g.sector))
        _add_accuracy(self.tally, "entities.country_accuracy",
                      (p.country == g.country for g, p in pairs if g.country))

    def _best_entity(self, gold: GoldEntity, keys: frozenset[str]) -> Entity | None:
        """The predicted entity sharing most forms with ``gold`` (its own name counting double)."""
        best, best_score = None, 0
        for entity in self.record.entities:
            shared = len(self.pred_keys(entity.id) & keys)
            if shared == 0:
                continue
            score = shared + (1 if surface_keys([entity.name]) & keys else 0)
            if score > best_score:
                best, best_score = entity, score
        return best

    def score_clusters(self) -> None:
        gold_clusters = [surface_keys(g.surface_forms) for g in self.gold.entities]
        known = frozenset().union(*gold_clusters) if gold_clusters else frozenset()
        gold_pairs = _pairs(gold_clusters)
        pred_pairs = _pairs([self.pred_keys(e.id) & known for e in self.record.entities])
        shared = len(gold_pairs & pred_pairs)
        _add_pr(self.tally, "entities.clustering", shared, len(pred_pairs), len(gold_pairs))

    # --- dates and quantities -------------------------------------------------------------------

    def score_dates(self) -> None:
        gold, predicted = self.gold.dates, self.record.dates
        found = greedy_pairs(gold, predicted, lambda g, p: float(contains_either(g.text, p.text)))
        pairs = greedy_pairs(gold, predicted, lambda g, p: float(
            contains_either(g.text, p.text) and _same_date(g.start, g.end, p)))
        _add_pr(self.tally, "dates", len(pairs), len(predicted), len(gold))
        self.tally.add("dates.detection_recall", len(found), len(gold))

    def score_quantities(self) -> None:
        gold, predicted = self.gold.quantities, self.record.quantities

        pairs = greedy_pairs(gold, predicted, lambda g, p: float(_same_quantity(g, p)))
        _add_pr(self.tally, "quantities", len(pairs), len(predicted), len(gold))
        _add_accuracy(self.tally, "quantities.approximate_accuracy",
                      (p.approximate == g.approximate for g, p in pairs))

    # --- events, claims, relations --------------------------------------------------------------

    def score_events(self) -> None:
        gold, predicted = self.gold.events, self.record.events

        def matches(g: GoldEvent, p: Event) -> float:
            if g.type != p.type:
                return 0.0
            gold_actors = (*g.source, *g.target)
            if not gold_actors:
                return 1.0
            pred_actors = (*p.source, *p.target)
            hit = any(self.refers_to(a, ref) for a in pred_actors for ref in gold_actors)
            # A trigger agreeing breaks ties between two same-type events in one article.
            same_trigger = bool(g.trigger) and contains_either(g.trigger or "", p.trigger.text)
            return (1.0 + 0.5 * same_trigger) if hit else 0.0

        pairs = greedy_pairs(gold, predicted, matches)
        _add_pr(self.tally, "events", len(pairs), len(predicted), len(gold))
        _add_accuracy(self.tally, "events.modality_accuracy", (p.modality == g.modality for g, p in pairs))
        _add_accuracy(self.tally, "events.date_accuracy",
                      (_date_agrees(g.date, p.date) for g, p in pairs if g.date))
        casualties = [_same_casualties(g, p) for g, p in pairs if g.casualties]
        if casualties:  # most articles state none: no score rather than a 0.0 out of nothing
            _add_accuracy(self.tally, "events.casualties_accuracy", casualties)

    def score_claims(self) -> None:
        gold, predicted = self.gold.claims, self.record.claims
        pairs = greedy_pairs(gold, predicted, lambda g, p: token_f1(p.content.text, g.content),
                             threshold=CLAIM_MATCH_F1)
        _add_pr(self.tally, "claims", len(pairs), len(predicted), len(gold))
        _add_accuracy(self.tally, "claims.speaker_accuracy",
                      (self._same_speaker(g.speaker, p) for g, p in pairs))
        _add_accuracy(self.tally, "claims.stance_accuracy", (p.stance == g.stance for g, p in pairs))
        _add_accuracy(self.tally, "claims.kind_accuracy", (p.kind == g.kind for g, p in pairs))
        _add_accuracy(self.tally, "claims.via_accuracy",
                      (self.refers_to(p.via, g.via) for g, p in pairs if g.via))
        self.tally.add("claims.content_f1", sum(token_f1(p.content.text, g.content) for g, p in pairs),
                       len(pairs))

    def _same_speaker(self, gold_speaker: str | None, claim: Claim) -> bool:
        if gold_speaker is None:
            return claim.speaker is None
        return self.refers_to(claim.speaker, gold_speaker)

    def score_relations(self) -> None:
        gold, predicted = self.gold.relations, self.record.relations

        def matches(g: GoldRelation, p: Relation) -> float:
            if g.type != p.type:
                return 0.0
            forward = self.refers_to(p.source, g.source) and self.refers_to(p.target, g.target)
            backward = (g.type in SYMMETRIC_RELATIONS and self.refers_to(p.source, g.target)
                        and self.refers_to(p.target, g.source))
            return float(forward or backward)

        pairs = greedy_pairs(gold, predicted, matches)
        _add_pr(self.tally, "relations", len(pairs), len(predicted), len(gold))


def _pairs(clusters: Iterable[frozenset[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for cluster in clusters for pair in combinations(sorted(cluster), 2)}


def _same_date(start: str | None, end: str | None, predicted: DateRef) -> bool:
    return predicted.start == start and (end is None or predicted.end == end)


def _date_agrees(gold_date: str | None, predicted: DateRef | None) -> bool:
    """The predicted date starts with the gold date (a more precise prediction still agrees)."""
    if predicted is None or predicted.start is None or gold_date is None:
        return False
    return predicted.start.startswith(gold_date)


def _same_casualties(gold: GoldEvent, predicted: Event) -> bool:
    """Every count the gold event states (killed, injured, ...) is the predicted one."""
    return all(getattr(predicted.casualties, kind) == count for kind, count in gold.casualties)


def _same_quantity(gold: GoldQuantity, predicted: Quantity) -> bool:
    if gold.unit and unit_head(gold.unit) != unit_head(predicted.unit):
        return False
    if gold.value is None:  # vague gold count: no value to compare, the text has to agree
        return predicted.vague and contains_either(gold.text, predicted.span.text)
    value = predicted.value
    candidates = [value] if value is not None else [predicted.upper, predicted.lower]
    return any(c is not None and math.isclose(c, gold.value, rel_tol=1e-6) for c in candidates)


def score_article(record: DocumentRecord, gold: GoldArticle) -> Tally:
    """The tally of one predicted record against its gold article."""
    return ArticleScorer(record, gold).score()

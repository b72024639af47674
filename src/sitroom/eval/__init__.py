"""Evaluation against the hand-annotated gold set (``gold/``, documented in ``docs/gold.md``).

>>> report = evaluate("gold", Pipeline())        # runs the real pipeline on every gold article
>>> report.render()                              # rich table on the terminal
>>> check_floors(report, load_floors("gold/floors.json"))   # [] when every score holds its floor

:func:`score_records` scores records you already have (tests, cached runs) without spaCy.
Scoring rules per layer are in :mod:`sitroom.eval.scoring`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.errors import NotFound
from sitroom.eval.gold import (
    GoldArticle,
    check_manifest,
    load_gold,
    write_manifest,
)
from sitroom.eval.report import ArticleResult, EvalReport, check_floors, load_floors, suggest_floors
from sitroom.eval.scoring import Tally, score_article
from sitroom.records import Document, DocumentRecord

if TYPE_CHECKING:
    from sitroom.extract.pipeline import Pipeline

__all__ = [
    "EvalReport",
    "GoldArticle",
    "GoldManifestWarning",
    "check_floors",
    "check_manifest",
    "evaluate",
    "gold_documents",
    "load_floors",
    "load_gold",
    "score_records",
    "suggest_floors",
    "write_manifest",
]


class GoldManifestWarning(UserWarning):
    """The gold files differ from ``MANIFEST.sha256``: scores may not compare with earlier runs."""


def gold_documents(articles: Iterable[GoldArticle]) -> list[Document]:
    """The documents the pipeline reads: the article text as is, dated from the annotation."""
    return [
        Document(id=a.name, text=a.text, published=a.published, author=a.author, language="en",
                 origin=f"gold/{a.name}.txt")
        for a in articles
    ]


def score_records(pairs: Iterable[tuple[DocumentRecord, GoldArticle]]) -> EvalReport:
    """Score predicted records against their gold articles (micro-averaged over all of them)."""
    total = Tally()
    articles = []
    for record, gold in pairs:
        tally = score_article(record, gold)
        total.merge(tally)
        articles.append(ArticleResult(gold.name, tally.scores(), {k: list(v) for k, v in tally.counts.items()}))
    return EvalReport(scores=total.scores(), articles=articles)


def evaluate(gold_dir: str | Path, pipeline: Pipeline | None = None,
             only: Iterable[str] | None = None) -> EvalReport:
    """Run ``pipeline`` (default: :class:`Pipeline` with the default model) on every gold article.

    ``only`` names the articles to score (``NAME`` of ``NAME.txt``); an unknown name is a
    :class:`~sitroom.errors.NotFound`. To compare subsets of one run, use :meth:`EvalReport.subset`.
    A gold set that differs from its manifest is still scored, but never silently: the differences
    go to ``report.warnings`` and are raised as :class:`GoldManifestWarning`.
    """
    if pipeline is None:
        from sitroom.extract.pipeline import Pipeline

        pipeline = Pipeline()
    problems = check_manifest(gold_dir)
    for problem in problems:
        warnings.warn(problem, GoldManifestWarning, stacklevel=2)
    articles = _select(load_gold(gold_dir), only)
    records = pipeline.process(gold_documents(articles))
    report = score_records(zip(records, articles, strict=True))
    report.warnings = problems
    report.model = pipeline.model
    return report


def _select(articles: list[GoldArticle], only: Iterable[str] | None) -> list[GoldArticle]:
    """The named articles, in gold-set order (all of them when ``only`` is None)."""
    if only is None:
        return articles
    wanted = set(only)
    unknown = wanted - {a.name for a in articles}
    if unknown:
        raise NotFound(f"no gold article named {', '.join(sorted(unknown))}")
    return [a for a in articles if a.name in wanted]

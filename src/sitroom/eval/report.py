"""The evaluation report, its terminal rendering, and the score floors that gate CI.

``gold/floors.json`` maps flat score names (``entities.recall``) to minimum values; a score below its
floor, or a floor naming a score the report does not have, is a failure (see :func:`check_floors`).
"""

from __future__ import annotations

import fnmatch
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitroom.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

PRF = ("precision", "recall", "f1")
LAYERS = ("entities", "dates", "quantities", "events", "claims", "relations")


@dataclass
class ArticleResult:
    """Scores of one gold article (same names as the report's), for finding where a layer fails."""

    name: str
    scores: dict[str, float]
    counts: dict[str, list[float]] = field(default_factory=dict)
    """The article's raw ``name -> [numerator, denominator]`` tally, so subsets can be re-averaged."""


@dataclass
class EvalReport:
    """Micro-averaged scores over the gold set, per-article scores and gold-set warnings."""

    scores: dict[str, float]
    """Flat names: ``entities.precision``, ``entities.kind_accuracy``, ``dates.f1``..."""
    articles: list[ArticleResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Manifest mismatches: the gold files differ from what ``MANIFEST.sha256`` pins."""
    model: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "articles": [{"name": a.name, "scores": {k: round(v, 4) for k, v in a.scores.items()}}
                         for a in self.articles],
            "warnings": list(self.warnings),
        }

    def subset(self, names: Iterable[str]) -> EvalReport:
        """The scores micro-averaged over the named articles only (the old eight, the new six...).

        Re-sums the articles' raw tallies, so it needs no second pipeline run; an unknown name is an
        :class:`InputError` rather than a silently smaller average.
        """
        from sitroom.eval.scoring import Tally

        wanted = list(dict.fromkeys(names))
        known = {a.name: a for a in self.articles}
        missing = [n for n in wanted if n not in known]
        if missing:
            raise InputError("eval report", f"no gold article named {', '.join(sorted(missing))}")
        total = Tally()
        for name in wanted:
            total.merge(Tally({k: list(v) for k, v in known[name].counts.items()}))
        return EvalReport(scores=total.scores(), articles=[known[n] for n in wanted],
                          warnings=list(self.warnings), model=self.model)

    def table(self) -> Table:
        """The scores as a rich table: one row per layer, P/R/F1 columns, then the accuracies."""
        from rich.table import Table

        title = f"sitroom eval: {len(self.articles)} gold articles"
        table = Table(title=title + (f", model {self.model}" if self.model else ""))
        table.add_column("layer", style="bold")
        for measure in PRF:
            table.add_column(measure, justify="right")
        table.add_column("other measures")
        for layer in _layers(self.scores):
            cells = [_cell(self.scores.get(f"{layer}.{m}")) for m in PRF]
            others = [f"{name.rsplit('.', 1)[1].replace('_', ' ')} {value:.2f}"
                      for name, value in self.scores.items()
                      if name.rsplit(".", 1)[0] == layer and name.rsplit(".", 1)[1] not in PRF]
            table.add_row(layer, *cells, ", ".join(others))
        return table

    def render(self, console: Console | None = None) -> None:
        """Print the warnings (gold set modified) and the score table to the terminal."""
        from rich.console import Console

        console = console or Console()
        for warning in self.warnings:
            console.print(f"[bold red]gold set warning:[/] {warning}")
        console.print(self.table())


def _layers(scores: dict[str, float]) -> list[str]:
    """Layer prefixes in pipeline order (``entities.clustering`` is a layer row of its own)."""
    found = {name.rsplit(".", 1)[0] for name in scores}
    ordered = [layer for base in LAYERS for layer in sorted(found) if layer.split(".")[0] == base]
    return ordered + sorted(found - set(ordered))


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def load_floors(path: str | Path) -> dict[str, float]:
    """Read ``floors.json``: an object of score name -> minimum value."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(str(source), f"cannot read floors: {err}") from err
    if not isinstance(data, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in data.values()
    ):
        raise InputError(str(source), "floors must be an object of score name -> number")
    return {str(k): float(v) for k, v in data.items()}


def check_floors(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """One line per score below its floor (or missing from the report); empty when all pass.

    A name ``PATTERN/score`` holds the floor on the articles whose names match the glob
    ``PATTERN`` (``blind-*/events.f1``); ``!PATTERN/score`` on the articles that do not match it
    (``!blind-*/events.f1``: the development articles). So adding a harder batch of articles gives
    it floors of its own and leaves the floors of the others where they were.
    """
    failures = []
    for name, floor in sorted(floors.items()):
        scores, score_name = _scores_for(report, name)
        value = scores.get(score_name) if scores is not None else None
        if scores is None:
            failures.append(f"{name}: no gold article matches (floor {floor:.2f})")
        elif value is None:
            failures.append(f"{name}: no such score in the report (floor {floor:.2f})")
        elif value + 1e-9 < floor:
            failures.append(f"{name}: {value:.3f} is below the floor {floor:.2f}")
    return failures


def _scores_for(report: EvalReport, name: str) -> tuple[dict[str, float] | None, str]:
    """The scores a floor name refers to (None when its pattern matches no article) and the score."""
    if "/" not in name:
        return report.scores, name
    pattern, score_name = name.rsplit("/", 1)
    negated = pattern.startswith("!")
    glob = pattern[1:] if negated else pattern
    names = [a.name for a in report.articles if fnmatch.fnmatchcase(a.name, glob) != negated]
    if not names:
        return None, score_name
    return report.subset(names).scores, score_name


def suggest_floors(report: EvalReport, margin: float = 0.02) -> dict[str, float]:
    """Floors for the current scores: each score minus ``margin``, rounded down to two decimals.

    The margin absorbs run-to-run noise from batching without letting a real regression through.
    """
    return {name: max(0.0, math.floor((value - margin) * 100 + 1e-9) / 100)
            for name, value in sorted(report.scores.items())}

"""Shared fixtures: one spaCy pipeline per test session (loading it costs about a second)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom.extract.pipeline import Pipeline
from sitroom.records import Document, DocumentRecord

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mali-wagner-2021.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline) -> Callable[..., DocumentRecord]:
    """``extract(text, published=None, **fields)`` runs the full default pipeline on one text."""

    def run(text: str, published: str | None = None, **fields: object) -> DocumentRecord:
        doc = Document(id="t", text=text, published=published, language="en", **fields)  # type: ignore[arg-type]
        return pipeline.process_one(doc)

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("shared/corpus/mali-wagner-2021.txt is not beside the checkout")
    return SEED.read_text(encoding="utf-8")

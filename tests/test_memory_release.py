"""A parsed doc is freed as soon as its record is built, not left for the cyclic garbage collector.

Steps cache spans in ``doc.user_data``; spans point back at the doc, so without
:func:`sitroom.extract.pipeline.release_doc` every doc of a long run sat in a reference cycle until a
rare full collection (about 90 MiB of dead docs on 1,000 articles, docs/performance.md "Memory").
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from sitroom.extract.context import Context
from sitroom.extract.pipeline import Pipeline, release_doc
from sitroom.records import Document

TEXTS = [
    "General Anton Brask said on Monday that the Volkov Group had sent 300 fighters to the "
    "Republic of Karesia. The ministry denied the report.",
    "Karesian troops clashed with rebels near the border town of Vell, killing 12 people, "
    "the Karesia Herald reported.\n\nThe army said it would investigate.",
]


class _DocWatcher:
    """A last step that keeps a weak reference to every doc it sees (and never a strong one)."""

    name = "doc-watcher"
    version = "1"

    def __init__(self) -> None:
        self.refs: list[weakref.ref[Any]] = []
        self.cached: list[int] = []

    def __call__(self, ctx: Context) -> None:
        self.refs.append(weakref.ref(ctx.doc))
        self.cached.append(len(ctx.doc.user_data))


@pytest.fixture()
def gc_off() -> Iterator[None]:
    """Only reference counting may free the docs: a collection here would hide a cycle."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _documents() -> list[Document]:
    return [Document(id=f"m{n}", text=text, language="en") for n, text in enumerate(TEXTS)]


def test_docs_are_freed_without_the_cyclic_collector(pipeline: Pipeline, gc_off: None) -> None:
    watcher = _DocWatcher()
    watched = Pipeline(model=pipeline.model, steps=[*pipeline.steps, watcher], limits=pipeline.limits)
    records = list(watched.process(_documents()))
    assert len(records) == len(TEXTS)
    assert all(count > 0 for count in watcher.cached), "steps cached nothing: the test checks nothing"
    assert [ref() for ref in watcher.refs] == [None] * len(TEXTS)


def test_records_are_the_same_whether_or_not_the_doc_is_released(pipeline: Pipeline) -> None:
    kept = [pipeline._record_for(doc, pipeline.nlp(doc.text)).to_json() for doc in _documents()]
    released = [record.to_json() for record in pipeline.process(_documents())]
    assert released == kept
    assert any(record["events"] or record["claims"] for record in released)


def test_release_doc_empties_user_data_and_ignores_other_objects(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The Volkov Group left Vell.")
    doc.user_data["sitroom.test"] = [doc[0:2]]
    release_doc(doc)
    assert doc.user_data == {}
    release_doc(object())  # a non-spaCy parse (no user_data) is left alone

"""The mention step alone (sentences and gazetteer), for tests of what it produces before resolution."""

from __future__ import annotations

from sitroom.config import Limits
from sitroom.extract.context import Context
from sitroom.extract.gazetteer import GazetteerMentionStep
from sitroom.extract.pipeline import Pipeline
from sitroom.extract.sentences import SentenceStep
from sitroom.records import Document, DocumentRecord, Mention


def gazetteer_mentions(pipeline: Pipeline, text: str) -> list[Mention]:
    """Mentions of the sentence and gazetteer steps alone (the resolver is not ours)."""
    document = Document(id="t", text=text, language="en")
    ctx = Context(document=document, doc=pipeline.nlp(text), record=DocumentRecord(document=document),
                  limits=Limits())
    SentenceStep()(ctx)
    GazetteerMentionStep()(ctx)
    return ctx.mentions

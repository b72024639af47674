"""``POST /api/ingest``: add documents over HTTP. Mounted only when the app has a token (and may write).

The body is JSON: ``{"documents": [{"id"?, "text", "title"?, "published"?, "url"?, "source"?}]}``
(articles to extract, the JSON Lines input shape) and/or ``{"records": [...]}`` (document records
already extracted, schema ``sitroom.document/1``). Requests without ``Authorization: Bearer <token>``
get 401. The spaCy pipeline loads on the first article (a few seconds) and is then reused.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from sitroom.errors import InputError
from sitroom.ingest.jsonl import BadRecord, record_document
from sitroom.serve.db import Database
from sitroom.serve.security import check_token

MAX_DOCUMENTS = 20
"""Articles per request: extraction takes about a second each, and a request should not take minutes."""


class IngestBody(BaseModel):
    """Articles to extract and/or records to import."""

    documents: list[dict[str, Any]] = Field(default_factory=list, max_length=MAX_DOCUMENTS)
    records: list[dict[str, Any]] = Field(default_factory=list, max_length=MAX_DOCUMENTS)


class _PipelineHolder:
    """One spaCy pipeline for the app, loaded on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pipeline: Any = None

    def get(self) -> Any:
        with self._lock:
            if self._pipeline is None:
                from sitroom.extract.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline


def ingest_router(token: str) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["ingest"])
    pipelines = _PipelineHolder()

    @router.post("/ingest", summary="Add articles (extracted here) or extracted records; needs the token")
    def ingest(request: Request, body: IngestBody) -> dict[str, Any]:
        if not check_token(token, request.headers.get("authorization")):
            raise HTTPException(401, "missing or wrong token (send Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})
        db: Database = request.app.state.db
        documents = [_document(item, f"documents[{i}]") for i, item in enumerate(body.documents)]
        added: list[str] = []
        skipped: list[str] = []
        with db.writer() as store:
            for i, data in enumerate(body.records):
                doc_id = str((data.get("document") or {}).get("id", f"records[{i}]"))
                (added if store.import_record(data) else skipped).append(doc_id)
            for doc in documents:
                record = pipelines.get().process_one(doc)
                (added if store.add_record(record) else skipped).append(doc.id)
        return {"added": added, "already_stored": skipped}

    return router


def _document(item: dict[str, Any], where: str) -> Any:
    try:
        return record_document(item, where)
    except BadRecord as err:
        raise InputError(where, str(err)) from err

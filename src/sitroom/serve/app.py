"""The web app: ``create_app(db)`` returns an ASGI app serving pages and the JSON API over a store.

>>> app = create_app("sitroom.db")                          # read-only, no ingest endpoint
>>> app = create_app("sitroom.db", token="s3cret", read_only=False)   # adds POST /api/ingest

Run it with ``uvicorn`` (``sitroom serve`` does, on 127.0.0.1 by default). The OpenAPI description
is at ``/openapi.json`` and the interactive docs at ``/docs``. Library errors become HTTP statuses:
NotFound 404, LimitExceeded 413, any other SitroomError 400; pages show them as an error page.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from sitroom import __version__
from sitroom.errors import LimitExceeded, NotFound, SitroomError
from sitroom.serve import api, pages
from sitroom.serve.db import Database
from sitroom.serve.ingest import ingest_router
from sitroom.serve.security import BodyLimit, SecurityHeaders

HERE = Path(__file__).resolve().parent
TILES_ENV = "SITROOM_TILES_URL"
"""Online map tiles (``https://tile.example.org/{z}/{x}/{y}.png``); unset, the map uses the bundled basemap."""


def create_app(db: str, token: str | None = None, read_only: bool = True, tiles_url: str | None = None) -> FastAPI:
    """The app over the store at ``db``.

    ``token`` mounts ``POST /api/ingest``, which then needs ``Authorization: Bearer <token>``; it
    writes, so it requires ``read_only=False``. ``tiles_url`` (default ``$SITROOM_TILES_URL``) turns on
    online map tiles.
    """
    if token is not None and not token.strip():
        raise ValueError("the ingest token must not be empty")
    if token and read_only:
        raise ValueError("the ingest endpoint writes to the store: pass read_only=False with a token")
    database = Database(db, read_only=read_only)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(title="sitroom", version=__version__, lifespan=lifespan,
                  description="A sourced, queryable model of a conflict: actors, PLOVER events, claims, "
                              "each pointing back to the sentence it came from.")
    app.state.db = database
    app.state.tiles_url = tiles_url if tiles_url is not None else os.environ.get(TILES_ENV) or None
    app.state.ingest = bool(token)
    app.include_router(api.router)
    if token:
        app.include_router(ingest_router(token))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders, tiles_url=app.state.tiles_url)
    return app


def _status(err: SitroomError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, LimitExceeded):
        return 413
    return 400


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SitroomError)
    async def sitroom_error(request: Request, err: SitroomError) -> Response:
        status = _status(err)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(err)}, status_code=status)
        return pages.error_page(request, status, str(err))

    @app.exception_handler(ValueError)
    async def value_error(request: Request, err: ValueError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(err)}, status_code=400)
        return pages.error_page(request, 400, str(err))

"""What each CLI command does, over the library: reading inputs, progress, rendering, summaries."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sitroom.config import Limits, default_db
from sitroom.errors import SitroomError
from sitroom.records import Document


class UsageError(SitroomError):
    """Options that do not fit together."""

    exit_code = 2


out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class RunSummary:
    """Counts shown at the end of a long run."""

    read: int = 0
    failed: list[str] = field(default_factory=list)
    new: int = 0
    duplicate: int = 0
    not_english: int = 0

    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _report_failure(summary: RunSummary, where: str, reason: str) -> None:
    line = f"{where}: {reason}"
    summary.failed.append(line)
    err.print(f"[red]skipped[/red] {line}", markup=True, highlight=False)


def documents_from(paths: Iterable[str], summary: RunSummary, limits: Limits) -> Iterator[Document]:
    """Documents from every input path; failures are printed, counted and skipped."""
    from sitroom.ingest import InputFailure, read_inputs

    for item in read_inputs(paths, limits):
        if isinstance(item, InputFailure):
            _report_failure(summary, item.where, item.reason)
            continue
        summary.read += 1
        yield item


@contextmanager
def progress_bar(label: str, quiet: bool) -> Iterator[Any]:
    """A progress bar on standard error (none when quiet or not a terminal and CI-like)."""
    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet,
    )
    with progress:
        task = progress.add_task(label, total=None, rate="")

        def advance(n: int = 1) -> None:
            progress.advance(task, n)
            done = progress.tasks[task].completed
            elapsed = progress.tasks[task].elapsed or 0.0
            if elapsed > 0:
                progress.update(task, rate=f"{done / elapsed:.1f} docs/s")

        yield advance


def _print_summary(summary: RunSummary, verb: str) -> None:
    parts = [f"{summary.read} read"]
    if verb == "ingest":
        parts.append(f"{summary.new} stored")
        parts.append(f"{summary.duplicate} already stored")
    if summary.not_english:
        parts.append(f"{summary.not_english} not English (stored unparsed)" if verb == "ingest"
                     else f"{summary.not_english} not English (not parsed)")
    parts.append(f"{len(summary.failed)} failed")
    colour = "red" if summary.failed else "green"
    err.print(f"[{colour}]{verb}:[/{colour}] " + ", ".join(parts), markup=True)


# --- extract --------------------------------------------------------------------------------------


@contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def run_extract(paths: list[str], model: str | None, output: str, quiet: bool) -> int:
    from sitroom.extract.pipeline import Pipeline

    limits = Limits()
    pipeline = Pipeline(model=model, limits=limits)
    pipeline.nlp  # noqa: B018  (load now: a missing model fails before any input is read)
    summary = RunSummary()
    with _open_output(output) as handle, progress_bar("extract", quiet) as advance:
        for record in pipeline.process(documents_from(paths, summary, limits)):
            if record.model is None:
                summary.not_english += 1
            handle.write(dumps(record.to_json()) + "\n")
            advance()
    _print_summary(summary, "extract")
    return summary.exit_code()


# --- ingest ---------------------------------------------------------------------------------------


def open_store(db: str | None) -> Any:
    from sitroom.store import open_store as _open

    return _open(db or default_db())


def run_ingest(paths: list[str], db: str | None, model: str | None, quiet: bool) -> int:
    from sitroom.extract.pipeline import Pipeline

    limits = Limits()
    pipeline = Pipeline(model=model, limits=limits)
    pipeline.nlp  # noqa: B018
    summary = RunSummary()
    with open_store(db) as store, progress_bar("ingest", quiet) as advance:
        fresh = _skip_stored(documents_from(paths, summary, limits), store, summary)
        for record in pipeline.process(fresh):
            if record.model is None:
                summary.not_english += 1
            _store_record(store, record, summary)
            advance()
    _print_summary(summary, "ingest")
    return summary.exit_code()


def _skip_stored(documents: Iterable[Document], store: Any, summary: RunSummary) -> Iterator[Document]:
    """Documents already in the store are counted and not parsed again."""
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen or store.has_document(doc.id):
            summary.duplicate += 1
            err.print(f"[dim]already stored[/dim] {doc.origin or doc.id} ({doc.id})", markup=True)
            continue
        seen.add(doc.id)
        yield doc


def _store_record(store: Any, record: Any, summary: RunSummary) -> None:
    from sitroom.errors import StoreError

    try:
        if store.add_record(record):
            summary.new += 1
        else:
            summary.duplicate += 1
    except StoreError as exc:
        _report_failure(summary, record.document.origin or record.document.id, str(exc))


# --- queries --------------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable))


def _jsonable(obj: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return str(obj)


def _as_dict(obj: Any) -> dict[str, Any]:
    from dataclasses import asdict, is_dataclass

    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return dict(obj)


def run_search(text: str, db: str | None, limit: int, as_json: bool) -> int:
    from sitroom.query.search import search

    with open_store(db) as store:
        hits = search(store, text, limit=limit, markup="raw" if as_json else "text")
    if as_json:
        _print_json(hits)
        return 0
    if not hits:
        err.print(f"no sentence matches {text!r}")
        return 0
    for hit in hits:
        out.print(f"{hit['title'] or hit['doc_id']}  ({hit['published'] or 'undated'})  [{hit['doc_id']}]",
                  markup=False)
        out.print(f"  {hit['snippet']}", markup=False)
    return 0


def run_entities(db: str | None, kind: str | None, country: str | None, sector: str | None,
                 top: int, as_json: bool) -> int:
    with open_store(db) as store:
        rows = [_as_dict(a) for a in store.actors(kind=kind, country=country, sector=sector, top=top)]
    if as_json:
        _print_json(rows)
        return 0
    table = Table("id", "name", "kind", "code", "role", "mentions", "docs", "first seen", "last seen")
    for row in rows:
        table.add_row(*(_cell(row.get(k)) for k in ("id", "name", "kind", "code", "role", "mention_count",
                                                    "doc_count", "first_seen", "last_seen")))
    out.print(table)
    return 0


def run_show(name: str, db: str | None, as_json: bool) -> int:
    from sitroom.query.profile import profile_dict, profile_lines

    with open_store(db) as store:
        profile = store.actor(name)
    if as_json:
        _print_json(profile_dict(profile))
        return 0
    for line in profile_lines(profile):
        out.print(line, markup=False)
    return 0


def run_stats(db: str | None, as_json: bool) -> int:
    with open_store(db) as store:
        counts = store.stats()
    if as_json:
        _print_json(counts)
        return 0
    table = Table("what", "count")
    for key, value in counts.items():
        table.add_row(key, str(value))
    out.print(table)
    return 0


def run_events(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = [_as_dict(e) for e in store.events(
            type=args.type, actor=args.actor, since=args.since, until=args.until,
            place=args.place, modality=args.modality, limit=args.limit)]
    if args.json:
        _print_json(rows)
        return 0
    table = Table()
    for name, width in (("type", 8), ("modality", 8), ("source", 10), ("target", 10), ("date", 7),
                        ("place", 6), ("sources", 3), ("evidence", 20)):
        table.add_column(name, min_width=width)
    for row in rows:
        table.add_row(*(_cell(row.get(k)) for k in ("type", "modality", "source", "target")),
                      event_date_cell(row),
                      *(_cell(row.get(k)) for k in ("place", "source_count")),
                      _cell(row.get("evidence"))[:120])
    out.print(table)
    if any(_from_publication(row) for row in rows):
        out.print("(pub.): the text states no date; the lead's event takes the publication date")
    return 0


def event_date_cell(row: dict[str, Any]) -> str:
    """The event's date, marked "(pub.)" when it is the publication date, not a date in the text."""
    start = _cell(row.get("date_start"))
    return f"{start} (pub.)" if _from_publication(row) else start


def _from_publication(row: dict[str, Any]) -> bool:
    return bool(row.get("date_start")) and not row.get("date_text")


def run_claims(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        rows = [_as_dict(c) for c in store.claims(
            speaker=args.speaker, via=args.via, stance=args.stance, about=args.about,
            kind=args.kind, limit=args.limit)]
    if args.json:
        _print_json(rows)
        return 0
    table = Table()
    for name, width in (("speaker", 10), ("via", 6), ("stance", 6), ("kind", 8), ("text", 20)):
        table.add_column(name, min_width=width)
    for row in rows:
        table.add_row(*(_cell(row.get(k)) for k in ("speaker", "via", "stance", "kind")),
                      _cell(row.get("text"))[:160])
    out.print(table)
    return 0


def run_contradictions(db: str | None, actor: str | None, limit: int, as_json: bool) -> int:
    with open_store(db) as store:
        rows = [_as_dict(r) for r in store.contradictions(actor=actor, limit=limit)]
    if as_json:
        _print_json(rows)
        return 0
    if not rows:
        err.print("no contradictions found")
    for row in rows:
        out.print(f"#{row['id']} {row['topic']}: {row['reason']}", markup=False)
        for side in ("deny", "asserted"):
            s = row[side]
            out.print(f"  {side:>8}: {s['label']}  [{s['doc_id']}]", markup=False)
            out.print(f"            \u201c{s['evidence']}\u201d", markup=False)
    return 0


def run_actor_override(db: str | None, op: str, actor: str, value: str) -> int:
    from sitroom.resolve.overrides import apply_override, make_override, overrides_path, save_override

    db_path = db or default_db()
    override = make_override(op, actor, value, where="command line")
    with open_store(db_path) as store:
        changed = apply_override(store, override)
    path = overrides_path(db_path)
    if path is None:
        err.print(f"actors {op}: {changed} actor(s) changed in the store; not saved for re-ingest "
                  "(set SITROOM_OVERRIDES to a file to keep corrections for a database URL)")
        return 0
    save_override(path, override)
    err.print(f"actors {op}: {changed} actor(s) changed; saved in {path} (re-applied on every ingest)")
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("text") or value.get("start") or "")
    return str(value)


# --- export / import ------------------------------------------------------------------------------


def run_export(db: str | None, fmt: str, out: str, table: str = "events") -> int:
    from sitroom.export import export

    if fmt == "parquet" and out == "-":
        raise UsageError("parquet is binary: give --out FILE.parquet or --out FOLDER/")
    with open_store(db) as store:
        if out == "-":
            count = export(store, fmt, sys.stdout, table=table)
        else:
            count = export(store, fmt, out, table=table)
    where = out if out != "-" else "standard output"
    err.print(f"export: {count} {fmt} items written to {where}")
    return 0


def run_serve(db: str | None, host: str, port: int, token: str | None) -> int:
    import os

    import uvicorn

    from sitroom.serve.app import create_app

    token = token or os.environ.get("SITROOM_INGEST_TOKEN") or None
    db_path = db or default_db()
    app = create_app(db_path, token=token, read_only=token is None)
    mode = "read-write (ingest endpoint on, token required)" if token else "read-only"
    err.print(f"serve: {db_path} ({mode}) at http://{host}:{port}/  API description: /openapi.json")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]serve: listening on {host}: reachable from other machines[/yellow]", markup=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


def run_import(paths: list[str], db: str | None) -> int:
    summary = RunSummary()
    with open_store(db) as store:
        for path in paths:
            _import_file(Path(path), store, summary)
    _print_summary(summary, "ingest")
    return summary.exit_code()


def _import_file(path: Path, store: Any, summary: RunSummary) -> None:
    from sitroom.errors import SitroomError

    try:
        lines = path.open(encoding="utf-8")
    except OSError as exc:
        _report_failure(summary, str(path), exc.strerror or "cannot open")
        return
    with lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                summary.read += 1
                if store.import_record(record):
                    summary.new += 1
                else:
                    summary.duplicate += 1
            except (ValueError, KeyError, TypeError) as exc:
                _report_failure(summary, where, f"not a document record ({exc})")
            except SitroomError as exc:
                _report_failure(summary, where, str(exc))


# --- batch / load ---------------------------------------------------------------------------------


def run_batch_command(args: argparse.Namespace) -> int:
    from sitroom.batch import run_batch

    with progress_bar(f"batch ({args.engine})", args.quiet) as advance:
        summary = run_batch(args.inputs, args.out, engine=args.engine, workers=args.workers,
                            address=args.address, model=args.model, progress=advance, gpu=args.gpu)
    for line in summary.failed:
        err.print(f"[red]skipped[/red] {line}", markup=True, highlight=False)
    rows = ", ".join(f"{n} {t}" for t, n in summary.rows.items() if n)
    colour = "red" if summary.failed else "green"
    err.print(f"[{colour}]batch:[/{colour}] {summary.documents} documents in {summary.shards_done} shards "
              f"({summary.shards_skipped} finished before, skipped), {summary.docs_per_second:.1f} docs/s, "
              f"{len(summary.failed)} failed; {rows} -> {summary.out_dir}", markup=True)
    return 1 if summary.failed else 0


def run_load(folder: str, db: str | None, quiet: bool) -> int:
    from sitroom.batch import load

    with open_store(db) as store, progress_bar("load", quiet) as advance:
        summary = load(folder, store, progress=advance)
    err.print(f"load: {summary.shards} shards, {summary.read} documents read, {summary.stored} stored, "
              f"{summary.skipped} already stored")
    return 0


# --- demo / eval ----------------------------------------------------------------------------------


def run_demo(db: str | None, model: str | None) -> int:
    from sitroom.cli_render import print_tour

    examples = Path(__file__).parent / "examples"
    db = db or "sitroom-demo.db"
    err.print(f"demo: ingesting the bundled example corpus ({examples}) into {db}")
    code = run_ingest([str(examples)], db=db, model=model, quiet=False)
    with open_store(db) as store:
        print_tour(store, out)
    out.print(f"\nExplore further: sitroom entities --db {db}; sitroom show NAME --db {db}; "
              f"sitroom search WORDS --db {db}")
    return code


def run_eval(gold_dir: str, model: str | None, floors: str | None, as_json: bool) -> int:
    from sitroom.eval import check_floors, evaluate, load_floors
    from sitroom.extract.pipeline import Pipeline

    report = evaluate(Path(gold_dir), Pipeline(model=model))
    floors_path = Path(floors) if floors else Path(gold_dir) / "floors.json"
    failures = check_floors(report, load_floors(floors_path)) if floors_path.exists() else []
    if as_json:
        _print_json({"scores": report.scores, "below_floor": failures})
    else:
        report.render(out)
        for line in failures:
            err.print(f"[red]below floor:[/red] {line}", markup=True)
    return 7 if failures else 0

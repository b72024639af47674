"""The ``sitroom`` command: a thin layer over the library.

Each subcommand parses its options, calls one library function and renders the result. Heavy imports
(spaCy, the store) happen inside the commands so ``sitroom --help`` answers at once.

Exit codes:
  0  success
  1  some inputs failed (each named on standard error); the rest were processed
  2  usage error (bad options)
  3  the spaCy pipeline could not be loaded
  4  the store could not be opened, migrated or written
  5  a name or id was not found
  6  a processing limit was hit
  7  an evaluation score fell below its floor
  130 interrupted
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from sitroom import __version__
from sitroom.config import default_db, default_model
from sitroom.errors import SitroomError

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except SitroomError as err:
        print(f"sitroom: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("sitroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitroom",
        description="Turn news and analysis articles into a sourced, queryable model of a conflict.",
        epilog="Exit codes: 0 ok, 1 some inputs failed, 2 usage, 3 model, 4 store, 5 not found, "
        "6 limit, 7 below eval floor.",
    )
    parser.add_argument("--version", action="version", version=f"sitroom {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in _COMMANDS:
        register(sub)
    return parser


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None,
                   help=f"store file or URL (default: $SITROOM_DB or {default_db()!s} here)")


def _add_model(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None,
                   help=f"installed spaCy pipeline to parse with (default: {default_model()})")


def _add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


# --- extract / ingest ---------------------------------------------------------------------------


def _register_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="print one document record per input document (JSON Lines)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    _add_model(p)
    p.add_argument("-o", "--output", default="-", help="write JSON Lines here (default: standard output)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_cmd_extract)


def _cmd_extract(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_extract

    return run_extract(args.paths, model=args.model, output=args.output, quiet=args.quiet)


def _register_ingest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract and store documents")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    _add_db(p)
    _add_model(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_cmd_ingest)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_ingest

    return run_ingest(args.paths, db=args.db, model=args.model, quiet=args.quiet)


# --- queries ------------------------------------------------------------------------------------


def _register_search(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over sentences")
    p.add_argument("text", nargs="+", help="words to search for")
    p.add_argument("--limit", type=int, default=20)
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_search)


def _cmd_search(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_search

    return run_search(" ".join(args.text), db=args.db, limit=args.limit, as_json=args.json)


def _register_entities(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="list actors and places, most mentioned first")
    p.add_argument("--kind", help="person, organization, country, place, group, other")
    p.add_argument("--country", help="ISO alpha-3 or IGO code (RUS, MLI, IGO...)")
    p.add_argument("--sector", help="GOV, MIL, PMC, REB...")
    p.add_argument("--top", type=int, default=30, help="how many (default 30)")
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_entities)


def _cmd_entities(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_entities

    return run_entities(db=args.db, kind=args.kind, country=args.country, sector=args.sector,
                        top=args.top, as_json=args.json)


def _register_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="an actor's profile: aliases, codes, documents, events, claims")
    p.add_argument("name", nargs="+", help="actor name, alias or id")
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_show)


def _cmd_show(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_show

    return run_show(" ".join(args.name), db=args.db, as_json=args.json)


def _register_stats(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="counts of what the store holds")
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_stats)


def _cmd_stats(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_stats

    return run_stats(db=args.db, as_json=args.json)


def _register_events(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list coded events with their source counts")
    p.add_argument("--type", help="PLOVER type (AGREE, ASSAULT...)")
    p.add_argument("--actor", help="source or target actor name")
    p.add_argument("--since", help="ISO date")
    p.add_argument("--until", help="ISO date")
    p.add_argument("--place", help="place name")
    p.add_argument("--modality", help="asserted, planned, hypothetical, negated, denied, alleged, reported")
    p.add_argument("--limit", type=int, default=50)
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_events)


def _cmd_events(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_events

    return run_events(args)


def _register_claims(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="list claims: who said, asserted or denied what")
    p.add_argument("--speaker")
    p.add_argument("--via", help="outlet the claim is attributed through")
    p.add_argument("--stance", choices=["assert", "deny"])
    p.add_argument("--about", help="an actor the claim is about")
    p.add_argument("--kind", choices=["direct", "reported", "opinion"])
    p.add_argument("--limit", type=int, default=50)
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_claims)


def _cmd_claims(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_claims

    return run_claims(args)


def _register_contradictions(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("contradictions", help="pairs where one source asserts what another denies")
    p.add_argument("--actor", help="only pairs involving this actor")
    p.add_argument("--limit", type=int, default=50)
    _add_db(p)
    _add_json(p)
    p.set_defaults(handler=_cmd_contradictions)


def _cmd_contradictions(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_contradictions

    return run_contradictions(db=args.db, actor=args.actor, limit=args.limit, as_json=args.json)


def _register_actors(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="correct actor resolution (saved in an overrides file, re-applied on ingest)")
    ops = p.add_subparsers(title="corrections", metavar="OP")
    specs = [
        ("merge", "merge actor B into actor A", "A", "B"),
        ("split", "move an alias out of an actor into an actor of its own", "ACTOR", "ALIAS"),
        ("rename", "give an actor a new display name", "ACTOR", "NEW_NAME"),
        ("set-code", "set an actor's country+sector code (e.g. RUSPMC)", "ACTOR", "CODE"),
    ]
    for op, text, first, second in specs:
        q = ops.add_parser(op, help=text)
        q.add_argument("actor", metavar=first)
        q.add_argument("value", metavar=second)
        _add_db(q)
        q.set_defaults(handler=_cmd_actors, op=op)


def _cmd_actors(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_actor_override

    return run_actor_override(db=args.db, op=args.op, actor=args.actor, value=args.value)


def _register_batch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="extract whole archives in parallel into Parquet tables (resumable)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL, text or WARC files, or folders")
    p.add_argument("--out", required=True, help="output folder for the Parquet tables")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local process pool (default) or Ray (pip install 'sitroom[ray]')")
    p.add_argument("--address", help="address of an existing Ray cluster (engine ray)")
    p.add_argument("--workers", type=int, default=None, help="worker processes / Ray actors")
    p.add_argument("--gpu", action="store_true", help="one GPU per Ray actor (spacy.require_gpu)")
    _add_model(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_cmd_batch)


def _cmd_batch(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_batch_command

    return run_batch_command(args)


def _register_load(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("load", help="load a batch output folder into the store (bulk, idempotent)")
    p.add_argument("folder", metavar="DIR")
    _add_db(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_cmd_load)


def _cmd_load(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_load

    return run_load(args.folder, db=args.db, quiet=args.quiet)


# --- backup, demo, eval -------------------------------------------------------------------------


def _register_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export the store: jsonl (the backup format), plover, csv, graphml, "
                       "geojson, parquet")
    p.add_argument("--format", default="jsonl",
                   choices=["jsonl", "plover", "csv", "graphml", "geojson", "parquet"])
    p.add_argument("--out", default="-",
                   help="output file, or a folder (ending in /) for all csv/parquet tables "
                   "(default: standard output; parquet needs a file or folder)")
    p.add_argument("--table", default="events",
                   help="csv/parquet table: documents, entities, mentions, events, claims, relations "
                   "(default events)")
    _add_db(p)
    p.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_export

    return run_export(db=args.db, fmt=args.format, out=args.out, table=args.table)


def _register_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="web app and HTTP API over the store (read-only by default)")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--ingest-token", default=None,
                   help="enable POST /api/ingest for requests carrying this bearer token "
                   "(default: $SITROOM_INGEST_TOKEN; without one the app is read-only)")
    p.set_defaults(handler=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_serve

    return run_serve(db=args.db, host=args.host, port=args.port, token=args.ingest_token)


def _register_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import document records (from extract or export) into the store")
    p.add_argument("paths", nargs="+", metavar="FILE", help="JSON Lines of document records")
    _add_db(p)
    p.set_defaults(handler=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_import

    return run_import(args.paths, db=args.db)


def _register_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="ingest the bundled example corpus and print a short tour")
    p.add_argument("--db", default=None, help="store file (default: sitroom-demo.db here)")
    _add_model(p)
    p.set_defaults(handler=_cmd_demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_demo

    return run_demo(db=args.db, model=args.model)


def _register_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score extraction against a hand-annotated gold set")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    _add_model(p)
    p.add_argument("--floors", default=None, help="floors file (default: GOLD_DIR/floors.json)")
    _add_json(p)
    p.set_defaults(handler=_cmd_eval)


def _cmd_eval(args: argparse.Namespace) -> int:
    from sitroom.cli_support import run_eval

    return run_eval(args.gold_dir, model=args.model, floors=args.floors, as_json=args.json)


_COMMANDS = [
    _register_extract,
    _register_ingest,
    _register_search,
    _register_entities,
    _register_show,
    _register_stats,
    _register_events,
    _register_claims,
    _register_contradictions,
    _register_actors,
    _register_batch,
    _register_load,
    _register_export,
    _register_serve,
    _register_import,
    _register_demo,
    _register_eval,
]


if __name__ == "__main__":
    raise SystemExit(main())

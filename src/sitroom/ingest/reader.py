"""Dispatch: paths (files, directories, ``-`` for standard input) to the reader for their format.

Every way an input can be bad ends as an :class:`InputFailure`; nothing here raises for bad input.
Directories are read recursively in sorted order, skipping hidden files and folders. A ``.gz``
file (other than ``.warc.gz``) is decompressed and read by its inner extension.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitroom.config import Limits
from sitroom.errors import InputError, InputTooLarge, UnsupportedFormat
from sitroom.ingest import sniff
from sitroom.ingest.base import InputFailure, Item
from sitroom.ingest.clean import NotText, decode_html, decode_text
from sitroom.ingest.feed import read_feed
from sitroom.ingest.html import read_html
from sitroom.ingest.jsonl import read_json, read_jsonl
from sitroom.ingest.markdown import read_markdown
from sitroom.ingest.text import read_text
from sitroom.ingest.warc import read_warc

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Item]:
    """Documents and failures from every path, in the order given (files sorted within folders)."""
    limits = limits or Limits()
    for path in paths:
        yield from read_path(Path(path) if str(path) != STDIN else Path(STDIN), limits)


def read_path(path: Path, limits: Limits | None = None) -> Iterator[Item]:
    """One path: a file by its format, a directory recursively, ``-`` as standard input."""
    limits = limits or Limits()
    if str(path) == STDIN:
        yield from _guarded(STDIN_ORIGIN, lambda: read_stdin(limits))
    elif path.is_dir():
        yield from _read_directory(path, limits)
    elif not path.exists():
        yield InputFailure(str(path), "no such file")
    else:
        yield from _guarded(str(path), lambda: read_file(path, limits))


def _guarded(where: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run a reader, turning whatever bad input makes it raise into one InputFailure."""
    try:
        yield from produce()
    except InputError as err:
        yield InputFailure(err.where, err.reason)
    except NotText as err:
        yield InputFailure(where, str(err))
    except OSError as err:
        yield InputFailure(where, f"cannot read file: {(err.strerror or str(err)).lower()}")
    except RecursionError:
        yield InputFailure(where, "input nested too deeply to parse")


def _read_directory(root: Path, limits: Limits) -> Iterator[Item]:
    files = list(_walk(root))
    if not files:
        yield InputFailure(str(root), "directory has no input files")
    for path in files:
        yield from _guarded(str(path), lambda path=path: read_file(path, limits))  # type: ignore[misc]


def _walk(root: Path) -> list[Path]:
    """Non-hidden regular files under ``root``, sorted by their path relative to it.

    Pipes and devices are left out: reading one found by walking could block forever.
    """
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths = (Path(folder) / name for name in files if not name.startswith("."))
        found.extend(path for path in paths if path.is_file())
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def read_file(path: Path, limits: Limits) -> Iterator[Item]:
    """One file, by extension (content-sniffed when the extension is unknown)."""
    origin = str(path)
    _check_size(origin, path.stat().st_size, limits)
    if sniff.format_for_name(path.name) == sniff.WARC:
        if path.stat().st_size == 0:
            raise InputError(origin, "empty file")
        with path.open("rb") as stream:
            yield from read_warc(stream, origin, limits.max_file_bytes)
        return
    data = path.read_bytes()
    name = path.name
    if sniff.suffix_of(name) == ".gz":
        data, name = _gunzip(data, origin, limits), name[:-3]
    yield from _read_bytes(data, origin, name, limits)


def read_stdin(limits: Limits) -> Iterator[Item]:
    """Standard input, its format sniffed from the content."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read(limits.max_file_bytes + 1)
    else:
        data = sys.stdin.read().encode("utf-8", "surrogatepass")
    _check_size(STDIN_ORIGIN, len(data), limits, what="input")
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, STDIN_ORIGIN, limits)
    yield from _read_bytes(data, STDIN_ORIGIN, "", limits)


def read_bytes(data: bytes, origin: str, name: str = "", limits: Limits | None = None) -> Iterator[Item]:
    """Content already in memory (an upload, a message); ``name`` chooses the format, else sniffing.

    Like :func:`read_path`, it yields failures instead of raising for bad input.
    """
    limits = limits or Limits()

    def produce() -> Iterator[Item]:
        _check_size(origin, len(data), limits, what="input")
        yield from _read_bytes(data, origin, name, limits)

    yield from _guarded(origin, produce)


def _read_bytes(data: bytes, origin: str, name: str, limits: Limits | None) -> Iterator[Item]:
    if not data.strip():
        raise InputError(origin, "empty file")
    kind = sniff.format_for_name(name) if name else None
    if kind is None and data.startswith(b"WARC/"):
        kind = sniff.WARC
    if kind == sniff.WARC:
        yield from read_warc(io.BytesIO(data), origin, (limits or Limits()).max_file_bytes)
    elif kind == sniff.JSONL:
        yield from read_jsonl(data, origin)
    elif kind == sniff.JSON:
        yield from read_json(data, origin)
    elif kind == sniff.HTML:
        yield _read_html_bytes(data, origin)
    else:
        yield from _read_textual(data, origin, name, kind, limits)


def _read_html_bytes(data: bytes, origin: str) -> Item:
    return read_html(decode_html(data), origin)


def _read_textual(
    data: bytes, origin: str, name: str, kind: str | None, limits: Limits | None
) -> Iterator[Item]:
    """Formats read from decoded text: feeds, Markdown, plain text and anything sniffed."""
    try:
        text = decode_text(data)
    except NotText as err:
        if kind is None and name:
            raise UnsupportedFormat(origin, _unsupported(name)) from err
        raise
    if not text.strip():
        raise InputError(origin, "empty file")
    if kind is None:
        kind = sniff.sniff_text(text)
    if kind == sniff.FEED:
        if not sniff.looks_like_feed(text) and sniff.suffix_of(name) == ".xml":
            raise UnsupportedFormat(origin, "xml file is not an rss or atom feed")
        yield from read_feed(data, origin)
    elif kind == sniff.MARKDOWN:
        yield read_markdown(text, origin)
    elif kind == sniff.TEXT:
        yield read_text(text, origin)
    else:
        yield from _read_bytes(data, origin, f"input.{kind}", limits)


def _unsupported(name: str) -> str:
    suffix = sniff.suffix_of(name)
    return f"unsupported format '{suffix}'" if suffix else "unsupported format (no extension, not text)"


def _check_size(origin: str, size: int, limits: Limits, what: str = "file") -> None:
    if size <= limits.max_file_bytes:
        return
    limit = limits.max_file_bytes
    if what == "file":
        reason = f"file is {size} bytes, over the limit of {limit} (SITROOM_MAX_FILE_BYTES)"
    else:
        # Standard input is read only up to the limit, so its full size is unknown.
        reason = f"{what} is over the limit of {limit} bytes (SITROOM_MAX_FILE_BYTES)"
    raise InputTooLarge(origin, reason)


def _gunzip(data: bytes, origin: str, limits: Limits) -> bytes:
    """Decompress, refusing to inflate past the file size limit (a few KB can expand to GB)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(limits.max_file_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(origin, "corrupt gzip file") from err
    if len(inflated) > limits.max_file_bytes:
        raise InputTooLarge(
            origin, f"decompressed file is over the limit of {limits.max_file_bytes} (SITROOM_MAX_FILE_BYTES)"
        )
    return inflated

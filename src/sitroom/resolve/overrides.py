"""A user's corrections to cross-document actors, kept in a YAML file so they survive re-ingest.

Four operations (what ``sitroom actors merge|split|rename|set-code`` does):

- ``merge A B``: B is the same actor as A; everything of B moves into A;
- ``split A ALIAS``: the entities named ALIAS are not A; they move out into their own actor;
- ``rename A NEW``: A is shown as NEW;
- ``set-code A CODE``: A's CAMEO-style code, country and sector (``RUSPMC`` -> RUS, PMC).

Operations name actors by names and aliases, never by numeric ids, because ids change when a store
is rebuilt. The file (``<db>.overrides.yaml`` beside the store, or ``$SITROOM_OVERRIDES``) is a list,
applied in order every time the store is opened for writing and after every document added, so a
merge made today also catches the copy of B that tomorrow's article creates. Each operation is
idempotent: applying it again changes nothing.

```yaml
# sitroom actor corrections
- {op: merge, actor: Wagner Group, value: Vagner Group}
- {op: set-code, actor: Yevgeny Prigozhin, value: RUSBUS}
```

Automatic merges also carry a confidence per alias (:func:`alias_confidence`): 1.0 when the alias
alone gives the actor's identity key, lower when only within-document resolution tied it to the
actor (an acronym, a surname, a description such as "the Russian PMC").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from sitroom.errors import InputError
from sitroom.resolve.identity import actor_key, normalise_name

OPS = ("merge", "split", "rename", "set-code")
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "PRM", "PMC", "SPY", "UAF", "BUS", "CRM", "CVL",
    "JRN", "EDU", "MED", "REF", "REL", "SOC", "ELI", "LAB", "AGR", "UNK",
})

EXACT_KEY = 1.0
"""The alias gives the actor's own identity key: "the Wagner group" for ``org:wagner``."""
ACRONYM = 0.8
"""Initials of the name ("IRA" for "Internet Research Agency"): usually right, sometimes another body."""
PART_OF_NAME = 0.7
"""A word of the name ("Prigozhin" for "Yevgeny Prigozhin"): right in its article, shared by relatives."""
DESCRIPTION = 0.5
"""Anything else tied by within-document resolution: "the Russian PMC", "the group"."""
MANUAL = 1.0
"""A person said so (``merge``)."""


@dataclass(frozen=True)
class ActorOverride:
    """One correction: ``op`` on the actor named ``actor``; ``value`` is B, the alias, the name or the code."""

    op: str
    actor: str
    value: str

    def to_json(self) -> dict[str, str]:
        return {"op": self.op, "actor": self.actor, "value": self.value}


class OverridableStore(Protocol):
    """What :func:`apply_override` needs of a store (every :class:`~sitroom.store.base.Store` has it)."""

    def override_actor(self, op: str, actor: str, value: str | None = None) -> int: ...


def make_override(op: str, actor: str, value: str, where: str = "override") -> ActorOverride:
    """A checked :class:`ActorOverride`; raises :class:`InputError` naming ``where`` when it is not valid."""
    op = op.strip().lower().replace("_", "-")
    if op not in OPS:
        raise InputError(where, f"unknown actor operation {op!r}; use one of {', '.join(OPS)}")
    actor, value = str(actor).strip(), str(value).strip()
    if not actor or not value:
        raise InputError(where, f"{op} needs an actor and a value")
    if op == "set-code":
        value = value.upper()
        parse_code(value, where)
    if op in ("merge", "split") and normalise_name(actor) == normalise_name(value):
        raise InputError(where, f"{op}: {actor!r} and {value!r} name the same actor")
    return ActorOverride(op, actor, value)


def parse_code(code: str, where: str = "override") -> tuple[str, str]:
    """``RUSPMC`` -> (``RUS``, ``PMC``): a 3-letter country (ISO or PLOVER) and a sector of conventions.md."""
    code = code.strip().upper()
    country, sector = code[:3], code[3:]
    if len(code) != 6 or not country.isalpha() or sector not in SECTORS:
        raise InputError(where, f"bad actor code {code!r}: write country + sector, e.g. RUSPMC or MLIGOV")
    return country, sector


def overrides_path(db_path: str) -> Path | None:
    """``$SITROOM_OVERRIDES``, else ``<db>.overrides.yaml``; None for an in-memory store or a URL."""
    configured = os.environ.get("SITROOM_OVERRIDES")
    if configured:
        return Path(configured)
    if db_path == ":memory:" or "://" in db_path:
        return None  # a server store (PostgreSQL URL) has no folder of its own: only the variable names a file
    return Path(f"{db_path}.overrides.yaml")


def load_overrides(path: str | Path | None) -> list[ActorOverride]:
    """The corrections saved at ``path`` in order; none when the file does not exist."""
    if path is None or not Path(path).exists():
        return []
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(str(path), f"cannot read actor overrides: {err}") from err
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(str(path), "actor overrides must be a YAML list of {op, actor, value}")
    return [_override(entry, f"{path}: entry {i + 1}") for i, entry in enumerate(data)]


def _override(entry: Any, where: str) -> ActorOverride:
    if not isinstance(entry, dict) or not {"op", "actor", "value"} <= set(entry):
        raise InputError(where, "each override needs op, actor and value")
    return make_override(str(entry["op"]), str(entry["actor"]), str(entry["value"]), where)


def save_override(path: str | Path, op: ActorOverride) -> bool:
    """Append ``op`` to the file at ``path`` (created if needed); False when it is already there."""
    current = load_overrides(path)
    if op in current:
        return False
    lines = [yaml.safe_dump(o.to_json(), default_flow_style=True, sort_keys=False, allow_unicode=True).strip()
             for o in [*current, op]]
    body = "# sitroom actor corrections, applied on every ingest (see sitroom.resolve.overrides)\n"
    body += "".join(f"- {line}\n" for line in lines)
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(target)  # never a half-written file, even if interrupted
    return True


def apply_override(store: OverridableStore, op: ActorOverride) -> int:
    """Apply one correction to ``store``; returns how many actors changed."""
    return store.override_actor(op.op, op.actor, op.value)


def apply_overrides(store: OverridableStore, ops: list[ActorOverride]) -> int:
    return sum(apply_override(store, op) for op in ops)


# --- confidence of automatic merges -----------------------------------------------------------------


def _initials(name: str) -> str:
    words = [w for w in normalise_name(name).split() if w not in {"of", "the", "and", "for", "in", "de"}]
    return "".join(w[0] for w in words)


def alias_confidence(alias: str, key: str, name: str, kind: str, country: str | None) -> float:
    """How sure the automatic merge of ``alias`` into the actor (``key``, display ``name``) is."""
    if actor_key(alias, kind, country) == key:
        return EXACT_KEY
    short = normalise_name(alias).replace(" ", "")
    if len(short) >= 2 and short == _initials(name) and alias.strip().replace(".", "").isupper():
        return ACRONYM
    alias_words = set(normalise_name(alias).split())
    if alias_words and alias_words <= set(normalise_name(name).split()):
        return PART_OF_NAME
    return DESCRIPTION

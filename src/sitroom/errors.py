"""The errors sitroom raises on purpose. Anything else escaping is a bug.

SitroomError                 root; ``str(err)`` is one line a user can act on
 +-- InputError              an input file or record cannot be read (names the file, line, reason)
 |    +-- UnsupportedFormat  unknown extension or content type
 |    +-- InputTooLarge      over a configured size limit
 +-- ModelError              the requested spaCy pipeline is not installed or cannot load
 +-- StoreError              the store cannot be opened, migrated or written
 |    +-- SchemaTooNew       the store was written by a newer sitroom
 +-- NotFound                a name, id or path the user asked for does not exist
 +-- LimitExceeded           a configured processing limit was hit (text length, mentions...)
"""

from __future__ import annotations


class SitroomError(Exception):
    """Root of every error sitroom raises on purpose."""

    exit_code = 1


class InputError(SitroomError):
    """An input cannot be read. ``where`` is ``path`` or ``path:line``."""

    exit_code = 1

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class UnsupportedFormat(InputError):
    pass


class InputTooLarge(InputError):
    pass


class ModelError(SitroomError):
    exit_code = 3


class StoreError(SitroomError):
    exit_code = 4


class SchemaTooNew(StoreError):
    pass


class NotFound(SitroomError):
    exit_code = 5


class LimitExceeded(SitroomError):
    exit_code = 6

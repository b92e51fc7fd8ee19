"""Writing output files safely: never over an existing file unless asked, never through a link.

A file is written under a fresh temporary name beside its target (created with O_EXCL and
O_NOFOLLOW, so nothing else can be there), then moved into place: without ``force`` by a hard link
that fails if the target exists, with ``force`` by ``os.replace``, which replaces a symbolic link
itself instead of writing to where it points. A failed write leaves no partial file behind.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from newsledger.errors import OutputError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise before anything is written if a target exists (and ``force`` is off) or is a folder."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            raise OutputError(str(path), "is a folder, not a file")
        if not force and os.path.lexists(path):
            raise OutputError(str(path), "already exists; pass --force to replace it")


def write_new(path: Path, write: Callable[[Path], None], *, force: bool = False) -> Path:
    """Write ``path`` by calling ``write`` on a fresh temporary file beside it; see the module."""
    refuse_existing([path], force)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
        os.close(descriptor)
        write(temporary)
        _move_into_place(temporary, path, force)
    except FileExistsError as error:
        raise OutputError(str(path), "already exists; pass --force to replace it") from error
    except OSError as error:
        raise OutputError(str(path), f"cannot write the file: {error.strerror or error}") from error
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
    return path


def write_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8) to a new file ``path``; see ``write_new``."""
    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    return write_new(path, write, force=force)


def _move_into_place(temporary: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path, follow_symlinks=False)  # fails if path exists, even as a link
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the check just made has to do
        refuse_existing([path], force=False)
        os.replace(temporary, path)


__all__ = ["refuse_existing", "write_new", "write_text"]

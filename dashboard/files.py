"""Files the program writes and reads: atomic replacement, the lock two processes share, readable errors.

Every file we persist (the geocode cache, the overrides, the analysed-article shards) is written through
``write_atomically``: a reader never sees half a file, and a crash leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from dashboard.errors import DashboardError

LOCK_TIMEOUT_S = 30.0
LockTimeout = Timeout  # callers catch this without importing filelock


def write_atomically(path: str | os.PathLike, data: str | bytes, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8 with ``\\n`` line ends): a temporary file
    in the same folder, flushed to disk, then ``os.replace``. The temporary file never outlives a failure."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)  # mkstemp makes 0600; a committed file should be readable like any other
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(path: str | os.PathLike, *, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold ``<path>.lock`` (shared with other processes) for a read-modify-write of ``path``.
    Raises ``LockTimeout`` when another process holds it longer than ``timeout`` seconds."""
    with FileLock(f"{os.fspath(path)}.lock", timeout=timeout):
        yield


def read_bytes(path: str | Path, error: Callable[[str, str], DashboardError], *, shown: str | None = None,
               missing: str = "no such file", folder: str = "is a folder, not a file") -> bytes:
    """A file's bytes, or ``error(shown or path, reason)`` with the reason in words (missing, a folder, unreadable)."""
    name = shown if shown is not None else str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as err:
        raise error(name, missing) from err
    except IsADirectoryError as err:
        raise error(name, folder) from err
    except OSError as err:
        raise error(name, f"cannot be read: {err.strerror or err}") from err

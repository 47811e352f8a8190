"""A persistent translation cache in SQLite, shared safely by threads and processes.

One row per translated piece, keyed by a hash of (provider, endpoint, source, target,
text). The database runs in WAL mode with a busy timeout, so several processes can read
and write it at once; each thread (and each forked process) opens its own connection
lazily, so a cache object pickles as just its path. WAL needs a local file system
(not NFS). The cache is an optimisation: if SQLite fails, translation goes on uncached.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["TranslationCache", "default_cache_path"]

logger = logging.getLogger(__name__)

CACHE_ENV_VAR = "CLEANER_TRANSLATION_CACHE"
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def default_cache_path() -> Path:
    """``$CLEANER_TRANSLATION_CACHE``, else ``translations.sqlite3`` in the user cache dir."""
    configured = os.environ.get(CACHE_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("cleaner", appauthor=False) / "translations.sqlite3"


class TranslationCache:
    """Translated pieces on disk.

    Args:
        path: the SQLite file (created with its directory); default :func:`default_cache_path`.
        timeout: seconds to wait for another process's write lock before giving up.

    >>> import tempfile, pathlib
    >>> cache = TranslationCache(pathlib.Path(tempfile.mkdtemp()) / "t.sqlite3")
    >>> key = cache.key("google", "", "es", "en", "Hola")
    >>> cache.put_many([(key, "google", "es", "en", "Hello")])
    >>> list(cache.get_many([key]).values())
    ['Hello']
    """

    def __init__(self, path: str | Path | None = None, *, timeout: float = 30.0) -> None:
        self.path = Path(path).expanduser() if path is not None else default_cache_path()
        self.timeout = timeout
        self._local = threading.local()
        self._warned = False

    def __repr__(self) -> str:
        return f"TranslationCache({str(self.path)!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], timeout=state["timeout"])  # type: ignore[misc]

    def _complain(self, what: str, error: Exception) -> None:
        """Warn once per cache object (then at debug level): a broken cache is not news twice."""
        level = logging.DEBUG if self._warned else logging.WARNING
        self._warned = True
        logger.log(level, "translation cache %s %s, continuing without it: %s", self.path, what, error)

    @staticmethod
    def key(provider: str, endpoint: str, source: str, target: str, text: str) -> str:
        """A stable key for one piece (the endpoint matters: two servers may differ)."""
        raw = f"{provider}\x1f{endpoint}\x1f{source}\x1f{target}\x1f{text}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        connection: sqlite3.Connection | None = getattr(local, "connection", None)
        if connection is not None and getattr(local, "pid", None) == os.getpid():
            return connection
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = self._retry(self._open)
        local.connection, local.pid = connection, os.getpid()
        return connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(SCHEMA)
        except BaseException:
            connection.close()
            raise
        return connection

    def _retry(self, action: Callable[[], T]) -> T:
        """``action()``, again while SQLite says the database is busy or locked, up to the
        timeout: switching a new file to WAL or creating its table can fail at once when
        several processes start together, whatever the busy timeout."""
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                return action()
            except sqlite3.OperationalError as error:
                message = str(error).lower()
                if ("locked" not in message and "busy" not in message) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The cached translations among ``keys`` (missing keys are absent)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        try:
            connection = self._connection()
            for start in range(0, len(wanted), 500):
                batch = wanted[start : start + 500]
                marks = ",".join("?" * len(batch))
                rows = connection.execute(
                    f"SELECT key, translation FROM translations WHERE key IN ({marks})", batch
                )
                found.update(rows.fetchall())
        except (sqlite3.Error, OSError) as error:
            self._complain("unreadable", error)
        return found

    def put_many(self, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
        """Store ``(key, provider, source, target, translation)`` rows in one transaction."""
        now = time.time()
        data = [(*row, now) for row in rows]
        if not data:
            return
        def write() -> None:
            connection = self._connection()
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)", data)

        try:
            self._retry(write)
        except (sqlite3.Error, OSError) as error:
            self._complain("not written", error)

    def stats(self) -> Mapping[str, int]:
        """Rows per provider."""
        rows = self._connection().execute("SELECT provider, COUNT(*) FROM translations GROUP BY provider")
        return dict(rows.fetchall())

    def __len__(self) -> int:
        return int(self._connection().execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def prune(self, older_than: float) -> int:
        """Delete rows stored more than ``older_than`` seconds ago; returns how many."""
        cutoff = time.time() - older_than
        with self._connection() as connection:
            return connection.execute("DELETE FROM translations WHERE created < ?", (cutoff,)).rowcount

    def clear(self) -> None:
        with self._connection() as connection:
            connection.execute("DELETE FROM translations")

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

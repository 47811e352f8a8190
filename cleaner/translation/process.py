"""State that belongs to one process: made lazily, never pickled, made again after a fork.

Translation objects travel to worker processes (a pickled pipeline); their threads, HTTP
sessions, locks and the breaker's state must not. A :class:`ProcessLocal` holds such a
value: each process that uses it makes its own with ``make``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["ProcessLocal"]

T = TypeVar("T")


class ProcessLocal(Generic[T]):
    """``make()`` once per process, on first :meth:`get`; pickles as ``make`` alone.

    >>> import pickle
    >>> local = ProcessLocal(list)
    >>> local.get().append(1); local.get()
    [1]
    >>> pickle.loads(pickle.dumps(local)).get()
    []
    """

    __slots__ = ("_lock", "_make", "_pid", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._value: T | None = None

    def get(self) -> T:
        if self._pid != os.getpid():
            with self._lock:
                if self._pid != os.getpid():
                    self._value = self._make()
                    self._pid = os.getpid()
        return self._value  # type: ignore[return-value]

    def peek(self) -> T | None:
        """This process's value if it was made, else ``None`` (nothing is made)."""
        return self._value if self._pid == os.getpid() else None

    def __getstate__(self) -> dict[str, Any]:
        return {"make": self._make}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["make"])  # type: ignore[misc]

"""When to try a request again: exponential backoff with jitter, a deadline, a circuit breaker.

All state lives in objects the caller owns (one breaker per :class:`cleaner.translation.Translate`),
never in module globals, so two translators never trip each other's breaker.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["CircuitBreaker", "Deadline", "RetryPolicy"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries after transient failures, waiting ``backoff * 2**attempt`` (capped at
    ``max_backoff``) scaled by a random factor in ``[1 - jitter, 1]``, so that workers
    that failed together do not retry together.

    >>> RetryPolicy(retries=3, backoff=1.0, jitter=0.0).delay(2, random.Random(0))
    4.0
    """

    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    jitter: float = 0.5

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.max_backoff, self.backoff * 2.0**attempt)
        return base * (1.0 - self.jitter * rng.random())


class Deadline:
    """A point in time for the whole article; ``None`` seconds means no deadline.

    >>> Deadline(None).remaining() is None
    True
    """

    __slots__ = ("_clock", "_end")

    def __init__(self, seconds: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._end = None if seconds is None else clock() + seconds

    def remaining(self) -> float | None:
        return None if self._end is None else self._end - self._clock()

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0


BreakerState = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Stops calling a provider after ``threshold`` transient failures in a row.

    While open, :meth:`allow` says no for ``cooldown`` seconds; then one probe request is
    let through (half-open): success closes the breaker, failure opens it again. Thread-safe;
    pickling keeps the settings and starts closed (each worker process has its own).

    >>> breaker = CircuitBreaker(threshold=2, cooldown=60.0)
    >>> breaker.failure(); breaker.failure(); breaker.state
    'open'
    >>> breaker.allow()
    False
    """

    def __init__(
        self,
        *,
        threshold: int | None = 5,
        cooldown: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at = 0.0
        self._state: BreakerState = "closed"
        self._probing = False

    def __getstate__(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "cooldown": self.cooldown}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def state(self) -> BreakerState:
        with self._lock:
            self._advance()
            return self._state

    def _advance(self) -> None:
        if self._state == "open" and self._clock() - self._opened_at >= self.cooldown:
            self._state = "half_open"
            self._probing = False

    def allow(self) -> bool:
        """May a request go out now? (In half-open state, only one at a time.)"""
        if self.threshold is None:
            return True
        with self._lock:
            self._advance()
            if self._state == "closed":
                return True
            if self._state == "half_open" and not self._probing:
                self._probing = True
                return True
            return False

    def wait(self, deadline: Deadline, poll: float = 0.01) -> bool:
        """Like :meth:`allow`, but while another thread's probe is out, wait for its
        verdict (until ``deadline``) instead of giving up: one slow probe should not fail
        every other piece of the article."""
        while True:
            if self.allow():
                return True
            left = deadline.remaining()
            if self.state != "half_open" or (left is not None and left <= poll):
                return False
            time.sleep(poll)

    def success(self) -> None:
        with self._lock:
            self._failures = 0
            self._state = "closed"
            self._probing = False

    def failure(self) -> None:
        """Count a transient failure (permanent ones, like a bad key, say nothing about health)."""
        if self.threshold is None:
            return
        with self._lock:
            self._failures += 1
            if self._state == "half_open" or self._failures >= self.threshold:
                self._state = "open"
                self._opened_at = self._clock()
                self._probing = False

    def reset(self) -> None:
        self.success()

"""When to send a request, and when to try again: backoff with jitter, a deadline, a circuit
breaker for outages and a throttle for rate limits.

All state lives in objects the caller owns (one breaker and one throttle per provider
endpoint, see :class:`cleaner.translation.endpoint.Endpoint`), never in module globals, so
two endpoints never trip or slow each other. Waiting uses a condition variable and real
time; the ``clock`` argument only decides *when* a state changes, so tests can move time.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

__all__ = ["CircuitBreaker", "Deadline", "RetryPolicy", "Throttle"]

C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries after transient failures, waiting ``backoff * 2**attempt`` (capped at
    ``max_backoff``) scaled by a random factor in ``[1 - jitter, 1]``, so that workers
    that failed together do not retry together.

    >>> RetryPolicy(retries=3, backoff=1.0, jitter=0.0).delay(2, random.Random(0))
    4.0
    """

    retries: int = 5
    backoff: float = 0.5
    max_backoff: float = 30.0
    jitter: float = 0.5

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.max_backoff, self.backoff * 2.0 ** min(attempt, 64))
        return base * (1.0 - self.jitter * rng.random())


class Deadline:
    """A point in time for the whole article; ``None`` seconds means no deadline.

    >>> Deadline(None).remaining() is None
    True
    """

    __slots__ = ("_clock", "end")

    def __init__(self, seconds: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.end = None if seconds is None else clock() + seconds

    def remaining(self) -> float | None:
        return None if self.end is None else self.end - self._clock()

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0


def _wait(condition: threading.Condition, now: float, *times: float | None) -> None:
    """Wait on ``condition`` until notified or the earliest of ``times`` (a poll of one
    second at most, so a waiter never depends on one notification alone)."""
    ahead = [t - now for t in times if t is not None]
    condition.wait(max(0.0, min([1.0, *ahead])))


BreakerState = Literal["closed", "open", "half_open"]


class CircuitBreaker(Generic[C]):
    """Stops calling an endpoint that is down, and lets callers wait for it to come back.

    Only outages count (the caller reports them: 5xx answers, timeouts, connection
    errors); a rate limit or a bad request says the server is up. After ``threshold``
    outages in a row the breaker opens: no request for ``cooldown`` seconds, then one
    probe (half-open). The probe's success closes it; its failure opens it again for twice
    the cooldown, up to ``max_cooldown``. Meanwhile :meth:`acquire` waits, until the
    caller's own time limit, instead of failing at once. ``cause`` is the last outage
    seen, so a caller that gives up can report it. Thread-safe; pickling keeps the
    settings and starts closed (each process has its own).

    >>> breaker = CircuitBreaker(threshold=2, cooldown=60.0)
    >>> breaker.failure("503"); breaker.failure("503"); breaker.state
    'open'
    >>> breaker.allow(), breaker.cause
    (False, '503')
    """

    def __init__(
        self,
        *,
        threshold: int | None = 5,
        cooldown: float = 1.0,
        max_cooldown: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self.max_cooldown = max(max_cooldown, cooldown)
        self._clock = clock
        self._condition = threading.Condition()
        self._failures = 0
        self._state: BreakerState = "closed"
        self._retry_at = 0.0
        self._next_cooldown = cooldown
        self._probe: int | None = None  # the thread whose request is the probe
        self.cause: C | None = None
        self.down_since: float | None = None  # when the breaker first opened in this outage

    def __getstate__(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "cooldown": self.cooldown, "max_cooldown": self.max_cooldown}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def fresh(self) -> CircuitBreaker[C]:
        """A closed breaker with the same settings and clock (for a new process)."""
        return CircuitBreaker(
            threshold=self.threshold, cooldown=self.cooldown, max_cooldown=self.max_cooldown, clock=self._clock
        )

    @property
    def state(self) -> BreakerState:
        with self._condition:
            self._advance()
            return self._state

    def _advance(self) -> None:
        if self._state == "open" and self._clock() >= self._retry_at:
            self._state = "half_open"
            self._probe = None

    def _try(self) -> bool:
        self._advance()
        if self._state == "closed":
            return True
        if self._state == "half_open" and self._probe is None:
            self._probe = threading.get_ident()
            return True
        return False

    def allow(self) -> bool:
        """May a request go out now? (While half-open, only the probe.) Never waits."""
        if self.threshold is None:
            return True
        with self._condition:
            return self._try()

    def acquire(self, until: float | None) -> bool:
        """Wait until a request may go out (``True``), or until the clock passes ``until``
        or the next probe is due only after it (``False``: give up, see ``cause``)."""
        if self.threshold is None:
            return True
        with self._condition:
            while True:
                if self._try():
                    return True
                now = self._clock()
                probe_at = self._retry_at if self._state == "open" else None
                if until is not None and (now >= until or (probe_at is not None and probe_at >= until)):
                    return False
                _wait(self._condition, now, probe_at, until)

    def success(self) -> None:
        """The endpoint answered (even with an error that is not an outage): close."""
        with self._condition:
            self._failures = 0
            self._state = "closed"
            self._probe = None
            self._next_cooldown = self.cooldown
            self.down_since = None
            self._condition.notify_all()

    def failure(self, cause: C) -> None:
        """Count an outage. Failures of requests sent before the breaker opened only
        update ``cause``: the probe decides."""
        if self.threshold is None:
            return
        with self._condition:
            self.cause = cause
            self._advance()
            probe_failed = self._state == "half_open" and self._probe == threading.get_ident()
            self._failures += 1
            if probe_failed or (self._state == "closed" and self._failures >= self.threshold):
                now = self._clock()
                self._state = "open"
                self._retry_at = now + self._next_cooldown
                self._next_cooldown = min(self.max_cooldown, self._next_cooldown * 2)
                self._probe = None
                if self.down_since is None:
                    self.down_since = now
            self._condition.notify_all()

    def release(self) -> None:
        """A probe that sent nothing (its caller gave up first) hands its turn back."""
        with self._condition:
            if self._probe == threading.get_ident():
                self._probe = None
                self._condition.notify_all()

    def reset(self) -> None:
        self.success()


class Throttle(Generic[C]):
    """Back-pressure for one endpoint: how many requests may be in flight, and from when.

    At most ``limit`` requests at once; ``limit`` starts at ``max_in_flight``, halves on a
    rate-limit answer (429) and grows back by one per ``limit`` successes (additive
    increase, multiplicative decrease, as TCP does). A 429 also pauses every new request
    until the server's ``Retry-After`` (or, without one, an exponential backoff over the
    429s in a row). A 429 for a request sent before the last decrease does not decrease
    again: requests that were already out when the server pushed back are one signal.

    >>> throttle = Throttle(4)
    >>> ticket = throttle.acquire(None)
    >>> throttle.release(ticket, rate_limited=True, retry_after=0.0, cause="429"); throttle.limit
    2
    """

    def __init__(
        self,
        max_in_flight: int,
        *,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.max_in_flight = max_in_flight
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._clock = clock
        self._condition = threading.Condition()
        self._limit = float(max_in_flight)
        self._in_flight = 0
        self._resume_at = -math.inf
        self._decreased_at = -math.inf
        self._strikes = 0
        self.cause: C | None = None
        self.rate_limited = 0  # 429 answers seen

    def __getstate__(self) -> dict[str, Any]:
        return {"max_in_flight": self.max_in_flight, "backoff": self.backoff, "max_backoff": self.max_backoff}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def fresh(self) -> Throttle[C]:
        return Throttle(self.max_in_flight, backoff=self.backoff, max_backoff=self.max_backoff, clock=self._clock)

    @property
    def limit(self) -> int:
        return int(self._limit)

    @property
    def resume_at(self) -> float:
        """When requests may go again after a 429 (in the past when not paused)."""
        return self._resume_at

    def acquire(self, until: float | None) -> float | None:
        """Wait for a slot; returns a ticket (the start time) for :meth:`release`, or
        ``None`` if ``until`` passes first or the pause ends only after it."""
        with self._condition:
            while True:
                now = self._clock()
                paused = now < self._resume_at
                if not paused and self._in_flight < int(self._limit):
                    self._in_flight += 1
                    return now
                resume = self._resume_at if paused else None
                if until is not None and (now >= until or (resume is not None and resume >= until)):
                    return None
                _wait(self._condition, now, resume, until)

    def release(
        self,
        ticket: float,
        *,
        ok: bool = False,
        rate_limited: bool = False,
        retry_after: float | None = None,
        cause: C | None = None,
    ) -> None:
        """End a request: ``ok`` (an answer), ``rate_limited`` (a 429, with the server's
        ``Retry-After`` if it gave one), or neither (any other failure)."""
        with self._condition:
            self._in_flight -= 1
            now = self._clock()
            if rate_limited:
                self.rate_limited += 1
                self.cause = cause
                if ticket >= self._decreased_at:  # a new signal, not one of the same burst
                    self._limit = max(1.0, self._limit / 2)
                    self._decreased_at = now
                    self._strikes += 1
                pause = (
                    retry_after
                    if retry_after is not None
                    else min(self.max_backoff, self.backoff * 2.0 ** min(self._strikes - 1, 64))
                )
                self._resume_at = max(self._resume_at, now + pause)
            elif ok:
                self._strikes = 0
                self._limit = min(float(self.max_in_flight), self._limit + 1.0 / self._limit)
            self._condition.notify_all()

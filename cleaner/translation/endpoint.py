"""One provider endpoint: an article's lines packed into few requests, each sent with
retries, back-pressure, a circuit breaker and the article's time limit.

An :class:`Endpoint` owns the state that belongs to a provider at one URL: its
:class:`~cleaner.translation.retry.CircuitBreaker` (outages), its
:class:`~cleaner.translation.retry.Throttle` (rate limits) and whether packing works there.
Every article translated through the same endpoint object shares them; two endpoints
share nothing.

How a request ends:

- an answer: the breaker closes, the throttle may let one more request out;
- 429 (rate limited): not a failure but back-pressure. The throttle halves the requests
  in flight and holds every request until the server's ``Retry-After``; the request is
  sent again (it does not use up a retry) as long as the article's deadline allows;
- an outage (5xx, timeout, connection error): counted by the breaker, retried after a
  backoff (or the server's ``Retry-After``) up to ``retries`` times. While the breaker is
  open, callers wait for its probe instead of failing;
- anything else (a bad request, a wrong key, an answer over the size cap): no retry.

A caller that gives up reports the root cause (the last HTTP status and the server's
words, a timeout, an invalid answer), never the breaker alone. When the endpoint has been
failing for longer than ``patience`` seconds, callers stop waiting and fail at once (the
breaker still sends a probe each cooldown), so a long outage cannot stall a whole batch.
"""

from __future__ import annotations

import functools
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from cleaner.translation import chunks
from cleaner.translation.client import Client, Failure, redact
from cleaner.translation.process import ProcessLocal
from cleaner.translation.retry import CircuitBreaker, Deadline, RetryPolicy, Throttle

__all__ = ["Endpoint", "Tally"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
# A try with less time than this before the deadline is not worth sending.
MIN_ATTEMPT_SECONDS = 0.05
# Packed answers that did not split back, with none that did, before packing stops here.
MAX_PACKING_MISMATCHES = 3


class Tally:
    """Requests made for one article (thread-safe: its requests may run in parallel)."""

    __slots__ = ("_lock", "requests", "retries")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.retries = 0

    def add(self, requests: int, retries: int = 0) -> None:
        with self._lock:
            self.requests += requests
            self.retries += retries


class _Runtime:
    """An endpoint's state in one process: its breaker and throttle, threads, and what it
    learnt (trouble, whether packing works)."""

    def __init__(self, breaker: CircuitBreaker[Failure], throttle: Throttle[Failure]) -> None:
        self.breaker = breaker.fresh()
        self.throttle = throttle.fresh()
        self.lock = threading.Lock()
        self.rng = random.Random()
        self.pool: ThreadPoolExecutor | None = None
        self.trouble_since: float | None = None  # first outage or 429 since the last answer
        self.packed_ok = 0
        self.packed_mismatches = 0
        self.packing = True


class Endpoint:
    """Sends texts to one provider endpoint (see the module docstring).

    Args:
        client: what makes one request (:mod:`cleaner.translation.client`).
        limits: the largest request; packed requests stay within it.
        separator: joins packed lines; the answer must keep it.
        timeout: seconds for one request (bounded by the article's deadline).
        policy: retries and backoff after outages and invalid answers.
        max_in_flight: most requests at once (the throttle may allow fewer after 429s).
        breaker_threshold: outages in a row that open the breaker; ``None``: no breaker.
        breaker_cooldown: seconds before the first probe; doubles after each failed
            probe, up to ``max_breaker_cooldown``.
        patience: seconds of trouble (outages or 429s with no answer in between) after
            which callers stop waiting and fail at once; ``None``: wait up to the deadline.
        max_answer_bytes: an answer larger than this is refused, unread.
        pack: pack several lines into one request.

    Picklable: the breaker, the throttle and threads are made in each process that uses
    the endpoint (a copy in a worker process starts with a closed breaker).
    """

    def __init__(
        self,
        client: Client,
        *,
        limits: chunks.ChunkLimits,
        separator: str = "\n\n",
        timeout: float = 10.0,
        policy: RetryPolicy | None = None,
        max_in_flight: int = 4,
        breaker_threshold: int | None = 5,
        breaker_cooldown: float = 1.0,
        max_breaker_cooldown: float = 30.0,
        patience: float | None = 60.0,
        max_answer_bytes: int = 2_000_000,
        pack: bool = True,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        if max_answer_bytes < 1:
            raise ValueError("max_answer_bytes must be positive")
        self.client = client
        self.limits = limits
        self.separator = separator
        self.timeout = timeout
        self.policy = policy or RetryPolicy()
        self.max_in_flight = max_in_flight
        self.patience = patience
        self.max_answer_bytes = max_answer_bytes
        self.pack = pack
        self._make = functools.partial(
            _Runtime,
            CircuitBreaker(threshold=breaker_threshold, cooldown=breaker_cooldown, max_cooldown=max_breaker_cooldown),
            Throttle(max_in_flight, backoff=self.policy.backoff, max_backoff=self.policy.max_backoff),
        )
        self._local = ProcessLocal(self._make)

    @property
    def name(self) -> str:
        return self.client.name

    @property
    def breaker(self) -> CircuitBreaker[Failure]:
        """This process's breaker for the endpoint."""
        return self._rt().breaker

    @property
    def throttle(self) -> Throttle[Failure]:
        """This process's throttle for the endpoint."""
        return self._rt().throttle

    def _rt(self) -> _Runtime:
        return self._local.get()

    def close(self) -> None:
        """Stop the worker threads and close the client's connections (the breaker's and
        the throttle's state go too)."""
        local, self._local = self._local, ProcessLocal(self._make)
        runtime = local.peek()
        if runtime is not None and runtime.pool is not None:
            runtime.pool.shutdown(wait=True)
        self.client.close()

    def run_all(self, tasks: Sequence[Callable[[], T]]) -> list[T]:
        """Run ``tasks`` on the endpoint's threads (in the caller's thread when there is
        one, or one request at a time), in order."""
        if len(tasks) <= 1 or self.max_in_flight == 1:
            return [task() for task in tasks]
        runtime = self._rt()
        with runtime.lock:
            if runtime.pool is None:
                runtime.pool = ThreadPoolExecutor(self.max_in_flight, thread_name_prefix="cleaner-translate")
            pool = runtime.pool
        futures = [pool.submit(task) for task in tasks]
        return [future.result() for future in futures]

    # -- an article's units ---------------------------------------------------------------

    def translate(
        self, units: Sequence[str], source: str, target: str, deadline: Deadline, tally: Tally
    ) -> list[str | Failure]:
        """Translate each unit (a line, or part of a long one): packed into as few
        requests as the limits allow; a packed answer that does not split back into as
        many lines is asked again line by line. A line whose answer has more or fewer
        lines than one is a failure (``paragraph_mismatch``)."""
        runtime = self._rt()
        if self.pack and runtime.packing and len(units) > 1:
            groups = chunks.pack(units, self.limits, self.separator)
        else:
            groups = [[index] for index in range(len(units))]
        results: list[str | Failure | None] = [None] * len(units)

        def send_group(group: list[int]) -> list[str | Failure] | None:
            if len(group) == 1:
                return [self._one(units[group[0]], source, target, deadline, tally)]
            answer = self._request(self.separator.join(units[i] for i in group), source, target, deadline, tally)
            if isinstance(answer, Failure):
                return None if answer.reason == "too_long" else [answer] * len(group)
            parts = chunks.unpack(answer, len(group))
            self._packing_result(runtime, parts is not None)
            return list(parts) if parts is not None else None

        again: list[int] = []
        for group, outcome in zip(groups, self.run_all([functools.partial(send_group, g) for g in groups])):
            if outcome is None:
                again.extend(group)
            else:
                for index, result in zip(group, outcome):
                    results[index] = result
        if again:
            one = functools.partial(self._one, source=source, target=target, deadline=deadline, tally=tally)
            retried = self.run_all([functools.partial(one, units[i]) for i in again])
            for index, result in zip(again, retried):
                results[index] = result
        return [r if r is not None else Failure("provider_error", False, "no result") for r in results]

    def _one(self, unit: str, source: str, target: str, deadline: Deadline, tally: Tally) -> str | Failure:
        answer = self._request(unit, source, target, deadline, tally)
        if isinstance(answer, str) and chunks.unpack(answer, 1) is None:
            lines = sum(1 for line in answer.splitlines() if line.strip())
            return Failure(
                "paragraph_mismatch", False, f"the translation of one line came back as {lines} lines"
            )
        return answer

    def _packing_result(self, runtime: _Runtime, matched: bool) -> None:
        with runtime.lock:
            if matched:
                runtime.packed_ok += 1
                return
            runtime.packed_mismatches += 1
            if runtime.packing and not runtime.packed_ok and runtime.packed_mismatches >= MAX_PACKING_MISMATCHES:
                runtime.packing = False
                logger.warning(
                    "%s does not keep line breaks in packed requests (%d answers did not split back): "
                    "sending one line per request from now on",
                    self.name,
                    runtime.packed_mismatches,
                )

    # -- one request, with retries ------------------------------------------------------------

    def _until(self, runtime: _Runtime, deadline: Deadline) -> float | None:
        """How long a caller may wait: the deadline, or less when the endpoint has been in
        trouble for longer than ``patience``."""
        end = deadline.end
        trouble = runtime.trouble_since
        if trouble is not None and self.patience is not None:
            limit = trouble + self.patience
            end = limit if end is None else min(end, limit)
        return end

    def _request(self, text: str, source: str, target: str, deadline: Deadline, tally: Tally) -> str | Failure:
        """One text, tried until it is translated, fails for good, or time runs out."""
        runtime = self._rt()
        attempt = 0  # failed tries so far (429s excluded: they are waits, not failures)
        sent = 0
        last: Failure | None = None
        while True:
            until = self._until(runtime, deadline)
            if not runtime.breaker.acquire(until):
                return self._gave_up(last or runtime.breaker.cause, runtime, "down")
            ticket = runtime.throttle.acquire(until)
            if ticket is None:
                runtime.breaker.release()
                return self._gave_up(last or runtime.throttle.cause, runtime, "rate_limited")
            remaining = deadline.remaining()
            if remaining is not None and remaining < MIN_ATTEMPT_SECONDS:
                runtime.throttle.release(ticket)
                runtime.breaker.release()
                return self._gave_up(last, runtime, "deadline")
            timeout = self.timeout if remaining is None else min(self.timeout, remaining)
            try:
                result, requests = self.client.send(
                    text, source, target, timeout=timeout, max_answer_bytes=self.max_answer_bytes
                )
            except BaseException:
                runtime.throttle.release(ticket)
                runtime.breaker.release()
                raise
            failure = result if isinstance(result, Failure) else None
            rate_limited = failure is not None and failure.reason == "rate_limited"
            runtime.throttle.release(
                ticket,
                ok=failure is None,
                rate_limited=rate_limited,
                retry_after=failure.retry_after if failure is not None else None,
                cause=failure,
            )
            tally.add(requests, retries=1 if sent else 0)
            sent += 1
            if failure is None:
                runtime.breaker.success()
                runtime.trouble_since = None
                return result
            if failure.outage:
                runtime.breaker.failure(failure)
            else:
                runtime.breaker.success()  # the endpoint answered: it is up
            if (failure.outage or rate_limited) and runtime.trouble_since is None:
                runtime.trouble_since = time.monotonic()
            last = failure
            logger.debug("%s request failed: %s (try %d)", self.name, failure.reason, sent)
            if rate_limited:
                continue  # the throttle holds this and every other request until the server's time
            if not failure.transient or attempt >= self.policy.retries:
                return failure
            delay = self.policy.delay(attempt, runtime.rng)
            if failure.retry_after is not None:
                delay = max(delay, failure.retry_after)
            attempt += 1
            if runtime.breaker.state == "open":
                continue  # the breaker's cooldown is the wait
            remaining = deadline.remaining()
            if remaining is not None and delay + MIN_ATTEMPT_SECONDS >= remaining:
                return self._gave_up(failure, runtime, "deadline")
            time.sleep(delay)

    def _gave_up(self, cause: Failure | None, runtime: _Runtime, why: str) -> Failure:
        """The failure to report when a caller stops: the root cause, with why it stopped."""
        trouble = runtime.trouble_since
        lasting = f" for {time.monotonic() - trouble:.0f} s" if trouble is not None else ""
        if why == "down":
            note = f"{self.name} has been failing{lasting}; it did not recover in time"
        elif why == "rate_limited":
            wait = runtime.throttle.resume_at - time.monotonic()
            note = f"{self.name} kept refusing for rate limits{lasting}"
            if wait > 0:
                note += f"; it asks to wait {wait:.0f} s more"
        else:
            note = "no time left in the article's deadline"
        if cause is None:
            return Failure("deadline", False, note)
        message = redact(f"{cause.message} ({note})", self.client.secrets())
        return Failure(cause.reason, cause.transient, message, cause.status, cause.retry_after)

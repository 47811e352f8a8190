"""Shared test settings: every hypothesis test draws the same examples on every run, so
CI is reproducible (a separate, randomized run is ``HYPOTHESIS_PROFILE=explore pytest``).
Fixtures for the translation tests: no proxy between us and 127.0.0.1, a fake provider."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the local fake provider go straight to it, and no key comes from outside."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)


@pytest.fixture
def server(no_proxy: None) -> Iterator[Any]:
    """A fake translation provider on 127.0.0.1 (tests/fake_translation_server.py)."""
    from fake_translation_server import FakeTranslationServer

    with FakeTranslationServer() as running:
        yield running

"""Shared test settings: every hypothesis test draws the same examples on every run, so
CI is reproducible (a separate, randomized run is ``HYPOTHESIS_PROFILE=explore pytest``)."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

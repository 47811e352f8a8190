"""pytest for the whole tree (``testpaths`` holds ``tests`` and, for doctests, ``cleaner``):
a module that needs an optional engine at import is collected only where that engine is
installed (CI installs every extra)."""

from __future__ import annotations

import importlib.util

collect_ignore = [
    path
    for path, module in (("cleaner/adapters/datatrove.py", "datatrove"),)
    if importlib.util.find_spec(module) is None
]

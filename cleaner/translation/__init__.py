"""The machinery behind :mod:`cleaner.translate`: chunking, the cache, providers and retries."""

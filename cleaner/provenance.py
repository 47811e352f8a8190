"""What produced a batch output, kept beside it in ``OUT.meta.json`` (so the output itself stays
plain JSONL): the package version, the configuration and its fingerprint, the record options,
the input's identity, and the last checkpoint (how far the input was read, a hash of the bytes
read, how many output bytes hold those records). ``--resume`` checks all of it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from hashlib import blake2b
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "HEAD_BYTES", "ResumeError", "differences", "input_identity", "load", "meta_path", "save"]

FORMAT = "cleaner-batch-output"
VERSION = 1
HEAD_BYTES = 1 << 16  # the input's head that is hashed; the rest is checked line by line on resume


class ResumeError(RuntimeError):
    """The partial output cannot be continued: it was made from other input, with another
    configuration or version, or its meta file is missing or damaged. The message says what
    differs."""


def meta_path(output: str | os.PathLike[str]) -> Path:
    """Where the meta file of ``output`` lives: ``OUT.meta.json`` beside it.

    >>> meta_path("data/out.jsonl.gz").name
    'out.jsonl.gz.meta.json'
    """
    path = Path(output)
    return path.with_name(path.name + ".meta.json")


def input_identity(source: str | os.PathLike[str], *, head_bytes: int = HEAD_BYTES) -> dict[str, Any]:
    """The input's path (absolute), size in bytes and a hash of its first ``head_bytes``
    bytes as stored (compressed, for a compressed file; fewer if the file is smaller);
    ``-`` (standard input) and a folder have neither."""
    name = os.fspath(source)
    if name == "-":
        return {"path": "-", "size": None, "head": None, "head_bytes": 0}
    path = Path(name).resolve()
    if path.is_dir():  # a folder of files: its records are checked by the hash of their lines
        return {"path": str(path), "size": None, "head": None, "head_bytes": 0}
    with open(path, "rb") as handle:
        head = handle.read(head_bytes)
        size = os.fstat(handle.fileno()).st_size
    return {"path": str(path), "size": size, "head": blake2b(head, digest_size=16).hexdigest(), "head_bytes": len(head)}


def differences(saved: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """What differs between the meta of an output and the run about to continue it, one
    sentence each (empty: the same producer and the same input). ``current["input"]`` must
    hash as many head bytes as ``saved["input"]`` did (see :func:`input_identity`)."""
    out: list[str] = []
    was, now = saved.get("produced_by", {}), current["produced_by"]
    if was.get("cleaner") != now["cleaner"]:
        out.append(f"it was made by cleaner {was.get('cleaner')}, this is cleaner {now['cleaner']}")
    if was.get("config_fingerprint") != now["config_fingerprint"]:
        changed = _changed(_flat(was.get("config", {})), _flat(now["config"]))
        out.append("the configuration differs (" + ("; ".join(changed) or "fingerprint only") + ")")
    changed = _changed(_flat(was.get("records", {})), _flat(now["records"]))
    if changed:
        out.append("the record options differ (" + "; ".join(changed) + ")")
    old, new = saved.get("input", {}), current["input"]
    if old.get("path") != new["path"]:
        out.append(f"the input was {old.get('path')}, now it is {new['path']}")
    if old.get("size") != new["size"] and not saved.get("input_error"):
        # After a broken compressed input, a repaired (longer) copy may continue the run:
        # the lines already cleaned are still checked byte for byte.
        out.append(f"the input was {old.get('size')} bytes, now it is {new['size']} bytes")
    if old.get("head") != new["head"]:
        out.append(f"the input's first {old.get('head_bytes')} bytes differ")
    return out


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, Mapping) and (data or not prefix):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(_flat(value, f"{prefix}{key}."))
        return out
    return {prefix[:-1]: data}


def _changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    missing = object()
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key, missing), new.get(key, missing)
        if a != b:
            out.append(f"{key}: was {_show(a, missing)}, now {_show(b, missing)}")
    return out


def _show(value: Any, missing: object) -> str:
    return "unset" if value is missing else json.dumps(value, ensure_ascii=False)


def load(path: Path) -> dict[str, Any]:
    """Read a meta file; :class:`ResumeError` if it is missing or is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResumeError(
            f"{path} is missing, so nothing says what produced the output (an older cleaner?); "
            "run again without --resume to start over"
        ) from None
    except (OSError, ValueError) as err:
        raise ResumeError(f"{path} cannot be read ({err}); run again without --resume to start over") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("checkpoint"), dict):
        raise ResumeError(f"{path} is not a cleaner batch meta file; run again without --resume to start over")
    if data.get("version", 0) > VERSION:
        raise ResumeError(f"{path} was written by a newer cleaner (meta version {data.get('version')})")
    return data


def save(path: Path, data: Mapping[str, Any]) -> None:
    """Write a meta file atomically (a crash leaves the previous one or the new one)."""
    text = json.dumps({"format": FORMAT, "version": VERSION, **data}, ensure_ascii=True, indent=1)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""On-disk scan cache keyed by content hash, written atomically, rebuilt if corrupt.

A file's entry is reused when its (size, mtime) is unchanged, or else when its
content hash is; the whole resolved project is cached under the hash of all file
hashes, so a no-change rescan reads one pickle.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

CACHE_FORMAT = 3


def default_cache_dir() -> Path:
    """Where caches live unless ``--cache-dir`` or ``AXIOMDL_CACHE_DIR`` says otherwise."""
    env = os.environ.get("AXIOMDL_CACHE_DIR")
    return Path(env) if env else Path(user_cache_dir("axiomdl"))


def cache_file(cache_dir: Path, root: Path, scanner_version: str) -> Path:
    """The cache file for one project root."""
    key = hashlib.sha1(f"{root.resolve()}|{scanner_version}".encode()).hexdigest()[:20]
    return cache_dir / f"scan-{key}.pickle"


def load(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """Load a cache; on any corruption return (None, reason) so the caller rebuilds."""
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except FileNotFoundError:
        return None, None
    except Exception as e:  # corrupt or foreign: never fatal
        return None, f"ignored corrupt cache {path} ({type(e).__name__}); rebuilding"
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None, f"ignored corrupt cache {path} (unexpected contents); rebuilding"
    return data, None


def save(path: Path, data: dict[str, Any]) -> str | None:
    """Write the cache atomically; return a warning instead of failing."""
    data = dict(data, format=CACHE_FORMAT)
    try:
        atomic_write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as e:
        return f"could not write cache {path}: {e.strerror}"
    return None


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` via a temp file and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Atomic text write (UTF-8)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def content_hash(data: bytes) -> str:
    """Fast content hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()

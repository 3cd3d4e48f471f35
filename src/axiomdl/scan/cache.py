"""On-disk scan cache keyed by content hash, written atomically, rebuilt if corrupt.

A file's entry is reused when its (size, mtime) is unchanged, or else when its
content hash is; the whole resolved project is cached under the hash of all file
hashes, so a no-change rescan reads one pickle. Work derived from the project
(graph, query sets, rendered output) lives beside it in checksummed blobs whose
header names the digest and the code that wrote them (see :func:`code_fingerprint`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

CACHE_FORMAT = 4


def default_cache_dir() -> Path:
    """Where caches live unless ``--cache-dir`` or ``AXIOMDL_CACHE_DIR`` says otherwise."""
    env = os.environ.get("AXIOMDL_CACHE_DIR")
    return Path(env) if env else Path(user_cache_dir("axiomdl"))


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building many objects that are all kept (a 3-5x speed-up).

    On leaving the outermost pause the objects built are frozen (``gc.freeze``):
    a scanned project is long-lived and acyclic, and without this the first
    collection after re-enabling walks every one of its objects (0.15 s on a
    5,000-file project). Refcounting still frees them when they are dropped.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


class CacheDir:
    """The cache folder of one project root: named pickles, each written atomically."""

    def __init__(self, base: Path, root: Path, scanner_version: str) -> None:
        key = hashlib.sha1(f"{root.resolve()}|{scanner_version}".encode()).hexdigest()[:20]
        self.dir = base / f"scan-{key}"

    @classmethod
    def named(cls, base: Path, name: str, scanner_version: str) -> CacheDir:
        """A cache folder keyed by a name, not a path: a dependency's scans, shared by
        every project that uses the same version of it (``pkg-…``)."""
        self = cls.__new__(cls)
        key = hashlib.sha1(f"{name}|{scanner_version}".encode()).hexdigest()[:20]
        self.dir = base / f"pkg-{key}"
        return self

    def path(self, name: str) -> Path:
        """Where the pickle ``name`` lives."""
        return self.dir / f"{name}.pickle"

    def load(self, name: str, notes: list[str]) -> Any:
        """Load a pickle; on any corruption note it and return None (the caller rebuilds)."""
        p = self.path(name)
        try:
            with p.open("rb") as fh, gc_paused():
                data = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception as e:  # corrupt or foreign: never fatal
            notes.append(f"ignored corrupt cache {p} ({type(e).__name__}); rebuilding")
            return None
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            notes.append(f"ignored corrupt cache {p} (unexpected contents); rebuilding")
            return None
        return data.get("value")

    def save(self, name: str, value: Any, notes: list[str]) -> None:
        """Write atomically; a failure becomes a note, not an error."""
        try:
            payload = pickle.dumps(
                {"format": CACHE_FORMAT, "value": value}, protocol=pickle.HIGHEST_PROTOCOL
            )
            atomic_write_bytes(self.path(name), payload)
        except OSError as e:
            notes.append(f"could not write cache {self.path(name)}: {e.strerror}")

    def save_blob(self, name: str, meta: dict, value: Any, notes: list[str]) -> None:
        """Write ``value`` under ``meta`` (digest, code...) with a checksum, atomically."""
        try:
            body = pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL) + pickle.dumps(
                value, protocol=pickle.HIGHEST_PROTOCOL
            )
            atomic_write_bytes(self.blob_path(name), _BLOB_MAGIC + _checksum(body) + body)
        except OSError as e:
            notes.append(f"could not write cache {self.blob_path(name)}: {e.strerror}")

    def load_blob(self, name: str, meta: dict, notes: list[str]) -> Any:
        """The value saved under exactly ``meta``, else None (a note says why, if not absent).

        Truncated, corrupt, foreign or stale (other digest, other code) blobs are
        all refused before their value is unpickled or trusted.
        """
        p = self.blob_path(name)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            notes.append(f"ignored unreadable cache {p} ({e.strerror}); rebuilding")
            return None
        head = len(_BLOB_MAGIC) + _CHECKSUM_BYTES
        body = memoryview(data)[head:]
        if data[: len(_BLOB_MAGIC)] != _BLOB_MAGIC or data[len(_BLOB_MAGIC) : head] != _checksum(
            body
        ):
            notes.append(f"ignored corrupt cache {p} (checksum); rebuilding")
            return None
        try:
            stream = io.BytesIO(body)
            stored = pickle.load(stream)
            if stored != meta:
                notes.append(f"ignored stale cache {p} (other sources or version); rebuilding")
                return None
            with gc_paused():
                return pickle.load(stream)
        except Exception as e:  # checksummed but unreadable: written by incompatible code
            notes.append(f"ignored corrupt cache {p} ({type(e).__name__}); rebuilding")
            return None

    def blob_path(self, name: str) -> Path:
        """Where the blob ``name`` lives."""
        return self.dir / f"{name}.blob"

    def discard_blobs(self, prefix: str, keep_prefix: str) -> None:
        """Delete blobs named ``prefix*`` but not ``keep_prefix*`` (outputs of older sources)."""
        with contextlib.suppress(OSError):
            for p in self.dir.glob(f"{prefix}*.blob"):
                if not p.name.startswith(keep_prefix):
                    p.unlink(missing_ok=True)


_BLOB_MAGIC = b"AXDLBLB1"
_CHECKSUM_BYTES = 16


def _checksum(body: bytes | memoryview) -> bytes:
    return hashlib.blake2b(body, digest_size=_CHECKSUM_BYTES).digest()


def code_fingerprint() -> str:
    """Version plus the size and mtime of every module of the installed package.

    Derived caches are keyed by it, so an upgrade or an edited checkout never
    serves output computed by other code (about 1 ms: ~70 stats).
    """
    from axiomdl import __version__

    pkg = Path(__file__).resolve().parent.parent
    parts = [__version__, str(CACHE_FORMAT)]
    for dirpath, dirnames, filenames in os.walk(pkg):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for f in sorted(filenames):
            if f.endswith((".py", ".so", ".pyd")):
                st = os.stat(os.path.join(dirpath, f))
                parts.append(f"{os.path.relpath(dirpath, pkg)}/{f}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


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

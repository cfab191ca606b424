"""The index is a cache this installation writes and signs; anything else is set aside.

Threat model (docs/search.md): an archive folder may come from someone else. ``archive.sqlite`` is
data (read with SQL, never executed); ``index/`` is a cache that can always be rebuilt from it.
Whoosh keeps pickles in its files (the table of contents, stored fields, posting blocks), and
unpickling runs code, so an index is read only when this installation wrote it:

- every commit writes ``wpk_toc.json`` beside Whoosh's files: the segment list (what Whoosh's
  pickled ``.toc`` holds, minus the schema, which comes from code), each segment file's size and
  BLAKE2b digest, and an HMAC-SHA256 over all of it with a key kept outside the archive, in the
  user's configuration folder (created with mode 0600);
- opening the index checks the HMAC and every file's digest before Whoosh reads a byte of it; a
  file whose (device, inode, size, mtime, ctime) are the ones recorded right after it was written
  is known unchanged without reading it again (ctime cannot be set back by a user);
- Whoosh's own ``.toc`` pickle is never read.

Behind that check, every pickle Whoosh or this package reads is decoded by a restricted
unpickler that builds no object but plain data (:mod:`.whoosh_private`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

TOC_FILE = "wpk_toc.json"
KEY_FILE = "index.key"
FORMAT = 1
_CHUNK = 1 << 20


class Untrusted(Exception):
    """The index was not written by this installation, or was changed since: rebuild it."""


def key_path() -> Path:
    """Where the signing key lives: ``$WPK_CONFIG_HOME/index.key``, else the platform's user
    configuration folder (never inside an archive)."""
    base = os.environ.get("WPK_CONFIG_HOME")
    folder = Path(base) if base else Path(user_config_dir("wpk-archive", appauthor=False))
    return folder / KEY_FILE


def signing_key(*, create: bool = True) -> bytes | None:
    """This installation's index key (made on first use, mode 0600); None when absent and
    ``create`` is False, or when it cannot be read or made (then no index is trusted)."""
    path = key_path()
    try:
        data = path.read_bytes().strip()
        if len(data) >= 64:
            return bytes.fromhex(data[:64].decode("ascii"))
    except (OSError, ValueError):
        pass
    if not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile
        return signing_key(create=False)
    except OSError:
        return None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_hex(32) + "\n")
    return signing_key(create=False)


def _mac(key: bytes, body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key, text.encode("ascii"), hashlib.sha256).hexdigest()


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=32)
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def write_toc(
    folder: Path, generation: int, segments: list[dict[str, Any]], files: Iterable[str]
) -> None:
    """Sign and write the table of contents of ``folder`` (atomically)."""
    key = signing_key()
    if key is None:
        raise Untrusted(f"cannot make the index key {key_path()}")
    # digests carried over only from a table of contents this installation signed
    previous = _read_json(folder).get("files", {}) if signed(folder) else {}
    entries: dict[str, Any] = {}
    for name in sorted(set(files)):
        path = folder / name
        stat = _stat(path)
        old = previous.get(name)
        if isinstance(old, dict) and old.get("stat") == stat:
            entries[name] = old  # unchanged since we signed it
        else:
            entries[name] = {"size": stat[2], "blake2b": _digest(path), "stat": stat}
    body = {"format": FORMAT, "generation": generation, "segments": segments, "files": entries}
    payload = dict(body, mac=_mac(key, body))
    target = folder / TOC_FILE
    temp = folder / (TOC_FILE + ".tmp")
    temp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(temp, target)


def _read_json(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / TOC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


_GENERATIONS: dict[Path, tuple[tuple[int, int, int], int]] = {}


def toc_generation(folder: Path) -> int:
    """The generation the table of contents names (-1 when there is none; unverified). Read
    again only when the file changed (every search asks)."""
    try:
        st = (folder / TOC_FILE).stat()
    except OSError:
        return -1
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    known = _GENERATIONS.get(folder)
    if known is not None and known[0] == stamp:
        return known[1]
    value = _read_json(folder).get("generation")
    generation = value if isinstance(value, int) else -1
    _GENERATIONS[folder] = (stamp, generation)
    return generation


def signed(folder: Path) -> bool:
    """Whether the table of contents carries this installation's signature (files unchecked:
    the cheap check at open; :func:`read_toc` checks everything before the index is read)."""
    data = _read_json(folder)
    key = signing_key(create=False)
    mac = data.pop("mac", None)
    return bool(data and key and isinstance(mac, str) and hmac.compare_digest(mac, _mac(key, data)))


def read_toc(folder: Path) -> tuple[int, list[dict[str, Any]]]:
    """The verified generation and segment list; raises Untrusted when the table of contents
    is missing, unsigned, signed with another key, or a file it lists differs."""
    data = _read_json(folder)
    if not data:
        raise Untrusted(f"no readable {TOC_FILE} in {folder}")
    key = signing_key(create=False)
    mac = data.pop("mac", None)
    if key is None or not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(key, data)):
        raise Untrusted(f"the index in {folder} was not written by this installation")
    if data.get("format") != FORMAT:
        raise Untrusted(f"the index in {folder} has another format")
    files = data.get("files", {})
    for name, entry in files.items():
        path = folder / name
        try:
            stat = _stat(path)
        except OSError as exc:
            raise Untrusted(f"the index file {name} is missing ({exc})") from exc
        if stat == entry.get("stat"):
            continue
        if stat[2] != entry.get("size") or _digest(path) != entry.get("blake2b"):
            raise Untrusted(f"the index file {name} was changed since it was written")
    segments = data.get("segments", [])
    present = os.listdir(folder)
    for segment in segments:
        prefix = segment.get("prefix")
        if not isinstance(prefix, str) or not prefix:
            raise Untrusted("a segment of the index has no name")
        # a file planted beside a segment's own would be read as part of it
        extra = [n for n in present if n.startswith(prefix) and n not in files]
        if extra or not any(name.startswith(prefix) for name in files):
            raise Untrusted(f"the files of index segment {prefix!r} are not the ones written")
    return int(data["generation"]), segments

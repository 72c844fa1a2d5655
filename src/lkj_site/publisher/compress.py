"""Pre-compressed copies of the site's text files, for static hosts that serve them as they are.

Most hosts send files as they are: a phone then waits for 2,5–3 s of uncompressed pages.
Beside every text file go `.gz` and `.br` copies, which nginx (`gzip_static`, `brotli_static`)
and Caddy (`precompressed`) send to browsers that accept them (README, "Menerbitkan").
Both are byte-identical from build to build (no time or file name inside the gzip header), so
a file that did not change since the published site (`previous`) takes that site's copies, and
any other file compressed before (the theme's stylesheet and scripts are the same in every
build and every report) is taken from the cache (`lkj/cache.py`, `kompresi/`): Brotli's best
quality is the slow part of publishing.
"""

import gzip
import hashlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from lkj import cache

TEXT = (".html", ".css", ".js", ".svg", ".xml", ".json", ".csv", ".txt", ".sha256", ".pf_meta")
SMALLEST = 1024  # bytes; below one network packet compression gains nothing
AS_PUBLISHED = "data"  # the open data (of a report, or of each report of a portal): exactly the files listed
COPIES = (".gz", ".br")


def precompress(site_dir: Path, previous: Path | None = None) -> int:
    """Write `<file>.gz` and `<file>.br` beside each text file of `site_dir`; returns how many files
    got copies other than `previous`'s (compressed now or taken from the cache). A file that has
    both copies already (a regency's portal links the reports' files with theirs) is left as it is.
    Files are compressed on every core at once (zlib and Brotli let go of Python's lock)."""
    todo = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT or path.stat().st_size < SMALLEST:
            continue
        relative = path.relative_to(site_dir)
        if AS_PUBLISHED in relative.parts[:-1] or all(path.with_name(path.name + s).exists() for s in COPIES):
            continue
        todo.append((path, previous / relative if previous is not None else None))
    if len(todo) < 8:
        return sum(map(_copies, todo))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(_copies, todo))


def _copies(job: tuple[Path, Path | None]) -> int:
    """1 when the copies of `path` were compressed now or taken from the cache, 0 when reused."""
    path, old = job
    content = path.read_bytes()
    if old is not None and _reuse(content, old, path):
        return 0
    both = cache.remembered("kompresi", [hashlib.sha256(content).digest()], partial(_compress, content))
    size = int.from_bytes(both[:8], "big")
    path.with_name(path.name + ".gz").write_bytes(both[8 : 8 + size])
    path.with_name(path.name + ".br").write_bytes(both[8 + size :])
    return 1


def _compress(content: bytes) -> bytes:
    """The gzip copy (its length first, 8 bytes) then the Brotli copy, in one entry of the cache."""
    import brotli  # only when something is compressed: a rebuild of one page seldom needs it

    compressed = gzip.compress(content, compresslevel=9, mtime=0)
    return len(compressed).to_bytes(8, "big") + compressed + brotli.compress(content, quality=11)


def _reuse(content: bytes, old: Path, path: Path) -> bool:
    """The published copies of `old`, if it holds exactly `content` and has both."""
    copies = [old.with_name(old.name + suffix) for suffix in COPIES]
    try:
        if old.is_symlink() or any(copy.is_symlink() for copy in copies) or old.read_bytes() != content:
            return False
        for copy, suffix in zip(copies, COPIES, strict=True):
            shutil.copy2(copy, path.with_name(path.name + suffix))
    except OSError:
        return False
    return True

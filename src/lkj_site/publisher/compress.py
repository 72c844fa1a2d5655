"""Pre-compressed copies of the site's text files, for static hosts that serve them as they are.

Most hosts send files as they are: a phone then waits for 2,5–3 s of uncompressed pages.
Beside every text file go `.gz` and `.br` copies, which nginx (`gzip_static`, `brotli_static`)
and Caddy (`precompressed`) send to browsers that accept them (README, "Menerbitkan").
Both are byte-identical from build to build (no time or file name inside the gzip header).
"""

import gzip
from pathlib import Path

import brotli

TEXT = (".html", ".css", ".js", ".svg", ".xml", ".json", ".csv", ".txt", ".sha256", ".pf_meta")
SMALLEST = 1024  # bytes; below one network packet compression gains nothing
AS_PUBLISHED = ("data",)  # the open data: exactly the files listed (and hashed) on "Data Terbuka"


def precompress(site_dir: Path) -> int:
    """Write `<file>.gz` and `<file>.br` beside each text file of `site_dir`; returns how many files."""
    done = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT or path.stat().st_size < SMALLEST:
            continue
        if path.relative_to(site_dir).parts[0] in AS_PUBLISHED:
            continue
        content = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(content, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(content, quality=11))
        done += 1
    return done

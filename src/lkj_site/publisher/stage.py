"""A new version of the site to publish (`lkj build`'s child process).

    python -m lkj_site.publisher.stage PROJECT VERSION_DIR [--pdf]

Builds the report into VERSION_DIR (`builder.run`); then every file that is the same as in the
published site (`site/`) keeps its modification time (`reuse.carry_over`), the text files get
their `.gz` and `.br` copies, reused from the published site where the file did not change
(`compress.py`), and one line says what changed. A failure ends in one line that says the
published site was not changed: only `commands/build.py` switches a version in.
"""

import sys
from pathlib import Path

from ..builder import run
from . import compress, reuse
from .versions import SITE


def main(argv: list[str]) -> int:
    project, version = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    reason = run.build(project, version, pdf="--pdf" in argv)
    if reason is not None:
        print(f"Build gagal: {reason}; situs yang terbit (site/) tidak diubah.", file=sys.stderr)
        return 1
    published = project / SITE
    previous = published if published.is_dir() and not published.is_symlink() else None
    total = sum(1 for path in version.rglob("*") if path.is_file())
    changed = reuse.carry_over(version, previous) if previous else None
    compress.precompress(version, previous)
    print(reuse.summary(changed, total) if changed is not None else f"Situs baru: {total} berkas.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A new version of the site to publish (`lkj build`'s child process): built, then pre-compressed.

    python -m lkj_site.publisher.stage PROJECT VERSION_DIR [--pdf]

Builds the report into VERSION_DIR (`builder.run`), then puts `.gz` and `.br` copies beside
its text files (`compress.py`). A failure ends in one line that says the published site
(`site/`) was not changed: only `commands/build.py` switches a version in.
"""

import sys
from pathlib import Path

from ..builder import run
from . import compress


def main(argv: list[str]) -> int:
    project, version = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    reason = run.build(project, version, pdf="--pdf" in argv)
    if reason is not None:
        print(f"Build gagal: {reason}; situs yang terbit (site/) tidak diubah.", file=sys.stderr)
        return 1
    compress.precompress(version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

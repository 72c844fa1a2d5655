"""What is submitted: the PDF's metadata, the data it attaches, the files it may read.

Light on purpose (no WeasyPrint, no HTML parser): the plugin builds it for every PDF build,
also when the PDF comes from the cache (`cache.py`) and WeasyPrint is not even imported.
"""

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"  # shipped with the toolkit (DejaVu, free licence)


@dataclass(frozen=True)
class Metadata:
    """What the PDF says about itself (document information and XMP)."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str = "id"
    logo: Path | None = None  # regency's logo for the cover, if configured


@dataclass(frozen=True)
class Submission:
    metadata: Metadata
    attachments: tuple[tuple[str, bytes], ...]  # (file name, bytes): the data as validated for this build
    source_date: datetime  # date given to the attachments; fixed per commit
    site_dir: Path  # the built site: its stylesheets and images may be read
    pages: dict[str, str]  # page URL ("bab-1/") -> its source ("docs/bab-1.md"), to name a page in a message
    read: dict[Path, str] = field(default_factory=dict)  # what WeasyPrint read while rendering -> SHA-256

    @property
    def roots(self) -> dict[str, Path]:
        """The only places WeasyPrint may read from, by name: the built site, the fonts, the logo."""
        roots = {"situs": self.site_dir.resolve(), "huruf": FONTS_DIR}
        if self.metadata.logo is not None:
            roots["logo"] = self.metadata.logo.resolve()
        return roots


def source_date(project_dir: Path) -> datetime:
    """SOURCE_DATE_EPOCH if set, else the time of the last git commit of the report's folder (in a
    regency's repository, of this report: not of another office's), else 1 Jan 2020.

    The same commit always gives the same date, whatever the time of the build.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."], cwd=project_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
        if stamp:
            return datetime.fromtimestamp(int(stamp), UTC)
    except (OSError, subprocess.CalledProcessError):
        pass
    return datetime(2020, 1, 1, tzinfo=UTC)

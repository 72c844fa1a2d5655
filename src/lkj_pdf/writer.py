"""Render the PDF with the write options mkdocs-with-pdf does not expose.

mkdocs-with-pdf's generator calls `HTML(string=...).render().write_pdf(path)` with
WeasyPrint's `HTML` imported into its module. `install` replaces that one name with
`SubmissionHTML`, which prepares the document (`document.prepare`), lets WeasyPrint
read only the project's own files (`fetcher.py`), and writes it as PDF/A-3b with the
validated data files attached, PDF page labels (i, ii, … then 1, 2, …) and a stable
identifier, so that two builds of one commit give the same bytes.
"""

import hashlib
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pydyf
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from weasyprint import HTML, Attachment
from weasyprint.urls import FatalURLFetchingError

from .document import FIRST_BODY_ID, FONTS_DIR, Metadata
from .fetcher import ProjectFetcher, RefusedURL, asking_page, requesting_pages

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class Submission:
    metadata: Metadata
    attachments: tuple[tuple[str, bytes], ...]  # (file name, bytes): the data as validated for this build
    source_date: datetime  # date given to the attachments; fixed per commit
    site_dir: Path  # the built site: its stylesheets and images may be read
    pages: dict[str, str]  # page URL ("bab-1/") -> its source ("docs/bab-1.md"), to name a page in a message


class SubmissionHTML:
    """Stands in for weasyprint.HTML inside mkdocs_with_pdf.generator."""

    submission: Submission  # set by `install`

    def __init__(self, string: str):
        submission = self.submission
        html = string  # arranged already, by the `pre_pdf_render` event (event_hook.py)
        asking = requesting_pages(BeautifulSoup(html, "html.parser"))
        self._fetching = partial(_fetching, asking, submission.pages)
        allowed = [submission.site_dir, FONTS_DIR, *([submission.metadata.logo] if submission.metadata.logo else [])]
        self._html = HTML(string=html, url_fetcher=ProjectFetcher(allowed))

    def render(self) -> "SubmissionDocument":
        with self._fetching():
            return SubmissionDocument(self._html.render(), self.submission, self._fetching)


@contextmanager
def _fetching(asking: dict[str, str], sources: dict[str, str]):
    """A refused or missing resource stops the build, naming the URL and the page asking for it."""
    try:
        yield
    except FatalURLFetchingError as error:
        url = error.url if isinstance(error, RefusedURL) else str(error).partition('"')[2].rpartition('"')[0]
        reason = error.reason if isinstance(error, RefusedURL) else f"tidak dapat dimuat ({error.__cause__})"
        page = asking_page(url, asking, sources)
        raise PluginError(f"{f'halaman {page}' if page else 'PDF'} meminta '{url}': {reason}") from None


class SubmissionDocument:
    def __init__(self, document, submission: Submission, fetching):
        self._document = document
        self._submission = submission
        self._fetching = fetching  # attachments linked from the HTML are fetched while writing

    def write_pdf(self, target) -> None:
        submission = self._submission
        attachments = [
            Attachment(
                string=content,
                name=name,
                description=f"Data sumber laporan: data/{name}",
                created=submission.source_date,
                modified=submission.source_date,
                relationship="Source",
            )
            for name, content in submission.attachments
        ]
        identifier = hashlib.sha256(submission.metadata.title.encode()).hexdigest()[:32].encode()
        with self._fetching():
            self._document.write_pdf(
                target,
                pdf_variant=PDF_VARIANT,
                attachments=attachments,
                pdf_identifier=identifier,
                finisher=_page_labels,
            )


def _page_labels(document, pdf: pydyf.PDF) -> None:
    """PDF page labels: the cover unnumbered, front matter i, ii, …, the body 1, 2, … from BAB I."""
    first_body = next(
        (number for number, page in enumerate(document.pages) if FIRST_BODY_ID in page.anchors),
        len(document.pages),
    )
    numbers = pydyf.Array([0, pydyf.Dictionary({"P": pydyf.String("Sampul")})])
    if first_body > 1:
        numbers.extend([1, pydyf.Dictionary({"S": "/r"})])
    if first_body < len(document.pages):
        numbers.extend([first_body, pydyf.Dictionary({"S": "/D"})])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": numbers})


def source_date(project_dir: Path) -> datetime:
    """SOURCE_DATE_EPOCH if set, else the time of the last git commit, else 1 Jan 2020.

    The same commit always gives the same date, whatever the time of the build.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
        if stamp:
            return datetime.fromtimestamp(int(stamp), UTC)
    except (OSError, subprocess.CalledProcessError):
        pass
    return datetime(2020, 1, 1, tzinfo=UTC)


def install(generator_module, submission: Submission) -> None:
    """The one seam into mkdocs-with-pdf: its generator renders through `SubmissionHTML`.

    The plugin's documented hooks cannot set WeasyPrint's options (URL fetcher, PDF/A,
    attachments, identifier, page labels). Its generator calls
    `HTML(string=html_string).render().write_pdf(path)` with WeasyPrint's `HTML` imported
    into its module; this replaces that one name. tests/test_lkj_pdf.py holds the pinned
    plugin to exactly that call, and fails with a clear message if an upgrade changes it.
    """
    SubmissionHTML.submission = submission
    generator_module.HTML = SubmissionHTML


def current() -> Submission:
    """The submission of this build (set by `install`)."""
    return SubmissionHTML.submission

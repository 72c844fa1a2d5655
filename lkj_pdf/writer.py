"""Render the PDF with the write options mkdocs-with-pdf does not expose.

mkdocs-with-pdf's generator calls `HTML(string=...).render().write_pdf(path)` with
WeasyPrint's `HTML` imported into its module. `install` replaces that one name with
`SubmissionHTML`, which prepares the document (`document.prepare`) and writes it as
PDF/A-3b with the source CSV files attached, PDF page labels (i, ii, … then 1, 2, …)
and a stable identifier, so that two builds of one commit give the same bytes.
"""

import hashlib
import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pydyf
from weasyprint import HTML, Attachment

from .document import FIRST_BODY_ID, Metadata, prepare

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class Submission:
    metadata: Metadata
    attachments: tuple[Path, ...]  # files embedded in the PDF (the data it was built from)
    source_date: datetime  # date given to the attachments; fixed per commit


class SubmissionHTML:
    """Stands in for weasyprint.HTML inside mkdocs_with_pdf.generator."""

    submission: Submission  # set by `install`

    def __init__(self, string: str):
        self._html = HTML(string=prepare(string, self.submission.metadata))

    def render(self) -> "SubmissionDocument":
        return SubmissionDocument(self._html.render(), self.submission)


class SubmissionDocument:
    def __init__(self, document, submission: Submission):
        self._document = document
        self._submission = submission

    def write_pdf(self, target) -> None:
        submission = self._submission
        attachments = [
            Attachment(
                filename=str(path),
                name=path.name,
                description=f"Data sumber laporan: data/{path.name}",
                created=submission.source_date,
                modified=submission.source_date,
                relationship="Source",
            )
            for path in submission.attachments
        ]
        identifier = hashlib.sha256(submission.metadata.title.encode()).hexdigest()[:32].encode()
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
    """Make mkdocs-with-pdf's generator render through `SubmissionHTML`."""
    SubmissionHTML.submission = submission
    generator_module.HTML = SubmissionHTML

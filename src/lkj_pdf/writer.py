"""Render the PDF with the write options mkdocs-with-pdf does not expose.

mkdocs-with-pdf's generator calls `HTML(string=...).render().write_pdf(path)` with
WeasyPrint's `HTML` imported into its module. `install` replaces that one name with
`SubmissionHTML`, which lets WeasyPrint read only the project's own files (`fetcher.py`,
recording what it read for the cache) and writes the document, arranged already by the
`pre_pdf_render` event (`document.prepare`), as PDF/A-3b with the validated data files
attached (`options.py`), PDF page labels (i, ii, … then 1, 2, …) and a stable identifier,
so that two builds of one commit give the same bytes.
"""

import gc
import zlib
from contextlib import contextmanager
from functools import partial

import pydyf
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from .document import FIRST_BODY_ID
from .fetcher import ProjectFetcher, RefusedURL, asking_page, requesting_pages
from .options import write_options
from .submission import Submission


class SubmissionHTML:
    """Stands in for weasyprint.HTML inside mkdocs_with_pdf.generator."""

    submission: Submission  # set by `install`

    def __init__(self, string: str):
        submission = self.submission
        self._fetching = partial(_fetching, string, submission.pages)
        self._fetcher = ProjectFetcher(submission.roots.values())
        self._html = HTML(string=string, url_fetcher=self._fetcher)

    def render(self) -> "SubmissionDocument":
        with self._fetching(), _heap_set_aside():
            return SubmissionDocument(self._html.render(), self.submission, self._fetching, self._fetcher)


@contextmanager
def _heap_set_aside():
    """No garbage collection while WeasyPrint works.

    WeasyPrint's page boxes are not garbage until the PDF is written, yet the collector
    scans them, and all the build's own objects, again and again: 0,45 s of this report's
    1,8 s, a third of the rendering at 3.000 kegiatan. So the build's objects are set aside
    (`freeze`) and the collector paused, then both put back. WeasyPrint makes little cyclic
    garbage (9 MB at 3.000 kegiatan); it is collected when the collector resumes.
    """
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


@contextmanager
def _fetching(html: str, sources: dict[str, str]):
    """A refused or missing resource stops the build, naming the URL and the page asking for it."""
    try:
        yield
    except FatalURLFetchingError as error:
        url = error.url if isinstance(error, RefusedURL) else str(error).partition('"')[2].rpartition('"')[0]
        reason = error.reason if isinstance(error, RefusedURL) else f"tidak dapat dimuat ({error.__cause__})"
        page = asking_page(url, requesting_pages(BeautifulSoup(html, "html.parser")), sources)
        raise PluginError(f"{f'halaman {page}' if page else 'PDF'} meminta '{url}': {reason}") from None


class SubmissionDocument:
    def __init__(self, document, submission: Submission, fetching, fetcher: ProjectFetcher):
        self._document = document
        self._submission = submission
        self._fetching = fetching  # attachments linked from the HTML are fetched while writing
        self._fetcher = fetcher

    def write_pdf(self, target) -> None:
        submission = self._submission
        options = write_options(submission.metadata.title, submission.attachments, submission.source_date)
        with self._fetching(), _heap_set_aside():
            self._document.write_pdf(target, **options, finisher=_finish)
        submission.read.update(self._fetcher.served)


def _finish(document, pdf: pydyf.PDF) -> None:
    _page_labels(document, pdf)
    _opening(pdf)
    _compress_once(pdf)


def _opening(pdf: pydyf.PDF) -> None:
    """The PDF opens with its bookmarks shown and its title (not the file name) in the window."""
    pdf.catalog["PageMode"] = "/UseOutlines"
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


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


def _compress_once(pdf: pydyf.PDF) -> None:
    """Compress every stream now, once, exactly as pydyf would (zlib, level 9).

    PDF/A requires a file identifier; to compute it pydyf serialises every object a second
    time, and a stream left to compress itself is compressed again: a third of the time spent
    writing. Another pydyf, without `_to_bytes`, is left to do it twice: same bytes, slower.
    """
    to_bytes = getattr(pydyf, "_to_bytes", None)
    if to_bytes is None:
        return
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress:
            item.stream = [zlib.compress(b"\n".join(to_bytes(part) for part in item.stream), 9)]
            item.extra["Filter"] = "/FlateDecode"
            item.compress = False


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

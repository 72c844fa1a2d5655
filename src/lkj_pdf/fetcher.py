"""What WeasyPrint may read while it renders the PDF: the project's own files, nothing else.

WeasyPrint's default fetcher follows `file://` anywhere on the machine and `http(s)://`
anywhere on the network, for images, stylesheets, fonts and `rel=attachment` links.
`ProjectFetcher` serves regular files under the allowed folders (the built site with its
stylesheets and images, the shipped fonts, the configured logo) and `data:` URLs, which
fetch nothing. Any other URL stops the build: `RefusedURL` names the URL and the page of
the report that asked for it. What it served is recorded (`served`: file -> SHA-256), so
that the PDF cache (`cache.py`) can tell whether any of it changed.
"""

import hashlib
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from lkj.csvfile import read_regular_file

# Attributes through which an HTML element makes WeasyPrint fetch something.
URL_ATTRIBUTES = ("src", "href", "data", "poster")


class RefusedURL(FatalURLFetchingError):
    """WeasyPrint asked for a URL outside the project: the rendering stops."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ProjectFetcher(URLFetcher):
    def __init__(self, allowed: Iterable[Path]):
        super().__init__(fail_on_errors=True)  # a missing image stops the build too
        self._allowed = tuple(Path(path).resolve() for path in allowed)
        self.served: dict[Path, str] = {}

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":  # inline content, nothing is fetched
            return super().fetch(url, headers)
        if scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(url, "alamat di luar proyek; PDF hanya memuat berkas proyek ini sendiri")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self._allowed):
            raise RefusedURL(url, "berkas di luar folder proyek yang boleh dimuat PDF")
        content, problem = read_regular_file(path)
        if problem:
            raise RefusedURL(url, problem)
        self.served[path] = hashlib.sha256(content).hexdigest()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), content, {"Content-Type": content_type})


def requesting_pages(soup: BeautifulSoup) -> dict[str, str]:
    """URL -> `data-url` of the chapter (article) whose element refers to it, first one wins."""
    pages: dict[str, str] = {}
    for article in soup.find_all("article"):
        page = article.get("data-url") or article.get("id") or "?"
        for element in article.find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str) and value and not value.startswith("#"):
                    pages.setdefault(value, page)
    return pages


def asking_page(url: str, asking: dict[str, str], sources: dict[str, str]) -> str | None:
    """The chapter that refers to `url` (`docs/bab-1.md`), from `requesting_pages` and the nav."""
    page = asking.get(url) or next((p for a, p in asking.items() if url.endswith(a) or a.endswith(url)), None)
    if page is None:
        return None
    key = page.strip("/.")  # mkdocs-with-pdf's data-url: "/bab-1/", or "/." for the home page
    return sources.get(f"{key}/" if key else "", page)

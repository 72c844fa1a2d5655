"""The published portal, made in a new folder and swapped in whole (`publisher/versions.py`).

- the portal's pages at the root (`pages.py`, `site.py`);
- each report's last good site under `<kantor>/<tahun>/`, its files hard-linked (not copied) from
  `.portal/`. The theme's and the search's files (`SHARED`) are the same in every report: the
  portal's one copy serves them all, and the report's pages point to it (`_relinked`), so that
  a regency of 40 offices × 5 years carries one copy, not 200;
- one search over every report's pages (Pagefind), each page labelled with its office and year:
  one index per SEARCH_GROUP reports (`search_groups`), which the search page merges, so that
  the indexer's memory stays that of SEARCH_GROUP reports however many the regency has (Pagefind
  holds every page it indexes in memory: 1,25 GB for 500 reports in one index);
- the catalog (`catalog.py`);
- the `.gz`/`.br` copies, taken from the published portal or the cache where a file did not change.

Nothing is published unless all of it succeeded.
"""

import json
import os
import re
import shutil
from pathlib import Path

from lkj import cache as lkj_cache

from ..builder import search
from ..publisher import compress, reuse
from ..publisher.versions import Versions
from . import builds, catalog, pages, site
from .builds import report_url
from .results import Result
from .workspace import CONFIG, STATE, Portal, PortalError

KEY_FILE = "portal.kunci"  # in .portal/: the key of the published portal
SEARCH_GROUP = 50  # reports per search index (about 500 pages, 150 MB for Pagefind)
SHARED = re.compile(r"^(assets/|stylesheets/lkj\.css|javascripts/lkj-cari\.js)")
_REFERENCE = r'((?:href|src)=")({prefix})((?:assets/|stylesheets/lkj\.css|javascripts/lkj-cari\.js)[^"]*")'
_ARTICLE = re.compile(r"<article data-pagefind-body [^>]*>")


def assemble(portal: Portal, results: list[Result], versions: Versions) -> Path | None:
    """Make and publish the portal (the caller holds `versions.lock()`); returns the site, or None
    when nothing it is made of changed since it was published (the published portal stays)."""
    key = _key(portal, results)
    done = portal.folder / STATE / KEY_FILE
    if versions.site.is_dir() and done.is_file() and done.read_text(encoding="utf-8") == key:
        return None
    versions.clean()
    version = versions.new()
    placed = [result for result in results if result.outcome.site is not None and result.hasil]
    groups = search_groups([result.entry.key for result in placed])
    made = pages.make(portal, results)
    reason = site.build(portal, made, portal.folder / STATE / "halaman", version, [folder for folder, _ in groups[1:]])
    if reason is not None:
        raise PortalError(f"halaman portal tidak dapat dibangun: {reason}")
    packages = {}
    for result in placed:
        _place(portal, result, version)
        packages[result.entry.key] = _package(result.outcome.site)
    (version / catalog.FILE).write_bytes(catalog.to_json(catalog.catalog(portal, results, packages)))
    for folder, keys in groups:
        search.index(version, folder, "{" + ",".join(keys) + "}/**/*.html" if keys else "")
    previous = versions.site if versions.site.is_dir() and not versions.site.is_symlink() else None
    compress.precompress(version, previous)
    versions.switch(version)
    lkj_cache.write(done, key.encode())
    versions.clean()
    return versions.site


def search_groups(keys: list[str]) -> list[tuple[str, list[str]]]:
    """The search's indexes: (folder, the reports in it), SEARCH_GROUP reports each; the first in
    the search's own folder, the others in its sub-folders, merged by the search page."""
    chunks = [keys[start : start + SEARCH_GROUP] for start in range(0, len(keys), SEARCH_GROUP)] or [[]]
    return [(search.FOLDER if number == 1 else f"{search.FOLDER}/bagian-{number}", chunk)
            for number, chunk in enumerate(chunks, start=1)]  # fmt: skip


def _key(portal: Portal, results: list[Result]) -> str:
    """What the portal is made of: the toolkit (with the portal's own code, which a report's key leaves
    out), portal.yml and its logo, every report's last build."""
    parts: list = [
        reuse.toolkit_key(),
        *lkj_cache.sources(Path(__file__).parent),
        (portal.folder / CONFIG).read_bytes(),
    ]
    if portal.logo and (portal.folder / portal.logo).is_file():
        parts.append((portal.folder / portal.logo).read_bytes())
    for result in results:
        entry = result.entry
        parts += [entry.key, result.name, entry.problem, *result.outcome.errors]
        parts.append(_read_bytes(builds.state(portal, entry) / builds.STATE_FILE))
    return lkj_cache.key(parts)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _place(portal: Portal, result: Result, version: Path) -> None:
    """The report's site under `<kantor>/<tahun>/`, sharing the portal's theme files where they are
    the same, its pages labelled for the portal's search."""
    source, target = result.outcome.site, version / result.entry.key
    shared = _same_shared(source, version)
    up = "../" * (len(Path(result.entry.key).parts))
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_dir() or path.is_symlink() or (shared and SHARED.match(relative)):
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            page = path.read_text(encoding="utf-8")
            relinked = _relinked(page, up, report_url(portal, result.entry), portal.alamat) if shared else page
            destination.write_text(_labelled(relinked, result), encoding="utf-8")
        elif path.suffix in compress.COPIES and path.with_suffix("").suffix == ".html":
            continue  # the page changed: its copies are made again (or taken from the cache)
        else:
            _link(path, destination)


def _same_shared(source: Path, version: Path) -> bool:
    """Are the report's theme files exactly the portal's (same Material, same toolkit)?"""
    for path in source.rglob("*"):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and SHARED.match(relative) and not relative.endswith(compress.COPIES):
            mine = version / relative
            if not mine.is_file() or mine.read_bytes() != path.read_bytes():
                return False
    return True


def _relinked(page: str, up: str, own_url: str, root_url: str) -> str:
    """The page's links to the theme's files pointed at the portal's copy, `up` folders higher
    (or, where the report was built with its address, at the portal's address)."""
    page = re.sub(_REFERENCE.format(prefix=r"(?:\.\./)*"), lambda m: m[1] + m[2] + up + m[3], page)
    if own_url:
        prefix = re.escape(own_url)
        page = re.sub(_REFERENCE.format(prefix=prefix), lambda m: m[1] + root_url.rstrip("/") + "/" + m[3], page)
    return page


def _labelled(page: str, result: Result) -> str:
    """The page's article marked with its office and year for the portal's search."""
    spans = str(pages.filters(result.name, result.entry.tahun))
    return _ARTICLE.sub(lambda found: found[0] + spans, page, count=1)


def _link(path: Path, destination: Path) -> None:
    try:
        os.link(path, destination)
    except OSError:  # another file system: a copy
        shutil.copy2(path, destination)


def _package(site_dir: Path) -> dict:
    try:
        content = json.loads((site_dir / "data" / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}

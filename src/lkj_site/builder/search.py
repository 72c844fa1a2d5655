"""The website's search: a Pagefind index of the report's pages, built with the site.

Pagefind (its binary ships in the `pagefind-bin` wheel: nothing is fetched) stems words by
the pages' language, `<html lang="id">`: "latih" finds "pelatihan" and "dilatih", "tempat"
finds "penempatan". Only the pages' articles are indexed (`data-pagefind-body`, set by
`mark`), cell by cell, so every word of every table is found. The index is static files under
`site/pagefind/`, read by the search page (`theme/cari.html`) on any static host.
"""

import json
import os
import signal
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ARTICLE = '<article class="md-content__inner md-typeset">'
FOLDER = "pagefind"
NOT_INDEXED = ".headerlink, .lkj-asal, .lkj-unduh-tabel, .lkj-cari-saring"  # ¶, provenance, "Unduh: CSV", portal labels
TIME_LIMIT = 120  # seconds; the report's dozen pages take well under one
SWITCH = "LKJ_INDEKS_CARI"  # "0": the build leaves the index to its caller (`lkj serve` makes it after)


def mark(page_html: str) -> str:
    """The page with its article marked as what the search indexes (headers, menus and
    footers are left out, so that every page does not match the chapter titles)."""
    return page_html.replace(ARTICLE, ARTICLE.replace("<article ", "<article data-pagefind-body "), 1)


def wanted() -> bool:
    """Does this build make the index itself (see SWITCH)?"""
    return os.environ.get(SWITCH, "1") != "0"


def index(site_dir: Path, folder: str = FOLDER, glob: str = "") -> None:
    """Build the index into `site_dir/<folder>/` (of the pages `glob` names, else all); a failure
    stops the build in one line. An index in another folder is one the search page merges into
    the one in FOLDER (`pagefind.mergeIndex`): it keeps no script of its own."""
    from pagefind_bin import get_executable

    from ..processes import die_with_parent

    command = [str(get_executable()), "--site", str(site_dir), "--output-subdir", folder, "--silent"]
    command += ["--exclude-selectors", NOT_INDEXED] + (["--glob", glob] if glob else [])
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            check=False,
            preexec_fn=lambda: die_with_parent(signal.SIGKILL),  # a stopped build leaves no indexer writing
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"indeks pencarian (Pagefind) tidak dapat dibuat: {error}") from None
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        raise PluginError(f"indeks pencarian (Pagefind) gagal: {reason[-1] if reason else result.returncode}")
    _drop_unused(site_dir / folder, merged=folder != FOLDER)


def _drop_unused(bundle: Path, merged: bool) -> None:
    """Leave only what the search page loads: `pagefind.js` and its worker, the entry file, the
    index's metadata, chunks and fragments, and the word stemmer of the pages' language (a merged
    index: its entry file, metadata, chunks and fragments). Pagefind also writes its own search
    interfaces (pagefind-ui.js and others), which the report does not use."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry.get("languages", {}).values()
    used = {"pagefind-entry.json"} if merged else {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"}
    used |= {f"wasm.{language['wasm']}.pagefind" for language in languages if language.get("wasm") and not merged}
    used |= {f"pagefind.{language['hash']}.pf_meta" for language in languages}
    for path in bundle.iterdir():
        if path.is_file() and path.name not in used:
            path.unlink()

"""The index of required contents: each element PermenPANRB 53/2014 asks of an LKj
(`../shared/LKJ-FORMAT.md`) with where it is in this report, found at build time.

Reviewers check an LKj against that list; typed "requirement → page" lists go wrong. Here each
element is looked for in the chapters' sources, in the order of `nav`: a heading that names it,
or the macro that makes it. Its place is the heading above it: a link on the site, and in the
PDF the page where that section starts (`target-counter`, styles.scss). What is not found says
"tidak ada" and is a warning on every build. The sources are read, not the rendered pages, so
the list does not depend on the order in which MkDocs renders pages.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from lkj.tables import Cell, Row, Table

HEADING = re.compile(r"^(#{1,4})\s+(.*?)\s*(\{[^}]*\})?\s*$")
VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass(frozen=True)
class Unsur:
    """One required element: what it is, and how to find it (a heading or a macro call)."""

    nama: str
    heading: str = ""  # a regular expression on the heading's text
    macro: str = ""  # a regular expression on the chapter's source: the macro call that makes it
    last: bool = False  # the last place found, not the first (the closing signature)


UNSUR = (
    Unsur("Kata Pengantar", heading=r"^Kata Pengantar"),
    Unsur("Ikhtisar Eksekutif", heading=r"^Ikhtisar Eksekutif"),
    Unsur("BAB I Pendahuluan", heading=r"^BAB I\b"),
    Unsur("BAB I: tugas dan fungsi organisasi", heading=r"Tugas dan Fungsi"),
    Unsur("BAB I: struktur organisasi", macro=r"\b(susunan|bagan)_organisasi\("),
    Unsur(
        "BAB I: aspek strategis dan permasalahan utama organisasi",
        heading=r"Aspek Strategis|Isu Strategis|Permasalahan",
    ),
    Unsur("BAB I: sistematika penyajian", heading=r"Sistematika"),
    Unsur("BAB II Perencanaan Kinerja", heading=r"^BAB II\b"),
    Unsur("BAB II: Rencana Strategis (tujuan, sasaran, strategi, arah kebijakan)", macro=r"\btabel_renstra\("),
    Unsur("BAB II: Rencana Kinerja tahun berjalan", macro=r"\btabel_target\((\s*\)|\s*dokumen\s*=\s*)?[\"']?RK"),
    Unsur("BAB II: Perjanjian Kinerja dan anggaran per program", macro=r"\btabel_anggaran_program\("),
    Unsur("BAB III Akuntabilitas Kinerja", heading=r"^BAB III\b"),
    Unsur("BAB III A.1: target dan realisasi kinerja tahun ini", macro=r"\btabel_capaian\("),
    Unsur(
        "BAB III A.2: realisasi dan capaian dibanding tahun-tahun sebelumnya", macro=r"\btabel_perbandingan_capaian\("
    ),
    Unsur("BAB III A.3: realisasi dibanding target jangka menengah (Renstra)", macro=r"\btabel_capaian_renstra\("),
    Unsur("BAB III A.4: perbandingan dengan standar nasional", heading=r"Standar Nasional"),
    Unsur(
        "BAB III A.5: analisis penyebab keberhasilan/kegagalan dan solusinya",
        heading=r"Penyebab|Keberhasilan|Kegagalan",
    ),
    Unsur("BAB III A.6: efisiensi penggunaan sumber daya", macro=r"\btabel_efisiensi\("),
    Unsur(
        "BAB III A.7: program dan kegiatan penunjang keberhasilan atau kegagalan",
        heading=r"Program.*(Penunjang|Pendukung)",
    ),
    Unsur("BAB III B: realisasi anggaran", macro=r"\btabel_realisasi_anggaran\("),
    Unsur("BAB IV Penutup", heading=r"^BAB IV\b"),
    Unsur("Lampiran: Perjanjian Kinerja", macro=r"\bperjanjian_kinerja\("),
    Unsur("Tanda tangan kepala instansi", macro=r"\btanda_tangan\(", last=True),
)
TIDAK_ADA = "tidak ada"


@dataclass(frozen=True)
class Place:
    page: str  # the page's URL, "bab-3/"
    anchor: str  # the heading's id ("" for the page's own title)
    title: str  # "BAB III Akuntabilitas Kinerja › 3.1 Capaian Kinerja Organisasi"
    front: bool  # a page of the front matter (numbered i, ii, … in the PDF)


def chapters(nav, docs_dir: Path) -> list[tuple[str, Path]]:
    """(page URL, source) of each chapter in `nav` (mkdocs.yml), in order."""
    return [(_url(path), docs_dir / path) for path in _nav_files(nav or [])]


def _nav_files(nav) -> list[str]:
    files = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files += _nav_files(value) if isinstance(value, list) else [value] if str(value).endswith(".md") else []
    return files


def _url(path: str) -> str:
    """`bab-3.md` -> `bab-3/`, `index.md` -> `` (the site's directory URLs)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else f"{stem.removesuffix('/index')}/"


def find(chapters: list[tuple[str, Path]], variables: dict) -> list[tuple[Unsur, Place | None]]:
    """Each required element with its place, from the chapters (page URL, source) in nav order."""
    sections = [section for url, path in chapters for section in _sections(url, path, variables)]
    found = []
    for unsur in UNSUR:
        places = [place for place, heading, body in sections if _matches(unsur, heading, body)]
        found.append((unsur, (places[-1] if unsur.last else places[0]) if places else None))
    return found


def _matches(unsur: Unsur, heading: str, body: str) -> bool:
    if unsur.heading:
        return re.search(unsur.heading, heading, re.IGNORECASE) is not None
    return re.search(unsur.macro, body) is not None


def _sections(url: str, path: Path, variables: dict):
    """(place, heading text, source under it) of each heading of a chapter, in order."""
    source = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.DOTALL)
    page_title, front, current, body = None, False, None, []
    for line in [*source.split("\n"), "# "]:
        found = HEADING.match(line)
        if not found:
            body.append(line)
            continue
        if current is not None:
            yield current[0], current[1], "\n".join(body)
        text = VARIABLE.sub(lambda m: str(variables.get(m.group(1), m.group(0))), found.group(2))
        level = len(found.group(1))
        if level == 1:
            page_title, front = text, "lkj-depan" in (found.group(3) or "")
            place = Place(url, "", text, front)
        else:
            place = Place(url, slugify(text, "-"), f"{page_title} › {text}" if page_title else text, front)
        current, body = (place, text), []


def table(found: list[tuple[Unsur, Place | None]], page_url: str) -> Table:
    """The index as a numbered table: element, and a link to its section (in the PDF, its page)."""
    up = "../" * page_url.count("/")
    head = [Row([Cell("No"), Cell("Unsur yang dipersyaratkan (PermenPANRB 53/2014)"), Cell("Letak dalam laporan")])]
    body = []
    for number, (unsur, place) in enumerate(found, start=1):
        if place is None:
            where = Cell(TIDAK_ADA, strong=True)
        else:
            href = f"{up}{place.page}" + (f"#{place.anchor}" if place.anchor else "")
            where = Cell(place.title, link=href, link_class="lkj-halaman lkj-depan" if place.front else "lkj-halaman")
        body.append(Row([Cell(str(number)), Cell(unsur.nama), where]))
    return Table(None, head, body, kind="kesesuaian", widths=(6, 52, 42), row_header=1, label="Daftar Kesesuaian")


def warnings(found: list[tuple[Unsur, Place | None]]) -> list[str]:
    return [
        f"PERINGATAN daftar kesesuaian: {unsur.nama} {TIDAK_ADA} di laporan (PermenPANRB 53/2014)"
        for unsur, place in found
        if place is None
    ]

"""The chapter checks a prose reviewer needs (`make check`, and the pull-request workflow).

- **Typed figures** (errors): a number written in a chapter that equals a figure the data
  gives (an amount, a percentage, a count written as "9 (sembilan)") must be the macro that
  computes it, or it goes stale at the next data edit. The finding names that macro.
- **Cross-references** (errors): "lihat Tabel 3.2" or "Gambar 3.4" where the report has no such
  table or figure.
- **Spelling** (warnings): Indonesian words checked with hunspell and Debian's `hunspell-id`
  dictionary; names and terms of the office go in the project's word list (`kamus.txt`).

Every finding names the chapter and its line. Only the prose is read: macro calls, HTML
tags, link targets, code and comments are left out.
"""

import re
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from lkj.findings import ERROR, WARNING, Finding
from lkj.report import Report

WORD_LIST = "kamus.txt"  # the project's own words: one per line, `#` starts a comment
BASE_WORDS = Path(__file__).parent / "kamus-dasar.txt"  # words of every LKj the dictionary lacks
DICTIONARY = "id_ID"
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|`[^`]*`|\{[:.#][^}]*\}|https?://\S+|[\w./-]+\.(?:csv|md|yml|txt|json)\b|\[")
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]*\d)")
_PERCENT = re.compile(r"(?<![\d.,])\d+(?:,\d+)?(?=\s?%)")
_COUNT = re.compile(r"(?<![\d.,])\d+ \([a-z ]+\)")
_ITALIC = re.compile(r"(?<![*\w])[*_](?![*\s])[^*_\n]+(?<![*\s])[*_](?![*\w])")
_REFERENCE = re.compile(r"\b(Tabel|Gambar) ([0-9IVXL]+|L)\.(\d+)\b")


def check(project: Path, report: Report, site_dir: Path) -> list[Finding]:
    chapters = {
        path.relative_to(project / "docs").as_posix(): path for path in sorted((project / "docs").rglob("*.md"))
    }
    lines = {name: _prose_lines(path.read_text(encoding="utf-8")) for name, path in chapters.items()}
    return [*typed_figures(lines, figures(report)), *references(lines, site_dir), *spelling(lines, project)]


def _prose_lines(source: str) -> list[tuple[int, str]]:
    """(line number, text) of a chapter's prose: front matter, comments, macros and markup blanked
    (line numbers kept)."""
    body = source
    front = re.match(r"---\n.*?\n---\n", source, re.DOTALL)
    if front:
        body = "\n" * front.group(0).count("\n") + source[front.end() :]
    body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    body = _TEMPLATE.sub(lambda m: " " + "\n" * m.group(0).count("\n"), body)
    return [(number, _MARKUP.sub(" ", line)) for number, line in enumerate(body.split("\n"), start=1)]


# --- typed figures ----------------------------------------------------------------------------


def figures(report: Report) -> dict[str, str]:
    """Each figure the inline macros give for this report's data, as written, with the call
    that gives it: {"2.392.837.500": "pagu()", "95,35": "serapan()", "9 (sembilan)": …}."""
    calls: list[tuple[str, object]] = [
        (f"{name}()", lambda name=name: getattr(report, name)())
        for name in ("pagu", "realisasi_anggaran", "serapan", "fisik", "pagu_pk", "jumlah_indikator", "jumlah_sasaran")
        + ("jumlah_tujuan", "jumlah_misi", "jumlah_program")
    ]
    calls.append(("jumlah_indikator(tahun_kinerja)", lambda: report.jumlah_indikator(report.settings.tahun_kinerja)))
    for program in report.data["program"]:
        code = program.kode_program
        for name in ("pagu", "realisasi_anggaran", "serapan"):
            calls.append((f'{name}("{code}")', lambda name=name, code=code: getattr(report, name)(code)))
    for year in report.tahun_anggaran():
        for name in ("pagu", "realisasi_anggaran", "serapan"):
            calls.append((f"{name}(tahun={year})", lambda name=name, year=year: getattr(report, name)(tahun=year)))
    for line in _measured(report):
        code = line.indikator.kode_indikator
        calls.append((f'capaian("{code}")', lambda code=code: report.capaian(code)))
    found: dict[str, str] = {}
    for call, function in calls:
        try:
            value = str(function())
        except (LookupError, ValueError, ArithmeticError):
            continue  # not in this report's data: nothing to compare with
        key = _normalise(value)
        if key and key not in found:
            found[key] = call
    return found


def _measured(report: Report):
    try:
        return report.capaian_lines(report.settings.tahun_kinerja)
    except LookupError:
        return ()


def _normalise(value: str) -> str | None:
    """`Rp 2.392.837.500` -> `2.392.837.500`; `95,35%` -> `95,35`; `9 (sembilan)` stays."""
    value = value.replace("Rp.", "").replace("Rp", "").strip()
    if _COUNT.fullmatch(value):
        return value
    value = value.removesuffix("%").strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", value) and ("." in value or "," in value):
        return value
    return None


def typed_figures(lines: dict, known: dict[str, str]) -> list[Finding]:
    findings = []
    for chapter, numbered in lines.items():
        for number, text in numbered:
            written = [m.group(0) for pattern in (_AMOUNT, _PERCENT, _COUNT) for m in pattern.finditer(text)]
            for value in dict.fromkeys(written):
                call = known.get(value)
                if call:
                    message = (
                        f"angka yang diketik sama dengan angka dari data; tulis {{{{ {call} }}}} agar selalu dihitung"
                    )
                    findings.append(Finding(ERROR, chapter, message, number, value=value, folder="docs"))
    return findings


# --- cross-references -------------------------------------------------------------------------


def references(lines: dict, site_dir: Path) -> list[Finding]:
    """A "Tabel 3.2" / "Gambar 3.4" in the prose that the built report does not have."""
    captions = set()
    for page in site_dir.rglob("index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for caption in soup.select("caption, figcaption"):
            found = _REFERENCE.match(" ".join(caption.get_text(" ").split()))
            if found:
                captions.add(found.group(0))
    findings = []
    for chapter, numbered in lines.items():
        for number, text in numbered:
            for found in _REFERENCE.finditer(text):
                if found.group(0) not in captions:
                    message = f"rujukan ke {found.group(0)}, yang tidak ada di laporan; periksa nomornya"
                    findings.append(Finding(ERROR, chapter, message, number, value=found.group(0), folder="docs"))
    return findings


# --- spelling ---------------------------------------------------------------------------------


def spelling(lines: dict, project: Path) -> list[Finding]:
    """Words hunspell's Indonesian dictionary and the project's word list do not know (warnings)."""
    if shutil.which("hunspell") is None:
        return []  # scripts/system-deps.sh installs it; `make check` says so when it is missing
    words = _own_words(BASE_WORDS) | _own_words(project / WORD_LIST)
    findings = []
    for chapter, numbered in lines.items():
        text = "\n".join(_ITALIC.sub(" ", line) for _, line in numbered)  # italics: foreign terms, by convention
        unknown = [word for word in _unknown(text) if word not in words and word.lower() not in words]
        for word in dict.fromkeys(unknown):
            number = next((n for n, line in numbered if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", line)), None)
            message = f"kata tidak dikenal kamus bahasa Indonesia; perbaiki ejaannya, atau tambahkan ke {WORD_LIST}"
            findings.append(Finding(WARNING, chapter, message, number, value=word, folder="docs"))
    return findings


def _own_words(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def _unknown(text: str) -> list[str]:
    """Words the dictionary does not know, less acronyms and roman numerals (two capitals or
    more: APBD, LKj, III) and words it knows once a particle is taken off (target-nya)."""
    candidates = [
        word
        for word in _hunspell(text)
        if len(word) > 1 and not re.search(r"\d|-$", word) and sum(c.isupper() for c in word) < 2
    ]
    stems = {word: re.sub(r"(nya|lah|kah|pun)$", "", word) for word in candidates}
    known_stems = set(stems.values()) - set(_hunspell("\n".join(set(stems.values()))))
    return [word for word in candidates if stems[word] == word or stems[word] not in known_stems]


def _hunspell(text: str) -> list[str]:
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARY, "-l", "-i", "utf-8"], input=text, capture_output=True, text=True, timeout=60
    )
    return result.stdout.split() if result.returncode == 0 else []


def available() -> bool:
    """hunspell and its Indonesian dictionary are installed."""
    if shutil.which("hunspell") is None:
        return False
    result = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True, timeout=30)
    return DICTIONARY in (result.stdout + result.stderr)

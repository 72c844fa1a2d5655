"""What a reviewer compares between two revisions of a report: a snapshot of one build.

- every published figure: each cell of each numbered table (by table, row and column),
  each inline figure of the prose (by page, macro and occurrence) and each figure of the
  home page's summary;
- the text a reader sees, page by page and paragraph by paragraph (figures stand as the
  macro that makes them, so that a moved figure is reported once, as a figure);
- the data rows, by file and key (the schema's key columns);
- the data warnings.

Taken from the built HTML (`figures_and_text`) and the data folder (`data_rows`,
`warnings`), so that what is compared is what is published.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from csv_diff import compare

from lkj import csvfile, schema
from lkj.findings import WARNING
from lkj.tables import placed
from lkj.validate import validate

FIGURE = "span.lkj-angka"
NOT_PROSE = "table, figure, details, .lkj-asal, .lkj-unduh-tabel, .lkj-ringkasan, .headerlink, nav"
BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "blockquote")


@dataclass
class Snapshot:
    figures: dict[str, str] = field(default_factory=dict)  # "Tabel 3.2 / Jumlah Tahun 2019 / Serapan" -> "95,35"
    text: dict[str, list[str]] = field(default_factory=dict)  # page title -> its paragraphs
    rows: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # file -> key -> row
    warnings: list[str] = field(default_factory=list)


def take(site_dir: Path, data_dir: Path, levels) -> Snapshot:
    snapshot = Snapshot()
    for page in sorted(site_dir.rglob("index.html")):
        figures_and_text(page.read_text(encoding="utf-8"), snapshot)
    snapshot.rows = data_rows(data_dir)
    snapshot.warnings = warnings(data_dir, levels)
    return snapshot


def figures_and_text(page_html: str, snapshot: Snapshot) -> None:
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article")
    if article is None:
        return
    heading = article.find("h1")
    title = " ".join(heading.get_text(" ").replace("¶", "").split()) if heading else "?"
    for table in article.select("table"):
        caption = table.select_one("caption .lkj-tabel__judul") or table.caption
        number = re.match(r"Tabel [\w.]+", caption.get_text(" ").strip()) if caption else None
        if number:
            for (row, column), value in _cells(table).items():
                _put(snapshot.figures, f"{number.group(0)} / {row} / {column}", value)
    for card in article.select(".lkj-ringkasan__kartu"):
        label = _words(card.select_one(".lkj-ringkasan__label"))
        _put(
            snapshot.figures, f"Beranda / Ringkasan Kinerja / {label}", _words(card.select_one(".lkj-ringkasan__angka"))
        )
    counts: dict[str, int] = {}
    for span in article.select(FIGURE):
        macro = span.get("data-makro", "?")
        counts[macro] = counts.get(macro, 0) + 1
        _put(snapshot.figures, f"{title} / {macro}() ke-{counts[macro]}", _words(span))
    for span in article.select(FIGURE):
        span.replace_with(f"[{span.get('data-makro', '?')}()]")
    for skipped in article.select(NOT_PROSE):
        skipped.decompose()
    paragraphs = [_words(block) for block in article.find_all(BLOCKS) if not block.find(BLOCKS)]
    snapshot.text[title] = [p for p in paragraphs if p]


def _cells(table: Tag) -> dict[tuple[str, str], str]:
    """Each body and foot cell by its row's label and its column's header (joined over rows)."""
    head = [tr for tr in table.select("thead tr") if "nomor-kolom" not in (tr.get("class") or [])]
    columns: dict[int, list[str]] = {}
    for cells in _placed(head).values():
        for column, cell in cells:
            for offset in range(int(cell.get("colspan", 1))):
                label = _words(cell)
                if label and label not in columns.setdefault(column + offset, []):
                    columns[column + offset].append(label)
    rows = table.select("tbody tr") + table.select("tfoot tr")
    found: dict[tuple[str, str], str] = {}
    labels: dict[str, int] = {}
    spanning: dict[int, str] = {}
    for r, cells in _placed(rows).items():
        header = next((cell for _, cell in cells if cell.name == "th"), None)
        label = _words(header) if header else spanning.get(r) or _words(cells[0][1]) if cells else ""
        if header and int(header.get("rowspan", 1)) > 1:
            spanning.update((r + down, label) for down in range(1, int(header["rowspan"])))
        labels[label] = labels.get(label, 0) + 1
        if labels[label] > 1:
            label = f"{label} ({labels[label]})"
        for column, cell in cells:
            if cell is header:
                continue
            name = " – ".join(columns.get(column, [])) or f"kolom {column + 1}"
            if name != "No":  # a row's number moves with every row added above it
                found[(label, name)] = _words(cell)
    return found


def _placed(rows: list[Tag]) -> dict[int, list[tuple[int, Tag]]]:
    """The cells of HTML rows at their columns, as `lkj.tables.placed` places a model's."""
    cells = placed(
        rows,
        cells=lambda tr: tr.find_all(["th", "td"], recursive=False),
        spans=lambda cell: (int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))),
    )
    return dict(enumerate(cells))


def _words(element) -> str:
    return " ".join(element.get_text(" ").split()) if element is not None else ""


def _put(figures: dict[str, str], key: str, value: str) -> None:
    n, unique = 1, key
    while unique in figures:
        n += 1
        unique = f"{key} ({n})"
    figures[unique] = value


def data_rows(data_dir: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Each data file's rows as text, keyed by the schema's key columns (`2019 · K01.02`)."""
    files = {}
    for table in schema.TABLES:
        path = data_dir / table.file
        if not path.is_file() or path.is_symlink():
            continue
        try:
            _, (header, *lines) = csvfile.records(path.read_bytes())
        except (ValueError, UnicodeDecodeError):
            continue  # unreadable here: the build reports it
        rows = {}
        for line in lines:
            if not any(cell.strip() for cell in line):
                continue
            row = {name.strip(): cell.strip() for name, cell in zip(header, line, strict=False)}
            key = " · ".join(row.get(name, "") or ("Tahun" if name == "periode" else "") for name in table.key)
            rows[key] = row
        files[table.file] = rows
    return files


def warnings(data_dir: Path, levels) -> list[str]:
    _, findings = validate(data_dir, levels)
    return [finding.line() for finding in findings if finding.level == WARNING]


def rows_changed(before: dict, after: dict) -> list[str]:
    """The data rows added, removed or changed between two `data_rows`, file by file, by key (csv-diff)."""
    lines = []
    for file in sorted(set(before) | set(after)):
        old, new = before.get(file, {}), after.get(file, {})
        if file not in before:
            lines.append(f"- `data/{file}`: berkas baru, {len(new)} baris")
            continue
        if file not in after:
            lines.append(f"- `data/{file}`: berkas dihapus ({len(old)} baris)")
            continue
        found = compare(old, new)
        for row in found["added"]:
            lines.append(f"- `data/{file}`: baris baru **{_key(row, new)}**: {_describe(row)}")
        for row in found["removed"]:
            lines.append(f"- `data/{file}`: baris dihapus **{_key(row, old)}**: {_describe(row)}")
        for change in found["changed"]:
            moves = "; ".join(
                f"{column} {old_value or '(kosong)'} → {new_value or '(kosong)'}"
                for column, (old_value, new_value) in change["changes"].items()
            )
            lines.append(f"- `data/{file}`: **{change['key']}**: {moves}")
        for column in found["columns_added"]:
            lines.append(f"- `data/{file}`: kolom baru {column}")
        for column in found["columns_removed"]:
            lines.append(f"- `data/{file}`: kolom dihapus {column}")
    return lines


def _key(row: dict, rows: dict) -> str:
    return next((key for key, value in rows.items() if value == row), "?")


def _describe(row: dict) -> str:
    return ", ".join(f"{column} {value}" for column, value in row.items() if value)

"""Reading HTML as a reader sees it: text with entities decoded, inside the element asked for."""

from bs4 import BeautifulSoup


def parse(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def text(html) -> str:
    """The text a reader sees, on one line."""
    return " ".join(parse(html).get_text(" ").split())


def cells(html) -> list[str]:
    """The text of every header and data cell, in order."""
    return [" ".join(cell.get_text(" ").split()) for cell in parse(html).find_all(["th", "td"])]


def section(html, selector: str) -> str:
    """The HTML of the first element matching `selector` (a table's tfoot, a page's article)."""
    found = parse(html).select_one(selector)
    assert found is not None, f"{selector} tidak ada"
    return str(found)


def table_titles(page) -> list[str]:
    """The titles of the report's numbered tables on a page ("Tabel 3.1 …"), without the lines
    under a title and without the unnumbered tables (a chart's data, the open data files)."""
    titles = [title.get_text() for title in page.select("caption .lkj-tabel__judul")]
    return [title for title in titles if title.startswith("Tabel ")]

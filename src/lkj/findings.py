"""What validation finds in data/ (and the chapter checks in docs/): one finding per problem, in
Indonesian, for people.

Each finding names the file, the row (line number as in a text editor or Excel, the
header being line 1), the column, the value found and what is expected. Errors stop the
build; warnings never do but are always shown.

A finding quotes data, and data is not trusted: control characters in it are shown as
`\\u0000`-style escapes, so a cell can never start a new line of output (where a CI
runner would read it as a command), and GitHub annotations are escaped field by field.
"""

import re
from dataclasses import dataclass

ERROR = "galat"
WARNING = "peringatan"

_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


SHOWN = 120  # characters of a value a message quotes; a longer one is cut, its length said


def printable(value: str) -> str:
    """`value` on one line, control characters written as `\\n`, `\\x00`, `\\u202e`; a value of
    more than SHOWN characters cut there (a 5.000-character cell makes no 5.000-character line)."""
    text = str(value)
    cut = f"… ({len(text)} karakter)" if len(text) > SHOWN else ""
    return _INVISIBLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text[:SHOWN]) + cut


@dataclass(frozen=True)
class Finding:
    level: str  # ERROR or WARNING
    file: str  # file name inside data/ ("" for the folder itself)
    message: str  # what is wrong and what is expected
    row: int | None = None
    column: str | None = None
    value: str | None = None
    folder: str = "data"  # "docs" for a finding in a chapter

    @property
    def where(self) -> str:
        where = f"{self.folder}/{printable(self.file)}"
        if self.row is not None:
            where += f", baris {self.row}"
        if self.column is not None:
            where += f", kolom '{printable(self.column)}'"
        return where

    def line(self) -> str:
        """`GALAT data/kegiatan.csv, baris 13, kolom 'kode_program': nilai 'P99': <message>`"""
        value = f"nilai '{printable(self.value)}': " if self.value is not None else ""
        return f"{self.level.upper()} {self.where}: {value}{printable(self.message)}"

    def github_annotation(self) -> str:
        """The same finding as a GitHub Actions annotation, shown on the pull request's diff."""
        kind = "error" if self.level == ERROR else "warning"
        place = f"file={_property(f'{self.folder}/{self.file}')}" + (
            f",line={self.row}" if self.row is not None else ""
        )
        title = "Data LKj" if self.folder == "data" else "Bab LKj"
        return f"::{kind} {place},title={_property(title)}::{_data(self.line().split(' ', 1)[1])}"


def _data(text: str) -> str:
    """Escape the message of a workflow command (as GitHub's own toolkit does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property of a workflow command (`file=`, `title=`): also `:` and `,`."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == ERROR]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == WARNING]


class DataError(Exception):
    """Data that cannot be used as it is. The message lists every error found."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        first = findings[0]
        self.file, self.row, self.column = first.file, first.row, first.column
        count = f"{len(findings)} galat pada data" if len(findings) > 1 else "galat pada data"
        lines = "\n".join(f"  {f.line()}" for f in findings)
        super().__init__(f"{count} (perbaiki berkas di data/, lihat data/README.md):\n{lines}")

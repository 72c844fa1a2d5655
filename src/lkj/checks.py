"""The pandera schemas of each data file, made from its declaration in `schema.py`: one on
the text as read (columns, empty cells, number formats, allowed words, unique keys) and one
on the typed values (ranges, codes that must exist in another file). Used by `validate.py`.
"""

import re

import pandas as pd
import pandera.pandas as pa

from .csvfile import Dialect
from .rows import BELUM_TERSEDIA
from .schema import (
    CHOICE,
    CODE,
    FISIK_MAX,
    MAX_DIGITS,
    NUMBERS,
    OPTIONAL_CHOICE,
    OPTIONAL_CODE,
    OPTIONAL_DECIMAL,
    OPTIONAL_PERCENT,
    PERIOD,
    REALISASI,
    RUPIAH,
    TARGET,
    YEAR,
    Column,
    NumberFormat,
    Table,
    is_number,
    number_format,
    parse_number,
    parse_rupiah,
    rupiah_with_sen,
)


def text_schema(table: Table, dialect: Dialect) -> pa.DataFrameSchema:
    """Checks on the cells as text: presence, formats, allowed words, unique keys."""
    fmt = number_format(dialect)
    # no dtype check: every cell read from a CSV file is text already
    columns = {c.name: pa.Column(None, nullable=c.optional, checks=_text_checks(c, fmt)) for c in table.columns}
    return pa.DataFrameSchema(columns, unique=list(table.key), report_duplicates="exclude_first")


def _check(test, error: str) -> pa.Check:
    return pa.Check(test, element_wise=True, error=error)


def _text_checks(column: Column, fmt: NumberFormat) -> list[pa.Check]:
    kind = column.kind
    if kind in (CODE, OPTIONAL_CODE):
        return [
            _check(
                lambda v: re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", v) is not None,
                "harus kode tanpa spasi (huruf, angka, titik, -)",
            )
        ]
    if kind == YEAR:
        return [
            _check(lambda v: re.fullmatch(r"(19|20)[0-9][0-9]", v) is not None, "harus tahun empat angka, mis. 2019")
        ]
    if kind in (CHOICE, OPTIONAL_CHOICE, PERIOD):
        return [_check(lambda v: v in column.choices, f"harus salah satu dari: {', '.join(column.choices)}")]
    if kind not in NUMBERS:
        return []
    checks = [
        _check(
            lambda v: len(re.findall("[0-9]", v)) <= MAX_DIGITS,
            f"angka terlalu panjang (lebih dari {MAX_DIGITS} digit); periksa jumlah digitnya",
        )
    ]
    if kind == RUPIAH:
        return [
            *checks,
            _check(lambda v: not v.lstrip().startswith("-"), "tidak boleh negatif"),
            _check(lambda v: not rupiah_with_sen(v), "Rupiah harus bulat, tanpa sen"),
            _check(
                lambda v: parse_rupiah(v) is not None,
                "harus jumlah Rupiah, ditulis seperti 2392837500 atau Rp 2.392.837.500",
            ),
        ]
    if fmt.ambiguous:
        checks.append(
            _check(
                lambda v: re.fullmatch(fmt.ambiguous, v) is None,
                "ambigu: titik di sini bisa berarti pemisah ribuan atau desimal; di berkas berpemisah koma "
                "tulis ribuan tanpa titik (1234), desimal dengan titik dan angka nol di belakang (1.2340)",
            )
        )
    number = _check(lambda v: re.fullmatch(fmt.number, v) is not None, f"harus angka, ditulis seperti {fmt.example}")
    if kind in (OPTIONAL_PERCENT, OPTIONAL_DECIMAL):
        return [*checks, _check(lambda v: not v.startswith("-"), "tidak boleh negatif"), number]
    # TARGET, REALISASI: a number, or a qualitative level (a word without digits)
    number_or_word = _check(
        lambda v: not is_number(v) or re.fullmatch(fmt.number, v) is not None,
        f"harus angka (seperti {fmt.example}) atau tingkat kualitatif (seperti Baik)",
    )
    return [*checks, number_or_word]


def to_typed(frame: pd.DataFrame, table: Table, dialect: Dialect) -> pd.DataFrame:
    """Text to values: Rupiah as int, measures as Decimal, levels and text as str, empty as None.

    Columns stay of object dtype so that Python's exact int and Decimal are kept.
    """
    typed = frame.copy()
    for column in table.columns:
        typed[column.name] = pd.Series(
            [_value(cell, column, dialect) for cell in frame[column.name]], index=frame.index, dtype=object
        )
    return typed


def _value(cell, column: Column, dialect: Dialect):
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell == "":
        return "Tahun" if column.kind == PERIOD else None
    if column.kind == YEAR:
        return int(cell)
    if column.kind == RUPIAH:
        return parse_rupiah(cell)
    if column.kind in (OPTIONAL_PERCENT, OPTIONAL_DECIMAL):
        return parse_number(cell, dialect)
    if column.kind in (TARGET, REALISASI):
        if column.kind == REALISASI and cell.lower() == BELUM_TERSEDIA:
            return BELUM_TERSEDIA
        return parse_number(cell, dialect) if is_number(cell) else cell
    return cell


def typed_schema(table: Table, known: dict[str, set]) -> pa.DataFrameSchema:
    """Checks on the values: ranges, and codes that must exist in the file they refer to.

    `known` maps "file.csv:column" to the codes of that column (files that loaded).
    """
    columns = {}
    for column in table.columns:
        checks = []
        if column.kind == OPTIONAL_PERCENT:
            checks.append(pa.Check.in_range(0, FISIK_MAX, error=f"harus persen antara 0 dan {FISIK_MAX}"))
        if column.refers_to in known:
            checks.append(
                pa.Check.isin(
                    known[column.refers_to],
                    error=f"kode tidak ada di data/{column.target_table}.csv (kolom {column.target_column})",
                )
            )
        if checks:
            columns[column.name] = pa.Column(nullable=column.optional, checks=checks)
    return pa.DataFrameSchema(columns)

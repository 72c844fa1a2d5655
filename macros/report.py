"""The report's content as the chapters ask for it: looks things up, computes, renders.

`Report` is built once per build from the loaded data and the settings. Its public
methods are the macros (registered in `__init__.py`); the tables live in `tables.py`,
the inline figures here.
"""

import re
from decimal import Decimal
from functools import cache

from . import compute, fmt
from .load import ROW, Data
from .settings import Settings


class Report:
    def __init__(self, data: Data, settings: Settings):
        self.data = data
        self.settings = settings
        self._bab: str | None = None
        self._counts = {"Tabel": 0, "Gambar": 0}

    # --- numbering of captions ----------------------------------------------------------

    def start_page(self, bab) -> None:
        """Called before each page is rendered: captions restart at 1 in each chapter."""
        self._bab = None if bab is None else str(bab)
        self._counts = dict.fromkeys(self._counts, 0)

    def caption(self, title: str, kind: str = "Tabel") -> str:
        """`Tabel 3.2 <title>` (or `Gambar 1.1 <title>`): numbered per chapter."""
        if self._bab is None:
            raise ValueError(f"{kind.lower()} bernomor hanya boleh di halaman yang punya 'bab:' di front matter")
        self._counts[kind] += 1
        return f"{kind} {self._bab}.{self._counts[kind]} {title}"

    def judul_gambar(self, title: str) -> str:
        """Caption of a figure, numbered per chapter: `Gambar 1.1 <title>`."""
        return self.caption(title, "Gambar")

    # --- lookups --------------------------------------------------------------------------

    def program_name(self, kode: str) -> str:
        programs = self.data["program"]
        match = programs[programs["kode_program"] == kode]
        if match.empty:
            raise LookupError(f"program '{kode}' tidak ada di data/program.csv (kolom kode_program)")
        return match.iloc[0]["nama_program"]

    def anggaran(self, tahun: int, program: str | None = None) -> compute.Anggaran:
        """Budget of a year (from its kegiatan, or its published summary), or of one program."""
        tahun = year(tahun)
        if tahun not in set(self.data["realisasi_anggaran"]["tahun"]):
            if program is not None:
                raise LookupError(
                    f"anggaran tahun {tahun} tidak dirinci per program di data/realisasi_anggaran.csv; "
                    "tambahkan kegiatannya atau hapus argumen program"
                )
            if tahun not in set(self.data["ringkasan_anggaran"]["tahun"]):
                raise LookupError(
                    f"tidak ada anggaran tahun {tahun} di data/realisasi_anggaran.csv maupun "
                    "data/ringkasan_anggaran.csv; tambahkan datanya atau ubah tahun pada makro"
                )
            return compute.ringkasan_tahun(self.data["ringkasan_anggaran"], tahun)
        whole = self._anggaran_tahun(tahun)
        if program is None:
            return whole
        for item in whole.program:
            if item.kode == program:
                return item
        raise LookupError(
            f"program '{program}' tidak punya kegiatan tahun {tahun} di data/realisasi_anggaran.csv; "
            "periksa kode program (data/program.csv)"
        )

    @cache  # noqa: B019 - a Report lives for one build; its data never changes
    def _anggaran_tahun(self, tahun: int) -> compute.AnggaranTahun:
        return compute.anggaran_tahun(
            self.data["realisasi_anggaran"], self.data["kegiatan"], self.data["program"], tahun
        )

    @cache  # noqa: B019
    def targets(self, tahun: int, dokumen: str):
        """Target rows of one document and year, joined to their indikator and sasaran."""
        frame = self.data["target_kinerja"]
        tahun = year(tahun)
        if dokumen not in set(frame["dokumen"]) | {"RK", "PK"}:
            raise ValueError(f'dokumen harus "RK" atau "PK", bukan \'{dokumen}\'')
        rows = frame[(frame["tahun"] == tahun) & (frame["dokumen"] == dokumen)]
        if rows.empty:
            raise LookupError(
                f"tidak ada target {dokumen} tahun {tahun} di data/target_kinerja.csv; "
                "tambahkan targetnya atau ubah tahun pada makro"
            )
        rows = rows.merge(self.data["indikator"].drop(columns=[ROW]), on="kode_indikator")
        sasaran = self.data["sasaran"].drop(columns=[ROW]).rename(columns={"uraian": "uraian_sasaran"})
        rows = rows.merge(sasaran, on="kode_sasaran")
        # grouped by sasaran in the order of sasaran.csv, indikator in file order within each
        order = {kode: i for i, kode in enumerate(sasaran["kode_sasaran"])}
        return rows.sort_values("kode_sasaran", key=lambda codes: codes.map(order), kind="stable")

    @cache  # noqa: B019
    def capaian_rows(self, tahun: int):
        """Each indikator measured in `tahun` with its PK target, realisasi and capaian."""
        targets = self.targets(tahun, "PK")
        frame = self.data["realisasi_kinerja"]
        realisasi = (
            frame[frame["tahun"] == year(tahun)].rename(columns={ROW: "baris_realisasi"}).drop(columns=["tahun"])
        )
        # validation guarantees a realisasi row for every PK target of a measured year
        rows = targets.merge(realisasi, on="kode_indikator")
        return tuple((row, self._capaian_of(row)) for row in rows.to_dict("records"))

    def _capaian_of(self, row: dict) -> compute.Capaian:
        if row["realisasi"] is None:
            return compute.capaian_publikasi(row["capaian_publikasi"])
        return compute.capaian(row["arah"], row["target"], row["realisasi"], self.settings.tingkat_kualitatif)

    # --- inline figures (macros) ------------------------------------------------------------

    def pagu(self, tahun: int, program: str | None = None) -> str:
        """`Rp 2.392.837.500`: pagu of a year or a program (sum of its kegiatan)."""
        return fmt.rupiah(self.anggaran(tahun, program).pagu)

    def realisasi_anggaran(self, tahun: int, program: str | None = None) -> str:
        return fmt.rupiah(self.anggaran(tahun, program).realisasi)

    def serapan(self, tahun: int, program: str | None = None) -> str:
        """`95,35%`: realisasi / pagu of a year or a program."""
        return fmt.persen(self.anggaran(tahun, program).serapan) + "%"

    def fisik(self, tahun: int, program: str | None = None) -> str:
        return fmt.persen(self.anggaran(tahun, program).fisik) + "%"

    def pagu_pk(self, tahun: int) -> str:
        """Total budget of the Perjanjian Kinerja of `tahun`: the sum of its programs."""
        return fmt.rupiah(sum(self.pk_budget(tahun)["pagu"]))

    def pk_budget(self, tahun: int):
        frame = self.data["anggaran_pk"]
        rows = frame[frame["tahun"] == year(tahun)]
        if rows.empty:
            raise LookupError(
                f"tidak ada anggaran PK tahun {tahun} di data/anggaran_pk.csv; "
                "tambahkan datanya atau ubah tahun pada makro"
            )
        return rows

    def capaian(self, indikator: str, tahun: int) -> str:
        """`142,00%`, or `tercapai` / `tidak tercapai` for a qualitative indikator."""
        for row, result in self.capaian_rows(tahun):
            if row["kode_indikator"] == indikator:
                return _capaian_text(result)
        raise LookupError(
            f"indikator '{indikator}' tidak punya target PK dan realisasi tahun {tahun} "
            "(data/target_kinerja.csv, data/realisasi_kinerja.csv); periksa kode dan tahunnya"
        )

    def jumlah_indikator(self, tahun: int, dokumen: str = "PK") -> str:
        """`6 (enam)`: the number of indikator in a document of a year."""
        return fmt.bilangan(len(self.targets(tahun, dokumen)))

    def jumlah_sasaran(self, tahun: int, dokumen: str = "PK") -> str:
        return fmt.bilangan(self.targets(tahun, dokumen)["kode_sasaran"].nunique())

    def jumlah_tujuan(self, tahun: int, dokumen: str = "PK") -> str:
        tujuan = self.targets(tahun, dokumen)["tujuan"]
        return fmt.bilangan(tujuan[tujuan.notna()].nunique())

    def jumlah_misi(self) -> str:
        return fmt.bilangan(len(self.data["misi"]))

    def jumlah_program(self) -> str:
        return fmt.bilangan(len(self.data["program"]))

    def jumlah_tercapai(self, tahun: int) -> str:
        """`9 dari 9`: indikator of `tahun` that met their target."""
        results = [result for _, result in self.capaian_rows(tahun)]
        met = sum(1 for result in results if result.tercapai)
        return f"{fmt.bilangan(met)} dari {fmt.bilangan(len(results))}"

    def visi(self) -> str:
        return self.settings.visi

    def misi(self, kode: str) -> str:
        frame = self.data["misi"]
        match = frame[frame["kode_misi"] == str(kode)]
        if match.empty:
            known = ", ".join(frame["kode_misi"])
            raise LookupError(f"misi '{kode}' tidak ada di data/misi.csv (kode yang ada: {known})")
        return match.iloc[0]["uraian"]


def year(value) -> int:
    """A year as a macro argument: 2019 or "2019"; anything else is a clear error."""
    if isinstance(value, bool) or not re.fullmatch(r"[0-9]{4}", str(value).strip()):
        raise ValueError(f"tahun harus empat angka, mis. 2019, bukan '{value}'")
    return int(str(value).strip())


def _capaian_text(result: compute.Capaian) -> str:
    if result.persen is not None:
        return fmt.persen(result.persen) + "%"
    if result.tercapai is None:
        return fmt.DASH
    return "tercapai" if result.tercapai else "tidak tercapai"


def satuan_text(value, satuan: str) -> str:
    """A target or realisasi with its unit: `80%`, `300 orang`, `Baik`."""
    if value is None:
        return fmt.DASH
    if not isinstance(value, Decimal):
        return str(value)
    number = fmt.angka_data(value)
    return f"{number}%" if satuan == "%" else f"{number} {satuan}"

"""The Perjanjian Kinerja as the agreement it is (PermenPANRB 53/2014, its format): the two
parties (pihak pertama: the head of office; pihak kedua: the head of the region), the statement
of commitment, and both signature blocks with place and date. Its targets and budget follow it
as tables (`tabel_target("PK")`, `tabel_anggaran_program()`). Names come from the settings and
are never invented: a missing one leaves a line to sign on.
"""

from dataclasses import dataclass

from .report import Report
from .tables import Signature

BLANK = "…………………"
OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
COMMITMENTS = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi.",
)


@dataclass(frozen=True)
class Party:
    nama: str
    jabatan: str
    role: str  # "selanjutnya disebut pihak pertama"


@dataclass(frozen=True)
class Perjanjian:
    title: str  # "PERJANJIAN KINERJA TAHUN 2020"
    office: str  # "DINAS PENDIDIKAN KOTA CONTOH"
    opening: str
    parties: tuple[Party, Party]
    commitments: tuple[str, ...]
    place_and_date: str
    signatures: tuple[Signature, Signature]  # pihak kedua (left), pihak pertama (right), as signed


def perjanjian_kinerja(report: Report, tahun=None) -> Perjanjian:
    """The agreement of the report's year (or of `tahun`)."""
    settings = report.settings
    tahun = report.tahun_rencana(tahun)
    report.targets_or_fail(tahun, "PK")  # an agreement without targets is an error in the chapter
    signer, agreement = settings.penandatangan, settings.perjanjian_kinerja
    jabatan = " ".join(signer.jabatan)
    first = Party(signer.nama or BLANK, jabatan, "selanjutnya disebut pihak pertama.")
    second = Party(
        agreement.nama_pihak_kedua or BLANK,
        agreement.jabatan_pihak_kedua,
        "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
    )
    place_and_date = f"{agreement.tempat or BLANK}, {agreement.tanggal or BLANK}"
    signatures = (
        Signature("", ("Pihak Kedua,", agreement.jabatan_pihak_kedua), agreement.nama_pihak_kedua, ""),
        Signature("", ("Pihak Pertama,", *signer.jabatan), signer.nama, signer.nip),
    )
    return Perjanjian(
        f"PERJANJIAN KINERJA TAHUN {tahun}",
        settings.penyusun.upper(),
        OPENING,
        (first, second),
        COMMITMENTS,
        place_and_date,
        signatures,
    )

"""The electronic signature (tanda tangan elektronik) of the submission PDF, as PAdES.

Given a PKCS#12 certificate and its password in the environment (`LKJ_TTE_P12`, a path
inside or outside the project, and `LKJ_TTE_PASSWORD`; never in the repository), the built
PDF is signed with pyHanko: an incremental update, so the PDF/A-3 document and its attached
data stay as they are, with a visible signature field over the signing space of the last
signature block (its position is WeasyPrint's named destination `lkj-ttd-ruang-<n>`,
set by document.py) and the signing time. Without them the PDF is left unsigned. Each
failure ends in one Indonesian line.
"""

import os
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from mkdocs.exceptions import PluginError

CERTIFICATE, PASSWORD = "LKJ_TTE_P12", "LKJ_TTE_PASSWORD"
FIELD = "TandaTanganElektronik"
SPACE = "lkj-ttd-ruang-"  # the id prefix of a signature block's signing space (document.py)
BOX = (241.0, 60.0)  # the field's width (85 mm, the block's width) and height, in points
FONT = Path(__file__).parent / "fonts" / "DejaVuSerif.ttf"  # embedded: PDF/A wants every font in


@dataclass(frozen=True)
class Signature:
    signer: str  # the certificate's common name
    time: str  # when it was signed, as written in the field


def requested(project_dir: Path) -> tuple[Path, bytes] | None:
    """The certificate and password to sign with, or None to leave the PDF unsigned."""
    path, password = os.environ.get(CERTIFICATE, "").strip(), os.environ.get(PASSWORD)
    if not path:
        return None
    certificate = (project_dir / path).resolve() if not Path(path).is_absolute() else Path(path)
    if not certificate.is_file():
        raise PluginError(f"tanda tangan elektronik: berkas sertifikat {CERTIFICATE}={path} tidak ditemukan")
    if password is None:
        raise PluginError(f"tanda tangan elektronik: {PASSWORD} (kata sandi sertifikat) belum diisi")
    return certificate, password.encode()


def load(certificate: Path, password: bytes):
    """The signer of the certificate, opened with its password: at the start of the build, so that
    a wrong password stops it before anything is rendered."""
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12(str(certificate), passphrase=password)
    except (OSError, ValueError) as error:
        raise PluginError(f"tanda tangan elektronik: sertifikat tidak dapat dibuka ({error})") from None
    if signer is None:
        raise PluginError("tanda tangan elektronik: sertifikat tidak dapat dibuka; periksa kata sandinya")
    return signer


def sign(pdf: bytes, signer) -> tuple[bytes, Signature]:
    """`pdf` signed (PAdES B-B, SHA-256) with a visible field; the signed bytes and who signed."""
    from datetime import datetime

    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    name = signer.signing_cert.subject.native.get("common_name", "?")
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    page, left, top = _space(writer)
    width, height = BOX
    box = (int(left), int(top - height), int(left + width), int(top))
    fields.append_signature_field(writer, fields.SigFieldSpec(FIELD, on_page=page, box=box))
    when = datetime.now().astimezone()
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason="Laporan Kinerja Instansi Pemerintah (LKj)",
    )
    style = TextStampStyle(
        stamp_text="Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s",
        timestamp_format="%d-%m-%Y %H:%M %Z",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(_font_at_1000_units()), font_size=8),
        border_width=0,
    )
    output = signers.PdfSigner(metadata, signer=signer, stamp_style=style).sign_pdf(writer)
    return output.getvalue(), Signature(name, when.strftime("%d-%m-%Y %H:%M %Z"))


_FONT_COPY: list[str] = []


def _font_at_1000_units() -> str:
    """The embedded font, rescaled to 1000 units per em: pyHanko (0.38) spaces the letters of a
    font of 2048 units (DejaVu's) as if they were 1000 wide. Made once per process."""
    if not _FONT_COPY:
        import tempfile

        from fontTools.ttLib import TTFont
        from fontTools.ttLib.scaleUpem import scale_upem

        font = TTFont(str(FONT))
        scale_upem(font, 1000)
        path = Path(tempfile.mkdtemp(prefix="lkj-tte-")) / FONT.name
        font.save(str(path))
        _FONT_COPY.append(str(path))
    return _FONT_COPY[0]


def _space(writer) -> tuple[int, float, float]:
    """The page (0-based) and top-left corner of the last signature block's signing space."""
    destinations = {}
    names = writer.root.get("/Names")
    stack = [names["/Dests"]] if names is not None and "/Dests" in names else []
    while stack:
        node = stack.pop().get_object()
        stack.extend(node.get("/Kids", []))
        items = node.get("/Names", [])
        for index in range(0, len(items), 2):
            destinations[str(items[index])] = items.raw_get(index + 1)
    spaces = sorted((key for key in destinations if key.startswith(SPACE)), key=lambda key: int(key[len(SPACE) :]))
    if not spaces:
        raise PluginError("tanda tangan elektronik: blok tanda tangan ({{ tanda_tangan() }}) tidak ada di PDF")
    target = destinations[spaces[-1]].get_object()
    if hasattr(target, "keys"):
        target = target["/D"]
    page, left, top = target.raw_get(0), float(target[2]), float(target[3])
    return _pages(writer.root.raw_get("/Pages")).index(page.idnum), left, top


def _pages(reference) -> list[int]:
    """The object numbers of the pages, in order."""
    node = reference.get_object()
    if node.get("/Type") != "/Pages":
        return [reference.idnum]
    kids = node["/Kids"]
    return [number for index in range(len(kids)) for number in _pages(kids.raw_get(index))]

"""The electronic signature (PAdES) of the submission PDF, with a throwaway certificate made
here: the signed PDF verifies with pyHanko against that certificate, is still PDF/A-3 with its
data attached, and the website says who signed it and gives the signed file's SHA-256. The bytes
before the signature are those of the real report's own build (conftest.py)."""

import datetime
import hashlib

import pytest
from pypdf import PdfReader

from lkj_site.builder import run
from tests.sites import PROJECT_ROOT, copy_project

pytestmark = pytest.mark.lambat  # builds the report with its PDF

SIGNER = "Drs. H. Contoh Penandatangan, M.Si."


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tte")
    p12 = folder / "tte.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"tte", key, cert, None, serialization.BestAvailableEncryption(b"rahasia")
        )
    )
    return p12, cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="module")
def signed(certificate, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("bertanda") / "lkj")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LKJ_TTE_P12", str(certificate[0]))
        patch.setenv("LKJ_TTE_PASSWORD", "rahasia")
        assert run.build(project, project / "site", pdf=True) is None
    return project / "site"


def test_signing_only_appends_to_the_pdf_as_built(signed, pdf_path):
    """The signed PDF is the real report's PDF (rendered, or taken from the cache, as a second
    `make build` does) followed by the signature: an incremental update, the document untouched."""
    (pdf,) = (signed / "pdf").glob("*.pdf")
    unsigned, signed_bytes = pdf_path.read_bytes(), pdf.read_bytes()
    assert len(signed_bytes) > len(unsigned) and signed_bytes.startswith(unsigned)


def test_the_signature_verifies_with_the_certificate_it_was_given(signed, certificate):
    from asn1crypto import x509 as asn1
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    (pdf,) = (signed / "pdf").glob("*.pdf")
    with pdf.open("rb") as file:
        (signature,) = PdfFileReader(file).embedded_signatures
        status = validate_pdf_signature(
            signature, ValidationContext(trust_roots=[asn1.Certificate.load(certificate[1])])
        )
        assert status.intact and status.valid and status.trusted
        assert status.signing_cert.subject.native["common_name"] == SIGNER
        assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
        assert status.signer_reported_dt is not None  # the signing time


def test_the_field_is_on_the_closing_signature_block(signed):
    (pdf,) = (signed / "pdf").glob("*.pdf")
    reader = PdfReader(pdf)
    pages = [
        n
        for n, page in enumerate(reader.pages)
        for a in page.get("/Annots") or []
        if a.get_object().get("/FT") == "/Sig"
    ]
    (page,) = pages
    text = reader.pages[page].extract_text()
    assert "BAB IV" in text and "NIP. 19780426 199612 1 001" in text


def test_still_pdf_a_3_with_its_data_attached(signed):
    (pdf,) = (signed / "pdf").glob("*.pdf")
    reader = PdfReader(pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert sorted(reader.attachments) == sorted(p.name for p in (PROJECT_ROOT / "data").glob("*.csv"))


def test_the_website_says_who_signed_and_hashes_the_signed_file(signed):
    (pdf,) = (signed / "pdf").glob("*.pdf")
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert (signed / "pdf" / f"{pdf.name}.sha256").read_text().split()[0] == digest
    home = (signed / "index.html").read_text(encoding="utf-8")
    assert "Ditandatangani secara elektronik oleh" in home and digest[:20] in home.replace("<wbr>", "")


@pytest.mark.parametrize(
    "password, says",
    [
        ("salah", "tanda tangan elektronik: sertifikat tidak dapat dibuka"),
        (None, "LKJ_TTE_PASSWORD (kata sandi sertifikat) belum diisi"),
    ],
)
def test_a_wrong_or_missing_password_stops_the_build_in_one_line(certificate, project, monkeypatch, password, says):
    monkeypatch.setenv("LKJ_TTE_P12", str(certificate[0]))
    if password is None:
        monkeypatch.delenv("LKJ_TTE_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("LKJ_TTE_PASSWORD", password)
    reason = run.build(project, project / "site", pdf=True)
    assert reason is not None and says in reason and "\n" not in reason

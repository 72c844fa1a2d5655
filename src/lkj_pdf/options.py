"""WeasyPrint's write options for the submitted PDF: PDF/A-3b, the data files attached, a
stable identifier. Only WeasyPrint is imported here: `make bench` gives WeasyPrint alone the
very same options (its floor)."""

import hashlib
from datetime import datetime

from weasyprint import Attachment

PDF_VARIANT = "pdf/a-3a"  # "a": accessible, the PDF tagged (headings, lists, tables, reading order)


def write_options(title: str, attachments: tuple[tuple[str, bytes], ...], source_date: datetime) -> dict:
    """`attachments`: (file name, bytes) of the data as validated; `source_date`: fixed per commit."""
    return {
        "pdf_variant": PDF_VARIANT,
        "attachments": [
            Attachment(
                string=content,
                name=name,
                description=f"Data sumber laporan: data/{name}",
                created=source_date,
                modified=source_date,
                relationship="Source",
            )
            for name, content in attachments
        ],
        "pdf_identifier": hashlib.sha256(title.encode()).hexdigest()[:32].encode(),
    }

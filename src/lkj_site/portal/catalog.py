"""`catalog.jsonld`: the regency's open data as a DCAT catalog, for open-data portals to harvest.

CKAN (Satu Data Indonesia runs it; its ckanext-dcat harvests RDF) and the European data portals
read DCAT. Following DCAT-AP's mandatory properties: the catalog has a title, a description, a
publisher and its datasets; each report is one dataset with a title, a description, its
publisher (the office), its temporal coverage (the period measured), keywords and one
distribution per published file (every CSV and `datapackage.json` of its Data Terbuka page,
`hasil.json`, and the PDF), each with its access and download URLs, media type, size, checksum
and licence, taken from the report's own `datapackage.json` and `hasil.json`.

IRIs are relative to the catalog (`<kantor>/<tahun>/data/target.csv`) unless `portal.yml` says
where the portal is published (`alamat`): JSON-LD readers resolve them against the catalog's URL.
"""

import json
from decimal import Decimal

from lkj.datapackage import LICENCES

from .results import Result
from .workspace import Portal

FILE = "catalog.jsonld"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
INDONESIAN = {"@id": "http://publications.europa.eu/resource/authority/language/IND"}
MEDIA = {".csv": "text/csv", ".json": "application/json", ".pdf": "application/pdf"}
PERIODS = {  # the months a period covers
    "Tahun": (1, 12),
    "Semester I": (1, 6),
    "Semester II": (7, 12),
    "Triwulan I": (1, 3),
    "Triwulan II": (4, 6),
    "Triwulan III": (7, 9),
    "Triwulan IV": (10, 12),
}
LAST_DAY = {3: 31, 6: 30, 9: 30, 12: 31}


def catalog(portal: Portal, results: list[Result], datapackages: dict[str, dict]) -> dict:
    """The catalog of every published report (`datapackages`: each report's datapackage.json by key)."""
    base = portal.alamat.rstrip("/") + "/" if portal.alamat else ""
    return {
        "@context": CONTEXT,
        "@id": f"{base}{FILE}",
        "@type": "dcat:Catalog",
        "dct:title": _text(portal.judul),
        "dct:description": _text(
            f"Data terbuka laporan kinerja (LKj) setiap perangkat daerah {portal.daerah}: data dasar (CSV), "
            "hasil yang dihitung (JSON) dan dokumen PDF setiap laporan."
        ),
        "dct:publisher": {"@id": f"{base}#penerbit", "@type": "foaf:Agent", "foaf:name": portal.daerah},
        "dct:language": INDONESIAN,
        "dct:license": {"@id": _licence(portal.lisensi)},
        "foaf:homepage": {"@id": base or "./"},
        "dcat:dataset": [
            _dataset(base, result, datapackages.get(result.entry.key) or {}) for result in results if result.hasil
        ],
    }


def to_json(content: dict) -> bytes:
    return (json.dumps(content, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _text(value: str) -> dict:
    return {"@value": value, "@language": "id"}


def _licence(name: str) -> str:
    return (LICENCES.get(name) or (name, None))[1] or name


def _dataset(base: str, result: Result, package: dict) -> dict:
    laporan = result.hasil["laporan"]
    url = f"{base}{result.url}"
    first, last = PERIODS.get(laporan["periode"], (1, 12))
    year = int(laporan["tahun_kinerja"])
    licences = package.get("licenses") or [{}]
    licence = licences[0].get("path") or licences[0].get("name")
    distributions = [
        _distribution(f"{url}data/{resource['path']}", resource.get("title") or resource["path"],
                      resource.get("description"), resource.get("bytes"), resource.get("hash"), licence)
        for resource in package.get("resources", [])
    ]  # fmt: skip
    distributions.append(
        _distribution(f"{url}data/datapackage.json", "Deskripsi paket data (Frictionless Data Package)", None,
                      None, None, licence)
    )  # fmt: skip
    if result.pdf:
        pdf = result.hasil["pdf"]
        digest = pdf.get("sha256")
        distributions.append(
            _distribution(f"{base}{result.pdf}", laporan["judul"], "Dokumen laporan untuk diserahkan (PDF).",
                          None, f"sha256:{digest}" if digest and len(digest) == 64 else None, licence)
        )  # fmt: skip
    keywords = sorted({"LKj", "laporan kinerja", "SAKIP", laporan["instansi"], laporan["daerah"]})
    return {
        "@id": f"{url}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": laporan["slug"],
        "dct:title": _text(laporan["judul"]),
        "dct:description": _text(
            f"Laporan Kinerja {laporan['instansi']} {laporan['daerah']} Tahun {laporan['tahun']}: capaian "
            f"indikator kinerja dan realisasi anggaran {laporan['periode']} {year}."
        ),
        "dct:publisher": {"@id": f"{url}#penerbit", "@type": "foaf:Agent", "foaf:name": laporan["instansi"]},
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": f"{year}-{first:02d}-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{year}-{last:02d}-{LAST_DAY[last]}", "@type": "xsd:date"},
        },
        "dct:language": INDONESIAN,
        "dcat:keyword": [_text(word) for word in keywords],
        "dcat:landingPage": {"@id": url},
        "dcat:distribution": distributions,
    }


def _distribution(url, title, description, size, digest, licence) -> dict:
    suffix = "." + url.rsplit(".", 1)[-1].lower()
    found = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _text(title),
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{MEDIA.get(suffix, 'text/plain')}"},
    }
    if description:
        found["dct:description"] = _text(description)
    if licence:
        found["dct:license"] = {"@id": _licence(licence)}
    if size is not None:
        found["dcat:byteSize"] = {"@value": str(Decimal(size)), "@type": "xsd:nonNegativeInteger"}
    if digest and digest.startswith("sha256:"):
        found["spdx:checksum"] = {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": digest.removeprefix("sha256:"), "@type": "xsd:hexBinary"},
        }
    return found

"""The open data: the files of data/ published beside the site, exactly as validated.

Only the files the schema knows are published, and only the bytes that were read and
validated for this build (`Data.raw`): a stray file in data/, or a file changed or
replaced by a link after validation, never reaches the site.
"""

from pathlib import Path

from lkj import datapackage
from lkj.data import Data
from lkj.settings import Settings

DESCRIPTOR = "datapackage.json"  # the files described as a Frictionless Data Package


def publish(target: Path, data: Data, settings: Settings) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, content in data.raw.items():
        (target / name).write_bytes(content)
    (target / DESCRIPTOR).write_bytes(datapackage.to_json(data, settings))

"""A report folder's settings as the commands read them, without building: `mkdocs.yml` read once."""

from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from lkj.settings import Settings, SettingsError, read_settings


def project_config(project: Path) -> tuple[dict, Settings]:
    """The project's mkdocs.yml, read once, and its settings (`extra.lkj`)."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml.load(file, Loader=get_yaml_loader()) or {}
    if not isinstance(config, dict):
        raise SettingsError("mkdocs.yml: isinya bukan pengaturan (kunci: nilai)")
    return config, read_settings(config.get("extra"))

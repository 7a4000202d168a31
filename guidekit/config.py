"""guidekit.yml: thresholds and word lists, kept out of the code (like Vale)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from guidekit import yamlsafe

CONFIG_FILE = "guidekit.yml"


class ConfigError(ValueError):
    """guidekit.yml cannot be read; the message names the file and the reason."""


@dataclass
class Config:
    root: Path
    data: dict = field(default_factory=dict)

    def rule(self, rule_id: str, lang: str | None = None) -> dict:
        """Settings of one rule: its `default` block overlaid with the language's block."""
        settings = (self.data.get("rules") or {}).get(rule_id) or {}
        merged = dict(settings.get("default") or {})
        if lang is not None:
            merged.update(settings.get(lang) or {})
        for key, value in settings.items():
            if key not in ("default", "fi", "sv", "en", "selko"):
                merged.setdefault(key, value)
        return merged

    def enabled(self, rule_id: str, lang: str) -> bool:
        return self.rule(rule_id, lang).get("enabled", True) is not False

    def get(self, key: str, default=None):
        return self.data.get(key, default)


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder upwards holding guidekit.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return here


def load_config(root: Path | None = None) -> Config:
    root = find_root(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config(root=root)
    try:
        data = yamlsafe.load_file(path) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: tiedostoa ei voi lukea UTF-8-tekstinä ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: YAML-virhe: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: tiedoston pitää olla YAML-sanakirja")
    return Config(root=root, data=data)

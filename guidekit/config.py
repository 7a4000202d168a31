"""guidekit.yml: thresholds and word lists, kept out of the code (like Vale).

The file is checked against the settings specs when it loads (guidekit/settings.py,
each rule's SETTINGS, SECTIONS below): a misspelt key, a wrong type or a number out of
range is a ConfigError naming guidekit.yml, the line and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from guidekit import yamlsafe
from guidekit.languages import LANGUAGES
from guidekit.settings import COMMON, Setting, check_block, defaults, problem, unknown

CONFIG_FILE = "guidekit.yml"

# The other sections of guidekit.yml. A section added here is checked like a rule's block.
SECTIONS: dict[str, tuple] = {
    "new": (
        Setting("service", "text", "", "uuden ohjeen service-kenttä (guidekit new)"),
        Setting("owner", "text", "", "uuden ohjeen owner-kenttä (guidekit new)"),
    ),
    "images": (
        Setting("publish_max_side", "integer", 1600, "julkaistun kuvan pisin sivu pikseleinä", minimum=16),
        Setting("webp_quality", "integer", 80, "valokuvien WebP-laatu", minimum=1, maximum=100),
        Setting("webp_min_saving", "number", 0.1, "WebP-kopio julkaistaan, jos se on vähintään näin paljon pienempi",
                minimum=0, maximum=1),
    ),
}
# Sections whose keys are languages, each holding one value of the given shape.
PER_LANGUAGE_SECTIONS: dict[str, Setting] = {
    "guide_length": Setting("guide_length", "integer", None, "ohjeen enimmäispituus sanoina", minimum=1),
}
SENTENCE_LISTS = ("abbreviations", "sentence_final")  # sentences: <list>: <lang>: [...]
RULE_BLOCKS = ("default", *LANGUAGES)


class ConfigError(ValueError):
    """guidekit.yml cannot be read; the message names the file and the reason."""


@lru_cache(maxsize=None)
def rule_specs() -> dict[str, tuple]:
    """Rule ID → its full settings spec (the common settings and the rule's own)."""
    from guidekit.rules import all_rules, rule_id  # the rules import this module's users

    return {rule_id(rule): _common(rule) + tuple(getattr(rule, "SETTINGS", ())) for rule in all_rules()}


def _common(rule) -> tuple:
    """COMMON, with the rule's own default severity (SEVERITY, e.g. "info" for AD007)."""
    severity = getattr(rule, "SEVERITY", None)
    if severity is None:
        return COMMON
    return tuple(replace(s, default=severity) if s.name == "severity" else s for s in COMMON)


def rule_defaults(rule_id: str) -> dict:
    return defaults(rule_specs().get(rule_id, COMMON))


@dataclass
class Config:
    root: Path
    data: dict = field(default_factory=dict)

    def rule(self, rule_id: str, lang: str | None = None) -> dict:
        """Settings of one rule: the spec's defaults, the `default` block, then the language's block."""
        settings = (self.data.get("rules") or {}).get(rule_id) or {}
        merged = rule_defaults(rule_id)
        merged.update(settings.get("default") or {})
        merged.update({k: v for k, v in settings.items() if k not in RULE_BLOCKS})
        if lang is not None:
            merged.update(settings.get(lang) or {})
        return merged

    def enabled(self, rule_id: str, lang: str) -> bool:
        return self.rule(rule_id, lang)["enabled"] is not False

    def section(self, name: str) -> dict:
        """A section of SECTIONS with its defaults filled in."""
        return {**defaults(SECTIONS[name]), **(self.data.get(name) or {})}

    def get(self, key: str, default=None):
        return self.data.get(key, default)


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder upwards holding guidekit.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return here


def problems(data: dict) -> list[tuple[tuple, str]]:
    """Every place where guidekit.yml does not fit the specs: (key path, message) pairs."""
    found: list[tuple[tuple, str]] = []
    known = ("rules", *SECTIONS, *PER_LANGUAGE_SECTIONS, "sentences")
    for key, value in data.items():
        if key not in known:
            found.append(((key,), unknown(key, known)))
        elif key == "rules":
            found += _rule_problems(value)
        elif key in SECTIONS:
            found += check_block(value, SECTIONS[key], (key,))
        elif key in PER_LANGUAGE_SECTIONS:
            found += _per_language(value, PER_LANGUAGE_SECTIONS[key], (key,))
        else:  # sentences
            spec = tuple(Setting(name, "mapping", {}, "") for name in SENTENCE_LISTS)
            if not isinstance(value, dict):
                found += check_block(value, spec, (key,))
                continue
            for name, lists in value.items():
                if name not in SENTENCE_LISTS:
                    found.append(((key, name), unknown(name, SENTENCE_LISTS)))
                else:
                    found += _per_language(lists, Setting(name, "list", [], ""), (key, name))
    return found


def _per_language(block, setting: Setting, path: tuple) -> list[tuple[tuple, str]]:
    if block is None:
        return []
    if not isinstance(block, dict):
        return [(path, "pitää olla sanakirja (kieli: arvo)")]
    found = []
    for lang, value in block.items():
        if lang not in LANGUAGES:
            found.append(((*path, lang), unknown(lang, LANGUAGES)))
        elif reason := problem(setting, value):
            found.append(((*path, lang), reason))
    return found


def _rule_problems(rules) -> list[tuple[tuple, str]]:
    if rules is None:
        return []
    if not isinstance(rules, dict):
        return [(("rules",), "pitää olla sanakirja (säännön tunnus: asetukset)")]
    specs = rule_specs()
    found = []
    for rid, block in rules.items():
        path = ("rules", rid)
        spec = specs.get(rid)
        if spec is None:
            found.append((path, unknown(rid, specs, what="sääntö")))
            continue
        if block is None:
            continue
        if not isinstance(block, dict):
            found.append((path, "pitää olla sanakirja (default, kielet tai asetukset)"))
            continue
        by_name = {s.name: s for s in spec}
        for key, value in block.items():
            if key in RULE_BLOCKS:  # default and the languages
                found += check_block(value, spec, (*path, key))
            elif key in by_name:  # a setting right under the rule: the same as under default
                if reason := problem(by_name[key], value):
                    found.append(((*path, key), reason))
            else:
                found.append(((*path, key), unknown(key, [*RULE_BLOCKS, *by_name])))
    return found


def key_line(text: str, path: tuple) -> int | None:
    """The line of the key at path in the YAML text (1-based), as near as the path goes."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            break
        for key_node, value_node in node.value:
            if str(key_node.value) == str(key):
                line, node = key_node.start_mark.line + 1, value_node
                break
        else:
            break
    return line


def validate(path: Path, text: str, data: dict) -> None:
    """Raise one ConfigError listing every problem, each as `file:line: key: reason`."""
    found = problems(data)
    if not found:
        return
    lines = []
    for keys, reason in found:
        line = key_line(text, keys)
        where = f"{path}:{line}" if line else str(path)
        lines.append(f"{where}: {'.'.join(map(str, keys))}: {reason}")
    raise ConfigError("\n".join(lines))


def load_config(root: Path | None = None) -> Config:
    root = find_root(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config(root=root)
    try:
        text = yamlsafe.read_text(path)
        data = yamlsafe.load(text) or {}  # bounded: no alias bombs
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: tiedostoa ei voi lukea UTF-8-tekstinä ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: YAML-virhe: {getattr(error, 'problem', error)}") from None
    except ValueError as error:  # an impossible date, e.g. 2026-02-30
        raise ConfigError(f"{path}: arvoa ei voi lukea ({error})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: tiedoston pitää olla YAML-sanakirja")
    validate(path, text, data)
    return Config(root=root, data=data)

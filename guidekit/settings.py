"""Settings specs: what each rule (and each other section of guidekit.yml) accepts.

A spec is a tuple of Setting. guidekit.yml is checked against the specs when it loads
(guidekit/config.py): an unknown key, a wrong type or a number out of range is one
message naming guidekit.yml, the line and the key, never a traceback deep in a rule.
A setting's default lives here and only here: code reads `settings["name"]`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

# Kinds, with the Finnish word the message and the rules page use for them.
KINDS = {
    "integer": "kokonaisluku",
    "number": "luku",
    "boolean": "true tai false",
    "text": "teksti",
    "choice": "yksi vaihtoehdoista",
    "list": "luettelo tekstejä",
    "mapping": "sanakirja (teksti: teksti)",
}


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str  # one of KINDS
    default: object
    description: str  # Finnish, for the rules page
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple = ()
    optional: bool = False  # `null` (no value) is allowed; the rule then skips that check

    def allowed(self) -> str:
        """The allowed values in words, for the rules page and the messages."""
        if self.kind == "choice":
            return ", ".join(str(c) for c in self.choices)
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum:g}–{self.maximum:g}"
        if self.minimum is not None:
            return f"≥ {self.minimum:g}"
        if self.maximum is not None:
            return f"≤ {self.maximum:g}"
        return ""


# Every rule accepts these besides its own spec.
COMMON = (
    Setting("enabled", "boolean", True, "false ottaa säännön pois käytöstä"),
    Setting("severity", "choice", "error", "löydöksen vakavuus (info: huomautus)", choices=("error", "warning", "info")),
)


def defaults(spec: tuple) -> dict:
    return {s.name: s.default for s in spec}


def problem(setting: Setting, value) -> str | None:
    """Why value does not fit setting (Finnish), or None when it does."""
    if value is None:
        return None if setting.optional else f"arvo puuttuu (pitää olla {KINDS[setting.kind]})"
    kind = setting.kind
    wanted = KINDS[kind]
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return f"arvo {value!r} ei ole {wanted}"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"arvo {value!r} ei ole {wanted}"
    if kind == "boolean" and not isinstance(value, bool):
        return f"arvo {value!r} ei ole {wanted}"
    if kind == "text" and not isinstance(value, str):
        return f"arvo {value!r} ei ole {wanted}"
    if kind == "choice" and value not in setting.choices:
        return f"arvo {value!r} ei käy (sallitut: {setting.allowed()})"
    if kind == "list" and not (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)):
        return f"arvo ei ole {wanted}"
    if kind == "mapping" and not (
        isinstance(value, dict) and all(isinstance(v, (str, int, float)) for v in value.values())
    ):
        return f"arvo ei ole {wanted}"
    if kind in ("integer", "number"):
        if setting.minimum is not None and value < setting.minimum:
            return f"arvo {value} on liian pieni (sallittu {setting.allowed()})"
        if setting.maximum is not None and value > setting.maximum:
            return f"arvo {value} on liian suuri (sallittu {setting.allowed()})"
    return None


def unknown(name: str, known, what: str = "avain") -> str:
    """An unknown key, with the closest known one as a suggestion."""
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1, cutoff=0.6)
    hint = f"; tarkoititko {close[0]}?" if close else f" (sallitut: {', '.join(sorted(map(str, known))) or '–'})"
    return f"tuntematon {what} {name}{hint}"


def check_block(block, spec: tuple, path: tuple) -> list[tuple[tuple, str]]:
    """Problems of one block of settings: (key path, message) pairs."""
    if block is None:
        return []
    if not isinstance(block, dict):
        return [(path, "pitää olla sanakirja (avain: arvo)")]
    by_name = {s.name: s for s in spec}
    problems = []
    for key, value in block.items():
        setting = by_name.get(key)
        if setting is None:
            problems.append(((*path, key), unknown(key, by_name)))
            continue
        reason = problem(setting, value)
        if reason:
            problems.append(((*path, key), reason))
    return problems

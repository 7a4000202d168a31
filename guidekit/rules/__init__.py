"""The rule registry. Each rule is one small module exporting

    NAMES        ("PL101", "sentence-length"): the ID first, then readable aliases
    DESCRIPTION  one line, Finnish
    TAGS         e.g. ("plain-language",) or ("images", "alt-text")
    LANGUAGES    the page languages it applies to
    MESSAGES     {"fi": (message, fix), "en": (message, fix)}: str.format templates
    check(doc, settings, ctx) -> iterable of Report(line, details)

and, for the rules reference page, RATIONALE (Finnish, with its source) and
EXAMPLES {"good": ..., "bad": ...}. Thresholds and word lists come from
guidekit.yml through `settings`, never from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

# Order is the order of the rules reference page.
RULE_MODULES = [
    "gk001_suppression_reason",
    "gk002_unknown_fact",
]


@dataclass(frozen=True)
class Report:
    line: int
    details: dict = field(default_factory=dict)
    severity: str | None = None  # None: the rule's configured severity


def all_rules() -> list:
    return [import_module(f"guidekit.rules.{name}") for name in RULE_MODULES]


def rule_id(rule) -> str:
    return rule.NAMES[0]

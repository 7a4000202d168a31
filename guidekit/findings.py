"""The one way findings are made and written, for every check and every front end."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

ERROR = "error"  # blocks publishing: fails `mkdocs build --strict`, `guidekit lint` exits 1
WARNING = "warning"  # shown, never blocks (e.g. an outdated translation must not block Finnish fixes)
INFO = "info"  # a note, e.g. a new page not yet in the address record


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository, with forward slashes
    line: int
    rule: str  # e.g. "PL101"
    message: str  # what is wrong, offending words quoted
    fix: str  # how the author fixes it
    severity: str = ERROR
    # When `path` is another file than the page that led to the finding (a video's captions):
    # that page, so the preview shows the finding on it. Not part of what the finding is:
    # two pages showing the same captions give one finding.
    page: str | None = field(default=None, compare=False)

    def format(self) -> str:
        return f"[{self.rule}] {self.path}:{self.line}: {self.message} — {self.fix}"


def log_finding(logger, finding: Finding) -> None:
    """How every hook hands a finding to MkDocs: only errors are MkDocs warnings,
    which is what `--strict` counts."""
    if finding.severity == ERROR:
        logger.warning(finding.format())
    else:
        logger.info(finding.format())


def to_json(findings: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)

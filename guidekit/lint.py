"""Run the rules over pages and turn their reports into findings.

Used alike by `guidekit lint` and by the MkDocs hook, so both report the same
findings in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from guidekit.config import Config, load_config
from guidekit.document import Document, DocumentError, read_document
from guidekit.facts import FactsError, load_facts
from guidekit.findings import ERROR, Finding
from guidekit.languages import LANGUAGES, UnknownLanguage, language_of
from guidekit.rules import all_rules, rule_id

DOCS_DIR = "docs"


@dataclass
class LintContext:
    """What rules may need beyond the page itself; loaded once per run."""

    config: Config
    message_lang: str = "fi"
    _documents: dict = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.config.root

    @cached_property
    def facts(self) -> dict | None:
        try:
            return load_facts(self.root / "data" / "county.yml")
        except FactsError:
            return None

    @cached_property
    def rules(self) -> list:
        return all_rules()

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def document(self, path: Path) -> Document:
        """A page parsed once per run, for rules that compare pages (e.g. with the Finnish one)."""
        path = path.resolve()
        if path not in self._documents:
            rel = self.relative(path)
            self._documents[path] = read_document(path, rel, language_of(rel), self.facts)
        return self._documents[path]

    def counterpart(self, doc: Document, lang: str) -> Document | None:
        """The same page in another language, if it exists."""
        if doc.abs_path is None:
            return None
        docs = self.root / DOCS_DIR
        try:
            inside = doc.abs_path.resolve().relative_to(docs / doc.lang)
        except ValueError:
            return None
        other = docs / lang / inside
        return self.document(other) if other.is_file() else None


def make_context(root: Path | None = None, message_lang: str = "fi") -> LintContext:
    return LintContext(config=load_config(root), message_lang=message_lang)


def findings_for(doc: Document, ctx: LintContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in ctx.rules:
        rid = rule_id(rule)
        if doc.lang not in rule.LANGUAGES or not ctx.config.enabled(rid, doc.lang):
            continue
        settings = ctx.config.rule(rid, doc.lang)
        message, fix = rule.MESSAGES.get(ctx.message_lang) or rule.MESSAGES["fi"]
        for report in rule.check(doc, settings, ctx):
            if _suppressed(doc, rid, report.line):
                continue
            findings.append(
                Finding(
                    path=doc.path,
                    line=report.line,
                    rule=rid,
                    message=message.format(**report.details),
                    fix=fix.format(**report.details),
                    severity=report.severity or settings.get("severity", ERROR),
                )
            )
    return sorted(findings)


def _suppressed(doc: Document, rid: str, line: int) -> bool:
    return any(
        rid in s.rules and s.reason and line in s.covers for s in doc.suppressions
    )


def unreadable(path: str, problem: str) -> Finding:
    """Bad input is one clear finding naming the file, never a traceback."""
    return Finding(path=path, line=1, rule="GK000", message=problem, fix="korjaa tiedosto ja aja tarkistus uudelleen")


def lint_file(path: Path, ctx: LintContext) -> list[Finding]:
    rel = ctx.relative(path)
    try:
        doc = ctx.document(path)
    except (DocumentError, UnknownLanguage) as error:
        return [unreadable(rel, str(error))]
    return findings_for(doc, ctx)


def pages_under(paths: list[Path], root: Path) -> list[Path]:
    """Markdown pages named by the paths (files, or folders searched recursively)."""
    if not paths:
        paths = [root / DOCS_DIR / lang for lang in LANGUAGES]
    pages: list[Path] = []
    for path in paths:
        if path.is_dir():
            pages.extend(sorted(path.rglob("*.md")))
        elif path.exists():
            pages.append(path)
    return pages

"""Run the rules over pages and turn their reports into findings.

Used alike by `guidekit lint` and by the MkDocs hook, so both report the same
findings in the same words.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from guidekit import lintcache, morphology, pagelimits
from guidekit.config import Config, load_config
from guidekit.document import Document, DocumentError, parse_document, read_page_text
from guidekit.facts import FactsError, load_facts
from guidekit.findings import ERROR, Finding
from guidekit.frontmatter import is_draft, read_front_matter
from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES, UnknownLanguage, language_of
from guidekit.readability import Score
from guidekit.rules import all_rules, rule_id
from guidekit.rules.plain import page_score

DOCS_DIR = "docs"


def checks_enabled() -> bool:
    """The build runs the checks unless GUIDEKIT_CHECKS is 0 (the address and data checks
    then still run in their own hooks: a printed QR code must never lead nowhere)."""
    return os.environ.get("GUIDEKIT_CHECKS", "1").strip().lower() not in ("0", "false", "no", "off")


@dataclass
class LintContext:
    """What rules may need beyond the page itself; loaded once per run."""

    config: Config
    message_lang: str = "fi"
    _documents: dict = field(default_factory=dict)
    _relative: dict = field(default_factory=dict)
    _texts: dict = field(default_factory=dict)

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
    def all_rules(self) -> list:
        return all_rules()

    @cached_property
    def rules(self) -> list:
        """The page rules (with check()); the others are run by guidekit/sitecheck.py."""
        return [rule for rule in self.all_rules if hasattr(rule, "check")]

    @cached_property
    def site_rules(self) -> list:
        """Rules that also read other pages; what they read joins the page's cache key."""
        return [rule for rule in self.rules if getattr(rule, "SITE_WIDE", False)]

    @cached_property
    def run_signature(self) -> str:
        return lintcache.run_signature(self.root, self.message_lang, morphology.problem())

    def relative(self, path: Path) -> str:
        # Memoized: resolving touches the disk, and rules ask for the same paths many times.
        if path not in self._relative:
            try:
                self._relative[path] = path.resolve().relative_to(self.root).as_posix()
            except ValueError:
                self._relative[path] = path.as_posix()
        return self._relative[path]

    def text(self, path: Path) -> str:
        """A page's text, read once per run: the cache key, the parse and site-wide rules all
        need it. Raises DocumentError for a file that cannot be read as UTF-8 text."""
        if path not in self._texts:
            self._texts[path] = read_page_text(path, self.relative(path))
        return self._texts[path]

    def document(self, path: Path) -> Document:
        """A page parsed once per run, for rules that compare pages (e.g. with the Finnish one)."""
        path = path.resolve()
        if path not in self._documents:
            rel = self.relative(path)
            lang = language_of(rel)
            self._documents[path] = parse_document(self.text(path), rel, lang, self.facts, path)
        return self._documents[path]

    def counterpart_path(self, path: Path, lang: str) -> Path | None:
        """The same page under docs/<lang>/ (a translation's Finnish source, say), if it exists."""
        parts = self.relative(path).split("/", 2)
        if len(parts) < 3 or parts[0] != DOCS_DIR:
            return None
        other = self.root / DOCS_DIR / lang / parts[2]
        return other if other.is_file() else None

    def counterpart(self, doc: Document, lang: str) -> Document | None:
        """The same page in another language, parsed, if it exists."""
        if doc.abs_path is None:
            return None
        other = self.counterpart_path(doc.abs_path, lang)
        return self.document(other) if other is not None else None


def make_context(root: Path | None = None, message_lang: str = "fi") -> LintContext:
    return LintContext(config=load_config(root), message_lang=message_lang)


def _finding(rule, path: str, report, settings: dict, ctx: LintContext) -> Finding:
    message, fix = rule.MESSAGES.get(ctx.message_lang) or rule.MESSAGES["fi"]
    return Finding(
        path=report.path or path,
        line=report.line,
        rule=rule_id(rule),
        message=message.format(**report.details),
        fix=fix.format(**report.details),
        severity=report.severity or settings["severity"],
        page=path if report.path else None,
    )


def findings_for(doc: Document, ctx: LintContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule in ctx.rules:
        rid = rule_id(rule)
        if doc.lang not in rule.LANGUAGES or not ctx.config.enabled(rid, doc.lang):
            continue
        settings = ctx.config.rule(rid, doc.lang)
        for report in rule.check(doc, settings, ctx):
            if report.path is None and _suppressed(doc, rid, report.line):
                continue
            findings.append(_finding(rule, doc.path, report, settings, ctx))
    return sorted(set(findings))


def site_findings(ctx: LintContext) -> list[Finding]:
    """Findings about the site's files rather than one page (rules with check_site)."""
    findings: list[Finding] = []
    for rule in ctx.all_rules:
        check_site = getattr(rule, "check_site", None)
        settings = ctx.config.rule(rule_id(rule))
        if check_site is None or settings.get("enabled", True) is False:
            continue
        for path, report in check_site(ctx):
            findings.append(_finding(rule, path, report, settings, ctx))
    return sorted(findings)


def _suppressed(doc: Document, rid: str, line: int) -> bool:
    return any(
        rid in s.rules and s.reason and line in s.covers for s in doc.suppressions
    )


UNREADABLE_FIX = {"fi": "korjaa tiedosto ja aja tarkistus uudelleen", "en": "fix the file and run the check again"}


def unreadable(path: str, problem: str, message_lang: str = "fi") -> Finding:
    """Bad input is one clear finding naming the file, never a traceback."""
    fix = UNREADABLE_FIX.get(message_lang, UNREADABLE_FIX["fi"])
    return Finding(path=path, line=1, rule="GK000", message=problem, fix=fix)


def lint_file(path: Path, ctx: LintContext) -> list[Finding]:
    """A page's findings, without the results cache."""
    return lint_page(path, ctx)[0]


def cache_key(path: Path, ctx: LintContext) -> str | None:
    """The page's key in the results cache; None when the page cannot be read (then it is
    checked, and its problem reported, every time)."""
    rel = ctx.relative(path)
    try:
        lang = language_of(rel)
        text = ctx.text(path)
        # A translation's findings also depend on its Finnish source (TR101, IMG106).
        source = ctx.counterpart_path(path, DEFAULT_LANGUAGE) if lang != DEFAULT_LANGUAGE else None
        source_text = ctx.text(source) if source is not None else None
    except (UnknownLanguage, DocumentError):
        return None
    site = "\n".join(rule.site_inputs(ctx, rel, lang) for rule in ctx.site_rules)
    return lintcache.page_key(ctx.run_signature, rel, text, source_text, site)


def lint_page(path: Path, ctx: LintContext, cache: lintcache.LintCache | None = None) -> tuple[list[Finding], Score | None]:
    """A page's findings and readability score; from the cache when nothing they depend on changed."""
    key = cache_key(path, ctx) if cache is not None else None
    if key is not None and (cached := cache.get(ctx.relative(path), key)) is not None:
        return cached
    try:
        limit = pagelimits.page_problem(ctx.text(path))
    except DocumentError as error:
        limit = error.problem
    if limit is not None:  # not UTF-8, unreadable, too large or too deep: one finding, never a traceback
        message, fix = pagelimits.describe(limit, ctx.message_lang)
        return [Finding(ctx.relative(path), limit.line, "GK000", message, fix)], None
    try:
        doc = ctx.document(path)
    except UnknownLanguage as error:
        return [Finding(ctx.relative(path), 1, "GK000", error.message(ctx.message_lang), error.fix(ctx.message_lang))], None
    except DocumentError as error:
        return [unreadable(ctx.relative(path), str(error), ctx.message_lang)], None
    findings = findings_for(doc, ctx)
    score = page_score(doc, ctx)
    if key is not None:
        cache.put(ctx.relative(path), key, findings, score)
    return findings, score


def is_draft_page(path: Path, ctx: LintContext) -> bool:
    """`draft: true` in the page's front matter (a page that cannot be read is no draft: it is reported)."""
    try:
        return is_draft(read_front_matter(ctx.text(path)).loaded)
    except DocumentError:
        return False


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

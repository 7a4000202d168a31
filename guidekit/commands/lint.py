"""guidekit lint [PATH…] [--format text|json] [--messages fi|en] [--no-cache]

The same findings as the build, without building. Pages unchanged since the last
run (lint or build) reuse their results (guidekit/lintcache.py); --no-cache checks
every page afresh. Ends with a summary per
language: pages, findings and the readability score (text: on stdout after the
findings; json: stdout stays a pure JSON list, the summary goes to stderr).
Exit code 1 when there are errors, or when Voikko is missing for Finnish pages; warnings
(severity: warning in guidekit.yml) are printed marked as warnings and do not fail.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from guidekit import buildcache, lintcache, morphology
from guidekit.config import ConfigError
from guidekit.findings import ERROR, INFO, Finding, to_json
from guidekit.languages import BASE_LANGUAGE, LANGUAGES, UnknownLanguage, language_of
from guidekit.lint import is_draft_page, lint_page, make_context, pages_under
from guidekit.lint import site_findings as rule_site_findings  # rules with check_site()
from guidekit.readability import Score
from guidekit.sitecheck import site_findings

SUMMARY_WORDS = {
    "fi": {
        "title": "Yhteenveto kielittäin",
        "columns": ("kieli", "sivuja", "löydöksiä", "luettavuus"),
        "mean": "keskiarvo",
        "hardest": "vaikein",
        "limit": "raja",
        "none": "ei laskettu",
    },
    "en": {
        "title": "Summary by language",
        "columns": ("language", "pages", "findings", "readability"),
        "mean": "mean",
        "hardest": "hardest",
        "limit": "limit",
        "none": "not scored",
    },
}


WARNING_LABEL = {"fi": "varoitus", "en": "warning"}
NOTE_LABEL = {"fi": "huomautus", "en": "note"}


def terminal_line(finding: Finding, message_lang: str = "fi") -> str:
    """A finding as the terminal shows it: a warning or a note says so (it does not fail the run)."""
    line = finding.format()
    if finding.severity == ERROR:
        return line
    labels = NOTE_LABEL if finding.severity == INFO else WARNING_LABEL
    label = labels.get(message_lang, labels["fi"])
    return line.replace("] ", f"] ({label}) ", 1)


REUSED = {
    "fi": "Muuttumattomia sivuja, tulokset edellisestä ajosta: {count} (--no-cache tarkistaa kaikki alusta)",
    "en": "Unchanged pages, results from the previous run: {count} (--no-cache checks everything afresh)",
}


CHECKED_LINE = "guidekit: tarkistettu {pages} sivua, joista {reused} edellisen ajon tuloksista"
CHECKED_CPU = "; tarkistusten CPU-aika {cpu:.2f} s"
CHECKED_PATTERN = re.compile(r"guidekit: tarkistettu (\d+) sivua, joista (\d+) .*CPU-aika ([\d.]+) s")


@dataclass
class LanguageSummary:
    lang: str
    pages: int = 0
    findings: int = 0
    scores: list[Score] = field(default_factory=list)
    limit: str = ""  # the readability limit, e.g. "≤ 11"


@dataclass
class LintRun:
    """Everything one lint of many pages gives: used by this command and by the build hook."""

    findings: list[Finding]
    summaries: dict[str, LanguageSummary]
    voikko_problem: str | None  # set when Finnish pages were checked without Voikko
    pages_reused: int = 0  # pages whose findings came from the results cache
    # CPU seconds of the process that ran the lint, until it ended: in the build's
    # worker process that is everything the checks cost (start-up included).
    process_cpu: float = 0.0
    drafts: list[str] = field(default_factory=list)  # pages left unchecked as drafts (skip_drafts)

    @property
    def pages(self) -> int:
        return sum(summary.pages for summary in self.summaries.values())

    def checked_line(self, with_cpu: bool = True) -> str:
        """What the build logs when its checks are done (the benchmark reads it: CHECKED_PATTERN).
        with_cpu=False when the lint ran in the build's own process: its CPU time is not the checks' alone."""
        line = CHECKED_LINE.format(pages=self.pages, reused=self.pages_reused)
        return line + (CHECKED_CPU.format(cpu=self.process_cpu) if with_cpu else "")


def readability_limit(settings: dict) -> str:
    if settings["max"] is not None:
        return f"≤ {settings['max']}"
    if settings["min"] is not None:
        return f"≥ {settings['min']}"
    return ""


def lint_pages(
    paths: list[Path], root: Path | None = None, message_lang: str = "fi", use_cache: bool = True,
    site_checks: bool | None = None, skip_drafts: bool = False, address_checks: bool = True,
) -> LintRun:
    """Lint the pages named by paths (default: every language folder); raises ConfigError.

    With use_cache (and GUIDEKIT_CACHE not 0), pages unchanged since the last run reuse
    their findings (guidekit/lintcache.py). site_checks (default: when no paths are given,
    i.e. the whole site) adds the rules about the site's files: folders, data files, SVGs.
    skip_drafts (the publishing build): pages with `draft: true` are not checked, they are
    not published; they are listed in LintRun.drafts. address_checks=False (the fast
    preview's incremental rebuild, which checks only the pages it built again) leaves out
    the addresses and data files, which every whole build checks."""
    ctx = make_context(root, message_lang=message_lang)
    cache_file = lintcache.cache_path(ctx.root) if use_cache and lintcache.cache_enabled() else None
    cache = lintcache.LintCache.load(cache_file) if cache_file is not None else None
    buildcache.use(ctx.root if cache_file is not None else None)  # image inspections beside it
    # The addresses and the data files concern every page, so they are checked whatever
    # pages are linted; the build reports the same (hooks/checks.py runs this function).
    findings: list[Finding] = site_findings(ctx) if address_checks else []
    summaries: dict[str, LanguageSummary] = {}
    drafts: list[str] = []
    for page in pages_under([p.resolve() for p in paths], ctx.root):
        if skip_drafts and is_draft_page(page, ctx):
            drafts.append(ctx.relative(page))
            continue
        page_findings, score = lint_page(page, ctx, cache)
        findings.extend(page_findings)
        try:
            lang = language_of(ctx.relative(page))
        except UnknownLanguage:
            continue  # lint_page already reported it as a finding
        settings = ctx.config.rule("PL104", lang)
        summary = summaries.setdefault(lang, LanguageSummary(lang, limit=readability_limit(settings)))
        summary.pages += 1
        summary.findings += len(page_findings)
        if score is not None and score.words >= int(settings["min_words"]):
            summary.scores.append(score)
    if site_checks if site_checks is not None else not paths:
        findings.extend(rule_site_findings(ctx))
    if cache is not None:
        cache.forget_missing(ctx.root)
        cache.save()
    summaries = {lang: summaries[lang] for lang in LANGUAGES if lang in summaries}
    # A finding about a file several pages share (a video's captions) is reported once.
    findings = list(dict.fromkeys(findings))
    voikko_needed = any(BASE_LANGUAGE[lang] == "fi" for lang in summaries)
    return LintRun(
        findings,
        summaries,
        morphology.problem() if voikko_needed else None,
        pages_reused=cache.hits if cache is not None else 0,
        process_cpu=time.process_time(),
        drafts=drafts,
    )


def format_summary(summaries: dict[str, LanguageSummary], message_lang: str = "fi") -> str:
    words = SUMMARY_WORDS.get(message_lang, SUMMARY_WORDS["fi"])
    rows = [words["columns"]]
    for lang, summary in summaries.items():
        if summary.scores:
            values = [s.value for s in summary.scores]
            measure = summary.scores[0].measure
            hardest = max(values) if summary.scores[0].higher_is_harder else min(values)
            readability = (
                f"{measure} {words['mean']} {sum(values) / len(values):.1f}, "
                f"{words['hardest']} {hardest:.1f} ({words['limit']} {summary.limit})"
            )
        else:
            readability = words["none"]
        rows.append((lang, str(summary.pages), str(summary.findings), readability))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [words["title"] + ":"]
    for row in rows:
        lines.append(f"  {row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}")
    return "\n".join(lines)


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="sivut tai kansiot (oletus: docs/<kieli>/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--messages", choices=("fi", "en"), default="fi", help="ilmoitusten kieli")
    parser.add_argument(
        "--no-cache", action="store_true", help="tarkista kaikki sivut alusta (älä käytä edellisen ajon tuloksia)"
    )


MISSING_PATH = {
    "fi": "guidekit lint: polkua {path} ei ole; tarkista kirjoitusasu (esimerkiksi docs/fi/ohjeet/chat.md)",
    "en": "guidekit lint: {path} does not exist; check the spelling (e.g. docs/fi/ohjeet/chat.md)",
}


def run(args) -> int:
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        for path in missing:
            print(MISSING_PATH[args.messages].format(path=path), file=sys.stderr)
        return 2
    try:
        result = lint_pages(args.paths, message_lang=args.messages, use_cache=not args.no_cache)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    if args.format == "json":
        print(to_json(result.findings))
        summary_stream = sys.stderr
    else:
        for finding in result.findings:
            print(terminal_line(finding, args.messages))
        summary_stream = sys.stdout
    if result.summaries:
        print(format_summary(result.summaries, args.messages), file=summary_stream)
    if result.pages_reused:
        print(REUSED[args.messages].format(count=result.pages_reused), file=summary_stream)
    if result.voikko_problem:
        print(result.voikko_problem, file=sys.stderr)
    errors = [f for f in result.findings if f.severity == ERROR]
    return 1 if errors or result.voikko_problem else 0

"""guidekit lint [PATH…] [--format text|json] [--messages fi|en]

The same findings as the build, without building. Ends with a summary per
language: pages, findings and the readability score (text: on stdout after the
findings; json: stdout stays a pure JSON list, the summary goes to stderr).
Exit code 1 when there are findings, or when Voikko is missing for Finnish pages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from guidekit import morphology
from guidekit.config import ConfigError
from guidekit.document import DocumentError
from guidekit.findings import Finding, to_json
from guidekit.languages import BASE_LANGUAGE, LANGUAGES, UnknownLanguage, language_of
from guidekit.lint import lint_file, make_context, pages_under
from guidekit.readability import Score
from guidekit.rules.plain import page_score

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


def readability_limit(settings: dict) -> str:
    if "max" in settings:
        return f"≤ {settings['max']}"
    if "min" in settings:
        return f"≥ {settings['min']}"
    return ""


def lint_pages(paths: list[Path], root: Path | None = None, message_lang: str = "fi") -> LintRun:
    """Lint the pages named by paths (default: every language folder); raises ConfigError."""
    ctx = make_context(root, message_lang=message_lang)
    findings: list[Finding] = []
    summaries: dict[str, LanguageSummary] = {}
    for page in pages_under([p.resolve() for p in paths], ctx.root):
        page_findings = lint_file(page, ctx)
        findings.extend(page_findings)
        try:
            lang = language_of(ctx.relative(page))
        except UnknownLanguage:
            continue  # lint_file already reported it as a finding
        settings = ctx.config.rule("PL104", lang)
        summary = summaries.setdefault(lang, LanguageSummary(lang, limit=readability_limit(settings)))
        summary.pages += 1
        summary.findings += len(page_findings)
        try:
            score = page_score(ctx.document(page), ctx)
        except DocumentError:
            continue
        if score is not None and score.words >= int(settings.get("min_words", 0)):
            summary.scores.append(score)
    summaries = {lang: summaries[lang] for lang in LANGUAGES if lang in summaries}
    voikko_needed = any(BASE_LANGUAGE[lang] == "fi" for lang in summaries)
    return LintRun(findings, summaries, morphology.problem() if voikko_needed else None)


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


def run(args) -> int:
    try:
        result = lint_pages(args.paths, message_lang=args.messages)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    if args.format == "json":
        print(to_json(result.findings))
        summary_stream = sys.stderr
    else:
        for finding in result.findings:
            print(finding.format())
        summary_stream = sys.stdout
    if result.summaries:
        print(format_summary(result.summaries, args.messages), file=summary_stream)
    if result.voikko_problem:
        print(result.voikko_problem, file=sys.stderr)
    return 1 if result.findings or result.voikko_problem else 0

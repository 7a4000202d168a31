"""The checks that read the whole site at once, run alike by `guidekit lint` and the build.

- the permanent addresses (AD001–AD007, guidekit/addresses.py): the record, the redirects
  and every page's short id;
- the data files whose values reach every page (DA101–DA102, guidekit/datacheck.py);
- data/search.yml (SE001–SE004, guidekit/search.py);
- the languages' settings in mkdocs.yml (LA001, guidekit/languages.py).

Each ID is a rule module with SCOPE = "site" (guidekit/rules/), so it is documented in
authoring/rules.md and turned off or given another severity in guidekit.yml like any
rule, per language for findings on a page. They are not silenced by a comment: their
findings are in YAML files or on a page's front-matter lines, where no comment can go.
"""

from __future__ import annotations

from dataclasses import replace

from guidekit.addresses import load_plan
from guidekit.datacheck import data_findings
from guidekit.document import DocumentError
from guidekit.findings import Finding
from guidekit.languages import DEFAULT_LANGUAGE, REGISTRY, UnknownLanguage, language_of
from guidekit.search import search_data_findings

# An address finding a page rule reports already, at the page's line, when the checks
# run: a short id on two pages is FM107 on each page (suppressible, cached) rather
# than AD002 as well. A build without the checks (GUIDEKIT_CHECKS=0) still reports AD002.
COVERED_BY_PAGE_RULES = {"AD002": "FM107"}


def site_findings(ctx, default_language: str = DEFAULT_LANGUAGE) -> list[Finding]:
    """Every site check's findings, after guidekit.yml's settings."""
    plan = load_plan(ctx.root, ctx.root / "docs", default=default_language, text_of=_reader(ctx),
                     message_lang=ctx.message_lang)
    found = [
        *plan.findings,
        *data_findings(ctx.root, ctx.message_lang),
        *search_data_findings(ctx.root, ctx.message_lang),
        *language_findings(),
    ]
    return ruled([f for f in found if f.rule not in COVERED_BY_PAGE_RULES], ctx)


def _reader(ctx):
    """The lint context's page reader for the address inventory: each page is read once per
    run, and its front matter parsed once (guidekit/frontmatter.py keeps it by text)."""

    def text_of(path):
        try:
            return ctx.text(path)
        except DocumentError:
            return None  # the page itself reports it (GK000)

    return text_of


def language_findings() -> list[Finding]:
    """LA001: what the language registry (mkdocs.yml's locale blocks) lacks or gets wrong."""
    return [
        Finding(REGISTRY.path, line, "LA001", message,
                "lisää kielen lohkoon mkdocs.yml:ssä guidekit: {readability: …} (ks. README, Uusi kieli)")
        for line, message in REGISTRY.problems
    ]


def ruled(findings: list[Finding], ctx) -> list[Finding]:
    """Findings of site rules with their rule's settings applied: `enabled`, and `severity`
    (its default is the rule's own SEVERITY)."""
    kept = []
    for finding in findings:
        lang = _page_language(finding.path)
        settings = ctx.config.rule(finding.rule, lang)
        if settings["enabled"] is False:
            continue
        kept.append(replace(finding, severity=settings["severity"]))
    return kept


def _page_language(path: str) -> str | None:
    if not (path.startswith("docs/") and path.endswith(".md")):
        return None
    try:
        return language_of(path)
    except UnknownLanguage:
        return None


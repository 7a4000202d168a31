"""The site checks (addresses AD*, data files DA*, data/search.yml SE*) and GK000 are rules
like the rest: a module each, documented in authoring/rules.md, set in guidekit.yml; and
`guidekit lint` and the strict build report the same findings (guidekit/sitecheck.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_build
from guidekit.rules import all_rules, rule_id
from test_addresses import BASE_PAGES, RECORD, guide, page, small_site

FINDING = re.compile(r"\[([A-Z]{2,3}\d{3})\] ([^\s:]+):(\d+): ")
ID_LITERAL = re.compile(r"[\"']([A-Z]{2,3}\d{3})[\"']")


def problem_tree(tmp_path: Path) -> Path:
    """A small site with one problem of each kind the site checks and the page rules find."""
    pages = {
        **BASE_PAGES,
        # PL101 (a page rule): a sentence far over the limit.
        "fi/ohjeet/pitka.md": guide("Pitkä ohje", short="pitka").replace(
            "1. Avaa sovellus.", "Tässä virkkeessä on " + " ".join(["paljon"] * 30) + " sanoja."),
        # FM107 on both pages (AD002 is left out when the checks run), AD007 (not recorded).
        "fi/ohjeet/toinen.md": guide("Toinen ohje", short="sovellus"),
        # AD003: a translation with another short id than its Finnish page.
        "sv/ohjeet/sovellus.md": guide("Ta appen i bruk", short="appen"),
        "fi/tietoa.md": page("Tietoa"),
    }
    # AD001: ohjeet/kirjaudu.md was published and is gone; AD004: a redirect to nowhere.
    config = small_site(tmp_path, pages, record=RECORD, redirects="ohjeet/vanha.md: ohjeet/ei-ole.md\n")
    county = config.parent / "data" / "county.yml"
    text = county.read_text(encoding="utf-8")
    # DA101: markup in a data value that reaches every page.
    county.write_text(re.sub(r"(?m)^(\s*name: )(.+)$", r"\1<b>\2</b>", text, count=1), encoding="utf-8")
    return config


def lint_set(root: Path, *extra: str) -> tuple[int, set, list]:
    result = subprocess.run(
        [sys.executable, "-m", "guidekit.cli", "lint", "--no-cache", "--format", "json", *extra],
        cwd=root, capture_output=True, text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr
    findings = json.loads(result.stdout)
    return result.returncode, {(f["rule"], f["path"], f["line"]) for f in findings}, findings


def test_lint_and_the_strict_build_report_the_same_findings(tmp_path):
    config = problem_tree(tmp_path)
    code, linted, _ = lint_set(config.parent)
    assert code == 1
    build = run_build(config, tmp_path / "site")
    assert build.returncode != 0
    built = {(m[1], m[2], int(m[3])) for m in FINDING.finditer(build.stdout + build.stderr)}
    assert linted == built
    rules = {rule for rule, _path, _line in linted}
    assert {"PL101", "FM107", "AD001", "AD003", "AD004", "AD007", "DA101"} <= rules, rules
    assert "AD002" not in rules  # the same problem as FM107, reported once per page
    assert ("FM107", "docs/fi/ohjeet/toinen.md", 7) in linted


def test_a_site_rule_is_turned_off_or_softened_in_guidekit_yml(tmp_path):
    config = problem_tree(tmp_path)
    root = config.parent
    _, before, findings = lint_set(root)
    assert {"AD001", "AD007"} <= {rule for rule, _p, _l in before}
    assert {f["severity"] for f in findings if f["rule"] == "AD007"} == {"info"}
    settings = root / "guidekit.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "\nrules:\n", "\nrules:\n  AD007: {enabled: false}\n  AD001: {severity: warning}\n  AD003: {sv: {enabled: false}}\n", 1)
    settings.write_text(text, encoding="utf-8")
    _, after, findings = lint_set(root)
    rules = {rule for rule, _p, _l in after}
    assert "AD007" not in rules and "AD003" not in rules
    assert {f["severity"] for f in findings if f["rule"] == "AD001"} == {"warning"}
    assert after - before == set()


def test_every_finding_id_the_code_can_emit_is_a_documented_rule():
    emitted = set()
    for folder in ("guidekit", "hooks"):
        for path in (ROOT / folder).rglob("*.py"):
            emitted |= set(ID_LITERAL.findall(path.read_text(encoding="utf-8")))
    registered = {rule_id(rule) for rule in all_rules()}
    assert emitted - registered == set(), "add a rule module (guidekit/rules/) for each"
    page = (ROOT / "authoring" / "rules.md").read_text(encoding="utf-8")
    for rid in sorted(emitted):
        assert f"\n## {rid}\n" in page, rid


def test_site_rules_have_no_check_and_page_rules_have_one():
    for rule in all_rules():
        site = getattr(rule, "SCOPE", None) == "site"
        assert site != (hasattr(rule, "check") or hasattr(rule, "check_site")), rule_id(rule)
        if site:
            assert rule.SEVERITY in ("error", "warning", "info") and rule.RATIONALE.strip(), rule_id(rule)


def test_address_findings_are_in_english_with_messages_en(tmp_path):
    from guidekit.addresses import MESSAGES, load_plan

    assert set(MESSAGES["en"]) == set(MESSAGES["fi"])  # no message is left Finnish-only
    root = problem_tree(tmp_path).parent
    finnish = {(f.rule, f.path, f.line): f for f in load_plan(root).findings}
    english = {(f.rule, f.path, f.line): f for f in load_plan(root, message_lang="en").findings}
    assert finnish.keys() == english.keys()
    assert {"AD001", "AD003", "AD004", "AD007"} <= {rule for rule, _p, _l in english}
    for key, found in english.items():
        assert found.message != finnish[key].message and found.fix != finnish[key].fix, found
        assert not re.search(r"[äö]|lyhyt|sivu\b|osoite", found.message + found.fix), found
    assert english[("AD001", "data/addresses.yml", 3)].message.startswith(
        "published page “ohjeet/kirjaudu.md” no longer exists")
    # guidekit lint --messages en shows them so (its site findings come from the same plan).
    _code, _found, findings = lint_set(root, "--messages", "en")
    ad004 = [f for f in findings if f["rule"] == "AD004"]
    assert ad004 and all(f["message"].startswith("redirect ") for f in ad004), ad004

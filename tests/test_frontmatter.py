"""Front matter: the schema of guides and pages, review dates, and broken blocks giving
one clear message naming the file and the field, in `guidekit lint` and in the build."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import checks_tree, make_site, run_build, write_page
from guidekit.findings import WARNING
from guidekit.frontmatter import add_months, read_front_matter, review_state
from guidekit.lint import lint_file, make_context

TODAY = dt.date.today()
FM_RULES = ("FM", "TR")


def guide(**fields) -> str:
    """A small valid guide; a field set to None is left out."""
    values = {
        "title": "Kysy chatissa",
        "description": "Näin kysyt chatissa.",
        "service": "chat",
        "reviewed": TODAY.isoformat(),
        "owner": "Viestintä / digituki",
        "short": "chat",
    }
    values.update(fields)
    front = "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)
    return f"---\n{front}---\n\n# Kysy chatissa\n\nKirjoita kysymys chattiin.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A repository with the real guidekit.yml and data, and an empty docs/."""
    return checks_tree(tmp_path)


write = write_page


def front_findings(tree: Path, rel: str, text: str, message_lang: str = "fi"):
    """The findings of the front-matter, review and translation rules for one page."""
    path = write(tree, rel, text)
    ctx = make_context(tree, message_lang=message_lang)
    return [f for f in lint_file(path, ctx) if f.rule.startswith(FM_RULES)]


# --- reading the block -------------------------------------------------------------


def test_valid_front_matter_gives_data_and_field_lines():
    front = read_front_matter(guide())
    assert front.error is None
    assert front.data["short"] == "chat"
    assert front.data["reviewed"] == TODAY
    assert front.field_lines["title"] == 2 and front.field_lines["short"] == 7
    assert front.closing_line == 8


@pytest.mark.parametrize(
    ("text", "line", "problem", "field"),
    [
        ("---\ntitle: Chat: kysy\ndescription: x\n---\n", 2, "colon_in_value", "title"),
        ("---\ntitle: Chat\ndescription: x\n\n# Chat\n", 1, "no_closing", None),
        ("---\ntitle: Chat\nreviewed: 2026-02-30\n---\n", 3, "impossible_date", "reviewed"),
        ("---\ntitle: Chat\ntitle: Toinen\n---\n", 3, "duplicate_field", "title"),
        ('---\ntitle: "Chat\ndescription: x\n---\n', 2, "open_quote", "title"),
        ("---\ntitle: Chat\nsteps: [a, b\ndescription: x\n---\n", 3, "yaml", "steps"),
        ("---\n- yksi\n- kaksi\n---\n", 2, "not_mapping", None),
    ],
)
def test_broken_front_matter_names_line_and_field(text, line, problem, field):
    error = read_front_matter(text).error
    assert error is not None
    assert (error.line, error.problem, error.field) == (line, problem, field)


def test_crlf_front_matter_reads_like_lf():
    assert read_front_matter(guide().replace("\n", "\r\n")).data == read_front_matter(guide()).data


# --- the schema ----------------------------------------------------------------------


def test_a_complete_guide_has_no_front_matter_findings(tree):
    assert front_findings(tree, "fi/ohjeet/chat.md", guide()) == []


def test_missing_guide_fields_are_each_named(tree):
    findings = front_findings(tree, "fi/ohjeet/chat.md", guide(owner=None, short=None))
    assert [(f.rule, f.line) for f in findings] == [("FM102", 6), ("FM102", 6)]
    assert "owner" in findings[0].message + findings[1].message
    assert "short" in findings[0].message + findings[1].message
    assert all("lisää" in f.fix for f in findings)


def test_a_page_with_service_is_a_guide_wherever_it_lies(tree):
    text = "---\ntitle: Chat\ndescription: Näin kysyt.\nservice: chat\n---\n\n# Chat\n\nKysy.\n"
    rules = {(f.rule, f.message.split()[-1]) for f in front_findings(tree, "fi/chat.md", text)}
    assert rules == {("FM102", "reviewed"), ("FM102", "owner"), ("FM102", "short")}


def test_other_pages_need_only_title_and_description(tree):
    assert front_findings(tree, "fi/digituki.md", "---\ntitle: Apua\ndescription: Mistä saat apua.\n---\n\n# Apua\n") == []
    findings = front_findings(tree, "fi/digituki.md", "# Apua\n\nTekstiä.\n")
    assert sorted(f.message.split()[-1] for f in findings) == ["description", "title"]
    assert all(f.rule == "FM102" and f.line == 1 for f in findings)


def test_unknown_service_lists_the_known_ones(tree):
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(service="chatti"))
    assert finding.rule == "FM104" and finding.line == 4
    assert "”chatti”" in finding.message
    assert "app, chat, valtuudet, messages, booking" in finding.fix


@pytest.mark.parametrize(
    ("value", "expected_in_fix"),
    [("12.3.2026", "reviewed: 2026-03-12"), ("maaliskuussa", "VVVV-KK-PP")],
)
def test_review_date_not_written_as_a_date(tree, value, expected_in_fix):
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(reviewed=value))
    assert finding.rule == "FM103" and finding.line == 5
    assert f"”{value}”" in finding.message
    assert expected_in_fix in finding.fix


def test_review_date_in_the_future(tree):
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(reviewed=future))
    assert finding.rule == "FM103" and "tulevaisuudessa" in finding.message


def test_description_over_the_limit_says_by_how_much(tree):
    description = "Näin kysyt chatissa ja tallennat keskustelun. " * 4  # 184 characters
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(description=description))
    length = len(description.strip())
    assert finding.rule == "FM105" and finding.line == 3
    assert f"{length} merkkiä" in finding.message and f"{length - 160} merkillä" in finding.fix
    assert front_findings(tree, "fi/ohjeet/chat.md", guide(description="x" * 160)) == []


@pytest.mark.parametrize("value", ["Chat", "ajan varaus", "äänikirja", "-chat", "chat--ohje", "chat_ohje"])
def test_invalid_short_ids(tree, value):
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(short=value))
    assert finding.rule == "FM106" and finding.line == 7
    assert f"”{value}”" in finding.message


def test_duplicate_short_id_within_a_language_names_the_other_page(tree):
    write(tree, "fi/ohjeet/viestit.md", guide(short="chat"))
    write(tree, "sv/ohjeet/chat.md", guide(short="chat"))  # another language may share it
    findings = front_findings(tree, "fi/ohjeet/chat.md", guide(short="chat"))
    assert [(f.rule, f.line) for f in findings] == [("FM107", 7)]
    assert "docs/fi/ohjeet/viestit.md" in findings[0].message
    assert "docs/sv" not in findings[0].message


def test_placeholder_in_front_matter(tree):
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(title="Ota {{ app.name }} käyttöön"))
    assert finding.rule == "FM108" and finding.line == 2 and "{{ app.name }}" in finding.message


def test_messages_in_english_on_request(tree):
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(owner=None), message_lang="en")
    assert finding.message == "the guide has no field owner"


# --- review dates ----------------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(dt.date(2026, 3, 12), 12) == dt.date(2027, 3, 12)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)


def test_review_state_ok_due_soon_overdue():
    reviewed = dt.date(2025, 6, 1)
    assert review_state(reviewed, dt.date(2026, 4, 30), 12, 30) == "ok"
    assert review_state(reviewed, dt.date(2026, 5, 2), 12, 30) == "due-soon"
    assert review_state(reviewed, dt.date(2026, 6, 1), 12, 30) == "due-soon"
    assert review_state(reviewed, dt.date(2026, 6, 2), 12, 30) == "overdue"


def test_a_guide_reviewed_two_years_ago_is_a_warning_finding(tree):
    two_years_ago = add_months(TODAY, -24)
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(reviewed=two_years_ago.isoformat()))
    assert finding.rule == "FM201" and finding.line == 5 and finding.severity == WARNING
    assert f"{two_years_ago.day}.{two_years_ago.month}.{two_years_ago.year}" in finding.message
    assert f"reviewed: {TODAY.isoformat()}" in finding.fix


def test_a_guide_reviewed_within_the_period_is_fine(tree):
    eleven_months_ago = add_months(TODAY, -11)
    assert front_findings(tree, "fi/ohjeet/chat.md", guide(reviewed=eleven_months_ago.isoformat())) == []


def test_review_period_comes_from_guidekit_yml(tree):
    config = (tree / "guidekit.yml").read_text(encoding="utf-8")
    (tree / "guidekit.yml").write_text(config.replace("  FM201:  # months (12)", "  FM201:\n    months: 6  # (12)"), encoding="utf-8")
    seven_months_ago = add_months(TODAY, -7)
    (finding,) = front_findings(tree, "fi/ohjeet/chat.md", guide(reviewed=seven_months_ago.isoformat()))
    assert finding.rule == "FM201" and "6 kuukauden välein" in finding.message


# --- broken front matter: one clear message --------------------------------------------


BROKEN = {
    "colon": ("---\ntitle: Chat: kysy\ndescription: Näin kysyt.\n---\n\n# Chat\n\nKysy chatissa.\n", 2, "title"),
    "no-closing": ("---\ntitle: Chat\ndescription: Näin kysyt.\n\n# Chat\n\nKysy chatissa.\n", 1, "---"),
    "impossible-date": (guide(reviewed="2026-02-30"), 5, "reviewed"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_lint_gives_one_front_matter_finding_for_a_broken_block(tree, case):
    text, line, named = BROKEN[case]
    findings = front_findings(tree, "fi/ohjeet/chat.md", text)
    assert [(f.rule, f.path, f.line) for f in findings] == [("FM101", "docs/fi/ohjeet/chat.md", line)]
    assert named in findings[0].message


def test_guidekit_lint_command_reports_broken_front_matter_without_traceback(tree):
    write(tree, "fi/ohjeet/chat.md", BROKEN["colon"][0])
    result = subprocess.run(
        [sys.executable, "-m", "guidekit.cli", "lint", "docs/fi/ohjeet/chat.md"],
        cwd=tree, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[FM101] docs/fi/ohjeet/chat.md:2: kentän title arvossa on kaksoispiste" in result.stdout


@pytest.mark.parametrize("case", BROKEN)
def test_strict_build_fails_with_one_message_naming_file_and_field(tmp_path, case):
    # MkDocs 1.6 itself says nothing about broken front matter: it drops the
    # metadata and shows the block as page text. The checks must say it, once.
    text, line, named = BROKEN[case]
    index = "---\ntitle: Etusivu\ndescription: Ohjeet digitaalisiin palveluihin.\n---\n\n# Etusivu\n\nTervetuloa.\n"
    config = make_site(tmp_path, {"fi/index.md": index, "fi/ohjeet/chat.md": text})
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    mentions = [l for l in output.splitlines() if "ohjeet/chat.md" in l and ("WARNING" in l or "ERROR" in l)]
    assert len(mentions) == 1, output
    assert f"[FM101] docs/fi/ohjeet/chat.md:{line}:" in mentions[0] and named in mentions[0]


def test_real_guides_satisfy_the_schema(root):
    ctx = make_context(root)
    findings = []
    for path in sorted((root / "docs").rglob("*.md")):
        findings += [f for f in lint_file(path, ctx) if f.rule.startswith("FM1")]
    assert findings == [], "\n".join(f.format() for f in findings)


# --- markup in front matter (issue 14) ---------------------------------------------------

HOSTILE_TITLE = "Kysy chatissa<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("field, value", [
    ("title", HOSTILE_TITLE),
    ("description", 'Näin kysyt." /><script>alert(1)</script>'),
    ("keywords", "[chat, <b>apu</b>]"),
])
def test_markup_in_front_matter_is_an_error_at_its_line(tree, field, value):
    text = guide(**{field: value})
    findings = [f for f in front_findings(tree, "fi/ohjeet/chat.md", text) if f.rule == "FM110"]
    expected_line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith(f"{field}:"))) + 1
    assert [(f.line, f.severity) for f in findings] == [(expected_line, "error")]
    assert field in findings[0].message


def test_plain_front_matter_has_no_markup_finding(tree):
    findings = front_findings(tree, "fi/ohjeet/chat.md", guide(title="Kysy chatissa & viestillä"))
    assert not [f for f in findings if f.rule == "FM110"]


def test_strict_build_refuses_a_title_with_markup(tmp_path):
    config = make_site(tmp_path, {
        "fi/index.md": "---\ntitle: Etusivu\ndescription: Ohjeet.\n---\n\n# Etusivu\n\nTervetuloa.\n",
        "fi/ohjeet/chat.md": guide(title=HOSTILE_TITLE),
    })
    result = run_build(config, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "FM110" in output and "Traceback" not in output


def test_a_field_written_without_a_value_is_called_empty_on_its_own_line(tree):
    lines = guide().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("reviewed:"))
    lines[at] = "reviewed:"
    findings = front_findings(tree, "fi/ohjeet/chat.md", "\n".join(lines) + "\n")
    assert [(f.rule, f.line) for f in findings] == [("FM102", at + 1)]
    assert "kenttä reviewed on tyhjä" in findings[0].message and "puuttuu" not in findings[0].message
    assert findings[0].fix.startswith("kirjoita arvo kaksoispisteen jälkeen: reviewed:")
    english = front_findings(tree, "fi/ohjeet/chat.md", "\n".join(lines) + "\n", message_lang="en")
    assert english[0].message == "the guide's field reviewed is empty"

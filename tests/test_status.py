"""Translation status from content hashes, `guidekit status` and --mark-synced, review
reminders, and the outdated-translation notice in the built site."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, make_site, run_build, write_page
from guidekit.frontmatter import add_months
from guidekit.translations import changed_sentences, content_hash, set_source_hash, source_sentences, translation_state
from guidekit.bench import ADDRESS_HISTORY  # the real site's address record belongs to its pages

TODAY = dt.date.today()

FI_GUIDE = """---
title: Kysy chatissa
description: Näin kysyt chatissa.
service: chat
reviewed: {reviewed}
owner: Viestintä / digituki
short: chat
---

# Kysy chatissa

Kirjoita kysymys chattiin.

## Näin toimit

1. Avaa chat.
2. Kirjoita kysymys.
"""

SV_GUIDE = """---
title: Fråga i chatten
description: Så här frågar du i chatten.
service: chat
reviewed: {reviewed}
owner: Viestintä / digituki
short: chat
---

# Fråga i chatten

Skriv din fråga i chatten.

## Så här gör du

1. Öppna chatten.
2. Skriv din fråga.
"""

SELKO_GUIDE = """---
title: Kysy chatissa
description: Näin kysyt chatissa.
service: chat
reviewed: {reviewed}
owner: Viestintä / digituki
short: chat
---

# Kysy chatissa

Voit kysyä chatissa.
"""


def guidekit(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "guidekit.cli", *args], cwd=tree, capture_output=True, text=True
    )


def status(tree: Path) -> dict[tuple[str, str], dict]:
    result = guidekit(tree, "status", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {(row["page"], row["lang"]): row for row in json.loads(result.stdout)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """fi and sv of one guide (sv never marked synced); en and selko missing."""
    shutil.copy(ROOT / "guidekit.yml", tmp_path / "guidekit.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(*ADDRESS_HISTORY))
    reviewed = TODAY.isoformat()
    for lang, text in (("fi", FI_GUIDE), ("sv", SV_GUIDE)):
        page = tmp_path / "docs" / lang / "ohjeet" / "chat.md"
        page.parent.mkdir(parents=True)
        page.write_text(text.format(reviewed=reviewed), encoding="utf-8")
    return tmp_path


def page(tree: Path, lang: str) -> Path:
    return tree / "docs" / lang / "ohjeet" / "chat.md"


# --- the hash: content, not metadata -------------------------------------------------------


def test_hash_ignores_metadata_whitespace_and_comments():
    base = FI_GUIDE.format(reviewed="2026-01-01")
    same = (
        FI_GUIDE.format(reviewed="2026-05-05")
        .replace("owner: Viestintä / digituki", "owner: Toinen tiimi")
        .replace("Kirjoita kysymys chattiin.", "Kirjoita   kysymys\nchattiin.\n<!-- huomio tekijälle -->")
    )
    assert content_hash(same) == content_hash(base)


@pytest.mark.parametrize(
    "edit",
    [
        ("title: Kysy chatissa", "title: Kysy chatissa nyt"),
        ("2. Kirjoita kysymys.", "2. Kirjoita kysymys ja paina Lähetä."),
    ],
)
def test_hash_changes_with_title_or_body(edit):
    base = FI_GUIDE.format(reviewed="2026-01-01")
    assert content_hash(base.replace(*edit)) != content_hash(base)


def test_set_source_hash_adds_or_replaces_exactly_one_line():
    text = SV_GUIDE.format(reviewed="2026-01-01")
    added = set_source_hash(text, "aaaaaaaaaaaa")
    assert added.split("\n") == text.split("\n")[:7] + ['source_hash: "aaaaaaaaaaaa"'] + text.split("\n")[7:]
    replaced = set_source_hash(added, "bbbbbbbbbbbb")
    assert replaced == added.replace("aaaaaaaaaaaa", "bbbbbbbbbbbb")


def test_set_source_hash_keeps_crlf_and_a_missing_final_newline():
    text = SV_GUIDE.format(reviewed="2026-01-01").replace("\n", "\r\n").rstrip("\r\n")
    result = set_source_hash(text, "cccccccccccc")
    assert result.replace('source_hash: "cccccccccccc"\r\n', "") == text
    assert not result.endswith("\n")


def test_a_numeric_looking_hash_is_read_back_as_text():
    text = set_source_hash(SV_GUIDE.format(reviewed="2026-01-01"), "012345678901")
    source = "---\ntitle: x\n---\n"
    assert translation_state(source, text)[0] == "outdated"  # a different hash, but no crash
    assert '"012345678901"' in text


# --- guidekit status ------------------------------------------------------------------------


def test_status_lists_every_page_and_language(tree):
    rows = status(tree)
    assert rows[("ohjeet/chat.md", "fi")]["state"] == "ok" and rows[("ohjeet/chat.md", "fi")]["source"]
    # Written but never marked: its own state, not "outdated".
    assert rows[("ohjeet/chat.md", "sv")]["state"] == "never-synced"
    assert rows[("ohjeet/chat.md", "sv")]["reason"] == "no-hash"
    assert rows[("ohjeet/chat.md", "en")]["state"] == "missing"
    assert rows[("ohjeet/chat.md", "selko")]["state"] == "missing"


def test_edit_in_finnish_turns_synced_translation_outdated_and_mark_synced_makes_it_ok(tree):
    sv = page(tree, "sv")
    before = sv.read_bytes()
    result = guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md")
    assert result.returncode == 0, result.stderr
    assert "docs/sv/ohjeet/chat.md: merkitty ajan tasalle" in result.stdout
    after = sv.read_bytes()
    # The author's text is byte-identical apart from the one added line.
    added = [line for line in after.split(b"\n") if line not in before.split(b"\n")]
    assert len(added) == 1 and added[0].startswith(b"source_hash: ")
    assert after.replace(added[0] + b"\n", b"", 1) == before
    assert status(tree)[("ohjeet/chat.md", "sv")]["state"] == "ok"

    # Metadata of the Finnish page may change without outdating anything.
    fi = page(tree, "fi")
    fi.write_text(fi.read_text(encoding="utf-8").replace("owner: Viestintä / digituki", "owner: Digituki"), encoding="utf-8")
    assert status(tree)[("ohjeet/chat.md", "sv")]["state"] == "ok"

    fi.write_text(fi.read_text(encoding="utf-8").replace("2. Kirjoita kysymys.", "2. Kirjoita kysymys.\n3. Paina Lähetä."), encoding="utf-8")
    row = status(tree)[("ohjeet/chat.md", "sv")]
    assert (row["state"], row["reason"]) == ("outdated", "source-changed")

    synced = sv.read_bytes()
    assert guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md").returncode == 0
    resynced = sv.read_bytes()
    changed = [(a, b) for a, b in zip(synced.split(b"\n"), resynced.split(b"\n")) if a != b]
    assert len(synced.split(b"\n")) == len(resynced.split(b"\n")) and len(changed) == 1
    assert status(tree)[("ohjeet/chat.md", "sv")]["state"] == "ok"


def test_mark_synced_twice_changes_nothing_the_second_time(tree):
    guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md")
    once = page(tree, "sv").read_bytes()
    result = guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md")
    assert "oli jo ajan tasalla" in result.stdout
    assert page(tree, "sv").read_bytes() == once


def test_mark_synced_takes_a_language_or_a_folder(tree):
    selko = page(tree, "selko")
    selko.parent.mkdir(parents=True)
    selko.write_text(SELKO_GUIDE.format(reviewed=TODAY.isoformat()), encoding="utf-8")
    assert guidekit(tree, "status", "--mark-synced", "sv").returncode == 0
    assert guidekit(tree, "status", "--mark-synced", "docs/selko/").returncode == 0
    rows = status(tree)
    assert rows[("ohjeet/chat.md", "sv")]["state"] == rows[("ohjeet/chat.md", "selko")]["state"] == "ok"


def test_mark_synced_refuses_the_finnish_source_and_broken_translations(tree):
    fi_before = page(tree, "fi").read_bytes()
    result = guidekit(tree, "status", "--mark-synced", "docs/fi/ohjeet/chat.md")
    assert result.returncode == 1 and "suomenkielinen sivu on lähde" in result.stderr
    assert page(tree, "fi").read_bytes() == fi_before

    sv = page(tree, "sv")
    broken = sv.read_text(encoding="utf-8").replace("title: Fråga i chatten", "title: Fråga: i chatten")
    sv.write_text(broken, encoding="utf-8")
    result = guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md")
    assert result.returncode == 1
    assert "docs/sv/ohjeet/chat.md: rivi 2:" in result.stderr and "Traceback" not in result.stderr
    assert sv.read_text(encoding="utf-8") == broken


def test_a_translation_without_finnish_page_is_an_orphan(tree):
    orphan = tree / "docs" / "en" / "vanha.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("---\ntitle: Old\ndescription: Old page.\n---\n\n# Old\n", encoding="utf-8")
    assert status(tree)[("vanha.md", "en")]["state"] == "orphan"


def test_text_output_shows_the_table_and_review_reminders(tree):
    fi = page(tree, "fi")
    overdue = add_months(TODAY, -13)
    fi.write_text(FI_GUIDE.format(reviewed=overdue.isoformat()), encoding="utf-8")
    soon = add_months(TODAY, -12) + dt.timedelta(days=10)
    sv = page(tree, "sv")
    sv.write_text(SV_GUIDE.format(reviewed=soon.isoformat()), encoding="utf-8")
    result = guidekit(tree, "status")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("sivu "))
    table_row = next(line for line in lines if line.startswith("ohjeet/chat.md"))
    columns = [header.index(lang) for lang in ("sv", "en", "selko")] + [None]
    cells = [table_row[start:end].strip() for start, end in zip(columns, columns[1:])]
    assert cells == ["ei merkitty ajan tasalle", "ei käännetty", "ei käännetty"]
    assert "Yhteensä: 0 ajan tasalla, 1 ei merkitty ajan tasalle, 0 vanhentunut, 2 ei käännetty" in result.stdout
    assert f"Myöhässä: docs/fi/ohjeet/chat.md: tarkistettu {overdue.day}.{overdue.month}.{overdue.year}" in result.stdout
    assert "Pian: docs/sv/ohjeet/chat.md" in result.stdout
    rows = status(tree)
    assert rows[("ohjeet/chat.md", "fi")]["review_state"] == "overdue"
    assert rows[("ohjeet/chat.md", "sv")]["review_state"] == "due-soon"


def test_outdated_translation_is_a_tr101_warning_in_lint(tree):
    result = guidekit(tree, "lint", "--format", "json", "docs/sv/ohjeet/chat.md")
    findings = [f for f in json.loads(result.stdout) if f["rule"] == "TR101"]
    assert len(findings) == 1 and findings[0]["severity"] == "warning"
    assert "--mark-synced docs/sv/ohjeet/chat.md" in findings[0]["fix"]
    guidekit(tree, "status", "--mark-synced", "sv")
    result = guidekit(tree, "lint", "--format", "json", "docs/sv/ohjeet/chat.md")
    assert not [f for f in json.loads(result.stdout) if f["rule"] == "TR101"]


# --- never synced, and what changed in Finnish since the sync ------------------------------


def edit_finnish(tree: Path, old: str, new: str) -> None:
    fi = page(tree, "fi")
    text = fi.read_text(encoding="utf-8")
    assert old in text
    fi.write_text(text.replace(old, new), encoding="utf-8")


def test_a_never_synced_translation_is_not_called_outdated(tree):
    shown = guidekit(tree, "status", "docs/sv/ohjeet/chat.md")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == "docs/sv/ohjeet/chat.md: ei merkitty ajan tasalle"
    assert "vanhentunut" not in shown.stdout and "--mark-synced docs/sv/ohjeet/chat.md" in shown.stdout
    lint = guidekit(tree, "lint", "--format", "json", "docs/sv/ohjeet/chat.md")
    [finding] = [f for f in json.loads(lint.stdout) if f["rule"] == "TR101"]
    assert "vanhentunut" not in finding["message"] and "source_hash puuttuu" not in finding["message"]
    assert "ei ole vielä merkitty ajan tasalle" in finding["message"]


def test_status_of_a_page_shows_the_finnish_sentences_changed_since_the_sync_without_git(tree):
    assert not (tree / ".git").exists()  # nothing committed anywhere: the store is all there is
    synced = guidekit(tree, "status", "--mark-synced", "docs/sv/ohjeet/chat.md")
    assert "data/translation-sources/ohjeet/chat.yml" in synced.stdout
    edit_finnish(tree, "2. Kirjoita kysymys.", "2. Kirjoita kysymys ja paina Lähetä.")
    edit_finnish(tree, "Kirjoita kysymys chattiin.", "Kirjoita kysymys chattiin. Vastaus tulee pian.")
    result = guidekit(tree, "status", "docs/sv/ohjeet/chat.md")
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == "docs/sv/ohjeet/chat.md: vanhentunut"
    changed = [line for line in lines if line[:2] in ("- ", "+ ")]
    assert changed == [
        "+ Vastaus tulee pian.",
        "- 2. Kirjoita kysymys.",
        "+ 2. Kirjoita kysymys ja paina Lähetä.",
    ]
    assert "--mark-synced docs/sv/ohjeet/chat.md" in result.stdout

    [row] = json.loads(guidekit(tree, "status", "--format", "json", "docs/sv/ohjeet/chat.md").stdout)
    assert row["state"] == "outdated" and row["changes_known"] is True
    assert [line for line in row["changes"] if line[:2] in ("- ", "+ ")] == changed


def test_the_store_keeps_each_synced_text_while_a_translation_needs_it(tree):
    selko = page(tree, "selko")
    selko.parent.mkdir(parents=True)
    selko.write_text(SELKO_GUIDE.format(reviewed=TODAY.isoformat()), encoding="utf-8")
    store = tree / "data" / "translation-sources" / "ohjeet" / "chat.yml"
    assert guidekit(tree, "status", "--mark-synced", "sv").returncode == 0
    first = content_hash(page(tree, "fi").read_text(encoding="utf-8"))
    assert first in store.read_text(encoding="utf-8")
    edit_finnish(tree, "Avaa chat.", "Avaa chat sovelluksessa.")
    assert guidekit(tree, "status", "--mark-synced", "selko").returncode == 0
    second = content_hash(page(tree, "fi").read_text(encoding="utf-8"))
    kept = store.read_text(encoding="utf-8")
    assert first in kept and second in kept  # sv still needs the first text
    shown = guidekit(tree, "status", "docs/fi/ohjeet/chat.md").stdout  # the Finnish page: all its translations
    assert "docs/sv/ohjeet/chat.md: vanhentunut" in shown and "- 1. Avaa chat." in shown
    assert "docs/selko/ohjeet/chat.md: ajan tasalla" in shown and "docs/en/ohjeet/chat.md: ei käännetty" in shown
    assert guidekit(tree, "status", "--mark-synced", "sv").returncode == 0
    pruned = store.read_text(encoding="utf-8")
    assert first not in pruned and second in pruned


@pytest.mark.parametrize("damage", ["delete", "garbage"])
def test_without_the_stored_text_status_says_so_plainly(tree, damage):
    guidekit(tree, "status", "--mark-synced", "sv")
    store = tree / "data" / "translation-sources" / "ohjeet" / "chat.yml"
    if damage == "delete":
        store.unlink()
    else:
        store.write_text("[: ei yamlia\n", encoding="utf-8")
    edit_finnish(tree, "Avaa chat.", "Avaa chat sovelluksessa.")
    result = guidekit(tree, "status", "--messages", "en", "docs/sv/ohjeet/chat.md")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "docs/sv/ohjeet/chat.md: outdated" in result.stdout
    assert "is not stored (data/translation-sources/ohjeet/chat.yml)" in result.stdout


def test_status_of_an_unknown_target_is_one_clear_error(tree):
    result = guidekit(tree, "status", "data")
    assert result.returncode == 2 and "data: ei käännöksiä" in result.stderr and "Traceback" not in result.stderr


def test_source_sentences_one_per_line_with_markers_and_without_comments():
    text = (
        "---\ntitle: Otsikko\n---\n\n# Otsikko\n\nEka lause. Toka lause\njatkuu tässä.\n\n"
        "<!-- tekijälle -->\n- kohta yksi\n- kohta kaksi\n\n1. Avaa chat.\n"
    )
    assert source_sentences(text) == [
        "title: Otsikko", "# Otsikko", "Eka lause.", "Toka lause jatkuu tässä.",
        "• kohta yksi", "• kohta kaksi", "1. Avaa chat.",
    ]


def test_changed_sentences_marks_removed_and_added_with_context():
    assert changed_sentences(["a", "b", "c"], ["a", "b", "c"]) == []
    assert changed_sentences(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == ["  a", "- b", "+ x", "  c"]


# --- the built site -------------------------------------------------------------------------


INDEX = {
    "fi": "---\ntitle: Etusivu\ndescription: Ohjeet digitaalisiin palveluihin.\n---\n\n# Etusivu\n\nTervetuloa.\n",
    "sv": "---\ntitle: Startsida\ndescription: Anvisningar för digitala tjänster.\n---\n\n# Startsida\n\nVälkommen.\n",
    "en": "---\ntitle: Front page\ndescription: Guides to digital services.\n---\n\n# Front page\n\nWelcome.\n",
    "selko": "---\ntitle: Etusivu\ndescription: Ohjeet netin palveluihin.\n---\n\n# Etusivu\n\nTervetuloa.\n",
}


def small_site(tmp_path: Path) -> Path:
    """Every language has a front page synced to the Finnish one; the chat guide exists in
    fi, sv (synced, then Finnish edited: outdated) and selko (never synced); en lacks it."""
    reviewed = TODAY.isoformat()
    pages = {f"{lang}/index.md": text for lang, text in INDEX.items()}
    for lang in ("sv", "en", "selko"):
        pages[f"{lang}/index.md"] = set_source_hash(INDEX[lang], content_hash(INDEX["fi"]))
    pages["fi/ohjeet/chat.md"] = FI_GUIDE.format(reviewed=reviewed).replace("Avaa chat.", "Avaa chat sovelluksessa.")
    pages["sv/ohjeet/chat.md"] = set_source_hash(SV_GUIDE.format(reviewed=reviewed), content_hash(FI_GUIDE.format(reviewed=reviewed)))
    pages["selko/ohjeet/chat.md"] = SELKO_GUIDE.format(reviewed=reviewed)
    return make_site(tmp_path, pages)


@pytest.fixture(scope="module")
def built_small_site(tmp_path_factory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("status-site")
    result = run_build(small_site(tmp), tmp / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output  # outdated translations never fail the strict build
    return tmp / "site", output


def notice(site: Path, rel: str) -> str | None:
    html = (site / rel).read_text(encoding="utf-8")
    start = html.find('class="gk-outdated-notice"')
    return None if start < 0 else html[start : html.index("</div>", start)]


def test_outdated_translation_tells_its_readers_in_their_language(built_small_site):
    site, _output = built_small_site
    sv = notice(site, "sv/ohjeet/chat/index.html")
    assert sv is not None and "Den här översättningen kan vara föråldrad" in sv
    assert 'href="../../../ohjeet/chat/" hreflang="fi"' in sv  # the Finnish source page
    assert sv.startswith('class="gk-outdated-notice" role="note"')
    assert "Den finska sidan har ändrats" in sv  # it fell behind a change of the Finnish page
    # The selko page was never marked synced: nothing changed since, nobody compared it yet.
    selko = notice(site, "selko/ohjeet/chat/index.html")
    assert selko is not None and "Tämän sivun tiedot voivat olla vanhoja" in selko
    assert "Emme ole vielä tarkistaneet tätä sivua" in selko and "Olemme muuttaneet" not in selko


def test_up_to_date_source_and_fallback_pages_have_no_outdated_notice(built_small_site):
    site, _output = built_small_site
    for rel in ("index.html", "sv/index.html", "ohjeet/chat/index.html", "en/ohjeet/chat/index.html"):
        assert notice(site, rel) is None, rel
    assert 'class="gk-fallback-notice"' in (site / "en/ohjeet/chat/index.html").read_text(encoding="utf-8")


def test_outdated_translations_are_info_notes_in_the_build_log(built_small_site):
    _site, output = built_small_site
    outdated = [line for line in output.splitlines() if "guidekit: käännös voi olla vanhentunut" in line]
    never = [line for line in output.splitlines() if "guidekit: käännöstä ei ole merkitty ajan tasalle" in line]
    assert [line.split()[0] for line in outdated + never] == ["INFO", "INFO"]
    assert len(outdated) == 1 and "(sv, 1 sivua): ohjeet/chat.md" in outdated[0]
    assert len(never) == 1 and "(selko, 1 sivua): ohjeet/chat.md" in never[0]
    tr101 = [line for line in output.splitlines() if "[TR101]" in line]
    assert {line.split()[0] for line in tr101} == {"INFO"} and len(tr101) == 2


def test_one_language_preview_builds_with_finnish_fallbacks(tmp_path):
    # `./dev serve selko`: the language at its published addresses (/selko/…), a Finnish
    # fallback where selko lacks a page, and a root that says only selko is in the preview.
    config = small_site(tmp_path)
    write_page(tmp_path, "fi/ohjeet/viestit.md", FI_GUIDE.format(reviewed=TODAY.isoformat())
               .replace("short: chat", "short: viestit").replace("Kysy chatissa", "Lue viestit"))
    site = tmp_path / "site"
    result = run_build(config, site, env={"GUIDEKIT_ONLY_LANGUAGE": "selko"})
    assert result.returncode == 0, result.stdout + result.stderr
    fallback = (site / "selko" / "ohjeet" / "viestit" / "index.html").read_text(encoding="utf-8")
    assert 'class="gk-fallback-notice"' in fallback and "Lue viestit" in fallback
    assert "Tervetuloa." in (site / "selko" / "index.html").read_text(encoding="utf-8")
    # Nothing of the language at the root: /ohjeet/… would be a Finnish address.
    assert sorted(p.name for p in site.iterdir()) == ["404.html", "index.html", "selko"]
    guide = (site / "selko" / "ohjeet" / "chat" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical" href="https://asioi.esimerkkila.example/selko/ohjeet/chat/"' in guide
    assert 'href="https://asioi.esimerkkila.example/selko/o/chat/"' in guide  # its short address
    assert (site / "selko" / "o" / "chat" / "index.html").is_file()
    # The never-synced page's notice leads to the Finnish page on the live site (fi is not built).
    box = notice(site, "selko/ohjeet/chat/index.html")
    assert box is not None and 'href="https://asioi.esimerkkila.example/ohjeet/chat/" hreflang="fi"' in box
    for root_page in ("index.html", "404.html"):
        html = (site / root_page).read_text(encoding="utf-8")
        assert "Selkosuomi" in html and '<a href="/selko/" hreflang="fi-x-selko">' in html, root_page
        assert 'href="https://asioi.esimerkkila.example/"' in html, root_page
    assert "Sivua ei ole tässä esikatselussa" in (site / "404.html").read_text(encoding="utf-8")

"""The results cache (guidekit/lintcache.py): a second run reuses the findings of
unchanged pages, and re-checks a page whenever anything its findings depend on changed:
its text, its Finnish source, a short id it shares, guidekit.yml, data, images, the date,
Voikko. A broken cache never breaks the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PIL import Image

from conftest import checks_tree, write_page
from guidekit import lintcache
from guidekit.commands.lint import lint_pages
from guidekit.translations import content_hash

TODAY = dt.date.today().isoformat()
LONG_SENTENCE = " ".join(["sana"] * 29) + " loppu."  # 30 words: PL101 in Finnish (limit 25)


def guide(title: str, body: str, short: str, **extra) -> str:
    fields = {
        "title": title,
        "description": f"{title}.",
        "service": "chat",
        "reviewed": TODAY,
        "owner": "Viestintä",
        "short": short,
        **extra,
    }
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{front}---\n\n# {title}\n\n{body}\n"


FI_CHAT = guide("Kysy chatissa", "Kirjoita kysymys chattiin. Saat vastauksen pian.", "chat")
FI_MESSAGES = guide("Lue viestit", "Avaa viestit. Lue uusin viesti.", "viestit")
SV_CHAT = guide(
    "Fråga i chatten", "Skriv din fråga i chatten. Du får svar snart.", "chat", source_hash=f'"{content_hash(FI_CHAT)}"'
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A repository with the real guidekit.yml and data, two Finnish guides and one Swedish."""
    checks_tree(tmp_path)
    write(tmp_path, "fi/ohjeet/chat.md", FI_CHAT)
    write(tmp_path, "fi/ohjeet/viestit.md", FI_MESSAGES)
    write(tmp_path, "sv/ohjeet/chat.md", SV_CHAT)
    return tmp_path


write = write_page


def lint(tree: Path):
    return lint_pages([tree / "docs"], tree)


def rules_in(run) -> list[tuple[str, str]]:
    return [(f.rule, f.path) for f in run.findings]


def test_second_run_reuses_every_unchanged_page_with_the_same_findings(tree):
    write(tree, "fi/ohjeet/viestit.md", guide("Lue viestit", LONG_SENTENCE, "viestit"))
    first = lint(tree)
    second = lint(tree)
    assert first.pages_reused == 0
    assert second.pages_reused == 3
    assert ("PL101", "docs/fi/ohjeet/viestit.md") in rules_in(first)
    assert second.findings == first.findings
    assert [s.scores for s in second.summaries.values()] == [s.scores for s in first.summaries.values()]
    assert lintcache.cache_path(tree).is_file()


def test_an_edited_page_is_checked_again_and_only_it(tree):
    lint(tree)
    write(tree, "fi/ohjeet/viestit.md", guide("Lue viestit", LONG_SENTENCE, "viestit"))
    run = lint(tree)
    assert run.pages_reused == 2
    assert ("PL101", "docs/fi/ohjeet/viestit.md") in rules_in(run)


def test_a_changed_finnish_page_checks_its_translation_again(tree):
    assert ("TR101", "docs/sv/ohjeet/chat.md") not in rules_in(lint(tree))
    write(tree, "fi/ohjeet/chat.md", FI_CHAT.replace("Saat vastauksen pian.", "Saat vastauksen heti."))
    run = lint(tree)
    assert ("TR101", "docs/sv/ohjeet/chat.md") in rules_in(run)
    assert run.pages_reused == 1  # only fi/ohjeet/viestit.md is untouched


def test_a_new_page_sharing_a_short_id_is_reported_on_the_cached_page_too(tree):
    lint(tree)
    write(tree, "fi/ohjeet/uusi.md", guide("Uusi ohje", "Tämä on uusi ohje.", "chat"))
    run = lint(tree)
    assert ("FM107", "docs/fi/ohjeet/chat.md") in rules_in(run)
    assert ("FM107", "docs/fi/ohjeet/uusi.md") in rules_in(run)


def test_a_changed_configuration_checks_every_page_again(tree):
    lint(tree)
    config = (tree / "guidekit.yml").read_text(encoding="utf-8")
    (tree / "guidekit.yml").write_text(config + "\n# changed\n", encoding="utf-8")
    assert lint(tree).pages_reused == 0


def test_a_replaced_image_is_inspected_again(tree):
    image = tree / "docs" / "fi" / "assets" / "images" / "chat.png"
    image.parent.mkdir(parents=True)
    Image.new("RGB", (64, 40), "white").save(image)
    page = guide("Kysy chatissa", "Kirjoita kysymys.\n\n![Chatin aloitusnäkymä.](../assets/images/chat.png)", "chat")
    write(tree, "fi/ohjeet/chat.md", page)
    assert ("IMG203", "docs/fi/ohjeet/chat.md") not in rules_in(lint(tree))
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"broken" * 10)
    run = lint(tree)
    assert ("IMG203", "docs/fi/ohjeet/chat.md") in rules_in(run)


@pytest.mark.parametrize("content", ["{not json", '{"format": 999, "pages": {}}', '{"format": 1, "pages": {"x": 1}}', ""])
def test_a_broken_cache_file_is_ignored_and_replaced(tree, content):
    path = lintcache.cache_path(tree)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    run = lint(tree)
    assert run.pages_reused == 0
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == lintcache.FORMAT
    assert lint(tree).pages_reused == 3


def test_a_cache_entry_of_another_shape_is_checked_again(tree):
    lint(tree)
    path = lintcache.cache_path(tree)
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["pages"].values():
        entry["findings"] = [{"unexpected": True}]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert lint(tree).pages_reused == 0


def test_guidekit_cache_0_writes_and_reads_no_cache(tree, monkeypatch):
    monkeypatch.setenv("GUIDEKIT_CACHE", "0")
    lint(tree)
    assert not lintcache.cache_path(tree).exists()
    assert lint(tree).pages_reused == 0


def test_deleted_pages_leave_the_cache(tree):
    lint(tree)
    (tree / "docs" / "fi" / "ohjeet" / "viestit.md").unlink()
    lint(tree)
    pages = json.loads(lintcache.cache_path(tree).read_text(encoding="utf-8"))["pages"]
    assert sorted(pages) == ["docs/fi/ohjeet/chat.md", "docs/sv/ohjeet/chat.md"]


def test_the_run_signature_changes_with_date_voikko_and_message_language(tree):
    day = dt.date(2026, 11, 23)
    base = lintcache.run_signature(tree, "fi", None, day)
    assert lintcache.run_signature(tree, "fi", None, day) == base
    assert lintcache.run_signature(tree, "fi", None, day + dt.timedelta(days=1)) != base  # FM201 counts days
    assert lintcache.run_signature(tree, "fi", "Voikko ei ole käytössä", day) != base
    assert lintcache.run_signature(tree, "en", None, day) != base


def test_the_page_key_covers_text_source_and_site_inputs():
    key = lintcache.page_key("run", "docs/sv/a.md", "text", "source", "")
    assert lintcache.page_key("run", "docs/sv/a.md", "text", "source", "") == key
    assert lintcache.page_key("run", "docs/sv/a.md", "text!", "source", "") != key
    assert lintcache.page_key("run", "docs/sv/a.md", "text", "source!", "") != key
    assert lintcache.page_key("run", "docs/sv/a.md", "text", None, "") != key
    assert lintcache.page_key("run", "docs/sv/a.md", "text", "source", "docs/sv/b.md") != key
    assert lintcache.page_key("run", "docs/sv/b.md", "text", "source", "") != key

"""guidekit.yml is checked against the rules' settings specs when it loads: a misspelt key,
a wrong type or a number out of range is one message naming the file, the line and the key,
in `guidekit lint` (exit 2), `mkdocs build` and `mkdocs serve`, never a traceback."""

from __future__ import annotations

import re
import socket
import subprocess

import pytest

from guidekit.cli import main
from guidekit.config import ConfigError, load_config, rule_specs
from guidekit.rules import all_rules, rule_id
from guidekit.settings import KINDS, problem

from conftest import MKDOCS, ROOT, checks_tree, make_site, run_build, write_page

CLEAN_PAGE = "---\ntitle: Ohje\ndescription: Lyhyt ohje.\n---\n\n# Ohje\n\nAvaa sovellus.\n"


def edited(tree, old: str, new: str):
    """guidekit.yml of the tree with one exact piece replaced; returns the new text's line of `new`."""
    path = tree / "guidekit.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    offset = text.index(new) + len(new) - len(new.lstrip("\n"))
    return text.count("\n", 0, offset) + 1


def line_of(tree, needle: str) -> int:
    text = (tree / "guidekit.yml").read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


# The typo cases of issue 12: (what to replace in the real guidekit.yml, what with,
# the key path the message names, the line's text, words the reason must contain).
TYPOS = {
    "misspelt key under a rule": (
        "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n",
        "    selko: {max_word: 16, warn_words: 12, warn_share: 0.25}\n",
        "rules.PL101.selko.max_word",
        "selko: {max_word: 16",
        "tarkoititko max_words?",
    ),
    "not a number": (
        "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n",
        "    selko: {max_words: paljon, warn_words: 12, warn_share: 0.25}\n",
        "rules.PL101.selko.max_words",
        "selko: {max_words: paljon",
        "'paljon' ei ole kokonaisluku",
    ),
    "negative number": (
        "    selko: {max_words: 45}\n",
        "    selko: {max_words: -5}\n",
        "rules.PL102.selko.max_words",
        "selko: {max_words: -5}",
        "liian pieni",
    ),
    "unknown rule ID": (
        "  PL101:  # sentence length",
        "  PL1O1:  # sentence length",
        "rules.PL1O1",
        "PL1O1:",
        "tuntematon sääntö PL1O1; tarkoititko PL101?",
    ),
    "misspelt key elsewhere": (
        "  IMG105: {}",
        "  IMG105: {default: {warn_abve: 100}}",
        "rules.IMG105.default.warn_abve",
        "IMG105: {default: {warn_abve",
        "tarkoititko warn_above?",
    ),
    "out of range share": (
        "    selko: {max_share: 0.4, min_sentences: 5, allow: [], severity: warning}\n",
        "    selko: {max_share: 5, min_sentences: 5, allow: [], severity: warning}\n",
        "rules.PL302.selko.max_share",
        "selko: {max_share: 5",
        "liian suuri",
    ),
    "wrong type of list": (
        "    selko: {max_share: 0.0, allow: [alkaen, lähtien]}",
        "    selko: {max_share: 0.0, allow: alkaen}",
        "rules.PL304.selko.allow",
        "selko: {max_share: 0.0, allow: alkaen}",
        "ei ole luettelo",
    ),
    "unknown language block": (
        "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n",
        "    selk: {max_words: 16, warn_words: 12, warn_share: 0.25}\n",
        "rules.PL101.selk",
        "selk: {max_words: 16",
        "tarkoititko selko?",
    ),
    "unknown section": (
        "guide_length:\n",
        "guide_lenght:\n",
        "guide_lenght",
        "guide_lenght:",
        "tarkoititko guide_length?",
    ),
    "wrong value in a section": (
        "  webp_quality: 80",
        "  webp_quality: 800",
        "images.webp_quality",
        "webp_quality: 800",
        "liian suuri",
    ),
}


@pytest.mark.parametrize("case", TYPOS, ids=list(TYPOS))
def test_a_typo_in_guidekit_yml_is_one_message_with_file_line_and_key(tmp_path, case):
    old, new, key, line_text, reason = TYPOS[case]
    tree = checks_tree(tmp_path)
    edited(tree, old, new)
    with pytest.raises(ConfigError) as raised:
        load_config(tree)
    [message] = str(raised.value).split("\n")
    line = line_of(tree, line_text)
    assert message.startswith(f"{tree / 'guidekit.yml'}:{line}: {key}: "), message
    assert reason in message


def test_lint_exits_2_with_the_message_and_no_traceback(tmp_path, monkeypatch, capsys):
    tree = checks_tree(tmp_path)
    write_page(tree, "fi/ohje.md", CLEAN_PAGE)
    monkeypatch.chdir(tree)
    assert main(["lint", "--no-cache"]) == 0
    edited(tree, "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n", "    selko: {max_word: 16, warn_words: 12, warn_share: 0.25}\n")
    assert main(["lint", "--no-cache"]) == 2
    captured = capsys.readouterr()
    assert "rules.PL101.selko.max_word: tuntematon avain max_word; tarkoititko max_words?" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert main(["rules", "--check"]) == 2  # every command that reads guidekit.yml stops the same way


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    tree = checks_tree(tmp_path)
    edited(tree, "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n", "    selko: {max_words: paljon, warn_words: 12, warn_share: 0.25}\n")
    edited(tree, "  IMG105: {}", "  IMG105: {fail_abve: 1}")
    with pytest.raises(ConfigError) as raised:
        load_config(tree)
    keys = [re.search(r": (\S+): ", line).group(1) for line in str(raised.value).split("\n")]
    assert keys == ["rules.PL101.selko.max_words", "rules.IMG105.fail_abve"]


def test_the_real_guidekit_yml_fits_the_specs():
    load_config(ROOT)  # raises ConfigError otherwise


def test_defaults_come_from_the_spec_when_guidekit_yml_says_nothing(tmp_path):
    tree = checks_tree(tmp_path)
    (tree / "guidekit.yml").write_text("rules: {}\n", encoding="utf-8")
    config = load_config(tree)
    for rule in all_rules():
        settings = config.rule(rule_id(rule), "fi")
        for setting in rule_specs()[rule_id(rule)]:  # COMMON (severity: the rule's own SEVERITY) and its own
            assert settings[setting.name] == setting.default
    assert load_config(tree).rule("AD007")["severity"] == "info"
    assert config.section("images")["webp_quality"] == 80


def test_every_spec_is_well_formed_and_its_default_fits():
    for rid, spec in rule_specs().items():
        names = [s.name for s in spec]
        assert len(names) == len(set(names)), rid
        for setting in spec:
            assert setting.kind in KINDS and setting.description, (rid, setting.name)
            assert problem(setting, setting.default) is None or setting.default is None, (rid, setting.name)


def test_the_rules_page_has_each_rules_settings_table(root):
    page = (root / "authoring" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        section = page.split(f"\n## {rule_id(rule)}\n", 1)[1].split("\n## ", 1)[0]
        for setting in getattr(rule, "SETTINGS", ()):
            assert re.search(rf"^\| `{setting.name}` \| {re.escape(KINDS[setting.kind])} \|", section, re.M), (rule_id(rule), setting.name)


def test_mkdocs_build_stops_with_the_message_not_a_traceback(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_PAGE})
    edited(tmp_path, "    selko: {max_words: 16, warn_words: 12, warn_share: 0.25}\n", "    selko: {max_words: paljon, warn_words: 12, warn_share: 0.25}\n")
    result = run_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "guidekit.yml:" in output and "rules.PL101.selko.max_words: arvo 'paljon' ei ole kokonaisluku" in output
    assert "Traceback" not in output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mkdocs_serve_stops_with_the_message_not_a_traceback(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_PAGE})
    edited(tmp_path, "  IMG105: {}", "  IMG105: {default: {warn_abve: 100}}")
    result = subprocess.run(
        [*MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{free_port()}", "--no-livereload"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "rules.IMG105.default.warn_abve: tuntematon avain warn_abve; tarkoititko warn_above?" in output
    assert "Traceback" not in output

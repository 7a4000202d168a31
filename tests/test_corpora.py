"""The calibration corpora (issue 13): published text that should pass gets few findings per
100 words, administrative and legal text many, and the gap between them stays wide.
`.venv/bin/python -m guidekit.calibration` prints the same table (BENCHMARKS.md)."""

from __future__ import annotations

import re

import pytest

from guidekit.calibration import KINDS, LANGUAGES, corpus_files, measure, separation, table
from guidekit.frontmatter import read_front_matter
from guidekit.lint import make_context

PASS_AT_MOST = 1.5  # findings per 100 words
FLAG_AT_LEAST = {"selko": 8.0, "fi": 4.0, "sv": 4.0, "en": 4.0}
SEPARATION_AT_LEAST = {"selko": 6.0, "fi": 3.0, "sv": 3.0, "en": 3.0}
MIN_FILES = 4
URL = re.compile(r"^https?://\S+$")


@pytest.fixture(scope="module")
def results(root):
    found = measure(root, make_context(root))
    print("\n" + table(found))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_corpus_file_names_its_source(root, lang):
    for kind in KINDS:
        files = corpus_files(root, lang, kind)
        assert len(files) >= MIN_FILES, f"tests/corpora/{lang}/{kind}: {len(files)} files, at least {MIN_FILES}"
        for path in files:
            data = read_front_matter(path.read_text(encoding="utf-8")).data
            assert URL.match(str(data.get("source", ""))), f"{path}: no source address"
            assert data.get("kind") in ("quote", "paraphrase"), f"{path}: kind is quote or paraphrase"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pass_corpus_is_nearly_clean_and_flag_corpus_is_flagged(results, lang):
    by_kind = {r.kind: r for r in results if r.lang == lang}
    report = table(results)
    assert by_kind["pass"].words > 0 and by_kind["flag"].words > 0
    assert by_kind["pass"].per_100_words <= PASS_AT_MOST, report
    assert by_kind["flag"].per_100_words >= FLAG_AT_LEAST[lang], report
    assert separation(results, lang) >= SEPARATION_AT_LEAST[lang], report


def test_separation_is_computed_from_the_findings(tmp_path, root):
    """The measure is not a constant: a flag text copied into the pass corpus raises its rate."""
    import shutil

    from conftest import checks_tree

    tree = checks_tree(tmp_path)
    shutil.copytree(root / "tests" / "corpora", tree / "tests" / "corpora")
    before = {(r.lang, r.kind): r.per_100_words for r in measure(tree)}
    for path in corpus_files(tree, "en", "flag"):
        shutil.copy(path, tree / "tests" / "corpora" / "en" / "pass" / f"copied-{path.name}")
    after = measure(tree)
    assert {(r.lang, r.kind): r.per_100_words for r in after}[("en", "pass")] > before[("en", "pass")]
    assert separation(after, "en") < SEPARATION_AT_LEAST["en"]

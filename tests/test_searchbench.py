"""The search query set and its scoring (guidekit/searchbench.py); the run in Chromium is
tests/browser/test_search.py."""

from __future__ import annotations

import pytest

from guidekit.searchbench import (
    Outcome,
    Query,
    QuerySetError,
    breakdown,
    load_queries,
    location_of,
    misses,
    score,
    split_results,
    table,
)


def test_the_query_set_is_valid_and_large_enough(root):
    queries = load_queries(root)
    assert len(queries) >= 150
    assert {q.lang for q in queries} == {"fi", "sv", "en", "selko"}
    assert {q.kind for q in queries} == {"exact", "inflected", "everyday", "typo", "phrase"}


def test_the_held_out_query_set_is_valid_and_new(root):
    held_out = load_queries(root, root / "tests" / "search" / "queries-heldout.yml")
    assert {q.lang for q in held_out} == {"fi", "sv", "en", "selko"} and len(held_out) >= 40
    # Held out means not the same queries: none is in the main set.
    main = {(q.lang, q.q.lower()) for q in load_queries(root)}
    assert [q.q for q in held_out if (q.lang, q.q.lower()) in main] == []


@pytest.mark.parametrize(
    ("source", "location"),
    [("index.md", ""), ("ohjeet/chat.md", "ohjeet/chat/"), ("ohjeet/index.md", "ohjeet/"), ("palaute.md", "palaute/")],
)
def test_a_source_file_is_its_page_address(source, location):
    assert location_of(source) == location


def write_queries(tmp_path, text):
    (tmp_path / "docs" / "fi" / "ohjeet").mkdir(parents=True)
    (tmp_path / "docs" / "fi" / "ohjeet" / "chat.md").write_text("# Chat\n", encoding="utf-8")
    path = tmp_path / "queries.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_expected_pages_may_be_one_or_a_list(tmp_path):
    path = write_queries(tmp_path, "fi:\n  - {q: chat, kind: exact, expect: ohjeet/chat.md}\n  - {q: chät, kind: typo, expect: [ohjeet/chat.md]}\n")
    assert load_queries(tmp_path, path) == [
        Query("fi", "chat", "exact", ("ohjeet/chat/",)),
        Query("fi", "chät", "typo", ("ohjeet/chat/",)),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("fi:\n  - {q: chat, kind: exact, expect: ohjeet/missing.md}\n", "docs/fi/ohjeet/missing.md does not exist"),
        ("fi:\n  - {q: chat, kind: guess, expect: ohjeet/chat.md}\n", "kind is one of"),
        ("fi:\n  - {q: chat, expect: ohjeet/chat.md}\n", "needs q, kind and expect"),
        ("de:\n  - {q: chat, kind: exact, expect: ohjeet/chat.md}\n", "'de' is not a language"),
        ("fi: [\n", "queries.yml"),
    ],
)
def test_a_wrong_entry_is_one_clear_error(tmp_path, text, says):
    path = write_queries(tmp_path, text)
    with pytest.raises(QuerySetError, match=None) as error:
        load_queries(tmp_path, path)
    assert says in str(error.value)


def outcome(found, expect=("a/",), lang="fi", kind="exact", ms=10.0, outside=()):
    return Outcome(Query(lang, "q", kind, tuple(expect)), list(found), list(outside), ms)


def test_scores_count_ranks_zero_results_and_other_languages():
    outcomes = [
        outcome(["a/", "b/"], ms=10),
        outcome(["b/", "c/", "a/"], ms=20),
        outcome(["b/", "c/", "d/", "a/"], ms=30),
        outcome([], ms=40),
        outcome(["b/"], expect=("b/", "c/"), outside=["/sv/x/"], ms=50),
    ]
    s = score(outcomes)
    assert s.queries == 5
    assert s.success_at_1 == pytest.approx(2 / 5)
    assert s.success_at_3 == pytest.approx(3 / 5)
    assert s.mrr == pytest.approx((1 + 1 / 3 + 1 / 4 + 0 + 1) / 5)
    assert s.zero_rate == pytest.approx(1 / 5)
    assert s.outside == 1
    assert s.median_ms == 30


def test_breakdown_is_per_language_and_per_kind():
    outcomes = [outcome(["a/"], lang="fi", kind="typo"), outcome([], lang="sv", kind="exact")]
    groups = breakdown(outcomes)
    assert groups[("all", "all")].queries == 2
    assert groups[("fi", "all")].success_at_1 == 1.0 and groups[("sv", "all")].zero_rate == 1.0
    assert groups[("all", "typo")].success_at_1 == 1.0 and groups[("all", "exact")].success_at_1 == 0.0
    assert "| fi | typo | 1 | 1.00 | 1.00 | 1.00 | 0.0% | 0 | 10 |" in table(outcomes)
    assert misses(outcomes) == ["sv exact 'q': rank None, got [], expected ['a/']"]


def test_results_are_split_into_own_pages_and_other_languages():
    assert split_results(["/ohjeet/chat/", "/sv/ohjeet/chat/", "/", "/ohjeet/chat/"], "fi") == (["ohjeet/chat/", ""], ["/sv/ohjeet/chat/"])
    assert split_results(["/sv/ohjeet/chat/", "/ohjeet/chat/"], "sv") == (["ohjeet/chat/"], ["/ohjeet/chat/"])


def test_bench_runs_the_query_set_it_is_given(tmp_path, capsys):
    # `guidekit bench --search SITE --queries FILE` reads FILE, not tests/search/queries.yml:
    # a wrong entry there stops it with the file's name before any browser starts.
    from guidekit.cli import main

    path = tmp_path / "other-queries.yml"
    path.write_text("fi:\n  - {q: chat, kind: exact, expect: ohjeet/missing.md}\n", encoding="utf-8")
    assert main(["bench", "--search", str(tmp_path), "--queries", str(path)]) == 2
    assert "other-queries.yml" in capsys.readouterr().err

"""The fast preview's decisions (guidekit/incremental.py): when a dirty rebuild may stay
incremental, and how the search index keeps the pages not rebuilt."""

from __future__ import annotations

import os

from guidekit.incremental import input_signature, merged_index_docs, newer_than_built


def _tree(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sv").mkdir(parents=True)
    (docs / "sv" / "a.md").write_text("# A\n", encoding="utf-8")
    (docs / "sv" / "kuva.svg").write_text("<svg/>", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "county.yml").write_text("name: x\n", encoding="utf-8")
    return docs, [data, tmp_path / "mkdocs.yml"]


def _touch_later(path):
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_page_text_keeps_the_signature_and_everything_else_changes_it(tmp_path):
    docs, others = _tree(tmp_path)
    before = input_signature(docs, others)
    (docs / "sv" / "a.md").write_text("# A, longer now\n", encoding="utf-8")
    _touch_later(docs / "sv" / "a.md")
    assert input_signature(docs, others) == before  # the dirty build renders that page itself

    for change in (
        lambda: (docs / "sv" / "b.md").write_text("# B\n", encoding="utf-8"),  # a new page: the nav
        lambda: (docs / "sv" / "b.md").unlink(),  # a removed one
        lambda: _touch_later(docs / "sv" / "kuva.svg"),  # an image: width and height in pages
        lambda: _touch_later(tmp_path / "data" / "county.yml"),  # facts on every page
        lambda: (tmp_path / "mkdocs.yml").write_text("nav: []\n", encoding="utf-8"),  # appears
    ):
        change()
        after = input_signature(docs, others)
        assert after != before
        before = after


def test_a_source_newer_than_its_built_page_is_built_again(tmp_path):
    source, built = tmp_path / "a.md", tmp_path / "index.html"
    source.write_text("x", encoding="utf-8")
    assert newer_than_built(source, built)  # nothing built yet
    built.write_text("y", encoding="utf-8")
    _touch_later(built)
    assert not newer_than_built(source, built)
    _touch_later(source)
    _touch_later(source)
    assert newer_than_built(source, built)


def test_search_entries_of_pages_not_rebuilt_are_kept_in_their_place():
    before = [{"location": "", "title": "Start"}, {"location": "a/", "title": "A"},
              {"location": "a/#steg", "title": "Steg"}, {"location": "b/", "title": "B"}]
    rebuilt = [{"location": "a/", "title": "A2"}, {"location": "c/", "title": "C"}]
    merged = merged_index_docs(before, rebuilt)
    assert [d["location"] for d in merged] == ["", "a/", "b/", "c/"]  # a's old heading entry is gone
    assert merged[1]["title"] == "A2"
    assert merged_index_docs([], rebuilt) == rebuilt

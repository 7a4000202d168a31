"""guidekit/publishing.py: a path's folders resolved once per pass give the same answer as
resolving every path whole."""

from __future__ import annotations

import os

from guidekit.publishing import inside, problem_of


def test_inside_with_the_folders_kept_is_inside_without(tmp_path):
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "fi" / "ohjeet").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    (docs / "fi" / "ohjeet" / "chat.md").write_text("# Chat")
    (docs / "fi" / "link-out.txt").symlink_to(outside / "secret.txt")
    (docs / "fi" / "link-in.md").symlink_to(docs / "fi" / "ohjeet" / "chat.md")
    (docs / "fi" / "folder-out").symlink_to(outside)  # a file behind it is outside too
    (docs / "fi" / "dangling.png").symlink_to(tmp_path / "missing.png")
    (docs / "fi" / "loop-a").symlink_to(docs / "fi" / "loop-b")
    (docs / "fi" / "loop-b").symlink_to(docs / "fi" / "loop-a")
    (docs / "fi" / "page.html").write_text("<p>x</p>")
    paths = [docs / "fi" / "ohjeet" / "chat.md", docs / "fi" / "link-out.txt", docs / "fi" / "link-in.md",
             docs / "fi" / "folder-out" / "secret.txt", docs / "fi" / "dangling.png", docs / "fi" / "loop-a",
             docs / "fi" / "missing.md", docs / "fi" / "page.html", docs / "fi" / "ohjeet" / ".." / "page.html"]
    folders: dict = {}
    answers = [(inside(p, docs), inside(p, docs, folders)) for p in paths]
    assert all(whole == kept for whole, kept in answers), answers
    assert [whole for whole, _ in answers] == [True, False, True, False, False, False, True, True, True]
    assert [problem_of(p, docs, [], folders) for p in paths] == [problem_of(p, docs, []) for p in paths]
    # Kept per pass: a folder replaced by a link afterwards is seen by the next pass.
    os.rename(docs / "fi" / "ohjeet", tmp_path / "moved")
    (docs / "fi" / "ohjeet").symlink_to(outside)
    (outside / "chat.md").write_text("# Chat")
    assert not inside(docs / "fi" / "ohjeet" / "chat.md", docs, {})

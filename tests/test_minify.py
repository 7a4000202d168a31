"""Our own stylesheets and scripts are published minified (guidekit/minify.py, hooks/assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidekit.minify import minified, minify_files

ROOT = Path(__file__).resolve().parents[1]


def test_comments_and_spaces_go_and_the_code_stays(tmp_path):
    (tmp_path / "a.css").write_text("/* why */\n.gk-x  >  a:hover {\n  color : red ;\n}\n", encoding="utf-8")
    (tmp_path / "b.js").write_text("// why\nvar a = 1;\nvar s = 'keep  //  this';\n", encoding="utf-8")
    done = minify_files(tmp_path, ["a.css", "b.js", "missing.js"])
    assert (tmp_path / "a.css").read_text(encoding="utf-8") == ".gk-x>a:hover{color:red}"
    assert (tmp_path / "b.js").read_text(encoding="utf-8") == "var a=1;var s='keep  //  this';"
    assert [(path, before > after) for path, before, after in done] == [("a.css", True), ("b.js", True)]
    with pytest.raises(ValueError):
        minified("x", ".html")


def test_the_real_site_publishes_its_own_files_minified(built_site):
    sources = ROOT / "overrides"
    for published in ["assets/stylesheets/site.css", "assets/stylesheets/print.css", "assets/javascripts/drawer.js"]:
        source = (sources / published).read_text(encoding="utf-8")
        text = (built_site / published).read_text(encoding="utf-8")
        assert text == minified(source, Path(published).suffix)
        assert len(text) < 0.8 * len(source), published

"""No guide is longer than one task needs (GOV.UK): the words of every built guide's
article, help box included, stay under its language's limit in guidekit.yml."""

from __future__ import annotations

from guidekit.config import load_config
from guidekit.languages import LANGUAGES
from guidekit.pagelength import article_words, too_long_guides

ARTICLE = """<html><body><nav>Valikko sana sana</nav>
<article class="md-content__inner"><h1>Otsikko tässä</h1>
<p>Yksi kaksi kolme.</p><img alt="kuva ei ole sana">
<div class="gk-print-sheet" hidden><p>Vain paperilla näkyvä teksti</p></div>
<script>var notCounted = 1;</script>
{help}
</article><footer>Alatunniste</footer></body></html>"""
HELP = '<aside class="gk-help"><h2>Saat apua</h2></aside>'


def test_counts_only_the_visible_words_of_the_article():
    count, is_guide = article_words(ARTICLE.format(help=HELP))
    # "Otsikko tässä" + "Yksi kaksi kolme" + "Saat apua"
    assert (count, is_guide) == (7, True)


def test_a_page_without_the_help_box_is_not_a_guide():
    assert article_words(ARTICLE.format(help="")) == (5, False)


def test_finds_a_guide_over_its_languages_limit(tmp_path):
    long_text = "<p>" + " ".join(["sana"] * 30) + "</p>"
    for folder in ("ohjeet/pitka", "sv/ohjeet/pitka"):
        page = tmp_path / folder / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(ARTICLE.format(help=HELP + long_text), encoding="utf-8")
    found = too_long_guides(tmp_path, {"fi": 20, "sv": 50, "en": 50, "selko": 50}, list(LANGUAGES))
    assert found == ["ohjeet/pitka/index.html: 37 words (limit 20)"]


def test_every_built_guide_is_within_its_languages_limit(built_site, root):
    limits = load_config(root).get("guide_length")
    # Derived from the build: every page with the help box, in every language.
    guides = [p for p in built_site.rglob("index.html") if article_words(p.read_text(encoding="utf-8"))[1]]
    assert len(guides) >= 4 * 10, "every language's guides are built"
    assert too_long_guides(built_site, limits, list(LANGUAGES)) == []

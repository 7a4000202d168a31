"""Pruning the theme stylesheet (guidekit/cssprune.py): a rule stays when a page or a
script the pages load can give it an element, goes otherwise; the pages link the copy.

A small built site is written by hand (pages, a script, a stylesheet), so each case is
visible here; the real site's build is checked at the end (`built_site`), and
tests/browser/test_pruned_css.py compares the computed style of every element."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

from cache_tools import stored_entries
from guidekit.cssprune import PageNames, SiteNames, prune_site, prune_stylesheet, read_page, read_scripts

STYLESHEET = "assets/stylesheets/main.1234abcd.min.css"

PAGE = """<!doctype html><html lang="fi" dir="ltr"><head>
<link rel="stylesheet" href="../assets/stylesheets/main.1234abcd.min.css">
<link rel="stylesheet" href="../assets/stylesheets/site.css">
<script id="__config" type="application/json">{"search": "../assets/javascripts/worker.js"}</script>
<script>document.documentElement.classList.add("inline-added")</script>
</head><body><main id="main" class="md-content"><article class="md-typeset">
<h1>Otsikko</h1><p class="lead">Teksti <a href="#x">linkki</a></p>
<input type="checkbox" data-md-toggle="search" id="__search"><div class="md-search"></div></article></main>
<script src="../assets/javascripts/app.js"></script></body></html>"""

# Material builds class names from parts and sets data attributes through `dataset`.
APP_JS = """el.classList.add("md-header--shadow");
var tag = `md-tag--${name}`; var fact = "md-source__fact--" + kind;
el.dataset.mdState = "blur"; document.createElement("mark");
getComputedStyle(el).getPropertyValue("--read-by-script");"""
SITE_CSS = ".lead{color:var(--read-by-site-css)}"
WORKER_JS = 'postMessage({type: "worker-said"})'
UNLOADED_JS = 'el.classList.add("never-loaded")'  # a file no page loads (Material's lunr files)

CSS = """@charset "UTF-8";
html{color:red}
.md-typeset h1{font-size:2em}
.md-typeset h6{font-size:.8em}
.lead a:hover,.lead a:focus-visible{color:blue}
#main>.md-typeset{margin:0}
#other{margin:1px}
.md-header--shadow{box-shadow:0 0 1px}
.md-tag--green{color:green}
.md-source__fact--stars:before{content:"*"}
[data-md-state=blur]{filter:blur(1px)}
[data-md-toggle=search]:checked~.md-search{display:block}
[data-md-toggle=drawer]:checked~.md-drawer{display:block}
[dir=ltr] .lead{margin-left:1em}
[dir=rtl] .lead{margin-right:1em}
.md-typeset mark{background:yellow}
.inline-added .lead{color:purple}
.worker-said{color:teal}
.never-loaded{color:olive}
.admonition,.md-typeset .admonition-title{border:1px solid}
.md-typeset .admonition,.lead{padding:1px}
.lead:not(.admonition){margin:2px}
:is(.admonition,.lead) p{margin:3px}
:where(.admonition,.tabbed-set) p{margin:4px}
.tabbed-set>input:checked+label{color:red}
.md-typeset .lead::-webkit-scrollbar{width:1px}
@media screen and (min-width:60em){.lead{font-size:1.1em}.tabbed-set{display:flex}}
@media print{.tabbed-set{display:block}}
@supports (display:grid){@media screen{.md-typeset{display:grid}}}
@keyframes pulse{0%{opacity:0}to{opacity:1}}
@keyframes unused-spin{0%{transform:none}to{transform:rotate(1turn)}}
.md-typeset h1{animation:pulse 1s}
@font-face{font-family:Unused Face;src:url(x.woff2)}
@page{margin:2cm}
:root{--gap:1px;--unread:2px;--chained:3px;--via-chain:calc(2*var(--chained));--read-by-site-css:red;--read-by-script:0}
.lead{margin:var(--gap) var(--via-chain)}
.admonition{--only-in-a-dropped-rule:1px;margin:var(--unread)}
/*# sourceMappingURL=main.1234abcd.min.css.map*/
"""


def _write_site(folder: Path) -> Path:
    files = {
        "ohje/index.html": PAGE,
        STYLESHEET: CSS,
        "assets/stylesheets/site.css": SITE_CSS,
        "assets/javascripts/app.js": APP_JS,
        "assets/javascripts/worker.js": WORKER_JS,
        "assets/javascripts/lunr/never.js": UNLOADED_JS,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _selectors(css: str) -> list[str]:
    """Every rule's selector list (in @media and @supports too), and the other at-rules' heads."""
    found = []

    def walk(rules, inside=""):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.append(inside + tinycss2.serialize(rule.prelude).strip())
            elif rule.type == "at-rule":
                head = f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}".strip()
                if rule.lower_at_keyword in ("media", "supports"):
                    walk(tinycss2.parse_rule_list(rule.content), inside + head + " ")
                else:
                    found.append(head)

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def _pruned_site(tmp_path) -> tuple[Path, str, list]:
    site = _write_site(tmp_path)
    done = prune_site(site, [STYLESHEET, "assets/stylesheets/palette.min.css"])
    return site, (site / done[0].pruned).read_text(encoding="utf-8"), done


def test_rules_for_elements_on_the_pages_are_kept(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    kept = _selectors(pruned)
    for selector in ("html", ".md-typeset h1", ".lead a:hover,.lead a:focus-visible", "#main>.md-typeset",
                     "[data-md-toggle=search]:checked~.md-search", "[dir=ltr] .lead",
                     ".md-typeset .lead::-webkit-scrollbar", "@page"):
        assert selector in kept, selector


def test_rules_for_what_the_scripts_add_are_kept(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    kept = _selectors(pruned)
    for selector in (".md-header--shadow", ".md-tag--green", ".md-source__fact--stars:before",
                     "[data-md-state=blur]", ".md-typeset mark", ".inline-added .lead", ".worker-said"):
        assert selector in kept, selector


def test_rules_nothing_can_match_are_dropped(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    kept = _selectors(pruned)
    for selector in (".md-typeset h6", "#other", "[data-md-toggle=drawer]:checked~.md-drawer",
                     "[dir=rtl] .lead", ".never-loaded", ".admonition,.md-typeset .admonition-title",
                     ":where(.admonition,.tabbed-set) p", ".tabbed-set>input:checked+label"):
        assert selector not in kept, selector
    assert "never-loaded" not in pruned and "tabbed-set" not in pruned and "@font-face" not in pruned
    assert "sourceMappingURL" not in pruned  # the map belongs to the whole stylesheet


def test_a_selector_list_stays_whole_and_pseudo_classes_ask_for_their_arguments(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    kept = _selectors(pruned)
    assert ".md-typeset .admonition,.lead" in kept  # one selector matches: the list is kept as written
    assert ".lead:not(.admonition)" in kept  # :not() asks for nothing
    assert ":is(.admonition,.lead) p" in kept  # one alternative of :is() is enough


def test_grouping_rules_keep_what_matches_and_keyframes_stay_while_used(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    kept = _selectors(pruned)
    assert "@media screen and (min-width:60em) .lead" in kept
    assert "@media screen and (min-width:60em) .tabbed-set" not in kept
    assert not any(s.startswith("@media print") for s in kept)  # nothing was left inside
    assert "@supports (display:grid) @media screen .md-typeset" in kept
    assert "@keyframes pulse" in kept and "@keyframes unused-spin" not in kept
    assert pruned.startswith('@charset "UTF-8";')


def test_custom_properties_stay_while_something_reads_them(tmp_path):
    _site, pruned, _done = _pruned_site(tmp_path)
    root = re.search(r":root\{([^}]*)\}", pruned).group(1)
    assert set(re.findall(r"(--[\w-]+):", root)) == {"--gap", "--chained", "--via-chain", "--read-by-site-css",
                                                    "--read-by-script"}
    assert "--unread" not in pruned and "--only-in-a-dropped-rule" not in pruned


def test_the_pages_link_the_pruned_copy_and_the_whole_one_stays(tmp_path):
    site, pruned, done = _pruned_site(tmp_path)
    assert [d.original for d in done] == [STYLESHEET]  # a stylesheet no page links is left alone
    assert (site / "assets/stylesheets/site.css").read_text(encoding="utf-8") == SITE_CSS  # not pruned
    assert re.fullmatch(r"assets/stylesheets/main\.1234abcd\.pruned-[0-9a-f]{8}\.min\.css", done[0].pruned)
    page = (site / "ohje/index.html").read_text(encoding="utf-8")
    assert f'href="../{done[0].pruned}"' in page and "main.1234abcd.min.css" not in page
    assert (site / STYLESHEET).read_text(encoding="utf-8") == CSS
    assert done[0].bytes_after == len(pruned.encode()) < done[0].bytes_before


def test_the_name_changes_with_the_content(tmp_path):
    first = _pruned_site(tmp_path / "a")[2][0].pruned
    site = _write_site(tmp_path / "b")
    (site / "ohje/index.html").write_text(PAGE.replace('class="lead"', 'class="lead tabbed-set"'), encoding="utf-8")
    second = prune_site(site, [STYLESHEET])[0]
    assert second.pruned != first
    assert ":where(.admonition,.tabbed-set) p" in _selectors((site / second.pruned).read_text(encoding="utf-8"))


def test_page_and_script_names_are_read_with_their_parsers():
    pages = read_page('<p class="a  b" id="x" data-k="v"><svg><use href="#i"/></svg></p>', PageNames())
    assert pages.classes == {"a", "b"} and pages.ids == {"x"} and {"p", "svg", "use"} <= pages.tags
    assert pages.attributes["data-k"] == {"v"}
    scripts = read_scripts(['e.dataset.mdScrolllock = ""; x = "-"; y = `a-${z}`'])
    assert "data-md-scrolllock" in scripts.words
    assert scripts.prefixes == set()  # "a-" is too short to be a prefix, and a bare "-" never is
    names = SiteNames(pages, scripts)
    assert prune_stylesheet(".a.b #x{x:1}.a .c{x:2}[data-k=v]{x:3}[data-k=w]{x:4}", names) == \
        ".a.b #x{x:1}[data-k=v]{x:3}"


def test_the_real_site_links_a_pruned_stylesheet_that_keeps_what_its_pages_use(built_site):
    pages = sorted(built_site.rglob("*.html"))
    linked = set()
    for page in pages:
        linked.update(re.findall(r'href="([^"]*stylesheets/main\.[^"]*\.css)"', page.read_text(encoding="utf-8")))
    names = {Path(href).name for href in linked}
    assert len(names) == 1 and ".pruned-" in next(iter(names)), names
    pruned = (built_site / "assets" / "stylesheets" / next(iter(names))).read_text(encoding="utf-8")
    whole = next(p for p in (built_site / "assets" / "stylesheets").glob("main.*.min.css") if ".pruned-" not in p.name)
    assert len(pruned) < 0.7 * len(whole.read_text(encoding="utf-8"))
    kept = _selectors(pruned)
    every_page = "".join(p.read_text(encoding="utf-8") for p in pages)
    # On every page: the header; only ever drawn by Material's script: a search result.
    assert 'class="md-header' in every_page and ".md-header" in kept
    assert "md-search-result__item" not in every_page and ".md-search-result__item" in kept


def test_a_page_read_once_is_taken_from_the_build_cache(tmp_path, monkeypatch):
    from guidekit import buildcache, cssprune

    cache = buildcache.ArtifactCache(tmp_path / "cache.sqlite3", b"secret")
    site = _write_site(tmp_path / "site")
    first = prune_site(site, [STYLESHEET], cache)[0]
    reads = []
    real = cssprune.read_page
    monkeypatch.setattr(cssprune, "read_page", lambda *a, **k: reads.append(a[-1]) or real(*a, **k))
    site = _write_site(tmp_path / "again")
    assert prune_site(site, [STYLESHEET], cache)[0].pruned == first.pruned and reads == []
    assert cache.reused[cssprune.SITE_NAMES_KIND] == 1  # the whole site's names in one entry
    # A damaged entry is a miss, never a wrong answer: the page is read again.
    cache.close()
    for kind in ("page-names", cssprune.SITE_NAMES_KIND):
        for entry in stored_entries(tmp_path / "cache.sqlite3", kind):
            entry.write_bytes(entry.read_bytes()[:-5])
    assert prune_site(_write_site(tmp_path / "third"), [STYLESHEET], cache)[0].pruned == first.pruned
    assert reads == ["ohje/index.html"]
    # A changed page is a new key; a page added next to it comes from its own entry.
    (site / "ohje/index.html").write_text(PAGE.replace('class="lead"', 'class="lead tabbed-set"'), encoding="utf-8")
    assert prune_site(site, [STYLESHEET], cache)[0].pruned != first.pruned
    assert reads == ["ohje/index.html", "ohje/index.html"]
    fourth = _write_site(tmp_path / "fourth")
    (fourth / "toinen").mkdir()
    (fourth / "toinen/index.html").write_text(PAGE, encoding="utf-8")
    prune_site(fourth, [STYLESHEET], cache)
    assert reads == ["ohje/index.html", "ohje/index.html", "toinen/index.html"]


def test_the_names_digest_is_the_same_in_every_process(tmp_path):
    """The pruned stylesheet's cache key (names_digest) holds the scripts' text: joined in the
    order of a set of strings it would change with each process's hash seed, and a rebuild
    would never find the stylesheet it pruned before."""
    import os
    import subprocess
    import sys

    site = _write_site(tmp_path)
    scripts = "".join(f"<script>var s{i} = {i}</script>" for i in range(8))
    (site / "ohje/index.html").write_text(PAGE.replace("</head>", scripts + "</head>"), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from guidekit import cssprune as c; "
            "print(c.names_digest(c.site_names(Path(sys.argv[1]))))")
    digests = {subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(digests) == 1, digests

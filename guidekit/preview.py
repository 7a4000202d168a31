"""Findings on the preview page: under `mkdocs serve` each page shows its own findings
in a panel, so an author who never looks at the terminal sees them. The published
build (`mkdocs build`) never does.

Pure functions; hooks/checks.py decides when (preview_wanted) and writes the panels
into the built pages once the check worker has finished.
"""

from __future__ import annotations

import os
import re
from html import escape

from guidekit.findings import ERROR, WARNING, Finding

# The switch the serve path sets; also lets a test or a one-off `mkdocs build` preview
# (1) or a serve without panels (0).
PREVIEW_ENV = "GUIDEKIT_PREVIEW_FINDINGS"
PANEL_ID = "gk-findings"

WORDS = {
    "fi": {
        "title": "Tarkistuksen havainnot",
        "count": "{errors} virhettä, {warnings} varoitusta",
        "none": "Tarkistus ei löytänyt tältä sivulta korjattavaa.",
        "note": "Näkyy vain esikatselussa (mkdocs serve), ei julkaistulla sivulla. Lähde: {path}",
        "line": "rivi",
        "fix": "Korjaa näin:",
        ERROR: "Virhe",
        WARNING: "Varoitus",
        "info": "Huomautus",
    },
    "en": {
        "title": "Findings of the checks",
        "count": "{errors} errors, {warnings} warnings",
        "none": "The checks found nothing to fix on this page.",
        "note": "Shown only in the preview (mkdocs serve), never on the published page. Source: {path}",
        "line": "line",
        "fix": "How to fix:",
        ERROR: "Error",
        WARNING: "Warning",
        "info": "Note",
    },
}

# Preview only, so not in site.css (the published pages do not carry its bytes).
# Errors and warnings differ by label, border style and colour, never by colour alone;
# every colour pair is above 4.5:1.
STYLE = """<style id="gk-findings-style">
.gk-findings{margin:0 0 1.5em;padding:.8em 1em;border:2px solid #1f1f1f;background:#f5f5f5;color:#1f1f1f}
.gk-findings h2{margin:0 0 .4em;font-size:1.1em;color:#1f1f1f}
.gk-findings p{margin:.2em 0}
.gk-findings ol{margin:.4em 0 0;padding:0;list-style:none}
.gk-findings li{margin:.5em 0;padding:.4em .6em;background:#fff;border-left:.4em solid}
.gk-findings .gk-finding--error{border-left-color:#b3261e}
.gk-findings .gk-finding--warning{border-left-color:#7a4f00;border-left-style:dashed}
.gk-findings .gk-finding--info{border-left-color:#4a4a4a;border-left-style:dotted}
.gk-findings .gk-finding__label{font-weight:700}
.gk-findings .gk-finding--error .gk-finding__label{color:#b3261e}
.gk-findings .gk-finding--warning .gk-finding__label{color:#7a4f00}
.gk-findings:focus-visible{outline:3px solid #1f1f1f;outline-offset:2px}
</style>"""

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
FIRST_H1_END = re.compile(r"</h1>")


def preview_wanted(command: str | None, environ=os.environ) -> bool:
    """Panels under `mkdocs serve`; the environment switch overrides the command."""
    switch = environ.get(PREVIEW_ENV, "").strip().lower()
    if switch in ("1", "true", "yes", "on"):
        return True
    if switch in ("0", "false", "no", "off"):
        return False
    return command == "serve"


def findings_panel(findings: list[Finding], source: str, lang: str = "fi") -> str:
    """The panel of one page: a labelled region (a landmark) with a heading, reachable
    with Tab, listing each finding's severity, rule ID, line, message and fix. Escaped."""
    words = WORDS.get(lang, WORDS["fi"])
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    parts = [
        f'<section id="{PANEL_ID}" class="gk-findings" tabindex="0" aria-labelledby="{PANEL_ID}-title">',
        f'<h2 id="{PANEL_ID}-title">{escape(words["title"])}</h2>',
    ]
    if findings:
        parts.append(f"<p>{escape(words['count'].format(errors=errors, warnings=warnings))}</p>")
        parts.append("<ol>")
        for finding in sorted(findings, key=lambda f: (f.line, f.rule)):
            severity = finding.severity if finding.severity in (ERROR, WARNING) else "info"
            parts.append(
                f'<li class="gk-finding gk-finding--{severity}">'
                f'<span class="gk-finding__label">{escape(words[severity])}</span> '
                f"<code>{escape(finding.rule)}</code>, {escape(words['line'])} {finding.line}: "
                f"{escape(finding.message)}<br>"
                f"{escape(words['fix'])} {escape(finding.fix)}</li>"
            )
        parts.append("</ol>")
    else:
        parts.append(f"<p>{escape(words['none'])}</p>")
    parts.append(f"<p><small>{escape(words['note'].format(path=source))}</small></p>")
    parts.append("</section>")
    return "".join(parts)


def with_panel(html: str, panel: str) -> str:
    """The page with the panel after its title (or at the top of the article) and the
    panel's style in <head>; a page without Material's article is returned unchanged."""
    article = ARTICLE.search(html)
    if article is None or f'id="{PANEL_ID}"' in html:
        return html
    heading_end = FIRST_H1_END.search(html, article.end())
    at = heading_end.end() if heading_end is not None else article.end()
    html = html[:at] + panel + html[at:]
    return html.replace("</head>", STYLE + "</head>", 1)


def findings_by_page(findings: list[Finding]) -> dict[str, list[Finding]]:
    pages: dict[str, list[Finding]] = {}
    for finding in findings:
        pages.setdefault(finding.path, []).append(finding)
    return pages


# The root of a one-language preview (`./dev serve sv`): the language is served at its
# real address (/sv/…), and the root says what the preview holds. Finnish: it is for the
# author, like the panel. Also the preview's 404 page, so it must not use relative links.
ROOT_WORDS = {
    "index": {
        "title": "Esikatselussa on vain yksi kieli: {name}",
        "lead": "Tämä esikatselu (./dev serve {code}) rakentaa vain kielen {name} sivut. "
                "Ne ovat samoissa osoitteissa kuin julkaistulla sivustolla.",
    },
    "404": {
        "title": "Sivua ei ole tässä esikatselussa",
        "lead": "Esikatselussa (./dev serve {code}) ovat vain kielen {name} sivut. "
                "Osoite voi olla toisen kielen sivu tai sivu, jota ei ole.",
    },
}
ROOT_OPEN = "Avaa kielen {name} etusivu"
ROOT_OTHERS = "Muut kielet näet julkaistulla sivustolla {live} tai esikatselussa, jossa ovat kaikki kielet: ./dev serve."
ROOT_OTHERS_NO_LIVE = "Muut kielet näet esikatselussa, jossa ovat kaikki kielet: ./dev serve."


def one_language_root_page(kind: str, code: str, name: str, language_url: str, live_site_url: str | None,
                           hreflang: str | None = None) -> str:
    """The root page ("index") or the not-found page ("404") of a one-language preview:
    says that only `name` is in it and links to its front page (an absolute path, as the
    404 page answers at any address) and to the live site. Escaped."""
    words = ROOT_WORDS[kind]
    title = escape(words["title"].format(name=name))
    lead = escape(words["lead"].format(name=name, code=code))
    link = f'<a href="{escape(language_url)}" hreflang="{escape(hreflang or code)}">{escape(ROOT_OPEN.format(name=name))}</a>'
    if live_site_url:
        live = f'<a href="{escape(live_site_url)}">{escape(live_site_url)}</a>'
        others = escape(ROOT_OTHERS).replace(escape("{live}"), live)
    else:
        others = escape(ROOT_OTHERS_NO_LIVE)
    return (
        '<!doctype html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n"
        f"<h1>{title}</h1>\n<p>{lead}</p>\n<p>{link}</p>\n<p>{others}</p>\n"
        "</main>\n</body>\n</html>\n"
    )

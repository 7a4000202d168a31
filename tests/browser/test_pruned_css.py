"""The pruned theme stylesheet (guidekit/cssprune.py, hooks/assets.py) styles the pages
exactly as Material's whole stylesheet does.

In one tab, each page is measured twice in the same state: every element's computed style
(and its ::before, ::after and ::marker) with the pruned stylesheet the page links, then
with the whole stylesheet put back in its place (the build keeps it beside the pruned one).
The states are those Material's JavaScript makes: the page as loaded, scrolled (header
shadow, back-to-top button), the search open with results it drew, and the navigation
drawer open on a phone. Any difference in any property fails, naming the element."""

from __future__ import annotations

import pytest

from browser.browser_tools import DESKTOP, MOBILE, open_site_page, representative_pages
from guidekit.languages import LANGUAGES

# Every standard property Chromium computes (custom properties, --md-…, are not styles of
# their own: they count where they are used).
PROPERTIES = """() => {
  const style = getComputedStyle(document.documentElement);
  return [...Array(style.length).keys()].map(i => style[i]).filter(p => !p.startsWith("--"));
}"""


def layout_snapshot(cdp, properties: list[str]) -> list[tuple]:
    """Every box Chromium lays out (elements, their ::before/::after/::marker, text):
    (what it is, its computed style, its place and size). One CDP call, so a page costs
    a fraction of a second instead of reading getComputedStyle property by property."""
    snapshot = cdp.send("DOMSnapshot.captureSnapshot", {"computedStyles": properties, "includeDOMRects": True})
    strings, document = snapshot["strings"], snapshot["documents"][0]
    nodes, layout = document["nodes"], document["layout"]
    pseudo = {i: strings[t] for i, t in zip(nodes.get("pseudoType", {}).get("index", []),
                                             nodes.get("pseudoType", {}).get("value", []))}
    boxes = []
    for node, styles, bounds in zip(layout["nodeIndex"], layout["styles"], layout["bounds"]):
        name = strings[nodes["nodeName"][node]].lower()
        attributes = nodes["attributes"][node]
        named = dict(zip((strings[a] for a in attributes[::2]), (strings[v] for v in attributes[1::2])))
        where = name + (f"#{named['id']}" if named.get("id") else "") + "".join(f".{c}" for c in named.get("class", "").split())
        if node in pseudo:
            where += f"::{pseudo[node]}"
        boxes.append((where, tuple(strings[i] for i in styles), tuple(round(b, 1) for b in bounds)))
    return boxes


def differences(first: list[tuple], second: list[tuple], properties: list[str]) -> list[str]:
    if len(first) != len(second):
        names_a, names_b = {b[0] for b in first}, {b[0] for b in second}
        return [f"{len(first)} boxes vs {len(second)}; only pruned: {sorted(names_a - names_b)[:5]}, "
                f"only whole: {sorted(names_b - names_a)[:5]}"]
    found = []
    for (where, style_a, bounds_a), (_, style_b, bounds_b) in zip(first, second):
        changed = [f"{p} pruned={a!r} whole={b!r}" for p, a, b in zip(properties, style_a, style_b) if a != b]
        if bounds_a != bounds_b:
            changed.append(f"box pruned={bounds_a} whole={bounds_b}")
        if changed:
            found.append(f"{where}: " + ", ".join(changed[:4]))
    return found[:10]


# Put the whole stylesheet in the pruned one's place (…/main.<hash>.pruned-<hash>.min.css
# -> …/main.<hash>.min.css) or back, and wait until it has loaded.
SWAP = """whole => new Promise((done, fail) => {
  const link = [...document.querySelectorAll('link[rel="stylesheet"]')]
    .find(l => /\\.pruned-[0-9a-f]+\\.min\\.css$/.test(l.dataset.gkPruned || l.href));
  if (!link) return fail(new Error("no pruned stylesheet linked"));
  link.dataset.gkPruned = link.dataset.gkPruned || link.href;
  const target = whole ? link.dataset.gkPruned.replace(/\\.pruned-[0-9a-f]+(\\.min\\.css)$/, "$1") : link.dataset.gkPruned;
  if (link.href === target) return done(target);
  link.onload = () => done(target);
  link.onerror = () => fail(new Error("could not load " + target));
  link.href = target;
})"""


def _compare(tab, cdp, properties, where: str, state: str) -> list[str]:
    """Pruned, whole, pruned again: the page must have held still for the two pruned
    measurements to agree (the search draws its results in steps); then the whole
    stylesheet must give the same."""
    for _attempt in range(4):
        tab.evaluate(SWAP, False)
        before = layout_snapshot(cdp, properties)
        tab.evaluate(SWAP, True)
        whole = layout_snapshot(cdp, properties)
        tab.evaluate(SWAP, False)
        after = layout_snapshot(cdp, properties)
        if before == after:
            break
        tab.wait_for_timeout(500)
    else:
        return [f"{where} ({state}): the page never held still: {differences(before, after, properties)}"]
    assert len(before) > 50, f"{where}: hardly anything laid out ({len(before)} boxes)"
    return [f"{where} ({state}): {d}" for d in differences(before, whole, properties)]


def _states(tab, site_page, viewport_name: str):
    """Yield the name of each state after putting the page in it."""
    yield "as loaded"
    tab.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    tab.wait_for_timeout(150)
    tab.evaluate("() => window.scrollBy(0, -200)")  # scrolling up shows the back-to-top button
    tab.wait_for_timeout(300)
    yield "scrolled"
    tab.evaluate("() => window.scrollTo(0, 0)")
    if site_page.kind == "guide":
        # The search as a reader opens it (the S key) and types the first word of the title.
        tab.keyboard.press("s")
        tab.wait_for_selector("input[data-md-component=search-query]:focus")
        word = max(tab.evaluate("() => document.querySelector('h1').textContent").split(), key=len)
        tab.keyboard.type(word[:6])
        tab.wait_for_selector(".md-search-result__item", timeout=15_000)
        tab.wait_for_timeout(300)
        yield "search open with results"
        tab.keyboard.press("Escape")
    menu = tab.locator("[data-gk-drawer-button]")  # the header's menu button (drawer.js)
    if viewport_name == "mobile" and menu.count() and menu.first.is_visible():
        menu.first.click()
        tab.wait_for_timeout(300)
        yield "navigation drawer open"


def _pages_to_compare(pages):
    """Each template in each language, and every other kind of page once."""
    chosen = representative_pages(pages)
    for kind in ("help", "page"):
        found = [p for p in pages if p.kind == kind and p not in chosen]
        if found:
            chosen.append(found[0])
    return chosen


@pytest.mark.parametrize("viewport_name", ["desktop", "mobile"])
def test_the_pruned_stylesheet_styles_every_element_as_the_whole_one(new_page, site_url, pages, viewport_name):
    tab = new_page(DESKTOP if viewport_name == "desktop" else MOBILE)
    cdp = tab.context.new_cdp_session(tab)
    found, compared = [], []
    for site_page in _pages_to_compare(pages):
        open_site_page(tab, site_url, site_page)
        properties = tab.evaluate(PROPERTIES)
        for state in _states(tab, site_page, viewport_name):
            found += _compare(tab, cdp, properties, str(site_page), state)
            compared.append((str(site_page), state))
    assert {p.lang for p in pages} == set(LANGUAGES)
    assert any(state == "search open with results" for _, state in compared), "the search was never compared"
    if viewport_name == "mobile":
        assert any(state == "navigation drawer open" for _, state in compared), "the drawer was never compared"
    assert found == [], "the pruned stylesheet styles elements differently:\n" + "\n".join(found)

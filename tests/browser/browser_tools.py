"""Tools for the browser tests: serve a built site, find its pages, run axe-core, and
measure focus and layout in Chromium. Small functions; the tests say what they expect."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from guidekit.languages import BASE_LANGUAGE, DEFAULT_LANGUAGE, LANGUAGES
from guidekit.localserver import serve_folder

# Debian's Chromium; GUIDEKIT_CHROMIUM names another one.
CHROMIUM = Path(os.environ.get("GUIDEKIT_CHROMIUM", "/usr/bin/chromium"))
# Playwright cannot download its own browser here; these flags make Debian's Chromium
# start quietly in a container and keep it off the network.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.2 AA (the law asks 2.1 AA) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 360, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}


# --- The site ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SitePage:
    """One built HTML page as a resident reaches it."""

    url_path: str  # "/sv/ohjeet/chat/", "/sv/404.html"
    lang: str  # the site language of its text: fi, sv, en, selko
    kind: str  # "front", "guide", "404", "redirect" (a short address), "help" (the help finder's page) or "page"
    redirect_to: str | None = None  # where a redirect page sends the browser

    @property
    def html_lang(self) -> str:
        return BASE_LANGUAGE[self.lang]

    def __str__(self) -> str:
        return self.url_path


REFRESH = re.compile(r'<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', re.I)


def _folder_language(url_path: str) -> str:
    first = url_path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def site_pages(site: Path) -> list[SitePage]:
    """Every HTML page of a built site, in every language, with each language's 404 page.
    A redirect page (short address) takes the language of the page it leads to."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        url_path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        lang = _folder_language(url_path)
        html = file.read_text(encoding="utf-8")
        refresh = REFRESH.search(html)
        if refresh:
            target = urljoin(url_path, refresh.group(1))
            pages.append(SitePage(url_path, _folder_language(target), "redirect", target))
        elif file.name == "404.html":
            pages.append(SitePage(url_path, lang, "404"))
        elif url_path == ("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"):
            pages.append(SitePage(url_path, lang, "front"))
        else:
            kind = "guide" if 'class="gk-help"' in html else "help" if "data-gk-finder" in html else "page"
            pages.append(SitePage(url_path, lang, kind))
    return pages


def open_without_refresh(tab, url: str, wait_until: str = "load") -> None:
    """Open a redirect page as a resident sees it when the redirect does not happen."""

    def strip_refresh(route):
        response = route.fetch()
        body = re.sub(r"<meta\s+http-equiv=\"refresh\"[^>]*>", "", response.text(), flags=re.I)
        route.fulfill(response=response, body=body)

    tab.route(url, strip_refresh)
    try:
        tab.goto(url, wait_until=wait_until)
    finally:
        tab.unroute(url, strip_refresh)


def open_site_page(tab, base_url: str, site_page: SitePage, wait_until: str = "load") -> None:
    """Open a page; a redirect page (short address) stays put, see open_without_refresh."""
    if site_page.kind == "redirect":
        open_without_refresh(tab, base_url + site_page.url_path, wait_until)
    else:
        tab.goto(base_url + site_page.url_path, wait_until=wait_until)


def representative_pages(pages: list[SitePage]) -> list[SitePage]:
    """Per language its front page, first guide and 404 page: each template in each language."""
    chosen = []
    for lang in LANGUAGES:
        for kind in ("front", "guide", "404"):
            found = [p for p in pages if p.lang == lang and p.kind == kind]
            if found:
                chosen.append(found[0])
    return chosen


serve = serve_folder  # the tests' name for it


# --- axe-core ---------------------------------------------------------------------------


def axe_script() -> Path:
    """axe-core as shipped inside axe-playwright-python (its API injects it on every call;
    the tests add it once per tab as an init script, which is twice as fast)."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as loaded (WCAG 2.2 AA and best practices)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script()))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options).then(result => result.violations)", options)


def describe_violations(where: str, violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{where}: [{violation['id']}] {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {', '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


# --- Keyboard and focus -----------------------------------------------------------------

# Each focused element gets a number the first time it is seen, so that the tests can tell
# "the same element again" (a cycle) from "another element". STOP_NUMBER is cheap: a walk
# through a page asks it after every key press; DETAILS describes stops for the messages.
STOP_NUMBER = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  window.__gkStops = window.__gkStops || new Map();
  if (!window.__gkStops.has(element)) window.__gkStops.set(element, window.__gkStops.size);
  return window.__gkStops.get(element);
}"""

DETAILS = """numbers => numbers.map(number => {
  const element = [...window.__gkStops].find(([, n]) => n === number)[0];
  const text = (element.getAttribute("aria-label") || element.innerText || element.value || "").trim();
  return {
    stop: number,
    tag: element.tagName.toLowerCase(),
    classes: typeof element.className === "string" ? element.className : "",
    href: element.getAttribute("href") || "",
    text: text.replace(/\\s+/g, " ").slice(0, 60),
    in_content: !!element.closest(".md-content"),
  };
})"""


def describe(stop: dict | None) -> str:
    if stop is None:
        return "(nothing: focus left the page)"
    name = stop["text"] or stop["href"] or stop["classes"]
    return f"<{stop['tag']}> {name!r}"


def details(page, numbers: list[int]) -> list[dict]:
    return page.evaluate(DETAILS, numbers) if numbers else []


def active(page) -> dict | None:
    """The focused element (tag, classes, href, text, in_content), or None."""
    number = page.evaluate(STOP_NUMBER)
    return None if number is None else details(page, [number])[0]


def press(page, key: str) -> dict | None:
    page.keyboard.press(key)
    return active(page)


def tab_until(page, selector: str, limit: int = 120) -> bool:
    """Press Tab until the focused element matches selector; False if focus never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def tab_walk(page, key: str = "Tab", limit: int = 400, on_stop=None) -> tuple[list[dict], str]:
    """Press key until focus has been everywhere, calling on_stop(number) at each new stop.
    Returns the stops and how the walk ended: "out" (focus left the page, or came round
    to the first stop again, as headless Chromium sometimes does), "trap" (another stop
    came round: a keyboard trap) or "limit"."""
    numbers: list[int] = []
    ended = "limit"
    for _ in range(limit):
        page.keyboard.press(key)
        number = page.evaluate(STOP_NUMBER)
        if number is None or (len(numbers) > 1 and number == numbers[0] != numbers[-1]):
            ended = "out"
            break
        if number in numbers:
            numbers.append(number)
            ended = "trap"
            break
        numbers.append(number)
        if on_stop:
            on_stop(number)
    return details(page, numbers), ended


def focus_stop(page, stop: int) -> None:
    """Focus again an element seen earlier as tab stop number `stop`."""
    page.evaluate("n => [...window.__gkStops].find(([, id]) => id === n)[0].focus()", stop)


# How much of the focused element the user can see: sample points in each of its boxes
# (a link that wraps has one per line), and count those where the element itself, not
# something on top of it (the sticky header, "back to top"), is hit.
UNOBSCURED_SHARE = """element => {
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  let seen = 0, total = 0;
  for (const box of element.getClientRects()) {
    for (let i = 1; i <= 3; i++) for (let j = 1; j <= 3; j++) {
      const x = box.left + box.width * i / 4, y = box.top + box.height * j / 4;
      total++;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === element || element.contains(hit))) seen++;
    }
  }
  return total ? seen / total : 0;
}"""


def settle(page) -> None:
    """Wait two frames: Material reacts to focus in the next frame (the search opens)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def unobscured_share(page) -> float:
    settle(page)
    return page.evaluate_handle("document.activeElement").evaluate(UNOBSCURED_SHARE)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


_LINEAR = [_linear(c) for c in range(256)]


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb[:3]
    return 0.2126 * _LINEAR[r] + 0.7152 * _LINEAR[g] + 0.0722 * _LINEAR[b]


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def changed_pixels(before: bytes, after: bytes, min_contrast: float = 3.0) -> int:
    """Pixels whose colour changes with at least min_contrast between two PNG shots."""
    from PIL import Image

    first = Image.open(io.BytesIO(before)).convert("RGB")
    second = Image.open(io.BytesIO(after)).convert("RGB")
    if first.size != second.size:
        raise ValueError(f"screenshots differ in size: {first.size} and {second.size}")
    count = 0
    cache: dict[tuple, bool] = {}
    for a, b in zip(first.get_flattened_data(), second.get_flattened_data()):
        if a == b:
            continue
        key = (a, b)
        if key not in cache:
            cache[key] = contrast(a, b) >= min_contrast
        count += cache[key]
    return count


# Perimeter of the element's visible boxes (one per line for a link that wraps).
VISIBLE_PERIMETER = """element => {
  let total = 0;
  for (const box of element.getClientRects()) {
    const width = Math.min(box.right, document.documentElement.clientWidth) - Math.max(box.left, 0);
    const height = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
    if (width > 0 && height > 0) total += 2 * (width + height);
  }
  return Math.round(total);
}"""


@dataclass(frozen=True)
class FocusIndicator:
    changed: int  # pixels that change with 3:1 contrast when the element gets focus
    perimeter: int  # CSS px around the element's visible boxes
    unobscured: float  # share of the element not covered by anything else

    @property
    def thickness(self) -> float:
        """How thick the change is, as if it were drawn around the element (WCAG 2.4.13)."""
        return self.changed / self.perimeter if self.perimeter else 0.0


def focus_indicator(page, margin: int = 8) -> FocusIndicator:
    """Compare the focused element with itself unfocused, in the same place on the screen.
    The element is focused again afterwards (Chromium keeps :focus-visible for it)."""
    settle(page)
    element = page.evaluate_handle("document.activeElement")
    unobscured = element.evaluate(UNOBSCURED_SHARE)
    box = element.evaluate(
        "e => { const b = e.getBoundingClientRect(); return {x: b.x, y: b.y, width: b.width, height: b.height}; }"
    )
    viewport = page.viewport_size
    perimeter = element.evaluate(VISIBLE_PERIMETER)
    left = max(0, int(box["x"]) - margin)
    top = max(0, int(box["y"]) - margin)
    right = min(viewport["width"], int(box["x"] + box["width"]) + margin + 1)
    bottom = min(viewport["height"], int(box["y"] + box["height"]) + margin + 1)
    if right <= left or bottom <= top:
        return FocusIndicator(0, 0, unobscured)
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    # No transitions to wait for: the tabs ask for reduced motion, which site.css honours.
    focused = page.screenshot(clip=clip)
    element.evaluate("e => e.blur()")
    unfocused = page.screenshot(clip=clip)
    element.evaluate("e => e.focus()")
    return FocusIndicator(changed_pixels(focused, unfocused), perimeter, unobscured)


# --- Layout -----------------------------------------------------------------------------

# Elements wider than the page (what makes it scroll sideways), innermost first.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
    // Content that scrolls inside its own box (wide tables, code) is allowed (WCAG 1.4.10).
    let scrolls = false;
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) { scrolls = true; break; }
    }
    if (scrolls || getComputedStyle(element).visibility === "hidden") continue;
    const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + [...element.classList].map(c => "." + c).join("");
    found.push(`${name} ends at ${Math.round(box.right)} px`);
  }
  return {scroll_width: document.documentElement.scrollWidth, width, overflowing: found.slice(-5)};
}"""


# Lines of visible text that overlap other text or are cut off by a box that hides its
# overflow. Each text node's line boxes come from a Range; hidden text (display, visibility,
# opacity 0, clipped to a pixel) is left out.
TEXT_PROBLEMS = """() => {
  const seen = el => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility !== "visible" || parseFloat(style.opacity) === 0) return false;
    }
    return true;
  };
  const clippers = el => {
    const boxes = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      const hidesX = /(hidden|clip)/.test(style.overflowX), hidesY = /(hidden|clip)/.test(style.overflowY);
      if (hidesX || hidesY) boxes.push({element: e, box: e.getBoundingClientRect(), hidesX, hidesY});
    }
    return boxes;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map(c => "." + c).join("");
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = node.textContent.trim();
    const owner = node.parentElement;
    if (!words || !owner || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(owner.tagName) || !seen(owner)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      lines.push({owner, node, words, left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    }
  }
  const problems = [];
  for (const line of lines) {
    for (const clip of clippers(line.owner)) {
      const b = clip.box;
      const cutX = clip.hidesX && (line.left < b.left - 1 || line.right > b.right + 1);
      const cutY = clip.hidesY && (line.top < b.top - 1 || line.bottom > b.bottom + 1);
      // Text wholly outside its clipping box is hidden on purpose (closed panels).
      const outside = line.right <= b.left || line.left >= b.right || line.bottom <= b.top || line.top >= b.bottom;
      if ((cutX || cutY) && !outside) {
        problems.push(`text "${line.words.slice(0, 40)}" is cut off by ${name(clip.element)}`);
        break;
      }
    }
  }
  lines.sort((a, b) => a.top - b.top);
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    for (let j = i + 1; j < lines.length && lines[j].top < a.bottom; j++) {
      const b = lines[j];
      if (a.node === b.node) continue;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width <= 0 || height <= 0) continue;
      const smaller = Math.min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top));
      if (width * height > 0.2 * smaller) {
        problems.push(`text "${a.words.slice(0, 30)}" (${name(a.owner)}) overlaps "${b.words.slice(0, 30)}" (${name(b.owner)})`);
      }
    }
  }
  return [...new Set(problems)];
}"""


def text_problems(page) -> list[str]:
    return page.evaluate(TEXT_PROBLEMS)


def horizontal_overflow(page) -> dict:
    """The page's scroll width against the window's, and what sticks out."""
    return page.evaluate(OVERFLOWING)


def layout_problems(page) -> list[str]:
    """Sideways scrolling, overlapping text and text cut off, as messages."""
    overflow = horizontal_overflow(page)
    problems = text_problems(page)
    if overflow["scroll_width"] > overflow["width"]:
        problems.insert(
            0,
            f"scrolls sideways: {overflow['scroll_width']} px wide in a {overflow['width']} px window "
            f"({'; '.join(overflow['overflowing']) or 'no single element found'})",
        )
    return problems


def set_text_size(page, percent: int) -> None:
    """Text-only zoom, as with the browser's font size setting (the default is 16 px)."""
    session = page.context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})

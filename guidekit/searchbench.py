"""The search query set (tests/search/queries.yml), run in Chromium through the real search box.

Used by tests/browser/test_search.py and by `guidekit bench --search`. The pure parts
(reading the query set, scoring the results) are tested on their own in
tests/test_searchbench.py; run_in_browser() is the Playwright glue:

- one tab per language, on the language's front page; the search is opened by a click
  into the search box, as a reader does;
- every query is typed with the keyboard into Material's box (the previous one is cleared
  first), and the runner waits for our worker's answer to exactly that text and for the
  result list to change after it;
- a query's result is the list of pages in the order Material shows them (the first link
  of every result item), and its time is from the last key up to that change of the list.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES

QUERIES = Path("tests") / "search" / "queries.yml"
KINDS = ("exact", "inflected", "everyday", "typo", "phrase")


class QuerySetError(ValueError):
    """The query set cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Query:
    lang: str
    q: str
    kind: str
    expect: tuple[str, ...]  # page locations relative to the language root ("ohjeet/chat/")


def location_of(source: str) -> str:
    """A page's address relative to its language root, from its source file under docs/<lang>/."""
    path = source.strip("/")
    if not path.endswith(".md"):
        raise ValueError(source)
    path = path[: -len(".md")]
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def load_queries(root: Path, path: Path | None = None) -> list[Query]:
    """The query set; QuerySetError naming the file and entry when an entry is wrong or its
    expected page does not exist under docs/<lang>/."""
    path = path or root / QUERIES
    name = path.relative_to(root) if path.is_relative_to(root) else path
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise QuerySetError(f"{name}: {error}") from None
    if not isinstance(data, dict):
        raise QuerySetError(f"{name}: the file must map each language to a list of queries")
    queries = []
    for lang, entries in data.items():
        if lang not in LANGUAGES or not isinstance(entries, list):
            raise QuerySetError(f"{name}: {lang!r} is not a language with a list of queries ({', '.join(LANGUAGES)})")
        for number, entry in enumerate(entries, 1):
            where = f"{name}: {lang} #{number}"
            if not isinstance(entry, dict) or set(entry) != {"q", "kind", "expect"}:
                raise QuerySetError(f"{where}: each query needs q, kind and expect, nothing else")
            expect = entry["expect"] if isinstance(entry["expect"], list) else [entry["expect"]]
            if entry["kind"] not in KINDS or not str(entry["q"]).strip() or not expect:
                raise QuerySetError(f"{where} ({entry['q']!r}): kind is one of {', '.join(KINDS)}; q and expect are not empty")
            for source in expect:
                if not (root / "docs" / lang / str(source)).is_file():
                    raise QuerySetError(f"{where} ({entry['q']!r}): docs/{lang}/{source} does not exist")
            queries.append(Query(lang, str(entry["q"]), entry["kind"], tuple(location_of(str(s)) for s in expect)))
    return queries


@dataclass
class Outcome:
    query: Query
    found: list[str]  # result pages in order, relative to the language root ("" = front page)
    outside: list[str] = field(default_factory=list)  # results that are not pages of the language
    ms: float | None = None  # last key up → result list changed

    @property
    def rank(self) -> int | None:
        """1-based position of the first expected page, None when it is not found."""
        for position, page in enumerate(self.found, 1):
            if page in self.query.expect:
                return position
        return None


@dataclass
class Score:
    queries: int
    success_at_1: float
    success_at_3: float
    mrr: float
    zero_rate: float
    outside: int
    median_ms: float | None


def score(outcomes: list[Outcome]) -> Score:
    n = len(outcomes)
    ranks = [o.rank for o in outcomes]
    times = [o.ms for o in outcomes if o.ms is not None]
    return Score(
        queries=n,
        success_at_1=sum(1 for r in ranks if r == 1) / n if n else 0.0,
        success_at_3=sum(1 for r in ranks if r is not None and r <= 3) / n if n else 0.0,
        mrr=sum(1 / r for r in ranks if r) / n if n else 0.0,
        zero_rate=sum(1 for o in outcomes if not o.found and not o.outside) / n if n else 0.0,
        outside=sum(len(o.outside) for o in outcomes),
        median_ms=statistics.median(times) if times else None,
    )


def breakdown(outcomes: list[Outcome]) -> dict[tuple[str, str], Score]:
    """Scores per (language, "all"), per ("all", kind) and for ("all", "all")."""
    groups: dict[tuple[str, str], list[Outcome]] = {("all", "all"): list(outcomes)}
    for outcome in outcomes:
        groups.setdefault((outcome.query.lang, "all"), []).append(outcome)
        groups.setdefault(("all", outcome.query.kind), []).append(outcome)
        groups.setdefault((outcome.query.lang, outcome.query.kind), []).append(outcome)
    order = {name: i for i, name in enumerate(("all", *LANGUAGES))}
    kinds = {name: i for i, name in enumerate(("all", *KINDS))}
    return {key: score(groups[key]) for key in sorted(groups, key=lambda k: (order[k[0]], kinds[k[1]]))}


def table(outcomes: list[Outcome]) -> str:
    """A Markdown table of breakdown(): the numbers BENCHMARKS.md shows."""
    lines = [
        "| language | kind | queries | success@1 | success@3 | MRR | zero results | other language | median ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (lang, kind), s in breakdown(outcomes).items():
        ms = f"{s.median_ms:.0f}" if s.median_ms is not None else "–"
        lines.append(
            f"| {lang} | {kind} | {s.queries} | {s.success_at_1:.2f} | {s.success_at_3:.2f} | {s.mrr:.2f} "
            f"| {s.zero_rate:.1%} | {s.outside} | {ms} |"
        )
    return "\n".join(lines)


def misses(outcomes: list[Outcome], within: int = 1) -> list[str]:
    """One line per query whose expected page is not within the first `within` results."""
    lines = []
    for o in outcomes:
        if o.rank is None or o.rank > within:
            lines.append(f"{o.query.lang} {o.query.kind} {o.query.q!r}: rank {o.rank}, got {o.found[:3]}, expected {list(o.query.expect)}")
    return lines


# --- Chromium ---------------------------------------------------------------------------

def language_root(lang: str) -> str:
    return "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"


def split_results(paths: list[str], lang: str) -> tuple[list[str], list[str]]:
    """(pages of lang relative to its root, paths outside lang) of the result links' paths."""
    root = language_root(lang)
    others = tuple(language_root(o) for o in LANGUAGES if o != lang and o != DEFAULT_LANGUAGE)
    own, outside = [], []
    for path in paths:
        if path.startswith(root) and not (lang == DEFAULT_LANGUAGE and path.startswith(others)):
            page = path[len(root):]
            if page not in own:
                own.append(page)
        else:
            outside.append(path)
    return own, outside


# Runs before the page's scripts: records every answer of the search worker with its time,
# and the time of every change of the result list (Material renders it synchronously when
# an answer arrives).
RECORDER = """(() => {
  window.__gkAnswers = [];
  window.__gkChanges = [];
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", event => {
        const data = event.data && event.data.data;
        if (event.data && event.data.type === 3 && data)
          window.__gkAnswers.push({ query: data.query, t: performance.now() });
      });
    }
  };
  // The last key that changed the box's text (Material sends a query on such a key up).
  let text = null;
  document.addEventListener("keyup", event => {
    const value = event.target && event.target.value;
    if (value !== undefined && value !== text) { text = value; window.__gkLastKey = performance.now(); }
  }, true);
  document.addEventListener("DOMContentLoaded", () => {
    const result = document.querySelector(".md-search-result");
    if (result) new MutationObserver(() => window.__gkChanges.push(performance.now()))
      .observe(result, { childList: true, subtree: true, characterData: true });
  });
})();"""

READY = "() => { const m = document.querySelector('.md-search-result__meta'); return m && m.textContent.trim() !== window.__gkInitial; }"

# The answer to exactly this text arrived after the last key, and the list changed after it.
ANSWERED = """query => {
  const answer = window.__gkAnswers.find(a => a.query === query && a.t >= window.__gkLastKey);
  if (!answer) return false;
  const change = window.__gkChanges.find(t => t >= answer.t);
  return change === undefined ? false : change - window.__gkLastKey;
}"""

RESULT_PAGES = "() => [...document.querySelectorAll('.md-search-result__item')].map(li => new URL(li.querySelector('a.md-search-result__link').href).pathname)"


def open_search(tab, url: str) -> None:
    tab.goto(url)
    tab.evaluate("() => { window.__gkInitial = document.querySelector('.md-search-result__meta').textContent.trim(); }")
    tab.click(".md-search__input")
    tab.wait_for_function(READY, timeout=30000)


def run_query(tab, query: Query, every_key: bool = True) -> Outcome:
    """Clear the box, type the query, and read the result pages once the answer is shown.

    every_key=False puts all but the last letter into the box at once and types only the
    last one (one search instead of one per letter: the quick run of the tests); the
    bench types every key, as a reader does, so its times include the searches for the
    beginnings of the query that the worker answers first."""
    box = tab.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    tab.evaluate("() => { window.__gkAnswers = []; window.__gkChanges = []; }")
    if every_key:
        box.type(query.q)
    else:
        box.fill(query.q[:-1])
        box.type(query.q[-1])
    # Playwright types letters outside the US keyboard (ä, ö, å) without a key up, and
    # Material reads the box on key up: one more key, as a reader's keyboard sends.
    box.press("End")
    ms = tab.wait_for_function(ANSWERED, arg=query.q.strip(), timeout=30000).json_value()
    own, outside = split_results(tab.evaluate(RESULT_PAGES), query.lang)
    return Outcome(query, own, outside, float(ms))


def run_in_browser(browser, base_url: str, queries: list[Query], every_key: bool = True, viewport: dict | None = None) -> list[Outcome]:
    """Every query in Chromium, one tab per language; the outcomes in the query set's order."""
    outcomes = []
    for lang in LANGUAGES:
        mine = [q for q in queries if q.lang == lang]
        if not mine:
            continue
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, reduced_motion="reduce")
        try:
            tab = context.new_page()
            tab.add_init_script(RECORDER)
            open_search(tab, base_url + language_root(lang))
            outcomes.extend(run_query(tab, query, every_key) for query in mine)
        finally:
            context.close()
    return outcomes


def index_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """(raw, gzip) bytes of each language's search_index.json in a built site."""
    import gzip

    from guidekit.pageweight import GZIP_LEVEL

    sizes = {}
    for lang in LANGUAGES:
        path = site / language_root(lang).strip("/") / "search" / "search_index.json"
        data = path.read_bytes()
        sizes[lang] = (len(data), len(gzip.compress(data, GZIP_LEVEL)))
    return sizes

"""guidekit bench [--guides N [N…]] [--repeat R] [--keep DIR] [--no-browser]
guidekit bench --weigh SITE
guidekit bench --reload [--guides N] [--repeat R] [--lang L] [--fast-only]
guidekit bench --publish SITE
guidekit bench --stock [--guides N [N…]] [--repeat R]

Generates a synthetic site of N valid guides × 4 languages (full front matter, a small
screenshot each) in a temporary folder with the real configuration, templates, hooks
and data, and for each N:
- builds it without the checks (GUIDEKIT_CHECKS=0), with them on an empty results
  cache (cold) and again at once (warm: nothing changed): wall and CPU time, their
  ratios, the check worker's own CPU time (from the build log), build time per page,
  and the time of each language from the build log;
- lints every page on its own, without the cache: time per page;
- adds up the built site on disk, per language;
- loads one guide page per language in Chromium: bytes of HTML, CSS, JS, images and
  search data, raw and gzip-compressed (guidekit/pageweight.py).
With several N (e.g. --guides 50 200) it ends with the cost of each added page, to see
whether the build grows linearly. Goals: checks add at most 10 % (BENCHMARKS.md).

--search [SITE] runs the search query set (tests/search/queries.yml) in Chromium through
the real search box of a built site (default: the real site, built now without checks
into a temporary folder): success@1, success@3, MRR, zero-result rate and the median
time from the last key to the results, per language and per kind, and each language's
search data in bytes, raw and gzip (guidekit/searchbench.py). --queries FILE runs another
query set of the same format instead (e.g. tests/search/queries-heldout.yml).

--weigh SITE only loads every guide page of an already built site (`./dev build`
writes site/) in Chromium and prints a table of their bytes: the real site's budget.

--reload [--lang L] [--fast-only] serves the synthetic site with `mkdocs serve` as `./dev serve`
(every language), `./dev serve L --full` (one language, every page rendered on each save)
and `./dev serve L` (the fast preview: --dirty, only the saved page rendered and checked),
saves a guide of L (default fi) R times (at least 3) and prints the median and every
figure of the seconds from a save to the served page showing the edit in its findings
panel (guidekit/servebench.py). --fast-only measures the fast preview only.
--stock builds the same synthetic Markdown also with stock Material + stock static-i18n
(selko's pages under the ISO code "et", which static-i18n requires; no overrides, hooks or
checks), in turn with ours cold (.cache/guidekit emptied) and warm (right after), R times,
and prints each one's median CPU time (the process and its children), the ratio to the
stock build and the CPU time per page; with several N, the cost of each added page.
--publish SITE prints the PDFs of an already built publish site (`./dev build`) into a
temporary folder, one language at a time, as `guidekit pdf --publish` does: wall time,
files, pages and bytes per language (guidekit/bench.py: publish_times).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from guidekit.bench import generate_site, growth, measure, median, weigh_site, weight_table
from guidekit.config import find_root
from guidekit.languages import LANGUAGES


def add_arguments(parser) -> None:
    parser.add_argument("--guides", type=int, nargs="+", default=[200], help="ohjeita kielellä, yksi tai useampi koko (oletus 200)")
    parser.add_argument("--repeat", type=int, default=1, help="rakennuskertoja kummallekin; mediaani lasketaan")
    parser.add_argument("--keep", type=Path, default=None, help="tee sivusto tähän kansioon ja jätä se talteen")
    parser.add_argument("--no-browser", action="store_true", help="älä mittaa sivun painoa Chromiumissa")
    parser.add_argument("--search", type=Path, nargs="?", const=True, default=None, metavar="SITE", help="aja hakukysymykset Chromiumissa (oletus: rakentaa oikean sivuston)")
    parser.add_argument("--queries", type=Path, default=None, metavar="FILE", help="hakukysymykset tästä tiedostosta (oletus tests/search/queries.yml)")
    parser.add_argument("--reload", action="store_true", help="mittaa esikatselu: sekunnit sivun tallennuksesta päivittyneeseen sivuun (mkdocs serve)")
    parser.add_argument("--lang", default="fi", help="--reload: muokattavan ohjeen ja yhden kielen esikatselun kieli (oletus fi)")
    parser.add_argument("--fast-only", action="store_true", help="--reload: mittaa vain nopea esikatselu (./dev serve LANG)")
    parser.add_argument("--weigh", type=Path, default=None, metavar="SITE", help="punnitse vain valmiin sivuston ohjesivut (esim. site/)")
    parser.add_argument("--stock", action="store_true",
                        help="vertaa CPU-aikaa samaan sisältöön vakio-Materialilla ja -static-i18n:llä (kylmä ja lämmin)")
    parser.add_argument("--publish", type=Path, default=None, metavar="SITE",
                        help="mittaa PDF-julkaisun (guidekit pdf --publish) aika kielittäin valmiista sivustosta")


def run(args) -> int:
    if args.weigh:
        return weigh(args.weigh)
    if args.publish:
        return time_publish(args.publish)
    if args.search:
        return search(None if args.search is True else args.search, args.queries)
    root = find_root()
    if min(args.guides) < 1 or args.repeat < 1:
        print("--guides ja --repeat ovat positiivisia kokonaislukuja", file=sys.stderr)
        return 2
    if args.reload:
        if args.lang not in LANGUAGES:
            print(f"--lang: {args.lang} ei ole sivuston kieli ({', '.join(LANGUAGES)})", file=sys.stderr)
            return 2
        return reload(root, args.guides, max(args.repeat, 3), args.lang, args.fast_only)
    if args.stock:
        return stock(root, args.guides, args.repeat, args.keep)
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        print(f"{args.keep}: kansio ei ole tyhjä", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="guidekit-bench-") as temporary:
        for guides in args.guides:
            base = args.keep or Path(temporary)
            site = base / f"n{guides}" if len(args.guides) > 1 else base
            site.mkdir(parents=True, exist_ok=True)
            pages = generate_site(site, root, guides)
            print(f"synteettinen sivusto: {pages} sivua kansiossa {site}", flush=True)
            try:
                result = measure(site, args.repeat, weigh=not args.no_browser)
            except RuntimeError as error:
                print(error, file=sys.stderr)
                return 1
            print(result.report(), flush=True)
            results.append((guides, result))
            if len(args.guides) > 1:
                print(flush=True)
    if len(results) > 1:
        print(growth(results))
    return 0


def weigh(folder: Path) -> int:
    if not (folder / "index.html").is_file():
        print(f"{folder}: ei rakennettua sivustoa (index.html puuttuu); aja ensin ./dev build", file=sys.stderr)
        return 2
    try:
        weights = weigh_site(folder)
    except (OSError, ImportError) as error:
        print(f"sivujen paino: {error}", file=sys.stderr)
        return 1
    if not weights:
        print(f"{folder}: ei ohjesivuja", file=sys.stderr)
        return 1
    print(weight_table(weights))
    heaviest = max(weights, key=lambda w: w.total())
    print(f"\npainavin: {heaviest.report()}")
    return 0


def search(folder: Path | None, query_file: Path | None = None) -> int:
    from guidekit import searchbench
    from guidekit.localserver import serve_folder
    from guidekit.pageweight import chromium

    root = find_root()
    try:
        queries = searchbench.load_queries(root, query_file.resolve() if query_file else None)
    except searchbench.QuerySetError as error:
        print(error, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="guidekit-search-") as temporary:
        if folder is None:
            import os
            import subprocess

            folder = Path(temporary) / "site"
            env = {**os.environ, "GUIDEKIT_CHECKS": "0", "NO_MKDOCS_2_WARNING": "1"}
            built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(folder)], cwd=root, env=env, capture_output=True, text=True)
            if built.returncode:
                print(built.stdout + built.stderr, file=sys.stderr)
                return 1
        elif not (folder / "index.html").is_file():
            print(f"{folder}: ei rakennettua sivustoa (index.html puuttuu); aja ensin ./dev build", file=sys.stderr)
            return 2
        try:
            with serve_folder(folder) as base, chromium() as browser:
                outcomes = searchbench.run_in_browser(browser, base, queries)
        except (OSError, ImportError) as error:
            print(f"haku: {error}", file=sys.stderr)
            return 1
        sizes = searchbench.index_sizes(folder)
    print(searchbench.table(outcomes))
    print()
    print("| language | search_index.json | gzip |")
    print("| --- | ---: | ---: |")
    for lang, (raw, packed) in sizes.items():
        print(f"| {lang} | {raw / 1000:.1f} kB | {packed / 1000:.1f} kB |")
    missed = searchbench.misses(outcomes, within=3)
    if missed:
        print("\nnot in the first three:")
        print("\n".join(missed))
def reload(root: Path, sizes: list[int], edits: int, lang: str = "fi", fast_only: bool = False) -> int:
    """Save-to-updated-page seconds of `mkdocs serve` on the synthetic site, as the author runs
    it: every language (`./dev serve`), one language rendering every page on each save
    (`./dev serve LANG --full`) and the fast preview (`./dev serve LANG`: --dirty, only the
    saved page rendered and checked, guidekit/incremental.py). A guide of LANG is edited."""
    from guidekit.servebench import reload_seconds

    modes = [
        ("./dev serve (kaikki kielet)", {}, ()),
        (f"./dev serve {lang} --full", {"GUIDEKIT_ONLY_LANGUAGE": lang}, ()),
        (f"./dev serve {lang} (nopea esikatselu)", {"GUIDEKIT_ONLY_LANGUAGE": lang}, ("--dirty",)),
    ]
    for guides in sizes:
        with tempfile.TemporaryDirectory(prefix="guidekit-reload-") as temporary:
            site = Path(temporary)
            pages = generate_site(site, root, guides)
            guide = sorted((site / "docs" / lang / "ohjeet").rglob("*.md"))[0]
            prefix = "" if lang == "fi" else f"/{lang}"
            url = prefix + "/" + guide.relative_to(site / "docs" / lang).with_suffix("").as_posix() + "/"
            for label, env, serve_args in modes[2:] if fast_only else modes:
                try:
                    times = reload_seconds(site / "mkdocs.yml", guide, url, edits, env, serve_args)
                except RuntimeError as error:
                    print(error, file=sys.stderr)
                    return 1
                shown = ", ".join(f"{t:.2f}" for t in times)
                print(f"{pages} sivua, {label}: tallennuksesta päivittyneeseen sivuun {median(times):.2f} s "
                      f"(mediaani {len(times)} tallennuksesta; {shown})", flush=True)
    return 0


def stock(root: Path, sizes: list[int], repeat: int, keep: Path | None) -> int:
    from guidekit.bench import compare_with_stock, stock_growth

    results = []
    with tempfile.TemporaryDirectory(prefix="guidekit-stock-") as temporary:
        for guides in sizes:
            site = (keep or Path(temporary)) / f"n{guides}"
            if site.exists() and any(site.iterdir()):
                print(f"{site}: kansio ei ole tyhjä", file=sys.stderr)
                return 2
            site.mkdir(parents=True, exist_ok=True)
            pages = generate_site(site, root, guides)
            print(f"synteettinen sivusto: {pages} sivua kansiossa {site}", flush=True)
            try:
                result = compare_with_stock(site, repeat)
            except RuntimeError as error:
                print(error, file=sys.stderr)
                return 1
            print(result.report(), flush=True)
            results.append((guides, result))
    if len(results) > 1:
        print(stock_growth(results))
    return 0


def time_publish(folder: Path) -> int:
    from guidekit.bench import publish_table, publish_times
    from guidekit.pdf import PdfError

    if not (folder / "index.html").is_file():
        print(f"{folder}: ei rakennettua sivustoa (index.html puuttuu); aja ensin ./dev build", file=sys.stderr)
        return 2
    try:
        times = publish_times(folder, find_root())
    except PdfError as error:
        print(error, file=sys.stderr)
        return 1
    print(publish_table(times))
    return 0

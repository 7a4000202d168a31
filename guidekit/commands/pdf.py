"""guidekit pdf [--site DIR] [--out DIR] [--lang L]: every guide as a PDF, per language.

Builds the site into a temporary folder unless --site names a built one, serves it
on 127.0.0.1 and prints each guide with headless Chromium (tagged A4 PDF).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from guidekit.languages import LANGUAGES
from guidekit.facts import FactsError, load_facts
from guidekit.pdf import PdfError, built_site, print_guides, publish


def add_arguments(parser) -> None:
    parser.add_argument("--site", type=Path, help="rakennettu sivusto (oletus: rakennetaan väliaikaiseen kansioon)")
    parser.add_argument("--out", type=Path, default=Path("build/pdf"), help="mihin PDF:t kirjoitetaan (oletus: build/pdf/)")
    parser.add_argument("--lang", choices=LANGUAGES, action="append",
                        help="vain tämä kieli (voi antaa monta kertaa; oletus: kaikki)")
    parser.add_argument("--publish", action="store_true",
                        help="julkaisua varten: myös suuren tekstin PDF:t ja kunkin kielen käsiohjepaketti (./dev build)")
    parser.add_argument("--root", type=Path, default=Path("."), help="sivuston kansio (oletus: nykyinen)")


def run(args) -> int:
    root = args.root.resolve()
    languages = tuple(args.lang or LANGUAGES)
    start = time.monotonic()
    try:
        show = lambda guide, target: print(f"{target}  ({guide.url_path or '/'})")  # noqa: E731
        with built_site(root, args.site) as site:
            if args.publish:
                written = publish(site, args.out, load_facts(root / "data" / "ui.yml"), languages, progress=show)
            else:
                written = print_guides(site, args.out, languages, progress=show)
    except (PdfError, FactsError) as error:
        print(error, file=sys.stderr)
        return 2
    print(f"{len(written)} PDF-tiedostoa kansiossa {args.out} ({time.monotonic() - start:.1f} s)")
    return 0

"""guidekit bench [--guides N] [--repeat R] [--keep DIR]

Generates a synthetic site of N guides × 4 languages in a temporary folder with the
real configuration, templates, hooks and data, builds it without and with the checks
(GUIDEKIT_CHECKS=0 / 1) and prints both wall times, their ratio and the lint time per
page. The goal: checks add at most 10 % to the build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from guidekit.bench import generate_site, measure
from guidekit.config import find_root


def add_arguments(parser) -> None:
    parser.add_argument("--guides", type=int, default=200, help="ohjeita kielellä (oletus 200)")
    parser.add_argument("--repeat", type=int, default=1, help="rakennuskertoja kummallekin; nopein lasketaan")
    parser.add_argument("--keep", type=Path, default=None, help="tee sivusto tähän kansioon ja jätä se talteen")


def run(args) -> int:
    root = find_root()
    if args.guides < 1 or args.repeat < 1:
        print("--guides ja --repeat ovat positiivisia kokonaislukuja", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="guidekit-bench-") as temporary:
        site = args.keep or Path(temporary)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            print(f"{args.keep}: kansio ei ole tyhjä", file=sys.stderr)
            return 2
        site.mkdir(parents=True, exist_ok=True)
        pages = generate_site(site, root, args.guides)
        print(f"synteettinen sivusto: {pages} sivua kansiossa {site}", flush=True)
        try:
            result = measure(site, args.repeat)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        print(result.report())
    return 0

"""guidekit addresses [--update] [--messages fi|en]: check the site's permanent addresses.

Without --update: report moved pages without a redirect, duplicate short ids and
addresses not yet recorded (exit 1 on errors). With --update: add today's pages and
short ids to data/addresses.yml (never removes one), print the changed file and the
next step, then check.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guidekit import atomicfile
from guidekit.addresses import INFO, RECORD_FILE, REDIRECTS_FILE, format_record, load_plan, updated_record
from guidekit.changes import publish_step, report
from guidekit.findings import ERROR

# The files --update reads to know what was published: while one cannot be read, a
# rewritten record would lose every address in it (and printed QR codes with them).
UPDATE_INPUTS = (RECORD_FILE, REDIRECTS_FILE)
REFUSED = {
    "fi": ("{file}: tiedostoa ei voi lukea, joten osoiteluetteloa ei päivitetty (se on ennallaan). "
           "Korjaa ensin yllä näkyvä rivi ja aja komento uudelleen."),
    "en": ("{file} cannot be read, so the record was not updated (it is unchanged). "
           "Fix the line shown above first, then run the command again."),
}


WORDS = {
    "fi": {
        "added": "{file}: lisätty {count} osoitetta",
        "nothing": "{file}: ei uusia osoitteita",
        "commit_with": "Julkaise luettelo samassa muutoksessa kuin sivut, joiden osoitteet siihen lisättiin.",
    },
    "en": {
        "added": "{file}: {count} addresses added",
        "nothing": "{file}: no new addresses",
        "commit_with": "Publish the record in the same change as the pages whose addresses it added.",
    },
}


def add_arguments(parser) -> None:
    parser.add_argument("--update", action="store_true",
                        help=f"lisää uudet sivut ja lyhyet osoitteet tiedostoon {RECORD_FILE}")
    parser.add_argument("--messages", choices=("fi", "en"), default="fi", help="tulosteen kieli")
    parser.add_argument("--root", type=Path, default=Path("."), help="sivuston kansio (oletus: nykyinen)")


def run(args) -> int:
    root = args.root.resolve()
    if not (root / "docs").is_dir():
        print(f"{root}: kansiossa ei ole docs/-kansiota; aja komento sivuston kansiossa tai anna --root", file=sys.stderr)
        return 2
    plan = load_plan(root, message_lang=args.messages)
    if args.update:
        unreadable = [f for f in plan.findings if f.rule == "AD006" and f.path in UPDATE_INPUTS]
        if unreadable:
            for finding in unreadable:
                print(finding.format(), file=sys.stderr)
            for file in sorted({f.path for f in unreadable}):
                print(REFUSED[args.messages].format(file=file), file=sys.stderr)
            return 2
        before = plan.record
        after = updated_record(before, plan.inventory, plan.redirects)
        added = sorted(set(after.pages) - set(before.pages)) + [
            f"o/{short_id}/ → {path}" for short_id, path in sorted(after.short.items()) if before.short.get(short_id) != path
        ]
        words = WORDS[args.messages]
        changed = []
        if added or not before.exists:
            atomicfile.write_text(root / RECORD_FILE, format_record(after))
            changed.append(RECORD_FILE)
            print(words["added"].format(file=RECORD_FILE, count=len(added)))
            for address in added:
                print(f"  + {address}")
        else:
            print(words["nothing"].format(file=RECORD_FILE))
        steps = [publish_step(changed, args.messages), words["commit_with"]] if changed else []
        print("\n" + report(changed, steps, args.messages))
        plan = load_plan(root, message_lang=args.messages)
    errors = 0
    for finding in plan.findings:
        if finding.severity == INFO and args.update:
            continue
        print(finding.format(), file=sys.stderr if finding.severity == ERROR else sys.stdout)
        errors += finding.severity == ERROR
    return 1 if errors else 0

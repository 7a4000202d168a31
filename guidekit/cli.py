"""`guidekit`: the command line. Each subcommand is a module in guidekit/commands/
exporting add_arguments(parser) and run(args) -> exit code."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

# name: one-line help (Finnish, the authors' language)
COMMANDS = {
    "lint": "tarkista selkeys, kuvat ja etusivut ilman sivuston rakentamista",
    "rules": "kirjoita tarkistussääntöjen ohjesivu authoring/rules.md sääntöjen koodista",
    "bench": "mittaa rakennusajan (tarkistuksin ja ilman), koon ja sivun painon synteettisellä sivustolla",
    "status": "käännösten tila (ok, puuttuu, vanhentunut) ja erääntyvät tarkistukset",
    "new": "luo uusi suomenkielinen ohje talon pohjasta ja lisää se navigaatioon",
    "addresses": "tarkista pysyvät osoitteet; --update kirjaa uudet sivut osoiteluetteloon",
    "pdf": "tulosta jokainen ohje jokaisella kielellä PDF-tiedostoksi (Chromium)",
    "images": "kuvien koot ja WebP-säästö (mittaus); --strip poistaa kuvista metatiedot",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="guidekit", description="Asioi digitaalisesti -sivuston työkalut")
    sub = parser.add_subparsers(dest="command", required=True)
    # Only the chosen command's module is imported: the others (PDF, images, bench) cost
    # every `guidekit lint` some 40 ms of start-up. The list of commands needs none of them.
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    modules = {}
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            modules[name] = import_module(f"guidekit.commands.{name}")
            modules[name].add_arguments(command)
    args = parser.parse_args(argv)
    return modules[args.command].run(args)


if __name__ == "__main__":
    sys.exit(main())

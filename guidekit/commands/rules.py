"""guidekit rules [--check] [--output PATH]

Writes the rules reference page for authors (authoring/rules.md, in Finnish) from
the rule modules and guidekit.yml: ID and aliases, description, languages,
rationale with its source, settings per language, a good and a bad example.
--check only compares: exit 1 when the page is out of date (a test runs it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from guidekit import atomicfile
from guidekit.config import Config, ConfigError, load_config
from guidekit.datacheck import DATA_FILES
from guidekit.datacheck import REFERENCE as DATA_RULES
from guidekit.rules import all_rules, rule_id
from guidekit.settings import COMMON, KINDS

OUTPUT = Path("authoring") / "rules.md"

INTRO = """\
# Tarkistussäännöt

<!-- Tämä sivu on tehty komennolla `guidekit rules`. Älä muokkaa sitä käsin: muuta
sääntöjen koodia (guidekit/rules/) tai asetuksia (guidekit.yml) ja aja komento uudelleen. -->

Tarkistukset kertovat ennen julkaisua, missä teksti on lukijalleen liian vaikea tai
missä sivussa on muu virhe. Ne ajetaan, kun sivusto rakennetaan (`./dev build`,
`./dev serve`), ja ilman rakentamista komennolla `./dev lint` (`guidekit lint`).

Jokainen löydös on samanmuotoinen: säännön tunnus, tiedosto ja rivi, mikä on vialla
ja miten sen korjaat.

```text
[PL101] docs/selko/ohjeet/chat.md:14: virkkeessä on 15 sanaa (enintään 12): ”…” — jaa virke kahdeksi …
```

Jos löydös on yhdessä kohdassa perusteltu, ohita se kommentilla, jossa on sääntö ja
syy. Kommentti koskee omaa riviään ja seuraavaa ei-tyhjää riviä.

```markdown
<!-- guidekit-disable PL202: lain mukainen nimi, jota ei voi lyhentää -->
```

Rajat ja sanalistat ovat tiedostossa `guidekit.yml` (`default` kaikille kielille ja
sen päälle kielikohtaiset arvot). Kunkin säännön kohdalla on taulukko sen asetuksista:
tyyppi, oletusarvo ja sallitut arvot. Jokaisella säännöllä on lisäksi asetukset
`enabled` (`false` ottaa säännön pois käytöstä) ja `severity` (`error` tai `warning`).
Jos `guidekit.yml`:ssä on tuntematon avain, väärän tyyppinen arvo tai luku sallitun
alueen ulkopuolelta, tarkistus ja sivuston rakentaminen pysähtyvät ilmoitukseen, joka
kertoo rivin ja avaimen. Ilmoitukset ovat suomeksi; `guidekit lint --messages en`
antaa ne englanniksi.
"""

LANGUAGE_NAMES = {"fi": "suomi", "sv": "ruotsi", "en": "englanti", "selko": "selkosuomi"}


def format_value(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} → {v}" for k, v in value.items()) or "–"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "–"
    if value is None:
        return "–"
    return str(value)


def spec_table(rule) -> list[str]:
    """The rule's own settings spec: name, type, default, allowed values, meaning."""
    spec = getattr(rule, "SETTINGS", ())
    if not spec:
        return []
    rows = [
        f"| `{s.name}` | {KINDS[s.kind]} | {format_value(s.default) if s.default is not None else '–'} "
        f"| {s.allowed() or '–'} | {s.description} |"
        for s in spec
    ]
    return ["| asetus | tyyppi | oletus | sallitut | merkitys |", "| --- | --- | --- | --- | --- |", *rows, ""]


def settings_table(rule, config: Config) -> list[str]:
    rid = rule_id(rule)
    common_defaults = {s.name: s.default for s in COMMON}
    rows = []
    for lang in rule.LANGUAGES:
        # The common settings only where guidekit.yml changes them; the rule's own always.
        settings = {
            k: v for k, v in config.rule(rid, lang).items() if k not in common_defaults or v != common_defaults[k]
        }
        text = "; ".join(f"`{k}`: {format_value(v)}" for k, v in sorted(settings.items())) or "–"
        rows.append(f"| {LANGUAGE_NAMES.get(lang, lang)} | {text} |")
    return ["| kieli | asetukset (guidekit.yml) |", "| --- | --- |", *rows]


def example_block(text: str) -> list[str]:
    return ["```markdown", *str(text).rstrip("\n").split("\n"), "```"]


def render(rules: list, config: Config) -> str:
    lines = [INTRO, "## Säännöt lyhyesti", "", "| tunnus | nimi | mitä se tarkistaa | kielet |", "| --- | --- | --- | --- |"]
    for rule in rules:
        rid = rule_id(rule)
        aliases = ", ".join(rule.NAMES[1:])
        lines.append(f"| [{rid}](#{rid.lower()}) | {aliases} | {rule.DESCRIPTION} | {', '.join(rule.LANGUAGES)} |")
    data_files = " ja ".join(f"`{path}`" for path in DATA_FILES)
    for rid, name, description, _why, _good, _bad in DATA_RULES:
        lines.append(f"| [{rid}](#{rid.lower()}) | {name} | {description} | {data_files} |")
    for rule in rules:
        rid = rule_id(rule)
        examples = getattr(rule, "EXAMPLES", {}) or {}
        lines += [
            "",
            f"## {rid}",
            "",
            f"**{rule.DESCRIPTION}.** Nimet: {', '.join(f'`{n}`' for n in rule.NAMES)}. "
            f"Kielet: {', '.join(LANGUAGE_NAMES.get(lang, lang) for lang in rule.LANGUAGES)}. "
            f"Aihe: {', '.join(getattr(rule, 'TAGS', ()))}.",
            "",
            f"**Miksi:** {getattr(rule, 'RATIONALE', '').strip()}",
            "",
            *spec_table(rule),
            *settings_table(rule, config),
        ]
        if "good" in examples:
            lines += ["", "Hyvä:", "", *example_block(examples["good"])]
        if "bad" in examples:
            lines += ["", "Huono:", "", *example_block(examples["bad"])]
    lines += ["", "## Tietotiedostojen säännöt", "",
              f"Nämä tarkistavat tiedostot {data_files}, joiden arvot näkyvät jokaisella sivulla. "
              "Ne ajetaan sivuston koonnissa ja komennolla `guidekit lint`; virhe estää julkaisun."]
    for rid, name, description, why, good, bad in DATA_RULES:
        lines += ["", f"## {rid}", "", f"**{description}.** Nimet: `{rid}`, `{name}`. Tiedostot: {data_files}.",
                  "", f"**Miksi:** {why}", "", "Hyvä:", "", "```yaml", *good.split("\n"), "```",
                  "", "Huono:", "", "```yaml", *bad.split("\n"), "```"]
    return "\n".join(lines) + "\n"


def add_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="vain vertaa: poistumiskoodi 1, jos sivu on vanhentunut")
    parser.add_argument("--output", type=Path, default=None, help=f"kohdetiedosto (oletus: {OUTPUT})")


def run(args) -> int:
    try:
        config = load_config()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    target = args.output or config.root / OUTPUT
    text = render(all_rules(), config)
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current != text:
            print(f"{target}: sääntösivu on vanhentunut; aja guidekit rules", file=sys.stderr)
            return 1
        return 0
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomicfile.write_text(target, text)
        print(f"kirjoitettu {target}")
    return 0

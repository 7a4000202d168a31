"""Checks of the data files whose values reach every page (data/county.yml, data/ui.yml).

Their values are printed into the page template and into the guides' text, so a value
must stay text and an address must be one a resident can safely follow (issue 14):

- DA101: a value with HTML markup (`<`, `>`): a `<script>` in a phone number would run
  on every page.
- DA102: an address that is not https:, mailto: or tel:, e.g. `chat.url:
  javascript:alert(1)`, or a plain http: address.

Read with the bounded yamlsafe.compose, so each finding names the value's own line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from guidekit import yamlsafe
from guidekit.findings import ERROR, Finding
from guidekit.htmlsafe import MARKUP, SAFE_SCHEMES, SCHEME, url_scheme

DATA_FILES = ("data/county.yml", "data/ui.yml")
# Keys that hold an address whatever it looks like, and schemes that are never an address
# for residents wherever they are written.
ADDRESS_KEY = re.compile(r"(^|_)(url|href|link|address_url)$")
NEVER_SAFE = {"javascript", "vbscript", "data", "file", "http", "ftp"}

MESSAGES = {
    "fi": {
        "DA101": ("arvossa {key} on HTML-merkki ”{sign}”", "kirjoita arvoon pelkkää tekstiä ilman merkkejä < ja >"),
        "DA102": ("osoite {key} alkaa ”{scheme}:”, joka ei ole turvallinen osoite",
                  "käytä osoitetta, joka alkaa https:, mailto: tai tel:"),
    },
    "en": {
        "DA101": ("value {key} contains the HTML character “{sign}”", "write plain text, without < and >"),
        "DA102": ("address {key} starts with “{scheme}:”, which is not a safe address",
                  "use an address that starts with https:, mailto: or tel:"),
    },
}

# For the rules reference page (`guidekit rules`): (ID, name, description, why, good, bad).
REFERENCE = (
    ("DA101", "markup-in-data", "HTML-merkki tietotiedoston arvossa",
     "Tietotiedostojen arvot (puhelinnumerot, aukioloajat, sivupohjan sanat) näkyvät jokaisella "
     "sivulla. Sivusto näyttää ne aina tekstinä, mutta merkki < tai > arvossa on lähes aina "
     "virhe tai yritys lisätä sivuille koodia: arvoon kirjoitettu <script> toimisi muuten "
     "jokaisella sivulla. Lähde: OWASP Cross Site Scripting Prevention Cheat Sheet.",
     "customer_service:\n  phone: 010 555 0100",
     "customer_service:\n  phone: 010 555 0100<script>alert(1)</script>"),
    ("DA102", "unsafe-address-in-data", "Tietotiedoston osoite ei ole https:, mailto: tai tel:",
     "Tietotiedoston osoitteista tulee linkkejä jokaiselle sivulle. javascript:-osoite ajaisi "
     "koodia, data:-osoite voi kuljettaa kokonaisen sivun, ja salaamaton http:-yhteys voidaan "
     "kaapata matkalla. Sivusto tekee linkin vain https:-, mailto:- ja tel:-osoitteista; muut "
     "näkyvät tekstinä tai jäävät pois. Lähde: OWASP Cross Site Scripting Prevention Cheat Sheet.",
     "chat:\n  url: https://chat.esimerkkila.example/",
     "chat:\n  url: javascript:alert(1)"),
)


def is_unsafe_address(key: str, value: str) -> bool:
    """An address a resident must not be sent to (DA102); the build prints no link for it."""
    scheme = url_scheme(value)
    if scheme is None or scheme in SAFE_SCHEMES:
        return False
    return scheme in NEVER_SAFE or bool(ADDRESS_KEY.search(key.rsplit(".", 1)[-1]))


def _scalars(node, path=()):
    """(dotted key, value, line) of every string in a composed YAML tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*path, str(index)))
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        yield ".".join(path), node.value, node.start_mark.line + 1


def value_findings(text: str, rel_path: str, message_lang: str = "fi") -> list[Finding]:
    """DA101 and DA102 for one data file's text; a file that is not YAML gives none here
    (loading it reports that, naming the file and line)."""
    try:
        tree = yamlsafe.compose(text)  # bounded: an alias bomb is an error here, not a hang
    except yaml.YAMLError:
        return []
    messages = MESSAGES.get(message_lang, MESSAGES["fi"])
    findings = []
    for key, value, line in _scalars(tree):
        sign = MARKUP.search(value)
        if sign:
            message, fix = messages["DA101"]
            findings.append(Finding(rel_path, line, "DA101", message.format(key=key, sign=sign.group(0)), fix, ERROR))
        if is_unsafe_address(key, value):
            message, fix = messages["DA102"]
            scheme = SCHEME.match(value).group(1)
            findings.append(Finding(rel_path, line, "DA102", message.format(key=key, scheme=scheme), fix, ERROR))
    return findings


def data_findings(root: Path, message_lang: str = "fi") -> list[Finding]:
    """DA101/DA102 for every data file whose values reach the pages."""
    findings = []
    for rel in DATA_FILES:
        path = Path(root) / rel
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # loading the file reports it
        findings.extend(value_findings(text, rel, message_lang))
    return findings

"""guidekit new SLUG --title "…" [--description "…"] [--service ID] [--owner "…"]

Creates docs/fi/ohjeet/SLUG.md from the house template (guidekit/templates/guide.md),
adds it to the navigation in mkdocs.yml under `Ohjeet:` and prints the files it changed
and what is left to do.
mkdocs.yml is edited as text, one line added: it has `!ENV` tags and comments that a
YAML round trip would lose.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from string import Template

from guidekit import atomicfile
from guidekit.changes import publish_step, report
from guidekit.config import ConfigError, load_config
from guidekit.document import split_front_matter
from guidekit.facts import FactsError, load_facts
from guidekit.frontmatter import GUIDES_FOLDER, SHORT_ID
from guidekit.languages import DEFAULT_LANGUAGE
from guidekit.translations import TRANSLATION_LANGUAGES

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "guide.md"
NAV_SECTION = "Ohjeet"
NAV_KEY = re.compile(r"^nav\s*:\s*(#.*)?$")
DEFAULT_DESCRIPTION = "Kirjoita tähän yksi lause: mitä lukija oppii tästä ohjeesta."


class NewGuideError(ValueError):
    """The guide cannot be created; the message says why and what to do."""


class NavError(ValueError):
    """mkdocs.yml has no place for the guide; the guide itself is still created."""


def add_arguments(parser) -> None:
    parser.add_argument("slug", help="tiedoston nimi ja lyhytosoite: pieniä kirjaimia, numeroita ja väliviivoja")
    parser.add_argument("--title", required=True, help="ohjeen otsikko")
    parser.add_argument("--description", help="lyhyt kuvaus hakutuloksiin (enintään 160 merkkiä)")
    parser.add_argument("--service", help="palvelun tunnus tiedostosta data/county.yml (services)")
    parser.add_argument("--owner", help="vastuutiimi")
    parser.add_argument("--needs", help="tarpeet pilkuin eroteltuina tiedostosta data/county.yml (needs), esimerkiksi hoito,kysy")
    parser.add_argument("--messages", choices=("fi", "en"), default="fi", help="tulosteen kieli")


def check_slug(slug: str, guides: Path, taken_shorts: set[str], root: Path) -> None:
    if not SHORT_ID.match(slug):
        raise NewGuideError(
            f"”{slug}” ei kelpaa ohjeen nimeksi: käytä vain pieniä kirjaimia a–z, numeroita ja "
            "väliviivoja, esimerkiksi reseptin-uusiminen"
        )
    existing = guides / f"{slug}.md"
    if existing.exists():
        shown = existing.relative_to(root).as_posix()
        raise NewGuideError(f"ohje {shown} on jo olemassa: valitse toinen nimi tai muokkaa olemassa olevaa ohjetta")
    if slug in taken_shorts:
        raise NewGuideError(f"lyhytosoite ”{slug}” on jo toisen sivun käytössä: valitse toinen nimi")


def short_ids_in(folder: Path) -> set[str]:
    taken = set()
    for path in folder.rglob("*.md") if folder.is_dir() else []:
        try:
            front, _error, _body = split_front_matter(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if front.get("short") is not None:
            taken.add(str(front["short"]))
    return taken


def render_guide(template: str, slug: str, title: str, description: str, service: str, owner: str,
                 needs: list[str] = ()) -> str:
    """The new guide's text. `reviewed` is left empty: only the author, having checked the
    steps against the real service, can say when that was (FM102 until then)."""
    # JSON strings are valid YAML double-quoted strings: a colon or quote in a title cannot break the page.
    quote = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
    return Template(template).substitute(
        title=quote(title),
        heading=title,
        description=quote(description),
        service=service,
        needs="[" + ", ".join(needs) + "]",
        owner=quote(owner),
        short=slug,
    )


def parse_needs(value: str | None, known: list[str]) -> list[str]:
    needs = [part.strip() for part in (value or "").split(",") if part.strip()]
    unknown = [need for need in needs if need not in known]
    if unknown:
        raise NewGuideError(f"tarvetta ”{unknown[0]}” ei ole tiedostossa data/county.yml (needs): valitse {', '.join(known) or '-'}")
    return needs


def add_to_nav(config_text: str, entry: str, section: str = NAV_SECTION) -> str:
    """mkdocs.yml's text with `- entry` added as the last item of the nav section; nothing else changes."""
    lines = config_text.split("\n")
    start = next((i for i, line in enumerate(lines) if NAV_KEY.match(line.rstrip("\r"))), None)
    if start is None:
        raise NavError("mkdocs.yml:ssä ei ole navigaatiota (nav:); MkDocs lisää sivun silloin itse")
    section_line = re.compile(rf"^(\s*)-\s+[\"']?{re.escape(section)}[\"']?\s*:\s*(#.*)?$")
    header = indent = None
    for index in range(start + 1, len(lines)):
        text = lines[index].rstrip("\r")
        if text and not text[0].isspace() and not text.startswith("#"):
            break  # the next top-level key: the nav has ended
        if re.search(rf"(^|[\s/]){re.escape(entry)}\s*$", text):
            raise NavError(f"{entry} on jo navigaatiossa")
        match = section_line.match(text)
        if match and header is None:
            header, indent = index, len(match.group(1))
    if header is None:
        raise NavError(f"mkdocs.yml:n navigaatiossa ei ole kohtaa ”{section}:”")
    last, child_indent = header, None
    for index in range(header + 1, len(lines)):
        text = lines[index].rstrip("\r")
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        own = len(text) - len(text.lstrip())
        if own <= indent:
            break
        if child_indent is None:
            child_indent = own
        last = index
    ending = "\r" if lines[header].endswith("\r") else ""
    spaces = " " * (child_indent if child_indent is not None else indent + 4)
    lines.insert(last + 1, f"{spaces}- {entry}{ending}")
    return "\n".join(lines)


def run(args) -> int:
    try:
        return _create(args)
    except (NewGuideError, ConfigError, FactsError) as error:
        print(f"guidekit new: {error}", file=sys.stderr)
        return 1


def _create(args) -> int:
    config = load_config()
    root = config.root
    defaults = config.get("new") or {}
    facts = load_facts(root / "data" / "county.yml")
    services = list(facts.get("services") or {})
    service = args.service or defaults.get("service") or (services[0] if services else "")
    if service not in services:
        raise NewGuideError(f"palvelua ”{service}” ei ole tiedostossa data/county.yml (services): valitse {', '.join(services) or '-'}")
    title = " ".join(args.title.split())
    if not title:
        raise NewGuideError("otsikko puuttuu: anna --title \"Ohjeen otsikko\"")
    docs = root / "docs" / DEFAULT_LANGUAGE
    guides = docs / GUIDES_FOLDER
    check_slug(args.slug, guides, short_ids_in(docs), root)

    needs = parse_needs(getattr(args, "needs", None), list(facts.get("needs") or {}))
    text = render_guide(
        TEMPLATE.read_text(encoding="utf-8"),
        args.slug,
        title,
        args.description or DEFAULT_DESCRIPTION,
        service,
        args.owner or defaults.get("owner") or "Viestintä",
        needs,
    )
    entry = f"{GUIDES_FOLDER}/{args.slug}.md"
    config_path = root / "mkdocs.yml"
    nav_note = None
    new_config = None
    try:
        new_config = add_to_nav(config_path.read_bytes().decode("utf-8"), entry)
    except (NavError, OSError) as error:
        nav_note = str(error)
    page = guides / f"{args.slug}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    atomicfile.write_text(page, text)
    if new_config is not None:
        atomicfile.write_text(config_path, new_config)
    changed = [page.relative_to(root).as_posix()] + (["mkdocs.yml"] if new_config is not None else [])
    print(todo_text(args.slug, changed, service, services, nav_note, bool(args.description), args.messages,
                    needs, list(facts.get("needs") or {})))
    return 0


STEPS = {
    "fi": {
        "nav_unchanged": "Navigaatiota ei muutettu: {note}",
        "write": "Kirjoita ohjeen teksti: korvaa jokainen kohta, jossa lukee ”Kirjoita tähän”.",
        "check_description": "Tarkista kuvaus (description, enintään 160 merkkiä).",
        "write_description": "Kirjoita kuvaus (description, enintään 160 merkkiä): se näkyy hakutuloksissa.",
        "service": " Tarkista palvelu: service: {service} (vaihtoehdot: {services}).",
        "images": "Kuvat: tallenna ne kansioon docs/{lang}/assets/images/ ja kirjoita jokaiselle vaihtoehtoinen teksti.",
        "preview": "Esikatsele ja lue tarkistusten löydökset: ./dev serve fi",
        "reviewed": ("Tarkistus: kenttä reviewed on tyhjä. Käy vaiheet läpi oikeassa palvelussa ja kirjoita sitten päivä,"
                     " esimerkiksi reviewed: 2026-03-12. Tyhjä kenttä estää julkaisun (FM102)."),
        "needs_none": "Etusivu: ohje näkyy otsikon ”Muut ohjeet” alla, kunnes kirjoitat kenttään needs tarpeen (vaihtoehdot: {known}).",
        "needs": "Etusivu: ohje näkyy tarpeiden {needs} alla (vaihtoehdot: {known}).",
        "translations": "Käännökset: {translations} (sama tiedostonimi). Siihen asti lukija näkee suomenkielisen ohjeen.",
        "synced": "Kun käännös on valmis: guidekit status --mark-synced docs/sv/{page} (samoin en ja selko).",
        "addresses": "Kun ohje julkaistaan: guidekit addresses --update kirjaa sen pysyvän osoitteen (data/addresses.yml).",
    },
    "en": {
        "nav_unchanged": "The navigation was not changed: {note}",
        "write": "Write the guide's text: replace every passage that says 'Kirjoita tähän'.",
        "check_description": "Check the description (description, at most 160 characters).",
        "write_description": "Write the description (description, at most 160 characters): search results show it.",
        "service": " Check the service: service: {service} (choices: {services}).",
        "images": "Images: save them in docs/{lang}/assets/images/ and write an alternative text for each.",
        "preview": "Preview the page and read the findings of the checks: ./dev serve fi",
        "reviewed": ("Review: the field reviewed is empty. Go through the steps in the real service, then write the day,"
                     " e.g. reviewed: 2026-03-12. An empty field blocks publishing (FM102)."),
        "needs_none": "Front page: the guide is listed under 'Muut ohjeet' until you write a need in the field needs (choices: {known}).",
        "needs": "Front page: the guide is listed under the needs {needs} (choices: {known}).",
        "translations": "Translations: {translations} (same file name). Until then readers see the Finnish guide.",
        "synced": "When a translation is ready: guidekit status --mark-synced docs/sv/{page} (likewise en and selko).",
        "addresses": "When the guide is published: guidekit addresses --update records its permanent address (data/addresses.yml).",
    },
}


def todo_text(slug: str, changed: list[str], service: str, services: list[str],
              nav_note: str | None, has_description: bool, lang: str = "fi",
              needs: list[str] = (), known_needs: list[str] = ()) -> str:
    """The files `new` wrote (the page first), then what is left to do, publishing last."""
    words = STEPS[lang]
    page = f"{GUIDES_FOLDER}/{slug}.md"
    translations = ", ".join(f"docs/{code}/{page}" for code in TRANSLATION_LANGUAGES)
    steps = [
        words["write"],
        words["check_description" if has_description else "write_description"]
        + words["service"].format(service=service, services=", ".join(services)),
        words["images"].format(lang=DEFAULT_LANGUAGE),
        words["preview"],
        words["needs" if needs else "needs_none"].format(needs=", ".join(needs), known=", ".join(known_needs) or "-"),
        words["reviewed"],
        words["translations"].format(translations=translations),
        words["synced"].format(page=page),
        words["addresses"],
        publish_step(changed, lang),
    ]
    text = report(changed, steps, lang, created={changed[0]})
    if nav_note is not None:
        first_step = text.index("\n\n")
        text = text[:first_step] + "\n" + words["nav_unchanged"].format(note=nav_note) + text[first_step:]
    return text

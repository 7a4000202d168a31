"""The benchmark of issue 8: how fast the site builds, and how heavy its pages are.

generate_site() writes N guides in each of the four languages into a folder that also
holds the real mkdocs.yml (without the real nav), overrides/, hooks/, data/ and
guidekit.yml. The guides are grouped by service, docs/<lang>/ohjeet/<service>/ohje-NNN.md,
so MkDocs makes a nav section of each service, as on a real site of that size. Every
guide is a valid one, as an author would publish it: full front matter (title,
description, a service listed in data/county.yml, reviewed, owner, short; translations carry the source_hash of their Finnish page) and a small
mock-screen PNG with alt text in the page's language. So the checks have next to
nothing to report and the run measures the work of building a clean site.

measure() builds it with `mkdocs build` in a subprocess, in turn without the checks
(GUIDEKIT_CHECKS=0), with them on a cold results cache (every page checked), and with
them again right after (a rebuild of unchanged pages: results from the cache); times each language's part of a build from
the lines static-i18n logs when it starts a language; times the lint of every page in
a process of its own; adds up the built site's bytes per language; and loads one guide
page per language in Chromium (guidekit/pageweight.py). The numbers are reported
(BENCHMARKS.md), never asserted: timings vary by machine.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from guidekit import lintcache, yamlsafe
from guidekit.commands.lint import CHECKED_PATTERN
from guidekit.languages import DEFAULT_LANGUAGE, LANGUAGES
from guidekit.translations import content_hash, set_source_hash

SITE_PARTS = ("overrides", "hooks", "data", "guidekit.yml")
# The real site's address history (published pages, moved pages) names pages another
# site does not have; a copy starts with none (see guidekit/addresses.py).
ADDRESS_HISTORY = ("addresses.yml", "redirects.yml")
OWNER = "Viestintä / digituki"
# Languages with screenshots of their own; selko shows the Finnish ones, as on the real site.
IMAGE_LANGUAGES = ("fi", "sv", "en")
SCREEN_SIZE = (640, 400)  # pixels: not more than twice the narrowest column it is shown in

# Per language: title pattern, section headings, and sentence templates whose slots
# ({service}, {thing}, {place}, {time}, {n}) are filled at random, so that pages
# share vocabulary as real guides do but no two are alike.
TEXT = {
    "fi": {
        "title": "Ohje {n}: {service}",
        "sections": ("Mitä tarvitset", "Näin teet", "Jos tämä ei onnistu"),
        "service": ["ajanvaraus", "chat", "suojattu viesti", "reseptin uusiminen", "laboratorioaika", "hammashoito", "neuvola", "kotihoito"],
        "thing": ["pankkitunnukset", "mobiilivarmenne", "henkilökortti", "puhelin", "tietokone", "tabletti", "sähköposti", "kela-kortti"],
        "place": ["terveysasemalla", "kirjastossa", "asiointipisteessä", "kotona", "sovelluksessa", "verkkosivulla"],
        "time": ["arkisin", "aamulla", "iltapäivällä", "maanantaisin", "viikonloppuna", "heti"],
        "sentences": [
            "Voit hoitaa asian {place} {time}.",
            "Tarvitset {thing}.",
            "Avaa sovellus ja valitse {service}.",
            "Kirjaudu sisään, niin näet omat tietosi.",
            "Valitse listasta sopiva aika ja paina Vahvista.",
            "Saat vahvistuksen tekstiviestinä {time}.",
            "Jos sinulla ei ole {thing}, pyydä apua {place}.",
            "Asiakaspalvelu vastaa numerossa {{{{ customer_service.phone }}}} {{{{ customer_service.hours }}}}.",
            "Kirjoita lyhyesti, mitä asiasi koskee, ja lähetä viesti.",
            "Vastaus tulee yleensä {n} arkipäivän kuluessa.",
            "Voit perua ajan viimeistään edellisenä päivänä.",
            "Tarkista ensin, että puhelimesi on yhteydessä internetiin.",
            "Jos sovellus ei aukea, päivitä se ja yritä uudelleen.",
            "Digituki auttaa sinua {place}, kun tarvitset neuvoja.",
            "Muista kirjautua ulos, kun lopetat.",
            "Läheisesi voi auttaa sinua, mutta älä anna hänelle tunnuksiasi.",
        ],
    },
    "sv": {
        "title": "Anvisning {n}: {service}",
        "sections": ("Det här behöver du", "Så här gör du", "Om det inte fungerar"),
        "service": ["tidsbokning", "chatt", "skyddat meddelande", "förnyelse av recept", "laboratorietid", "tandvård", "rådgivning", "hemvård"],
        "thing": ["bankkoder", "mobilcertifikat", "identitetskort", "telefon", "dator", "surfplatta", "e-post", "FPA-kort"],
        "place": ["på hälsostationen", "på biblioteket", "vid servicepunkten", "hemma", "i appen", "på webbplatsen"],
        "time": ["på vardagar", "på morgonen", "på eftermiddagen", "på måndagar", "under veckoslutet", "genast"],
        "sentences": [
            "Du kan sköta ärendet {place} {time}.",
            "Du behöver {thing}.",
            "Öppna appen och välj {service}.",
            "Logga in, så ser du dina egna uppgifter.",
            "Välj en passande tid i listan och tryck på Bekräfta.",
            "Du får en bekräftelse som textmeddelande {time}.",
            "Om du inte har {thing}, be om hjälp {place}.",
            "Kundtjänsten svarar på numret {{{{ customer_service.phone }}}} {{{{ customer_service.hours }}}}.",
            "Skriv kort vad ditt ärende gäller och skicka meddelandet.",
            "Du får oftast svar inom {n} vardagar.",
            "Du kan avboka tiden senast dagen innan.",
            "Kontrollera först att telefonen är ansluten till internet.",
            "Om appen inte öppnas, uppdatera den och försök igen.",
            "Det digitala stödet hjälper dig {place} när du behöver råd.",
            "Kom ihåg att logga ut när du är klar.",
            "En anhörig kan hjälpa dig, men ge inte dina koder till någon.",
        ],
    },
    "en": {
        "title": "Guide {n}: {service}",
        "sections": ("What you need", "What to do", "If it does not work"),
        "service": ["booking", "chat", "secure message", "prescription renewal", "laboratory time", "dental care", "child health clinic", "home care"],
        "thing": ["bank codes", "a mobile certificate", "an ID card", "a phone", "a computer", "a tablet", "an email address", "a Kela card"],
        "place": ["at the health centre", "at the library", "at the service point", "at home", "in the app", "on the website"],
        "time": ["on weekdays", "in the morning", "in the afternoon", "on Mondays", "at the weekend", "at once"],
        "sentences": [
            "You can do this {place} {time}.",
            "You need {thing}.",
            "Open the app and choose {service}.",
            "Log in to see your own details.",
            "Choose a time that suits you and press Confirm.",
            "You get a text message {time}.",
            "If you do not have {thing}, ask for help {place}.",
            "Customer service answers at {{{{ customer_service.phone }}}} {{{{ customer_service.hours }}}}.",
            "Write in a few words what your matter is about and send it.",
            "You usually get an answer within {n} working days.",
            "You can cancel the time until the day before.",
            "First check that your phone is connected to the internet.",
            "If the app does not open, update it and try again.",
            "Digital support helps you {place} when you need advice.",
            "Remember to log out when you finish.",
            "Someone close to you can help, but do not give them your codes.",
        ],
    },
    "selko": {
        "title": "Ohje {n}: {service}",
        "sections": ("Mitä tarvitset?", "Näin teet", "Jos et onnistu"),
        # Short, common words: published selkokieli reads at Wiio 9 or easier (PL104).
        "service": ["ajanvaraus", "chat", "viesti", "resepti", "verikoe", "hammas", "neuvola", "kotihoito"],
        "thing": ["pankkitunnukset", "puhelimen", "koneen", "kortin", "tabletin", "sähköpostin"],
        "place": ["terveysasemalla", "kirjastossa", "kotona", "sovelluksessa", "netissä"],
        "time": ["arkisin", "aamulla", "illalla", "heti", "huomenna"],
        "sentences": [
            "Voit hoitaa asian {place}.",
            "Tarvitset {thing}.",
            "Avaa sovellus.",
            "Kirjaudu sisään.",
            "Valitse aika.",
            "Paina Vahvista.",
            "Saat tekstiviestin {time}.",
            "Soita numeroon {{{{ customer_service.phone }}}}.",
            "Kirjoita lyhyesti, mitä haluat kysyä.",
            "Vastaus tulee {n} päivän sisällä.",
            "Muista kirjautua ulos.",
            "Digituki auttaa sinua {place}.",
            "Pyydä apua, jos et onnistu.",
            "Älä anna tunnuksiasi muille.",
        ],
    },
}


# Per language: the description, the screenshot's alt text and the button drawn in it.
PAGE_WORDS = {
    "fi": {
        "description": "Näin käytät palvelua {service} askel askeleelta: mitä tarvitset, mitä teet ja mistä saat apua.",
        "alt": "Sovelluksen näkymä, jossa valitaan {service}. Alareunassa on painike {button}.",
        "button": "Jatka",
    },
    "sv": {
        "description": "Så använder du tjänsten {service} steg för steg: vad du behöver, vad du gör och var du får hjälp.",
        "alt": "Appens vy där du väljer {service}. Längst ner finns knappen {button}.",
        "button": "Fortsätt",
    },
    "en": {
        "description": "How to use {service} step by step: what you need, what to do and where to get help.",
        "alt": "The app screen where you choose {service}. The {button} button is at the bottom.",
        "button": "Continue",
    },
    "selko": {
        "description": "Näin käytät palvelua {service}. Ohjeessa kerrotaan, mitä tarvitset ja mitä teet.",
        "alt": "Sovelluksessa valitset {service}. Paina alhaalla nappia {button}.",
        "button": "Jatka",
    },
}


def _fill(template: str, words: dict, rng: random.Random) -> str:
    return template.format(
        service=rng.choice(words["service"]),
        thing=rng.choice(words["thing"]),
        place=rng.choice(words["place"]),
        time=rng.choice(words["time"]),
        n=rng.randint(2, 5),
    )


def _paragraph(words: dict, rng: random.Random, sentences: int) -> str:
    return " ".join(_fill(rng.choice(words["sentences"]), words, rng) for _ in range(sentences))


def _yaml_value(value) -> str:
    # JSON strings are valid YAML double-quoted strings; dates stay plain (YYYY-MM-DD).
    return value.isoformat() if isinstance(value, dt.date) else json.dumps(value, ensure_ascii=False)


def guide_text(lang: str, number: int, rng: random.Random, fields: dict | None = None, image: str | None = None) -> str:
    """One page: title, description and `fields` in the front matter; an introduction and
    three sections (what you need, steps, trouble). `image` (a path relative to the page)
    adds a screenshot after the steps, with alt text in the page's language."""
    words = TEXT[lang]
    service = rng.choice(words["service"])
    title = words["title"].format(n=number, service=service)
    needs, steps, trouble = words["sections"]
    front = {"title": title, "description": PAGE_WORDS[lang]["description"].format(service=service), **(fields or {})}
    picture = []
    if image:
        alt = PAGE_WORDS[lang]["alt"].format(service=service, button=PAGE_WORDS[lang]["button"])
        picture = [f"![{alt}]({image})", ""]
    lines = [
        "---",
        *(f"{key}: {_yaml_value(value)}" for key, value in front.items()),
        "---",
        "",
        f"# {title}",
        "",
        _paragraph(words, rng, rng.randint(2, 4)),
        "",
        f"## {needs}",
        "",
        *(f"- {_fill(rng.choice(words['sentences']), words, rng)}" for _ in range(rng.randint(2, 4))),
        "",
        f"## {steps}",
        "",
        *(f"{i}. {_fill(rng.choice(words['sentences']), words, rng)}" for i in range(1, rng.randint(5, 8))),
        "",
        *picture,
        _paragraph(words, rng, rng.randint(2, 4)),
        "",
        f"## {trouble}",
        "",
        _paragraph(words, rng, rng.randint(3, 5)),
        "",
        _paragraph(words, rng, rng.randint(2, 4)),
        "",
    ]
    return "\n".join(lines)


def mock_screen(lang: str, number: int, rng: random.Random) -> bytes:
    """A small PNG like a phone app's screen: a header bar, lines of text, a button."""
    from PIL import Image, ImageDraw

    width, height = SCREEN_SIZE
    image = Image.new("RGB", SCREEN_SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 56], fill="#00467f")
    draw.text((20, 20), f"{TEXT[lang]['title'].format(n=number, service='')}".rstrip(": "), fill="#ffffff")
    top = 80
    for _ in range(rng.randint(3, 6)):
        draw.rounded_rectangle([20, top, width - 20, top + 44], radius=6, outline="#8a8a8a", width=2)
        draw.text((36, top + 14), rng.choice(TEXT[lang]["service"]), fill="#1f1f1f")
        top += 56
    draw.rounded_rectangle([20, height - 64, width - 20, height - 16], radius=8, fill="#00467f")
    draw.text((width // 2 - 30, height - 48), PAGE_WORDS[lang]["button"], fill="#ffffff")
    out = io.BytesIO()
    image.quantize(colors=16).save(out, "PNG", optimize=True)
    return out.getvalue()


def service_ids(root: Path) -> list[str]:
    """The services data/county.yml lists: a guide's `service` must be one of them (FM104)."""
    data = yamlsafe.load_file(root / "data" / "county.yml") or {}
    return sorted(data.get("services") or {}) or ["app"]


def guide_service(number: int, services: list[str]) -> str:
    """The service guide `number` teaches: guides are dealt out evenly, as a county
    writes several guides for each of its services."""
    return services[(number - 1) % len(services)]


def guide_path(number: int, services: list[str]) -> str:
    """Where guide `number` lies inside docs/<lang>/: in its service's folder, as on a
    real site of that size. MkDocs makes each folder a nav section, and with
    navigation.prune a page's HTML lists only its own section's guides."""
    return f"ohjeet/{guide_service(number, services)}/ohje-{number:03d}.md"


def copy_site_config(root: Path, target: Path, keep_nav: bool = False) -> Path:
    """The real mkdocs.yml, templates, hooks, data and guidekit.yml copied into target, for
    a site of other pages (this benchmark's, the tests' small ones); returns its mkdocs.yml.
    The real nav names real pages, so it is dropped unless keep_nav."""
    for part in SITE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", *ADDRESS_HISTORY))
        elif source.exists():
            shutil.copy(source, target / part)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if not keep_nav:
        config = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def generate_site(target: Path, root: Path, guides: int, seed: int = 1) -> int:
    """Write the synthetic site into target; returns the number of pages written."""
    copy_site_config(root, target)
    rng = random.Random(seed)
    services = service_ids(root)
    today = dt.date.today()
    pages = 0
    finnish: dict[str, str] = {}  # page path -> Finnish text, for the translations' source_hash
    for lang in LANGUAGES:  # Finnish first
        folder = target / "docs" / lang
        if lang in IMAGE_LANGUAGES:
            (folder / "assets" / "images").mkdir(parents=True, exist_ok=True)
        for number in range(0, guides + 1):
            rel = "index.md" if number == 0 else guide_path(number, services)
            fields, image = {}, None
            if number:
                fields = {
                    "service": guide_service(number, services),
                    "reviewed": today - dt.timedelta(days=rng.randint(0, 180)),
                    "owner": OWNER,
                    "short": f"ohje-{number:03d}",
                }
                image = f"../../assets/images/ohje-{number:03d}.png"
                if lang in IMAGE_LANGUAGES:
                    (folder / "assets" / "images" / f"ohje-{number:03d}.png").write_bytes(mock_screen(lang, number, rng))
            text = guide_text(lang, number, rng, fields, image)
            if lang == DEFAULT_LANGUAGE:
                finnish[rel] = text
            else:
                text = set_source_hash(text, content_hash(finnish[rel]))
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
            pages += 1
    return pages


# --- Building ---------------------------------------------------------------------------

# static-i18n logs this when it starts building a language; MkDocs the last line.
LANGUAGE_START = re.compile(r"Building '([\w-]+)' documentation to directory")
BUILD_DONE = re.compile(r"Documentation built in ")
STARTUP, FINISH = "startup", "finish"


class BuildRun(NamedTuple):
    """One `mkdocs build`: wall and CPU seconds, and where the wall time went."""

    wall: float
    cpu: float
    phases: dict  # STARTUP, each language, FINISH -> seconds (language_phases)
    checks_cpu: float | None = None  # the check worker's own CPU seconds, as the build logs them
    pages_reused: int = 0  # pages whose results came from the cache


def checks_logged(lines: list[str]) -> tuple[float, int] | None:
    """(CPU seconds, pages reused) from the line the check hook logs at the end; None without checks."""
    for text in lines:
        found = CHECKED_PATTERN.search(text)
        if found:
            return float(found.group(3)), int(found.group(2))
    return None


def language_phases(lines: list[tuple[float, str]], wall: float) -> dict[str, float]:
    """Split a build's wall time by its log lines, each (seconds since start, text).

    STARTUP runs until the first language starts (Python, MkDocs and plugins loading);
    a language runs until the next one starts, the last one until MkDocs says the
    build is done; FINISH is the rest. The checks' worker is collected at the very end
    of the outermost build, so with checks on the last language's time includes the
    wait for it: compare languages in builds without checks. {} if nothing matched."""
    marks = []
    for seconds, text in lines:
        started = LANGUAGE_START.search(text)
        if started:
            marks.append((seconds, started.group(1)))
        elif BUILD_DONE.search(text):
            marks.append((seconds, FINISH))
    if not marks:
        return {}
    phases = {STARTUP: marks[0][0]}
    ends = [seconds for seconds, _name in marks[1:]] + [wall]
    for (seconds, name), end in zip(marks, ends):
        phases[name] = phases.get(name, 0.0) + max(0.0, end - seconds)
    return phases


def build_site(site: Path, checks: bool, warm: bool = False) -> BuildRun:
    """One full `mkdocs build` in a subprocess: wall and CPU seconds (the build and the
    check worker together), and the wall time per language from its log. Not strict, so
    that a finding in the synthetic text does not stop the build: both runs do the same work.

    With checks, guidekit's caches (.cache/guidekit/: check results, QR codes, WebP copies,
    image inspections) are emptied first unless `warm`: a cold build checks every page and
    makes every artefact, a warm one follows a build of the same pages (a rebuild where
    nothing changed reuses them)."""
    if checks and not warm:
        empty_caches(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_CHECKS": "1" if checks else "0"}
    env.pop("GUIDEKIT_ONLY_LANGUAGE", None)
    return _timed_build(site / "mkdocs.yml", site / ("site-checks" if checks else "site-plain"), env)


def build_seconds(site: Path, checks: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one full build (see build_site)."""
    run = build_site(site, checks)
    return run.wall, run.cpu


def lint_seconds(site: Path) -> tuple[int, int, float]:
    """(pages, findings, seconds) of linting every page in a fresh subprocess, without
    the results cache (every page checked)."""
    code = (
        "import time, sys\n"
        "from pathlib import Path\n"
        "from guidekit.commands.lint import lint_pages\n"
        "start = time.perf_counter()\n"
        "run = lint_pages([], Path(sys.argv[1]), use_cache=False)\n"
        "pages = sum(summary.pages for summary in run.summaries.values())\n"
        "print(pages, len(run.findings), time.perf_counter() - start)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, check=True)
    pages, findings, seconds = result.stdout.split()
    return int(pages), int(findings), float(seconds)


# --- The same Markdown with stock Material + stock static-i18n ----------------------------

# static-i18n accepts only ISO 639-1 codes, so the stock build gets selko's pages under
# another one; Estonian is neither one of the site's languages nor given any text.
STOCK_SELKO = "et"
STOCK_FOLDER = "stock"
STOCK_FEATURES = ("navigation.sections", "navigation.prune", "navigation.top", "search.suggest")


def stock_config(site_name: str, site_url: str) -> dict:
    """mkdocs.yml of the comparison build: Material and static-i18n as installed, with
    the theme features and Markdown extensions the site uses, and nothing of ours (no
    overrides, hooks, checks, facts, print sheet, QR codes or image copies)."""
    languages = [{"locale": "fi", "default": True, "name": "Suomi", "build": True}]
    languages += [{"locale": code, "name": code, "build": True} for code in ("sv", "en", STOCK_SELKO)]
    return {
        "site_name": site_name,
        "site_url": site_url,
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "fi", "font": False, "features": list(STOCK_FEATURES)},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "folder", "fallback_to_default": True, "reconfigure_material": True,
                      "reconfigure_search": True, "languages": languages}},
        ],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": False}}, "tables"],
    }


def write_stock_site(site: Path) -> Path:
    """The synthetic site's docs/ copied to site/stock/docs/ (selko as STOCK_SELKO) with
    stock_config(); returns its mkdocs.yml."""
    target = site / STOCK_FOLDER
    if target.exists():
        shutil.rmtree(target)
    for lang in LANGUAGES:
        source = site / "docs" / lang
        if source.is_dir():
            shutil.copytree(source, target / "docs" / (STOCK_SELKO if lang == "selko" else lang))
    config = stock_config(*_site_name_and_url(site / "mkdocs.yml"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target / "mkdocs.yml"


def _site_name_and_url(config_file: Path) -> tuple[str, str]:
    # Read as lines: mkdocs.yml has MkDocs' own tags (!ENV) that a plain YAML load rejects.
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    values = {}
    for key in ("site_name", "site_url"):
        found = re.search(rf"(?m)^{key}:\s*(.+?)\s*$", text)
        values[key] = yaml.safe_load(found.group(1)) if found else ""
    return str(values["site_name"] or "Asioi digitaalisesti"), str(values["site_url"] or "")


def build_env(env: dict) -> dict:
    """The environment of a timed build. As on an author's machine, Python keeps the modules
    it compiled (a shell may switch that off): else every build of ours compiles guidekit
    and the hooks again (≈ 0.1 s CPU), while the stock build's packages come compiled."""
    return {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _timed_build(config_file: Path, out: Path, env: dict) -> BuildRun:
    """`mkdocs build` of config_file into out in a subprocess: wall and CPU seconds (the
    process and its children) and the log's phases."""
    env = build_env(env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(config_file), "-d", str(out)],
        cwd=config_file.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines = [(time.perf_counter() - start, line.rstrip("\n")) for line in process.stdout]
    process.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        tail = "\n".join(text for _seconds, text in lines[-40:])
        raise RuntimeError(f"mkdocs build failed ({config_file}):\n{tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    logged = checks_logged([text for _seconds, text in lines])
    checks_cpu, reused = logged if logged else (None, 0)
    return BuildRun(wall, cpu, language_phases(lines, wall), checks_cpu, reused)


def build_stock(site: Path) -> BuildRun:
    """One build of write_stock_site()'s copy (written first if missing)."""
    config_file = site / STOCK_FOLDER / "mkdocs.yml"
    if not config_file.is_file():
        write_stock_site(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return _timed_build(config_file, site / STOCK_FOLDER / "site", env)


def empty_caches(site: Path) -> None:
    """Remove everything guidekit keeps between builds (.cache/guidekit/: check results,
    QR codes, WebP copies, image inspections): the next build starts cold."""
    shutil.rmtree(site / lintcache.CACHE_FILE.parent, ignore_errors=True)


@dataclass
class StockComparison:
    """Interleaved builds of one synthetic site: stock, ours cold (caches emptied), ours warm."""

    pages: int
    stock: list = field(default_factory=list)
    cold: list = field(default_factory=list)
    warm: list = field(default_factory=list)
    load: tuple = ()

    def cpu(self, which: str) -> float:
        return median([run.cpu for run in getattr(self, which)])

    def ratio(self, which: str) -> float:
        return self.cpu(which) / self.cpu("stock")

    def per_page_ms(self, which: str) -> float:
        return 1000 * self.cpu(which) / max(self.pages, 1)

    def report(self) -> str:
        def runs(which):
            return ", ".join(f"{run.cpu:.1f}" for run in getattr(self, which))

        lines = [f"sivuja: {self.pages}; CPU-aika (mediaani, käyttäjä + järjestelmä, aliprosessit mukana):"]
        for which, label in (("stock", "vakio Material + static-i18n"), ("cold", "oma, kylmä (välimuistit tyhjinä)"),
                             ("warm", "oma, lämmin (heti perään)")):
            ratio = "" if which == "stock" else f" = {self.ratio(which):.2f} × vakio"
            lines.append(f"  {label:<34} {self.cpu(which):7.2f} s, {self.per_page_ms(which):5.1f} ms/sivu{ratio} "
                         f"(kerrat {runs(which)} s)")
        if self.load:
            lines.append(f"koneen kuorma (1 min): {' → '.join(f'{value:.1f}' for value in self.load)}")
        return "\n".join(lines)


def compare_with_stock(site: Path, repeat: int = 1) -> StockComparison:
    """Build the synthetic site with stock Material + static-i18n, ours cold and ours warm,
    in turn, `repeat` times (interleaved: load on a shared machine hits all three alike)."""
    write_stock_site(site)
    result = StockComparison(sum(1 for _ in (site / "docs").rglob("*.md")))
    load_before = os.getloadavg()[0]
    build_stock(site)  # once untimed: the stock copy is written and its modules compiled
    build_site(site, checks=True, warm=True)  # and ours (the site's hooks are compiled too)
    for _ in range(repeat):
        result.stock.append(build_stock(site))
        empty_caches(site)
        result.cold.append(build_site(site, checks=True, warm=True))
        result.warm.append(build_site(site, checks=True, warm=True))
    result.load = (load_before, os.getloadavg()[0])
    return result


def stock_growth(results: list[tuple[int, StockComparison]]) -> str:
    """CPU milliseconds per page at each N and of each added page, stock / cold / warm."""
    lines = ["kasvu, CPU-aika (vakio / kylmä / lämmin):"]
    previous = None
    for guides, result in results:
        line = (f"  N={guides:<4} sivuja {result.pages:<5} "
                + " / ".join(f"{result.per_page_ms(which):5.1f}" for which in ("stock", "cold", "warm")) + " ms/sivu")
        if previous is not None and result.pages > previous.pages:
            added = [1000 * (result.cpu(which) - previous.cpu(which)) / (result.pages - previous.pages)
                     for which in ("stock", "cold", "warm")]
            line += "; lisäsivu " + " / ".join(f"{value:5.1f}" for value in added) + " ms"
        lines.append(line)
        previous = result
    return "\n".join(lines)


# --- Output size ------------------------------------------------------------------------

SHARED = "shared"  # Material's JavaScript and stylesheets at the root, used by every language
SHARED_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")


def size_group(relative: str) -> str:
    """Which part of the built site a file belongs to: a language, or SHARED."""
    first = relative.split("/", 1)[0]
    if first in LANGUAGES and first != DEFAULT_LANGUAGE:
        return first
    return SHARED if relative.startswith(SHARED_FOLDERS) else DEFAULT_LANGUAGE


@dataclass
class OutputSize:
    groups: dict[str, int]  # size_group -> bytes
    source_maps: int  # bytes of *.map files (for developers' tools; no reader fetches them)
    search_index: dict[str, int]  # language -> bytes of its search_index.json
    files: int

    @property
    def total(self) -> int:
        return sum(self.groups.values())


def output_size(folder: Path) -> OutputSize:
    groups = dict.fromkeys((*LANGUAGES, SHARED), 0)
    maps, files, index = 0, 0, {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(folder).as_posix()
        size = path.stat().st_size
        group = size_group(relative)
        groups[group] += size
        files += 1
        if relative.endswith(".map"):
            maps += size
        if relative.endswith("search/search_index.json"):
            index[group] = size
    return OutputSize(groups, maps, index, files)


# --- Results ----------------------------------------------------------------------------


def median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


@dataclass
class Measurement:
    pages: int
    without_checks: list  # BuildRun (or (wall, CPU) tuples) of each run
    with_checks: list  # cold: the results cache emptied before each build
    lint_pages: int
    lint_findings: int
    lint_total: float
    size: OutputSize | None = None
    weights: list = field(default_factory=list)  # pageweight.PageWeight of one guide per language
    weight_note: str | None = None  # why the pages were not weighed
    load: tuple = ()  # the machine's 1-minute load average before and after the builds
    with_checks_warm: list = field(default_factory=list)  # a rebuild right after a cold one

    @staticmethod
    def _median(values: list[float]) -> float:
        return median(values)

    def median(self, runs: list, which: int) -> float:
        return median([run[which] for run in runs])

    @property
    def ratio(self) -> float:
        """Median wall time with checks / without."""
        return self.median(self.with_checks, 0) / self.median(self.without_checks, 0)

    @property
    def cpu_ratio(self) -> float:
        return self.median(self.with_checks, 1) / self.median(self.without_checks, 1)

    def checks_cpu(self, warm: bool = False) -> float | None:
        """Median CPU seconds of the check worker itself (from the build's log); None if not logged."""
        runs = self.with_checks_warm if warm else self.with_checks
        values = [run.checks_cpu for run in runs if isinstance(run, BuildRun) and run.checks_cpu is not None]
        return median(values) if values else None

    def checks_share(self, warm: bool = False) -> float | None:
        """The check worker's CPU time as a share of a build's CPU time without checks."""
        cpu = self.checks_cpu(warm)
        base = self.median(self.without_checks, 1)
        return cpu / base if cpu is not None and base else None

    def warm_ratios(self) -> tuple[float, float] | None:
        """(wall, CPU) ratio of a warm rebuild with checks to a build without; None if not measured."""
        if not self.with_checks_warm:
            return None
        return tuple(
            self.median(self.with_checks_warm, which) / self.median(self.without_checks, which) for which in (0, 1)
        )

    def per_page_ms(self, checks: bool = False) -> float:
        """Median wall time of a full build per page, in milliseconds."""
        return 1000 * self.median(self.with_checks if checks else self.without_checks, 0) / max(self.pages, 1)

    def phases(self, checks: bool = False) -> dict[str, float]:
        """Median seconds of each phase of the builds (language_phases)."""
        runs = [run.phases for run in (self.with_checks if checks else self.without_checks) if isinstance(run, BuildRun)]
        names = [name for name in (STARTUP, *LANGUAGES, FINISH) if any(name in phases for phases in runs)]
        return {name: median([phases.get(name, 0.0) for phases in runs]) for name in names}

    def report(self) -> str:
        per_page_ms = 1000 * self.lint_total / max(self.lint_pages, 1)

        def runs(values: list) -> str:
            return ", ".join(f"{run[0]:.1f}" for run in values)

        lines = [
            f"sivuja: {self.pages} (4 kieltä)",
            f"ilman tarkistuksia: mediaani {self.median(self.without_checks, 0):.2f} s "
            f"(CPU {self.median(self.without_checks, 1):.2f} s; kerrat {runs(self.without_checks)} s)",
            f"tarkistusten kanssa: mediaani {self.median(self.with_checks, 0):.2f} s "
            f"(CPU {self.median(self.with_checks, 1):.2f} s; kerrat {runs(self.with_checks)} s)",
            f"suhde, seinäkello: {self.ratio:.3f} (lisäys {100 * (self.ratio - 1):+.1f} %)",
            f"suhde, CPU-aika: {self.cpu_ratio:.3f} (lisäys {100 * (self.cpu_ratio - 1):+.1f} %)",
            *self._warm_lines(),
            *self._checks_cpu_lines(),
            f"pelkkä tarkistus: {self.lint_total:.2f} s, {per_page_ms:.1f} ms/sivu, "
            f"{self.lint_findings} löydöstä {self.lint_pages} sivulla",
            f"rakennus sivua kohden: {self.per_page_ms():.1f} ms ilman tarkistuksia, "
            f"{self.per_page_ms(checks=True):.1f} ms tarkistusten kanssa",
        ]
        if self.load:
            lines.append(f"koneen kuorma (1 min): {' → '.join(f'{value:.1f}' for value in self.load)} "
                         f"({os.cpu_count()} suoritinta; muu kuorma hidastaa rinnakkaista tarkistusta)")
        lines += self._phase_lines()
        lines += self._size_lines()
        lines += self._weight_lines()
        return "\n".join(lines)

    def _warm_lines(self) -> list[str]:
        ratios = self.warm_ratios()
        if ratios is None:
            return []
        wall, cpu = ratios
        return [
            f"uudelleenrakennus tarkistuksin, sivut ennallaan (tulokset välimuistista): mediaani "
            f"{self.median(self.with_checks_warm, 0):.2f} s (CPU {self.median(self.with_checks_warm, 1):.2f} s)",
            f"  suhde ilman tarkistuksia rakennettuun: seinäkello {wall:.3f} ({100 * (wall - 1):+.1f} %), "
            f"CPU-aika {cpu:.3f} ({100 * (cpu - 1):+.1f} %)",
        ]

    def _checks_cpu_lines(self) -> list[str]:
        lines = []
        for warm, label in ((False, "kylmä (kaikki sivut)"), (True, "uudelleenrakennus (välimuistista)")):
            cpu, share = self.checks_cpu(warm), self.checks_share(warm)
            if cpu is not None:
                lines.append(f"  {label}: {cpu:.2f} s = {100 * share:.1f} % rakennuksen CPU-ajasta ilman tarkistuksia")
        return ["tarkistusten oma CPU-aika (työprosessi, rakennuksen lokista):", *lines] if lines else []

    def _phase_lines(self) -> list[str]:
        plain, checked = self.phases(), self.phases(checks=True)
        if not plain:
            return []
        lines = ["aika kielittäin (seinäkello, mediaani; lokirivien väliltä; ilman / tarkistusten kanssa):"]
        for name in plain:
            label = {STARTUP: "käynnistys", FINISH: "lopetus"}.get(name, name)
            note = " (sis. tarkistusten odotuksen)" if name == LANGUAGES[-1] else ""
            lines.append(f"  {label:<10} {plain[name]:6.2f} s / {checked.get(name, 0.0):6.2f} s{note}")
        return lines

    def _size_lines(self) -> list[str]:
        if self.size is None:
            return []
        size = self.size
        lines = [f"rakennettu sivusto: {megabytes(size.total)} levyllä, {size.files} tiedostoa "
                 f"(lähdekarttoja *.map {megabytes(size.source_maps)})"]
        for group, total in size.groups.items():
            label = "yhteiset (Materialin JS ja CSS)" if group == SHARED else group
            index = size.search_index.get(group)
            extra = f", hakuindeksi {index / 1000:.0f} kB" if index else ""
            lines.append(f"  {label:<8} {megabytes(total)}{extra}")
        return lines

    def _weight_lines(self) -> list[str]:
        if self.weight_note:
            return [f"sivun paino: {self.weight_note}"]
        if not self.weights:
            return []
        lines = ["sivun paino, ensimmäinen lataus Chromiumissa (tavut sellaisenaan / gzip):"]
        for weight in self.weights:
            lines.append(weight.report())
        return lines


def first_guide(folder: Path) -> str:
    """The address path of guide 1 in a built synthetic site, in its service's folder."""
    found = sorted(folder.glob("ohjeet/*/ohje-001/index.html"))
    if not found:
        raise FileNotFoundError(f"{folder}: no ohjeet/<service>/ohje-001/ page")
    return found[0].parent.relative_to(folder).as_posix() + "/"


def weigh_guides(folder: Path, guide: str | None = None) -> list:
    """The first load of one guide page per language of a built site (pageweight);
    by default guide 1 (first_guide)."""
    from guidekit.localserver import serve_folder
    from guidekit.pageweight import chromium, load_page

    guide = guide or first_guide(folder)
    weights = []
    with serve_folder(folder) as base, chromium() as browser:
        for lang in LANGUAGES:
            prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
            weights.append(load_page(browser, f"{base}/{prefix}{guide}"))
    return weights


def guide_paths(folder: Path) -> list[str]:
    """Address paths of the guide pages of a built site (those with the guide footer)."""
    found = []
    for page in sorted(folder.rglob("index.html")):
        if 'class="gk-help"' in page.read_text(encoding="utf-8", errors="replace"):
            rel = page.parent.relative_to(folder).as_posix()
            found.append("/" if rel == "." else f"/{rel}/")
    return found


def weigh_site(folder: Path) -> list:
    """The first load of every guide page of an already built site (e.g. `./dev build` → site/)."""
    from guidekit.localserver import serve_folder
    from guidekit.pageweight import chromium, load_page

    with serve_folder(folder) as base, chromium() as browser:
        return [load_page(browser, base + path) for path in guide_paths(folder)]


def weight_table(weights: list) -> str:
    """One line per page: bytes by kind, raw and gzip, in kB (Markdown table)."""
    from guidekit.pageweight import KINDS

    shown = [kind for kind in KINDS if kind in ("html", "css", "js", "image", "search") or any(w.by_kind()[kind] for w in weights)]
    lines = ["| sivu | " + " | ".join(shown) + " | yhteensä | gzip |", "|---" * (len(shown) + 3) + "|"]
    for weight in weights:
        raw = weight.by_kind()
        cells = [f"{raw[kind] / 1000:.1f}" for kind in shown]
        path = re.sub(r"^https?://[^/]+", "", weight.url)
        lines.append(f"| {path} | " + " | ".join(cells) + f" | {weight.total() / 1000:.1f} | {weight.total(compressed=True) / 1000:.1f} |")
    return "\n".join(lines)


def measure(site: Path, repeat: int = 1, weigh: bool = True) -> Measurement:
    """Build alternately without and with checks, `repeat` times each (medians count:
    other load on the machine moves single runs a lot); then lint, size and page weight."""
    without, with_, warm = [], [], []
    load_before = os.getloadavg()[0]
    for _ in range(repeat):
        without.append(build_site(site, checks=False))
        with_.append(build_site(site, checks=True))
        warm.append(build_site(site, checks=True, warm=True))
    pages, findings, seconds = lint_seconds(site)
    total_pages = sum(1 for _ in (site / "docs").rglob("*.md"))
    result = Measurement(total_pages, without, with_, pages, findings, seconds, size=output_size(site / "site-checks"))
    result.with_checks_warm = warm
    result.load = (load_before, os.getloadavg()[0])
    if weigh:
        try:
            result.weights = weigh_guides(site / "site-checks")
        except Exception as error:  # noqa: BLE001 - no browser here: the timings still count
            result.weight_note = f"ei mitattu ({error.__class__.__name__}: {str(error).splitlines()[0] if str(error) else ''})"
    return result


def growth(results: list[tuple[int, Measurement]]) -> str:
    """Is the build linear in pages × languages? Per-page times for each N, and the cost of
    each added page between consecutive N (the fixed start-up cost cancels out there)."""
    lines = ["kasvu (mediaanit, ilman tarkistuksia / tarkistusten kanssa):"]
    previous = None
    for guides, result in results:
        line = (f"  N={guides:<4} sivuja {result.pages:<5} {result.median(result.without_checks, 0):7.2f} s / "
                f"{result.median(result.with_checks, 0):7.2f} s = {result.per_page_ms():6.1f} / "
                f"{result.per_page_ms(checks=True):6.1f} ms/sivu")
        if previous is not None:
            added = marginal_ms(previous, result)
            line += f"; lisäsivu {added[0]:.1f} / {added[1]:.1f} ms"
        lines.append(line)
        previous = result
    return "\n".join(lines)


def marginal_ms(smaller: Measurement, larger: Measurement) -> tuple[float, float]:
    """Milliseconds each added page costs between two sizes: without and with checks."""
    pages = larger.pages - smaller.pages
    if pages <= 0:
        return 0.0, 0.0
    return tuple(
        1000 * (larger.median(getattr(larger, runs), 0) - smaller.median(getattr(smaller, runs), 0)) / pages
        for runs in ("without_checks", "with_checks")
    )


# --- the publish build's PDFs (guidekit bench --publish SITE) ---------------------------


@dataclass(frozen=True)
class PublishTime:
    lang: str
    seconds: float
    files: int
    pages: int
    bytes: int


def publish_times(site: Path, root: Path, languages=LANGUAGES) -> list[PublishTime]:
    """`guidekit pdf --publish` of a built site, one language at a time (each in a fresh
    Chromium, as the command starts one): wall time and what it wrote."""
    from pypdf import PdfReader

    from guidekit.facts import load_facts
    from guidekit.pdf import publish

    ui = load_facts(Path(root) / "data" / "ui.yml")
    results = []
    for lang in languages:
        with tempfile.TemporaryDirectory(prefix="guidekit-publish-") as out:
            start = time.perf_counter()
            written = publish(Path(site), Path(out), ui, (lang,))
            seconds = time.perf_counter() - start
            results.append(PublishTime(lang, seconds, len(written),
                                       sum(len(PdfReader(path).pages) for path in written),
                                       sum(path.stat().st_size for path in written)))
    return results


def publish_table(times: list[PublishTime]) -> str:
    lines = ["| kieli | aika (s) | PDF-tiedostoja | sivuja | koko (kt) |", "| --- | ---: | ---: | ---: | ---: |"]
    for item in times:
        lines.append(f"| {item.lang} | {item.seconds:.1f} | {item.files} | {item.pages} | {item.bytes / 1024:.0f} |")
    total = sum(item.seconds for item in times)
    lines.append(f"| yhteensä | {total:.1f} | {sum(i.files for i in times)} | {sum(i.pages for i in times)} | "
                 f"{sum(i.bytes for i in times) / 1024:.0f} |")
    return "\n".join(lines)

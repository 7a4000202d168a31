"""How much the checks add to a full build: a synthetic site, built with and without them.

generate_site() writes N guides in each of the four languages (realistic, varied
text from sentence templates, with fact placeholders, lists and images left out)
into a folder that also holds the real mkdocs.yml, overrides/, hooks/, data/ and
guidekit.yml. measure() builds it twice with `mkdocs build` in a subprocess, once
with GUIDEKIT_CHECKS=0 and once with the checks, and times the lint of every page
on its own. The numbers are reported, never asserted (timings vary by machine).
"""

from __future__ import annotations

import os
import random
import resource
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from guidekit.languages import LANGUAGES

SITE_PARTS = ("overrides", "hooks", "data", "guidekit.yml")
# The real site's address history names pages the synthetic site does not have.
ADDRESS_HISTORY = ("addresses.yml", "redirects.yml")

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
        "service": ["ajanvaraus", "chat", "viesti", "resepti", "laboratorio", "hammashoito", "neuvola", "kotihoito"],
        "thing": ["pankkitunnukset", "puhelimen", "tietokoneen", "henkilökortin", "tabletin", "sähköpostin"],
        "place": ["terveysasemalla", "kirjastossa", "kotona", "sovelluksessa", "netissä"],
        "time": ["arkisin", "aamulla", "iltapäivällä", "heti", "huomenna"],
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


def guide_text(lang: str, number: int, rng: random.Random) -> str:
    words = TEXT[lang]
    service = rng.choice(words["service"])
    title = words["title"].format(n=number, service=service)
    needs, steps, trouble = words["sections"]
    lines = [
        "---",
        f'title: "{title}"',
        f'description: "{title}."',
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


def generate_site(target: Path, root: Path, guides: int, seed: int = 1) -> int:
    """Write the synthetic site into target; returns the number of pages written."""
    for part in SITE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", *ADDRESS_HISTORY))
        elif source.exists():
            shutil.copy(source, target / part)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", "", config)  # the real nav names real pages
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    rng = random.Random(seed)
    pages = 0
    for lang in LANGUAGES:
        folder = target / "docs" / lang
        (folder / "ohjeet").mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(guide_text(lang, 0, rng), encoding="utf-8")
        pages += 1
        for number in range(1, guides + 1):
            (folder / "ohjeet" / f"ohje-{number:03d}.md").write_text(guide_text(lang, number, rng), encoding="utf-8")
            pages += 1
    return pages


def build_seconds(site: Path, checks: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one full `mkdocs build`, the CPU time of the build and the
    check worker together. Not strict, so that findings in the synthetic text do not
    stop the build: both runs do the same work."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEKIT_CHECKS": "1" if checks else "0"}
    out = site / ("site-checks" if checks else "site-plain")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict", "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def lint_seconds(site: Path) -> tuple[int, int, float]:
    """(pages, findings, seconds) of linting every page in a fresh subprocess (cold caches)."""
    code = (
        "import time, sys\n"
        "from pathlib import Path\n"
        "from guidekit.lint import lint_file, make_context, pages_under\n"
        "start = time.perf_counter()\n"
        "ctx = make_context(Path(sys.argv[1]))\n"
        "pages = pages_under([], ctx.root)\n"
        "findings = sum(len(lint_file(p, ctx)) for p in pages)\n"
        "print(len(pages), findings, time.perf_counter() - start)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, check=True)
    pages, findings, seconds = result.stdout.split()
    return int(pages), int(findings), float(seconds)


@dataclass
class Measurement:
    pages: int
    without_checks: list[tuple[float, float]]  # (wall, CPU) seconds of each run
    with_checks: list[tuple[float, float]]
    lint_pages: int
    lint_findings: int
    lint_total: float

    @staticmethod
    def _median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    def median(self, runs: list[tuple[float, float]], which: int) -> float:
        return self._median([run[which] for run in runs])

    @property
    def ratio(self) -> float:
        """Median wall time with checks / without."""
        return self.median(self.with_checks, 0) / self.median(self.without_checks, 0)

    @property
    def cpu_ratio(self) -> float:
        return self.median(self.with_checks, 1) / self.median(self.without_checks, 1)

    def report(self) -> str:
        per_page_ms = 1000 * self.lint_total / max(self.lint_pages, 1)

        def runs(values: list[tuple[float, float]]) -> str:
            return ", ".join(f"{wall:.1f}" for wall, _cpu in values)

        return "\n".join(
            [
                f"sivuja: {self.pages} (4 kieltä)",
                f"ilman tarkistuksia: mediaani {self.median(self.without_checks, 0):.2f} s "
                f"(CPU {self.median(self.without_checks, 1):.2f} s; kerrat {runs(self.without_checks)} s)",
                f"tarkistusten kanssa: mediaani {self.median(self.with_checks, 0):.2f} s "
                f"(CPU {self.median(self.with_checks, 1):.2f} s; kerrat {runs(self.with_checks)} s)",
                f"suhde, seinäkello: {self.ratio:.3f} (lisäys {100 * (self.ratio - 1):+.1f} %)",
                f"suhde, CPU-aika: {self.cpu_ratio:.3f} (lisäys {100 * (self.cpu_ratio - 1):+.1f} %)",
                f"pelkkä tarkistus: {self.lint_total:.2f} s, {per_page_ms:.1f} ms/sivu, "
                f"{self.lint_findings} löydöstä {self.lint_pages} sivulla",
            ]
        )


def measure(site: Path, repeat: int = 1) -> Measurement:
    """Build alternately without and with checks, `repeat` times each (medians count:
    other load on the machine moves single runs a lot)."""
    without, with_ = [], []
    for _ in range(repeat):
        without.append(build_seconds(site, checks=False))
        with_.append(build_seconds(site, checks=True))
    pages, findings, seconds = lint_seconds(site)
    total_pages = sum(1 for _ in (site / "docs").rglob("*.md"))
    return Measurement(total_pages, without, with_, pages, findings, seconds)

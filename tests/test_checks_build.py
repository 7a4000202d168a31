"""The checks in the build: `mkdocs build --strict` fails on a finding, names the file
and line once (although static-i18n builds every language and shows Finnish pages
again as fallbacks), passes a clean site, and GUIDEKIT_CHECKS=0 switches them off."""

from __future__ import annotations

from conftest import make_site, run_build

FRONT = "---\ntitle: {title}\ndescription: {title}.\n---\n\n"

CLEAN_FI = FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan netissä. Aloita tästä.\n"
CLEAN_SELKO = FRONT.format(title="Etusivu") + "# Etusivu\n\nTällä sivulla opit asioimaan netissä.\n"
# Line 8: a 30-word sentence (PL101, limit 25 in Finnish).
BAD_FI = FRONT.format(title="Ohje") + "# Ohje\n\n" + " ".join(["sana"] * 29) + " loppu.\n"
# Line 8: abbreviations (PL301, selko only).
BAD_SELKO = FRONT.format(title="Ohje") + "# Ohje\n\nAvaa sovellus.\nDigituki auttaa esim. puhelimessa.\n"

BAD_SITE = {"fi/index.md": CLEAN_FI, "fi/ohje.md": BAD_FI, "selko/index.md": CLEAN_SELKO, "selko/ohje.md": BAD_SELKO}


def output_of(result) -> str:
    return result.stdout + result.stderr


def test_strict_build_fails_on_findings_and_names_each_once(tmp_path):
    config = make_site(tmp_path, BAD_SITE)
    result = run_build(config, tmp_path / "site")
    output = output_of(result)
    assert result.returncode != 0, output
    # fi/ohje.md is built again as a fallback page in sv and en: still one finding.
    assert output.count("[PL101] docs/fi/ohje.md:8: virkkeessä on 30 sanaa (enintään 25)") == 1, output
    assert output.count("[PL301] docs/selko/ohje.md:9: lyhenne ”esim.”") == 1, output
    assert "in strict mode" in output


def test_a_rebuild_takes_unchanged_pages_from_the_cache_and_still_reports_them(tmp_path):
    config = make_site(tmp_path, BAD_SITE)
    first = run_build(config, tmp_path / "site")
    cache = tmp_path / ".cache" / "guidekit" / "lint-results.json"
    assert cache.is_file(), output_of(first)
    second = run_build(config, tmp_path / "site")
    assert second.returncode != 0
    assert "guidekit: tarkistettu 4 sivua, joista 0 edellisen ajon tuloksista" in output_of(first)
    assert "guidekit: tarkistettu 4 sivua, joista 4 edellisen ajon tuloksista" in output_of(second)
    for result in (first, second):
        output = output_of(result)
        assert output.count("[PL101] docs/fi/ohje.md:8: virkkeessä on 30 sanaa (enintään 25)") == 1, output
        assert output.count("[PL301] docs/selko/ohje.md:9: lyhenne ”esim.”") == 1, output


def test_guidekit_checks_0_switches_the_checks_off(tmp_path):
    config = make_site(tmp_path, BAD_SITE)
    result = run_build(config, tmp_path / "site", env={"GUIDEKIT_CHECKS": "0"})
    assert result.returncode == 0, output_of(result)
    assert "[PL" not in output_of(result)


def test_clean_site_builds_strict(tmp_path):
    config = make_site(tmp_path, {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO})
    result = run_build(config, tmp_path / "site")
    assert result.returncode == 0, output_of(result)
    assert "[PL" not in output_of(result)
    assert (tmp_path / "site" / "selko" / "index.html").is_file()


def test_a_link_to_a_missing_section_fails_the_strict_build(tmp_path):
    # A section that moved to its own guide leaves links to "page.md#section" behind;
    # the resident would land at the top of the wrong page.
    linking = FRONT.format(title="Etusivu") + "# Etusivu\n\nLue kohta [Aloita](ohje.md#ei-ole-olemassa).\n"
    target = FRONT.format(title="Ohje") + "# Ohje\n\n## Aloita {#aloita}\n\nAvaa sovellus.\n"
    config = make_site(tmp_path, {"fi/index.md": linking, "fi/ohje.md": target, "selko/index.md": CLEAN_SELKO})
    broken = run_build(config, tmp_path / "site", env={"GUIDEKIT_CHECKS": "0"})
    assert broken.returncode != 0, output_of(broken)
    assert "ei-ole-olemassa" in output_of(broken)
    (tmp_path / "docs" / "fi" / "index.md").write_text(linking.replace("#ei-ole-olemassa", "#aloita"), encoding="utf-8")
    fixed = run_build(config, tmp_path / "site", env={"GUIDEKIT_CHECKS": "0"})
    assert fixed.returncode == 0, output_of(fixed)


SIMULATED_MISSING_VOIKKO = '''\
# Loaded at interpreter start (PYTHONPATH): libvoikko as it behaves without libvoikko.so.
import libvoikko


class Voikko:
    def __init__(self, *args, **kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file: No such file or directory")


libvoikko.Voikko = Voikko
'''


def test_missing_voikko_fails_the_strict_build_saying_how_to_install_it_once(tmp_path):
    hack = tmp_path / "no-voikko"
    hack.mkdir()
    (hack / "sitecustomize.py").write_text(SIMULATED_MISSING_VOIKKO, encoding="utf-8")
    site = tmp_path / "site-src"
    site.mkdir()
    config = make_site(site, {"fi/index.md": CLEAN_FI, "selko/index.md": CLEAN_SELKO})
    result = run_build(config, tmp_path / "site", env={"PYTHONPATH": str(hack)})
    output = output_of(result)
    assert result.returncode != 0, output
    assert output.count("apt-get install libvoikko1 voikko-fi") == 1, output


def test_benchmark_generates_a_varied_synthetic_site_in_every_language(root, tmp_path):
    from guidekit.bench import generate_site
    from guidekit.document import parse_document
    from guidekit.languages import LANGUAGES

    assert generate_site(tmp_path, root, guides=3) == 4 * (3 + 1)
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "hooks" / "checks.py").is_file()
    for lang in LANGUAGES:
        texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "docs" / lang).rglob("*.md"))]
        assert len(texts) == 4 and len(set(texts)) == 4
        for text in texts:
            doc = parse_document(text, f"docs/{lang}/x.md", lang)
            assert doc.front_matter_error is None and doc.front_matter["title"]
            assert sum(1 for u in doc.units if u.kind == "heading") == 4

"""Alt-text rules IMG101–IMG106: a passing and a failing page in fi, sv and en for each.

Pages are linted through guidekit.lint (the path of `guidekit lint` and of the build),
with the real guidekit.yml, so the word lists themselves are tested.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guidekit.document import parse_document
from guidekit.findings import ERROR, WARNING
from guidekit.lint import findings_for, lint_file, make_context
from guidekit.rules import RULE_MODULES, all_rules, rule_id
from guidekit.bench import ADDRESS_HISTORY  # the real site's address record belongs to its pages

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "sv", "en")
SRC = "../assets/images/kirjaudu.png"
GOOD_ALT = {
    "fi": "Kirjautumisnäkymä. Kirjaudu-painike on alareunassa.",
    "sv": "Inloggningsvyn. Knappen Logga in finns längst ner.",
    "en": "The sign-in screen. The Sign in button is at the bottom.",
}


def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "guidekit.yml", tmp_path / "guidekit.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(*ADDRESS_HISTORY))
    return tmp_path


def write_page(root: Path, lang: str, body: str, name: str = "ohjeet/kirjaudu.md") -> Path:
    path = root / "docs" / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Otsikko\n\n{body}\n", encoding="utf-8")
    return path


def image_findings(tmp_path: Path, lang: str, body: str, rule: str, message_lang: str = "fi") -> list:
    root = project(tmp_path)
    path = write_page(root, lang, body)
    return [f for f in lint_file(path, make_context(root, message_lang)) if f.rule == rule]


def md(alt: str, src: str = SRC) -> str:
    return f"![{alt}]({src})"


# --- IMG101 alt missing --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "body",
    [
        "![](../assets/images/koriste.svg){.decorative}",
        "![](../assets/images/koriste.svg){: .decorative }",
        '<img src="../assets/images/koriste.svg" alt="" role="presentation">',
        '<img src="../assets/images/koriste.svg" alt="" aria-hidden="true">',
        "GOOD",
    ],
    ids=["md-decorative", "md-decorative-colon", "html-presentation", "html-aria-hidden", "described"],
)
def test_img101_passes_described_and_decorative_images(tmp_path, lang, body):
    body = md(GOOD_ALT[lang]) if body == "GOOD" else body
    assert image_findings(tmp_path, lang, body, "IMG101") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "body",
    [
        "![](../assets/images/kirjaudu.png)",
        "![  ](../assets/images/kirjaudu.png)",
        '<img src="../assets/images/kirjaudu.png">',
        '<img src="../assets/images/kirjaudu.png" alt="">',
        # an <img> needs the alt attribute even when it is decorative
        '<img src="../assets/images/koriste.svg" role="presentation">',
    ],
    ids=["md-empty", "md-blank", "html-no-alt", "html-empty-alt", "html-decorative-no-alt"],
)
def test_img101_fails_missing_or_empty_alt(tmp_path, lang, body):
    [finding] = image_findings(tmp_path, lang, "Teksti.\n\n" + body, "IMG101")
    assert finding.line == 5
    assert "puuttuu alt-teksti" in finding.message and ".decorative" in finding.fix


# --- IMG102 placeholder --------------------------------------------------------------------

PLACEHOLDERS = {
    "fi": ["Kuva", "kuvakaappaus", "Kuvakaappaus 3", "Logo", "-", "kuva kuvakaappaus"],
    "sv": ["Bild", "Skärmbild", "skärmdump (2)", "Logotyp", "."],
    "en": ["Image", "screenshot", "Screen shot 1", "photo", "logo", "123"],
}
DESCRIBED = {
    "fi": ["Kelan logo", "Kuvakkeet Koti ja Viestit", GOOD_ALT["fi"]],
    "sv": ["Kelas logotyp", "Bildtelefonens knappar", GOOD_ALT["sv"]],
    "en": ["Kela logo", "Image gallery button", GOOD_ALT["en"]],
}


@pytest.mark.parametrize(("lang", "alt"), [(lang, alt) for lang in LANGS for alt in PLACEHOLDERS[lang]])
def test_img102_fails_placeholder_alt(tmp_path, lang, alt):
    [finding] = image_findings(tmp_path, lang, md(alt), "IMG102")
    assert f"”{alt}”" in finding.message


@pytest.mark.parametrize(("lang", "alt"), [(lang, alt) for lang in LANGS for alt in DESCRIBED[lang]])
def test_img102_passes_describing_alt(tmp_path, lang, alt):
    assert image_findings(tmp_path, lang, md(alt), "IMG102") == []


@pytest.mark.parametrize("lang", LANGS)
def test_img102_catches_a_placeholder_in_any_language(tmp_path, lang):
    # The lists are per language in guidekit.yml, but every page is checked against all of
    # them: an English "Screenshot" on a Finnish page is as much a placeholder as "kuva".
    alts = ["kuva", "Bild", "Screenshot", "skärmdump 2", "kuvakaappaus photo"]
    body = "\n\n".join(md(alt) for alt in alts)
    found = image_findings(tmp_path, lang, body, "IMG102")
    assert [f.message.split("”")[1] for f in found] == alts
    (tmp_path / "ok").mkdir()
    assert image_findings(tmp_path / "ok", lang, md("Bildtelefonens knappar"), "IMG102") == []


@pytest.mark.parametrize("lang", LANGS)
def test_img102_checks_html_img_too(tmp_path, lang):
    word = PLACEHOLDERS[lang][0]
    assert len(image_findings(tmp_path, lang, f'<img src="{SRC}" alt="{word}">', "IMG102")) == 1


# --- IMG103 file name ----------------------------------------------------------------------

FILE_NAMES = {
    "fi": ["IMG_2041.jpg", "kirjaudu_nakyma", "kirjaudu", "Kuvakaappaus 2024-01-05 klo 10.22.33", "näkymä.PNG"],
    "sv": ["DSC01234", "inloggning_vy", "Skärmavbild 2024-01-05 kl. 10.22.33", "bild.jpeg"],
    "en": ["PXL_20240105_102233", "Screenshot 2024-01-05 at 10.22.33", "sign-in.webp", "assets/images/kirjaudu"],
}
NOT_FILE_NAMES = {
    "fi": ["Tunnistustavat: pankkitunnukset ja Hightrust.id.", "Versio 2.0 -näkymä.", GOOD_ALT["fi"]],
    "sv": ["Identifiering med Hightrust.id.", "Vyn i version 2.0.", GOOD_ALT["sv"]],
    "en": ["Signing in with Hightrust.id.", "The version 2.0 screen.", GOOD_ALT["en"]],
}


@pytest.mark.parametrize(("lang", "alt"), [(lang, alt) for lang in LANGS for alt in FILE_NAMES[lang]])
def test_img103_fails_file_name_alt(tmp_path, lang, alt):
    [finding] = image_findings(tmp_path, lang, md(alt), "IMG103")
    assert "tiedoston nimi" in finding.message


@pytest.mark.parametrize(("lang", "alt"), [(lang, alt) for lang in LANGS for alt in NOT_FILE_NAMES[lang]])
def test_img103_passes_real_descriptions(tmp_path, lang, alt):
    assert image_findings(tmp_path, lang, md(alt), "IMG103") == []


@pytest.mark.parametrize("lang", LANGS)
def test_img103_alt_equal_to_the_file_stem(tmp_path, lang):
    body = md("Chat aloita", "../assets/images/chat-aloita.svg")
    assert len(image_findings(tmp_path, lang, body, "IMG103")) == 1


# --- IMG104 redundant opening ----------------------------------------------------------------

PREFIXED = {
    "fi": [("Kuva, jossa Kirjaudu-painike on alareunassa.", "Kuva, jossa", "Kirjaudu-painike on alareunassa."),
           ("Kuvakaappaus: Omat ajat -näkymä.", "Kuvakaappaus:", "Omat ajat -näkymä.")],
    "sv": [("Bild av startvyn med knappen Logga in.", "Bild av", "Startvyn med knappen Logga in."),
           ("Skärmbild: vyn Mina tider.", "Skärmbild:", "Vyn Mina tider.")],
    "en": [("Image of the sign-in screen.", "Image of", "The sign-in screen."),
           ("Screenshot of the Messages screen.", "Screenshot of", "The Messages screen.")],
}
NOT_PREFIXED = {
    "fi": ["Kuvakkeet Koti ja Viestit ovat ylhäällä.", "Kuvauspaikan kartta.", GOOD_ALT["fi"]],
    "sv": ["Bildtelefonens knappar.", "Bilder i galleriet.", GOOD_ALT["sv"]],
    "en": ["Image gallery button at the top.", "Photos tab in the app.", GOOD_ALT["en"]],
}


@pytest.mark.parametrize(
    ("lang", "alt", "prefix", "suggestion"),
    [(lang, *case) for lang in LANGS for case in PREFIXED[lang]],
)
def test_img104_fails_redundant_opening_and_suggests_the_rest(tmp_path, lang, alt, prefix, suggestion):
    [finding] = image_findings(tmp_path, lang, md(alt), "IMG104")
    assert f"”{prefix}”" in finding.message
    assert f"”{suggestion}”" in finding.fix


@pytest.mark.parametrize(("lang", "alt"), [(lang, alt) for lang in LANGS for alt in NOT_PREFIXED[lang]])
def test_img104_passes_alt_starting_with_content(tmp_path, lang, alt):
    assert image_findings(tmp_path, lang, md(alt), "IMG104") == []


# --- IMG105 length ---------------------------------------------------------------------------

SENTENCE = {
    "fi": "Alareunassa on painike. ",
    "sv": "Längst ner finns knappen. ",
    "en": "The button is at the bottom. ",
}


def alt_of_length(lang: str, length: int) -> str:
    text = (SENTENCE[lang] * 20)[:length]
    return text[:-1] + "." if text.endswith(" ") else text


@pytest.mark.parametrize("lang", LANGS)
def test_img105_passes_up_to_125_characters(tmp_path, lang):
    assert image_findings(tmp_path, lang, md(alt_of_length(lang, 125)), "IMG105") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("length", "severity", "limit"), [(126, WARNING, 125), (150, WARNING, 125), (151, ERROR, 150)])
def test_img105_warns_above_125_and_fails_above_150(tmp_path, lang, length, severity, limit):
    [finding] = image_findings(tmp_path, lang, md(alt_of_length(lang, length)), "IMG105")
    assert finding.severity == severity
    assert f"{length} merkkiä (raja {limit})" in finding.message
    assert "sivun tekstiin" in finding.fix


def test_img105_limits_come_from_guidekit_yml(tmp_path):
    root = project(tmp_path)
    config = (root / "guidekit.yml").read_text(encoding="utf-8")
    config = config.replace("  IMG105: {}", "  IMG105: {warn_above: 40, fail_above: 60}")
    (root / "guidekit.yml").write_text(config, encoding="utf-8")
    path = write_page(root, "fi", md(alt_of_length("fi", 50)))
    [finding] = [f for f in lint_file(path, make_context(root)) if f.rule == "IMG105"]
    assert finding.severity == WARNING and "(raja 40)" in finding.message


# --- IMG106 untranslated ---------------------------------------------------------------------

FI_PAGE = (
    "![Chatin aloitusnäkymä. Valittavana ovat Kysy nimettömästi ja Kirjaudu ja kysy.](../assets/images/chat-aloita.svg)\n\n"
    "Teksti.\n\n"
    "![Chat-näkymä. Ylhäällä näkyy paikkasi jonossa.](../assets/images/chat-jono.svg)\n"
)
TRANSLATED = {
    "sv": ("Chattens startvy. Du kan välja Fråga anonymt.", "Chattvyn. Överst syns din plats i kön."),
    "en": ("The chat start screen. You can choose Ask anonymously.", "The chat screen. Your place in the queue is at the top."),
    "selko": ("Chatin alku. Voit valita, kysytkö nimettä.", "Chat. Ylhäällä näet, monesko olet jonossa."),
}


def translation_findings(tmp_path: Path, lang: str, body: str) -> list:
    root = project(tmp_path)
    write_page(root, "fi", FI_PAGE)
    path = write_page(root, lang, body)
    return [f for f in lint_file(path, make_context(root)) if f.rule == "IMG106"]


@pytest.mark.parametrize("lang", ["sv", "en", "selko"])
def test_img106_passes_translated_alt(tmp_path, lang):
    first, second = TRANSLATED[lang]
    body = f"{md(first, '../assets/images/chat-aloita.svg')}\n\n{md(second, '../assets/images/chat-jono.svg')}"
    assert translation_findings(tmp_path, lang, body) == []


@pytest.mark.parametrize("lang", ["sv", "en", "selko"])
def test_img106_fails_finnish_alt_matched_by_file_name(tmp_path, lang):
    first, _ = TRANSLATED[lang]
    # Order differs from the Finnish page: the file name decides which image is which.
    body = (
        "![Chat-näkymä. Ylhäällä näkyy  paikkasi jonossa.](../assets/images/chat-jono.png)\n\n"
        f"{md(first, '../assets/images/chat-aloita.svg')}"
    )
    [finding] = translation_findings(tmp_path, lang, body)
    assert finding.line == 3
    assert "docs/fi/ohjeet/kirjaudu.md:7" in finding.message


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_img106_matches_by_position_when_file_names_differ(tmp_path, lang):
    body = md(
        "Chatin aloitusnäkymä. Valittavana ovat Kysy nimettömästi ja Kirjaudu ja kysy.",
        f"../assets/images/chat-start-{lang}.svg",
    )
    [finding] = translation_findings(tmp_path, lang, body)
    assert "docs/fi/ohjeet/kirjaudu.md:3" in finding.message


def test_img106_skips_one_word_names_and_finnish_pages(tmp_path):
    root = project(tmp_path)
    write_page(root, "fi", md("Omaolo", "../assets/images/logo.svg") + "\n\n" + FI_PAGE)
    sv = write_page(root, "sv", md("Omaolo", "../assets/images/logo.svg"))
    ctx = make_context(root)
    assert [f for f in lint_file(sv, ctx) if f.rule == "IMG106"] == []
    fi = root / "docs" / "fi" / "ohjeet" / "kirjaudu.md"
    assert [f for f in lint_file(fi, ctx) if f.rule == "IMG106"] == []


def test_img106_without_finnish_page_says_nothing(tmp_path):
    root = project(tmp_path)
    path = write_page(root, "sv", md(GOOD_ALT["fi"]))
    assert [f for f in lint_file(path, make_context(root)) if f.rule == "IMG106"] == []


# --- Shared behaviour -----------------------------------------------------------------------


def test_suppression_with_reason_silences_an_alt_finding(tmp_path):
    body = "<!-- guidekit-disable IMG102: palvelun nimi on Kuva, ja painike on sen logo -->\n" + md("Kuva")
    assert image_findings(tmp_path, "fi", body, "IMG102") == []


def test_finding_format_and_english_messages(tmp_path):
    [finding] = image_findings(tmp_path, "en", "\n" + md("Screenshot of the Messages screen."), "IMG104", "en")
    assert finding.format() == (
        "[IMG104] docs/en/ohjeet/kirjaudu.md:4: alt text opens with the redundant words “Screenshot of” — "
        "start with what the image shows: “The Messages screen.”"
    )


def test_decorative_images_are_not_judged_by_the_alt_rules(tmp_path):
    body = "![Kuva](../assets/images/koriste.svg){.decorative}"
    root = project(tmp_path)
    path = write_page(root, "fi", body)
    assert [f for f in lint_file(path, make_context(root)) if f.rule.startswith("IMG10")] == []


IMAGE_RULES = [rule for rule in all_rules() if rule_id(rule).startswith("IMG")]


def test_image_rules_are_registered_in_order():
    ids = [rule_id(rule) for rule in IMAGE_RULES]
    assert ids == sorted(ids) and len(ids) == 15
    assert all(name.startswith("img") for name in RULE_MODULES if name.upper().startswith("IMG"))


@pytest.mark.parametrize("rule", IMAGE_RULES, ids=rule_id)
def test_image_rules_document_themselves_for_the_reference_page(rule):
    assert rule.DESCRIPTION and rule.RATIONALE and rule.EXAMPLES["good"] and rule.EXAMPLES["bad"]
    assert "Lähte" in rule.RATIONALE  # every rationale names its sources
    assert set(rule.MESSAGES) >= {"fi", "en"}


ALT_RULES_WITH_RUNNABLE_EXAMPLES = [r for r in IMAGE_RULES if rule_id(r) in {"IMG101", "IMG102", "IMG103", "IMG104", "IMG105"}]


@pytest.mark.parametrize("rule", ALT_RULES_WITH_RUNNABLE_EXAMPLES, ids=rule_id)
def test_reference_page_examples_are_true(tmp_path, rule):
    """The good example of the rules page passes the rule and the bad one fails it."""
    ctx = make_context(project(tmp_path))
    rid = rule_id(rule)

    def ids(text: str) -> list[str]:
        doc = parse_document("# Otsikko\n\n" + text + "\n", "docs/fi/ohjeet/x.md", "fi")
        return [f.rule for f in findings_for(doc, ctx) if f.rule == rid]

    assert ids(rule.EXAMPLES["good"]) == []
    assert ids(rule.EXAMPLES["bad"])

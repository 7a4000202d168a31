"""The rule registry. Each rule is one small module exporting

    NAMES        ("PL101", "sentence-length"): the ID first, then readable aliases
    DESCRIPTION  one line, Finnish
    TAGS         e.g. ("plain-language",) or ("images", "alt-text")
    LANGUAGES    the page languages it applies to
    MESSAGES     {"fi": (message, fix), "en": (message, fix)}: str.format templates
    check(doc, settings, ctx) -> iterable of Report(line, details); a Report with `path`
                 is about another file than the page (a video's captions, at their line)

A rule about the site's files rather than one page (a folder, a data file, every SVG)
also exports check_site(ctx) -> iterable of (path, Report): run once per whole-site
lint and build, never cached.

A rule whose findings depend on other pages than the page and its Finnish source
sets SITE_WIDE = True and exports site_inputs(ctx, page, lang) -> str: what it reads
from the other pages for that page; it becomes part of the page's key in the results
cache (guidekit/lintcache.py), so the page is checked again when that changes.

And, for the rules reference page, RATIONALE (Finnish, with its source) and
EXAMPLES {"good": ..., "bad": ...}. Thresholds and word lists come from
guidekit.yml through `settings`, never from the code.

Settings spec. A rule that reads settings declares them, each once, in

    SETTINGS = (
        Setting("max_words", "integer", 25, "virkkeen enimmäispituus sanoina", minimum=1),
        Setting("allow", "list", [], "sallitut sanat"),
    )

(guidekit.settings.Setting: name, kind, default, Finnish description, and optionally
minimum/maximum, choices for kind "choice", optional=True when `null` is allowed).
Kinds: integer, number, boolean, text, choice, list (of texts), mapping (text: text).
The default lives only here: check() reads `settings["max_words"]`, never
`settings.get("max_words", 25)`. Every rule also accepts `enabled` and `severity`
(guidekit.settings.COMMON). guidekit.yml is checked against the specs when it loads
(guidekit/config.py): a key no spec names, a value of the wrong kind or a number out
of range stops `guidekit lint` (exit 2) and the build with one message naming the
file, line and key. `guidekit rules` writes each rule's spec as a table into
authoring/rules.md; tests/test_settings.py checks that every spec is well formed.
A rule without settings leaves SETTINGS out. A new section of guidekit.yml outside
`rules:` is declared in guidekit.config.SECTIONS the same way.

Site rules. A check that reads the whole site at once (the addresses AD*, the data
files DA*, data/search.yml SE*) or that the page loop itself reports (GK000) is still a
module here, for its documentation and settings, with SCOPE = "site", SEVERITY (its
default severity) and no check(). Its findings are made where the check lives, as
guidekit.findings.Finding, and pass through guidekit/sitecheck.py (`enabled`, `severity`,
a page's suppression comments), which `guidekit lint` and the build both call: every ID
the code can emit has a module (tests/test_site_rules.py checks that).

Tests. A new rule gets a marked fixture: a page in tests/fixtures/rules/<lang>/ with
`<!-- {ID} -->` (in the front matter `# {ID}`) on each line where the rule must report;
tests/test_rule_fixtures.py lints every fixture and wants exactly the marked (rule, line)
pairs. A rule whose findings need the whole site or real files is listed there, in
NEEDS_SITE_FIXTURE, with the test that covers it instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

# Order is the order of the rules reference page.
RULE_MODULES = [
    "gk000_unreadable",
    "gk001_suppression_reason",
    "gk002_unknown_fact",
    "gk003_unknown_language_folder",
    "gk004_unpublished_file",
    "gk005_data_file",
    "pl101_sentence_length",
    "pl102_paragraph_length",
    "pl103_subheading_gap",
    "pl104_readability",
    "pl201_compound_word",
    "pl202_long_word",
    "pl203_wordy_phrase",
    "pl301_abbreviation",
    "pl302_passive",
    "pl303_minen_noun",
    "pl304_participle_construction",
    "pl305_obligation_tulee",
    "pl306_genitive_chain",
    "pl307_nominal_style",
    "pl308_initialism",
    "pl309_passive_words",
    "pl310_nominalisation",
    "fm101_front_matter_syntax",
    "fm102_required_field",
    "fm103_review_date",
    "fm104_unknown_service",
    "fm105_description_length",
    "fm106_short_id",
    "fm107_duplicate_short",
    "fm108_placeholder_in_front_matter",
    "fm110_markup_in_front_matter",
    "fm111_unknown_need",
    "fm201_review_overdue",
    "tr101_translation_outdated",
    "img101_alt_missing",
    "img102_alt_placeholder",
    "img103_alt_filename",
    "img104_alt_redundant_prefix",
    "img105_alt_length",
    "img106_alt_untranslated",
    "img201_image_missing",
    "img202_image_external",
    "img203_image_unreadable",
    "img204_image_dimensions",
    "img205_image_file_size",
    "img206_image_animated",
    "img207_image_metadata",
    "img208_svg_unsafe",
    "img209_svg_no_size",
    "vid101_video_missing",
    "vid102_captions_missing",
    "vid103_captions_invalid",
    "vid104_poster_missing",
    "vid105_video_file_size",
    "vid106_video_external",
    "vid107_video_name_missing",
    "vid108_video_format",
    # Site rules (SCOPE = "site"): the whole site's addresses and data files.
    "ad001_address_gone",
    "ad002_short_duplicate",
    "ad003_short_translation",
    "ad004_redirect_invalid",
    "ad005_short_reused",
    "ad006_address_files_broken",
    "ad007_address_unrecorded",
    "da101_data_markup",
    "da102_data_unsafe_address",
    "se001_search_data_syntax",
    "se002_search_data_key",
    "se003_search_data_value",
    "se004_search_data_synonym",
    "la001_language_setup",
    "ht101_html_element",
    "ht102_html_attribute",
    "ht103_html_address",
]


@dataclass(frozen=True)
class Report:
    line: int
    details: dict = field(default_factory=dict)
    severity: str | None = None  # None: the rule's configured severity
    # Another file the finding is about, where the author fixes it (a video's captions at
    # their own line), relative to the repository; None: the page. A page's suppression
    # comments do not reach into another file.
    path: str | None = None


def all_rules() -> list:
    return [import_module(f"guidekit.rules.{name}") for name in RULE_MODULES]


def rule_id(rule) -> str:
    return rule.NAMES[0]

"""data/county.yml and data/ui.yml: readable, and holding every key the page template reads.

The template and the hooks read these keys on every page; a key missing would be a
KeyError traceback in the build (or a silently empty help box). Both the build
(hooks/site.py, before anything is rendered) and `guidekit lint` (rule GK005) check
them here and name the file, the key and its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from guidekit import yamlsafe
from guidekit.languages import LANGUAGES

FACTS_FILE = "data/county.yml"
UI_FILE = "data/ui.yml"

# What hooks/site.py, guidekit/site_context.py and the templates take from county.yml.
REQUIRED_FACTS = (
    "customer_service.phone",
    "customer_service.phone_link",
    "customer_service.hours",
    "chat.url",
    "chat.hours",
    "feedback",
    "services",
)
FEEDBACK_CHANNELS = ("email", "form_url")  # at least one of them
# What overrides/, hooks/print.py and guidekit/pdf.py take from ui.yml, in every language.
REQUIRED_UI = (
    "reviewed", "get_help", "help_customer_service", "help_digital_support", "help_urgent_care",
    "help_chat", "help_visit", "help_visit_link", "open", "other_guides",
    "feedback_title", "feedback_text", "feedback_link", "fallback_notice", "example_notice",
    "not_found_title", "not_found_text", "not_found_home", "not_found_help", "outdated_notice",
    "unconfirmed_notice", "outdated_link", "print_button", "print_online", "print_qr_hint", "qr_label", "short_address",
    "redirect_text", "draft_banner", "print_page", "pdf_download", "pdf_large_print", "handout_title",
    "handout_contents", "handout_file", "copy_address", "address_copied", "copy_failed", "qr_download_png",
    "qr_download_svg", "embed_label", "handout_download", "help_support_phone",
    "video_transcript", "video_download",
)


@dataclass(frozen=True)
class DataProblem:
    path: str  # e.g. "data/county.yml"
    line: int
    problem: str  # a key of WORDS: why the file cannot be read, or "missing_key"
    detail: str  # the missing key, or what YAML or the system said


def _key_lines(text: str) -> dict[str, int]:
    """"a.b.c" -> line of every mapping key, to point at where a key belongs."""
    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    stack = [("", node)]
    while stack:
        prefix, current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                name = f"{prefix}{key.value}"
                lines.setdefault(name, key.start_mark.line + 1)
                stack.append((name + ".", value))
    return lines


def read_data(root: Path, shown: str) -> tuple[dict | None, list[DataProblem], dict]:
    """(data, problems, key lines) of one data file; data is None when it cannot be read."""
    path = Path(root) / shown
    try:
        text = yamlsafe.read_text(path)
        data = yamlsafe.load(text)
    except FileNotFoundError:
        return None, [DataProblem(shown, 1, "missing_file", "")], {}
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return None, [DataProblem(shown, line, "not_utf8", f"0x{error.object[error.start]:02X}")], {}
    except OSError as error:
        return None, [DataProblem(shown, 1, "unreadable", str(error.strerror or error))], {}
    except yamlsafe.YamlLimitError as error:
        return None, [DataProblem(shown, error.problem_mark.line + 1, "too_complex", f"{error.reason}:{error.limit}")], {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return None, [DataProblem(shown, mark.line + 1 if mark else 1, "yaml", str(problem))], {}
    except ValueError as error:  # an impossible date
        return None, [DataProblem(shown, 1, "bad_value", str(error))], {}
    if not isinstance(data, dict):
        return None, [DataProblem(shown, 1, "not_mapping", "")], {}
    return data, [], _key_lines(text)


def _has(data: dict, dotted: str) -> bool:
    value = data
    for part in dotted.split("."):
        if not isinstance(value, dict) or value.get(part) in (None, ""):
            return False
        value = value[part]
    return True


def _line_for(dotted: str, lines: dict[str, int]) -> int:
    """The line of the key's nearest existing parent (1 when none exists)."""
    parts = dotted.split(".")
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return 1


def check_facts(root: Path) -> tuple[dict | None, list[DataProblem]]:
    data, problems, lines = read_data(root, FACTS_FILE)
    if data is None:
        return None, problems
    for key in REQUIRED_FACTS:
        if not _has(data, key):
            problems.append(DataProblem(FACTS_FILE, _line_for(key, lines), "missing_key", key))
    feedback = data.get("feedback")
    if isinstance(feedback, dict) and not any(_has(feedback, name) for name in FEEDBACK_CHANNELS):
        problems.append(DataProblem(FACTS_FILE, _line_for("feedback", lines), "missing_key", "feedback.email"))
    return (None if problems else data), problems


def check_ui(root: Path) -> tuple[dict | None, list[DataProblem]]:
    data, problems, lines = read_data(root, UI_FILE)
    if data is None:
        return None, problems
    for lang in LANGUAGES:
        for key in REQUIRED_UI:
            if not _has(data, f"{lang}.{key}"):
                problems.append(DataProblem(UI_FILE, _line_for(f"{lang}.{key}", lines), "missing_key", f"{lang}.{key}"))
    return (None if problems else data), problems


FIX_FILE = {"fi": "korjaa tiedosto; rakennus ja tarkistukset tarvitsevat sitä",
            "en": "fix the file; the build and the checks need it"}
WORDS = {
    "fi": {
        "missing_file": ("tiedostoa {path} ei ole", "palauta tiedosto (git checkout {path}) tai kirjoita se"),
        "not_utf8": ("tiedosto {path} ei ole UTF-8-tekstiä (tavu {detail} tällä rivillä)",
                     "tallenna tiedosto merkistössä UTF-8"),
        "unreadable": ("tiedostoa {path} ei voi lukea ({detail})", FIX_FILE["fi"]),
        "too_complex": ("tiedosto {path} on liian suuri tai monimutkainen: {limit_text}",
                        "kirjoita tiedot muodossa avain: arvo, ilman ankkureita (&) ja viittauksia (*)"),
        "yaml": ("tiedostossa {path} on YAML-virhe: {detail}",
                 "tarkista rivi: muoto on avain: arvo, sisennys välilyönneillä ja lainausmerkit pareittain"),
        "bad_value": ("tiedoston {path} arvoa ei voi lukea ({detail})",
                      "tarkista päivämäärät: muoto VVVV-KK-PP ja päivä, joka on kalenterissa"),
        "not_mapping": ("tiedosto {path} ei ole muotoa avain: arvo", FIX_FILE["fi"]),
        "missing_key": ("tiedostosta {path} puuttuu avain {detail}",
                        "lisää avain {detail} (katso mallia saman tiedoston muista kohdista tai git-historiasta)"),
    },
    "en": {
        "missing_file": ("{path} does not exist", "restore it (git checkout {path}) or write it"),
        "not_utf8": ("{path} is not UTF-8 text (byte {detail} on this line)", "save the file in the UTF-8 encoding"),
        "unreadable": ("{path} cannot be read ({detail})", FIX_FILE["en"]),
        "too_complex": ("{path} is too large or too complex: {limit_text}",
                        "write the data as key: value, without anchors (&) and aliases (*)"),
        "yaml": ("YAML error in {path}: {detail}",
                 "check the line: the form is key: value, indented with spaces, quotes in pairs"),
        "bad_value": ("a value in {path} cannot be read ({detail})",
                      "check the dates: YYYY-MM-DD, and a day that exists"),
        "not_mapping": ("{path} is not a list of key: value lines", FIX_FILE["en"]),
        "missing_key": ("{path} has no key {detail}",
                        "add the key {detail} (see the file's other entries or its git history for the form)"),
    },
}


def describe(problem: DataProblem, message_lang: str = "fi") -> tuple[str, str]:
    message, fix = WORDS.get(message_lang, WORDS["fi"])[problem.problem]
    values = {"path": problem.path, "detail": problem.detail, "limit_text": ""}
    if problem.problem == "too_complex":
        reason, _, limit = problem.detail.partition(":")
        values["limit_text"] = yamlsafe.LIMIT_WORDS.get(message_lang, yamlsafe.LIMIT_WORDS["fi"])[reason].format(limit=limit)
    return message.format(**values), fix.format(**values)


def format_problem(problem: DataProblem, message_lang: str = "fi") -> str:
    """One line for the build's error: [GK005] file:line: message — fix."""
    message, fix = describe(problem, message_lang)
    return f"[GK005] {problem.path}:{problem.line}: {message} — {fix}"

"""MkDocs glue for what is published from docs/ (logic: guidekit/publishing.py,
guidekit/pagelimits.py, guidekit/frontmatter.py). The checks (GK000, GK004, IMG208, FM101)
report each problem with its file and line and fail the strict build; this hook makes sure
that, strict or not (`./dev serve`), the build neither crashes on a page nor publishes:

- a file whose link leads outside docs/, an .html/.js file guidekit.yml does not list, or an
  SVG with a script or an outside reference (also one that is only linked, not shown);
- a page that is not UTF-8, too large or nested too deep for Python-Markdown: a short notice
  is built in its place;
- front matter too large or complex to load (an alias bomb): the page is built without it.

And drafts: a page with `draft: true` is a MkDocs draft, built by `mkdocs serve` only
(with a banner, overrides/partials/draft-banner.html) and left out of `mkdocs build`:
its page, search entry, sitemap line and navigation link.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from guidekit.config import ConfigError, load_config
from guidekit.frontmatter import body_of, is_draft, read_front_matter
from guidekit.images import inspect_image
from guidekit.pagelimits import decode_page, notice_page, page_problem
from guidekit.publishing import problem_of

log = get_plugin_logger("guidekit.publish")
_state: dict = {"allow": [], "told": set()}


def on_config(config):
    try:
        _state["allow"] = load_config(Path(config.config_file_path).parent).rule("GK004").get("allow") or []
    except ConfigError:
        _state["allow"] = []  # hooks/checks.py stops the build with the reason
    return config


def _docs_file(file, docs: Path) -> bool:
    return bool(file.abs_src_path) and Path(file.abs_src_path).is_relative_to(docs)


def on_files(files, config):
    docs = Path(config.docs_dir)
    # Each language build sees the same files: judge each once per build, not once per language.
    i18n = config.plugins.get("guidekit-i18n")
    if not (i18n is not None and i18n.building) or "verdicts" not in _state:
        _state["verdicts"] = {}
    verdicts = _state["verdicts"]
    folders: dict = {}  # resolved once per folder in this pass (guidekit/publishing.py)
    for file in list(files):
        if not _docs_file(file, docs):
            continue  # the theme's own files
        path = Path(file.abs_src_path)
        if path not in verdicts:
            verdicts[path] = bool(problem_of(path, docs, _state["allow"], folders) or _unsafe_svg(path))
        if verdicts[path]:
            files.remove(file)
            if file.src_uri not in _state["told"]:  # once, not once per language build
                _state["told"].add(file.src_uri)
                log.info(f"ei julkaista: docs/{file.src_uri} (katso tarkistusten löydös)")
        elif file.is_documentation_page() and _draft(path):
            file.inclusion = InclusionLevel.DRAFT
    return files


def _by_file(function):
    """The function's answer for a file, kept while the file's size and time stay the same:
    `mkdocs serve` asks again for every file on every rebuild (the fast preview's budget)."""
    answers: dict = {}

    def answer(path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return function(path)
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in answers:
            answers[key] = function(path)
        return answers[key]

    return answer


@_by_file
def _unsafe_svg(path: Path) -> bool:
    if path.suffix.lower() != ".svg":
        return False
    info = inspect_image(path)
    return bool(info.error or info.svg_problems)


@_by_file
def _draft(path: Path) -> bool:
    try:
        text, _problem = decode_page(path.read_bytes())
    except OSError:
        return False
    return text is not None and is_draft(read_front_matter(text).loaded)


def on_page_read_source(page, config):
    """The page's text as MkDocs may safely parse it."""
    if not page.file.abs_src_path:
        return None
    try:
        text, problem = decode_page(Path(page.file.abs_src_path).read_bytes())
    except OSError:
        return None  # MkDocs reports a missing file itself
    problem = problem or page_problem(text)
    if problem is not None:
        return notice_page(problem, f"docs/{page.file.src_uri}")
    front = read_front_matter(text)
    if front.load_error is not None and front.load_error.problem == "too_complex":
        return body_of(text)
    return text

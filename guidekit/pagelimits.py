"""Limits on a page before anything parses it: size and nesting depth.

Python-Markdown, which builds the site, recurses once per level of nested lists or
block quotes and dies with a RecursionError at about 250 levels; a page of many
megabytes makes every check and the build slow. Both the checks (GK000, guidekit/lint.py)
and the build (hooks/publish.py, which then publishes a short notice instead of the
page) use this one measure, so they agree. Real guides nest two or three levels.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PAGE_BYTES = 512 * 1024  # the longest guide is about 10 kB
MAX_NESTING = 20  # levels of lists and block quotes
TAB_WIDTH = 4  # Python-Markdown nests a list item per 4 spaces of indentation


@dataclass(frozen=True)
class PageProblem:
    line: int
    problem: str  # "too_large" | "too_deep" | "not_utf8" | "unreadable"
    detail: str


def nesting_depth(line: str) -> int:
    """Levels of nesting a line opens: block-quote markers plus indentation steps."""
    depth = indent = 0
    for character in line:
        if character == ">":
            depth += 1
        elif character == " ":
            indent += 1
        elif character == "\t":
            indent += TAB_WIDTH - indent % TAB_WIDTH
        else:
            break
    return depth + indent // TAB_WIDTH


def page_problem(text: str) -> PageProblem | None:
    """Why the page cannot be parsed safely, or None."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_PAGE_BYTES:
        return PageProblem(1, "too_large", f"{size // 1024}")
    for number, line in enumerate(text.split("\n"), start=1):
        if line[:1] in (" ", "\t", ">"):
            depth = nesting_depth(line)
            if depth > MAX_NESTING:
                return PageProblem(number, "too_deep", str(depth))
    return None


def decode_page(data: bytes) -> tuple[str | None, PageProblem | None]:
    """A page's bytes as text (a byte-order mark dropped), or the reason it is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        # The byte itself (e.g. 0xE4, a Latin-1 ä) says more to an author than Python's reason.
        return None, PageProblem(line, "not_utf8", f"0x{data[error.start]:02X}")


WORDS = {
    "fi": {
        "too_large": ("sivu on liian suuri tarkistettavaksi ja julkaistavaksi ({detail} kt, enintään {limit} kt)",
                      "jaa sivu useaksi sivuksi; kuvat ja liitteet ovat omia tiedostojaan"),
        "too_deep": ("sivulla on liian monta sisäkkäistä listaa tai lainausta ({detail} tasoa, enintään {limit})",
                     "kirjoita listat enintään muutaman tason syvyisiksi; vähennä rivin alun välilyöntejä ja >-merkkejä"),
        "not_utf8": ("sivu ei ole UTF-8-tekstiä (tavu {detail} tällä rivillä), joten sitä ei voi tarkistaa eikä julkaista",
                     "tallenna sivu editorissa merkistössä UTF-8 (esimerkiksi VS Code: Save with Encoding → UTF-8)"),
        "unreadable": ("sivua ei voi lukea ({detail})",
                       "tarkista, että tiedosto on olemassa ja sinulla on lupa lukea se, ja aja tarkistus uudelleen"),
    },
    "en": {
        "too_large": ("the page is too large to check and publish ({detail} kB, at most {limit} kB)",
                      "split the page into several pages; images and attachments are files of their own"),
        "too_deep": ("the page nests too many lists or quotes ({detail} levels, at most {limit})",
                     "keep lists a few levels deep; remove spaces and > marks at the start of the line"),
        "not_utf8": ("the page is not UTF-8 text (byte {detail} on this line), so it cannot be checked or published",
                     "save the page in the UTF-8 encoding (e.g. VS Code: Save with Encoding → UTF-8)"),
        "unreadable": ("the page cannot be read ({detail})",
                       "check that the file exists and you may read it, then run the check again"),
    },
}


def describe(problem: PageProblem, message_lang: str = "fi") -> tuple[str, str]:
    message, fix = WORDS.get(message_lang, WORDS["fi"])[problem.problem]
    limit = MAX_PAGE_BYTES // 1024 if problem.problem == "too_large" else MAX_NESTING
    return message.format(detail=problem.detail, limit=limit), fix


def notice_page(problem: PageProblem, shown: str) -> str:
    """What the build publishes instead of a page that cannot be built (never in a strict build:
    the checks report the page, and it fails)."""
    message, fix = describe(problem)
    return f"# {shown}\n\nTätä sivua ei voitu rakentaa: {message}. Korjaus: {fix}.\n"

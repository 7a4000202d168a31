"""The front page by need: every guide listed under the needs its front matter names.

A guide says which of the resident's needs it serves (`needs: [hoito]`); the needs and
their headings per language are in data/county.yml (`needs`). The front page holds the
marker NEEDS_MARKER, and the build writes the list there, so a new guide appears on the
front page by itself. A guide that names no need is listed under the last heading
("Muut ohjeet"), so no guide is left out. Pure functions: hooks/site.py is the glue.
"""

from __future__ import annotations

from dataclasses import dataclass

from guidekit.facts import localize

NEEDS_MARKER = "<!-- guidekit:guides-by-need -->"
OTHER = "_other"


@dataclass(frozen=True)
class GuideEntry:
    """One guide as the front page lists it: its path from the language root, e.g. ohjeet/chat.md."""

    path: str
    title: str
    description: str
    needs: tuple[str, ...]


def needs_of(front_matter: dict) -> tuple[str, ...]:
    """The need ids a guide names: a list, or one id written on its own."""
    value = front_matter.get("needs")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(item).strip() for item in value if str(item).strip())


def group_by_need(guides: list[GuideEntry], known: list[str]) -> list[tuple[str, list[GuideEntry]]]:
    """(need id, its guides) in the order of `known`, guides in the order given; needs without
    guides are left out; guides naming no known need go to OTHER, last."""
    groups: dict[str, list[GuideEntry]] = {need: [] for need in known}
    other = []
    for guide in guides:
        listed = [need for need in guide.needs if need in groups]
        for need in listed:
            groups[need].append(guide)
        if not listed:
            other.append(guide)
    result = [(need, entries) for need, entries in groups.items() if entries]
    if other:
        result.append((OTHER, other))
    return result


def _escape(text: str) -> str:
    # A title is plain text (FM110 refuses markup there); this keeps a stray * or [ from
    # becoming emphasis or a link on the front page, and < from opening a tag.
    text = " ".join(text.split())
    return "".join("\\" + char if char in "\\`*_[]" else "&lt;" if char == "<" else char for char in text)


def needs_markdown(guides: list[GuideEntry], needs: dict, other_heading: str, lang: str, level: int = 2) -> str:
    """The front page's list: one heading per need, under it a link to each of its guides."""
    parts = []
    for need, entries in group_by_need(guides, list(needs or {})):
        heading = other_heading if need == OTHER else localize(needs[need], lang)
        parts.append(f"{'#' * level} {_escape(str(heading))}\n")
        for guide in entries:
            line = f"- **[{_escape(guide.title)}]({guide.path})**"
            if guide.description:
                line += f" – {_escape(guide.description)}"
            parts.append(line)
        parts.append("")
    return "\n".join(parts)

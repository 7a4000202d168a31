"""What a command changed and what to do next, printed the same way by every command
that writes an author's files (`guidekit new`, `status --mark-synced`, `addresses --update`).

The author has to put exactly these files into the change for review (AUTHORING.md,
"Julkaisu"), so the list names every file the command wrote and no other.
"""

from __future__ import annotations

WORDS = {
    "fi": {
        "changed": "Muutetut tiedostot ({count}):",
        "created": "uusi",
        "none": "Tiedostoja ei muutettu.",
        "next": "Seuraavaksi:",
        "publish": (
            "Lisää muutetut tiedostot muutokseesi: git add {files} "
            "(ohje: AUTHORING.md, kohta Julkaisu)."
        ),
    },
    "en": {
        "changed": "Changed files ({count}):",
        "created": "new",
        "none": "No files changed.",
        "next": "Next:",
        "publish": (
            "Add the changed files to your change: git add {files} "
            "(see AUTHORING.md, section Julkaisu)."
        ),
    },
}
CHANGED_PREFIX = "  "


def publish_step(files: list[str], lang: str = "fi") -> str:
    """The step that puts these files into the change for review."""
    return WORDS[lang]["publish"].format(files=" ".join(files))


def report(changed: list[str], steps: list[str], lang: str = "fi", created: set[str] | frozenset = frozenset()) -> str:
    """The changed files (repository paths, new ones marked), then the numbered next steps."""
    words = WORDS[lang]
    if changed:
        lines = [words["changed"].format(count=len(changed))]
        lines += [
            f"{CHANGED_PREFIX}{path} ({words['created']})" if path in created else f"{CHANGED_PREFIX}{path}"
            for path in changed
        ]
    else:
        lines = [words["none"]]
    if steps:
        lines += ["", words["next"]] + [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]
    return "\n".join(lines)

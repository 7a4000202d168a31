"""guidekit status [--format text|json] [--messages fi|en] [--mark-synced PATH …]

Every page × language: ok, missing or outdated (plus orphan: a translation whose
Finnish page is gone), and the guides whose review is overdue or falls due soon.
--mark-synced records that a translation now matches its Finnish source.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from guidekit.changes import publish_step, report
from guidekit.config import ConfigError, load_config
from guidekit.facts import format_date
from guidekit.frontmatter import DUE_SOON, OVERDUE
from guidekit.translations import (
    MISSING,
    ORPHAN,
    OUTDATED,
    TRANSLATION_LANGUAGES,
    PageStatus,
    SyncError,
    collect_status,
    mark_synced,
    translation_targets,
)

REVIEW_RULE = "FM201"

WORDS = {
    "fi": {
        "states": {"ok": "ok", MISSING: "puuttuu", OUTDATED: "vanhentunut", ORPHAN: "ei lähdettä"},
        "page": "sivu",
        "translations": "Käännökset (lähde: docs/fi/)",
        "totals": "Yhteensä: {ok} ok, {outdated} vanhentunutta, {missing} puuttuu",
        "orphans": "Käännös ilman suomenkielistä sivua (poista tai nimeä uudelleen): {path}",
        "reviews": "Tarkistukset (väli {months} kk, muistutus {days} päivää ennen)",
        "overdue": "  Myöhässä: {path}: tarkistettu {reviewed}, piti tarkistaa viimeistään {due}",
        "due_soon": "  Pian: {path}: tarkistettu {reviewed}, tarkista viimeistään {due}",
        "no_review": "  Tarkistuspäivä puuttuu: {path}",
        "reviews_ok": "  Kaikki tarkistukset ovat ajallaan.",
        "hint_outdated": (
            "Vanhentunut käännös: katso muutokset (git log -p docs/fi/SIVU), päivitä käännös ja aja "
            "guidekit status --mark-synced docs/KIELI/SIVU"
        ),
        "hint_missing": "Puuttuva käännös: lukija näkee suomenkielisen sivun ja ilmoituksen siitä.",
        "synced": "{path}: merkitty ajan tasalle ({field}: \"{value}\")",
        "already": "{path}: oli jo ajan tasalla",
        "next_synced": "Tarkista tila: guidekit status",
        "date": "fi",
    },
    "en": {
        "states": {"ok": "ok", MISSING: "missing", OUTDATED: "outdated", ORPHAN: "orphan"},
        "page": "page",
        "translations": "Translations (source: docs/fi/)",
        "totals": "Total: {ok} ok, {outdated} outdated, {missing} missing",
        "orphans": "Translation without a Finnish page (delete or rename it): {path}",
        "reviews": "Reviews (every {months} months, reminder {days} days before)",
        "overdue": "  Overdue: {path}: reviewed {reviewed}, was due by {due}",
        "due_soon": "  Due soon: {path}: reviewed {reviewed}, due by {due}",
        "no_review": "  No review date: {path}",
        "reviews_ok": "  Every review is on time.",
        "hint_outdated": (
            "Outdated translation: see the changes (git log -p docs/fi/PAGE), update the translation, "
            "then run guidekit status --mark-synced docs/LANG/PAGE"
        ),
        "hint_missing": "Missing translation: readers see the Finnish page with a notice.",
        "synced": "{path}: marked up to date ({field}: \"{value}\")",
        "already": "{path}: already up to date",
        "next_synced": "Check the status: guidekit status",
        "date": "en",
    },
}


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--messages", choices=("fi", "en"), default="fi", help="tulosteen kieli")
    parser.add_argument(
        "--mark-synced",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="merkitse käännös ajan tasalle: tiedosto, kansio tai kieli (sv, en, selko)",
    )


def run(args) -> int:
    try:
        config = load_config()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    docs = config.root / "docs"
    words = WORDS[args.messages]
    if args.mark_synced:
        return _mark(args.mark_synced, docs, config.root, words, args.messages)
    review = config.rule(REVIEW_RULE)
    months, days = int(review["months"]), int(review["due_soon_days"])
    rows = collect_status(docs, dt.date.today(), months, days)
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    else:
        print(format_text(rows, words, months, days))
    return 0


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _mark(targets: list[Path], docs: Path, root: Path, words: dict, lang: str) -> int:
    failed = False
    changed: list[str] = []
    for target in targets:
        for path in translation_targets(target, docs):
            shown = _relative(path, root)
            try:
                result = mark_synced(path, docs)
            except SyncError as error:
                print(f"{shown}: {error}", file=sys.stderr)
                failed = True
                continue
            template = words["synced"] if result.changed else words["already"]
            print(template.format(path=shown, field="source_hash", value=result.value))
            if result.changed:
                changed.append(shown)
    steps = [publish_step(changed, lang)] if changed else []
    print("\n" + report(changed, steps + [words["next_synced"]], lang))
    return 1 if failed else 0


def format_text(rows: list[PageStatus], words: dict, months: int, days: int) -> str:
    states = words["states"]
    by_page: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.state != ORPHAN:
            by_page.setdefault(row.page, {})[row.lang] = states[row.state]
    width = max([len(words["page"])] + [len(page) for page in by_page]) + 2
    column = max(len(word) for word in states.values()) + 2
    lines = [words["translations"], ""]
    lines.append((words["page"].ljust(width) + "".join(lang.ljust(column) for lang in TRANSLATION_LANGUAGES)).rstrip())
    for page, langs in by_page.items():
        lines.append(page.ljust(width) + "".join(langs.get(lang, "").ljust(column) for lang in TRANSLATION_LANGUAGES).rstrip())
    translations = [row for row in rows if not row.source]
    lines.append("")
    lines.append(
        words["totals"].format(
            ok=sum(r.state == "ok" for r in translations),
            outdated=sum(r.state == OUTDATED for r in translations),
            missing=sum(r.state == MISSING for r in translations),
        )
    )
    lines.extend(words["orphans"].format(path=r.path) for r in rows if r.state == ORPHAN)
    lines += ["", words["reviews"].format(months=months, days=days)]
    review_lines = []
    for row in rows:
        if row.state in (MISSING, ORPHAN):
            continue
        if row.review_state in (OVERDUE, DUE_SOON):
            key = "overdue" if row.review_state == OVERDUE else "due_soon"
            review_lines.append(
                words[key].format(
                    path=row.path,
                    reviewed=format_date(dt.date.fromisoformat(row.reviewed), words["date"]),
                    due=format_date(dt.date.fromisoformat(row.review_due), words["date"]),
                )
            )
        elif row.guide and row.reviewed is None:
            review_lines.append(words["no_review"].format(path=row.path))
    lines += review_lines or [words["reviews_ok"]]
    if any(r.state == OUTDATED for r in rows):
        lines += ["", words["hint_outdated"]]
    if any(r.state == MISSING for r in rows):
        lines.append(words["hint_missing"])
    return "\n".join(lines)

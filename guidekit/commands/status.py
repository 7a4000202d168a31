"""guidekit status [PATH …] [--format text|json] [--messages fi|en] [--mark-synced PATH …]

Every page × language: up to date, not translated, never marked up to date, or outdated
(plus orphan: a translation whose Finnish page is gone), and the guides whose review is
overdue or falls due soon. With PATH (a page, folder or language): those translations
one by one, and for an outdated one the Finnish sentences changed since it was synced.
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
from guidekit.sentences import split_settings
from guidekit.translations import (
    BROKEN,
    MISSING,
    NEVER_SYNCED,
    ORPHAN,
    OUTDATED,
    SOURCE_LANGUAGE,
    TRANSLATION_LANGUAGES,
    PageStatus,
    SyncError,
    collect_status,
    mark_synced,
    source_changes,
    split_path,
    translation_targets,
)

REVIEW_RULE = "FM201"

WORDS = {
    "fi": {
        "states": {
            "ok": "ajan tasalla", MISSING: "ei käännetty", NEVER_SYNCED: "ei merkitty ajan tasalle",
            OUTDATED: "vanhentunut", ORPHAN: "ei lähdettä",
        },
        "page": "sivu",
        "translations": "Käännökset (lähde: docs/fi/)",
        "totals": (
            "Yhteensä: {ok} ajan tasalla, {never} ei merkitty ajan tasalle, {outdated} vanhentunut, "
            "{missing} ei käännetty"
        ),
        "orphans": "Käännös ilman suomenkielistä sivua (poista tai nimeä uudelleen): {path}",
        "reviews": "Tarkistukset (väli {months} kk, muistutus {days} päivää ennen)",
        "overdue": "  Myöhässä: {path}: tarkistettu {reviewed}, piti tarkistaa viimeistään {due}",
        "due_soon": "  Pian: {path}: tarkistettu {reviewed}, tarkista viimeistään {due}",
        "no_review": "  Tarkistuspäivä puuttuu: {path}",
        "reviews_ok": "  Kaikki tarkistukset ovat ajallaan.",
        "hint_outdated": (
            "Vanhentunut: guidekit status docs/KIELI/SIVU näyttää, mitä suomenkielisessä tekstissä on "
            "muuttunut. Päivitä käännös ja aja guidekit status --mark-synced docs/KIELI/SIVU"
        ),
        "hint_never": (
            "Ei merkitty ajan tasalle: vertaa käännöstä suomenkieliseen sivuun. Kun se vastaa sitä, aja "
            "guidekit status --mark-synced docs/KIELI/SIVU"
        ),
        "hint_missing": "Ei käännetty: lukija näkee suomenkielisen sivun ja ilmoituksen siitä.",
        "page_state": "{path}: {state}",
        "page_source": "  Lähde: {source}",
        "page_ok": "  Käännös vastaa suomenkielistä sivua.",
        "page_missing": "  Käännöstä ei ole. Lukija näkee suomenkielisen sivun. Tee käännös tähän tiedostoon.",
        "page_never": (
            "  Käännöstä ei ole vielä merkitty ajan tasalle. Vertaa sitä lähteeseen. Kun se vastaa "
            "lähdettä, aja guidekit status --mark-synced {path}"
        ),
        "page_changed": "  Suomenkielisessä tekstissä muuttunut merkitsemisen jälkeen (- poistettu, + lisätty):",
        "page_same": "  Lauseet ovat ennallaan: vain kappalejako tai rivitys on muuttunut.",
        "page_unknown": (
            "  Suomenkielistä tekstiä merkitsemisen hetkeltä ei ole tallessa ({store}), joten muutoksia ei "
            "voi näyttää. Vertaa käännöstä koko lähteeseen."
        ),
        "page_then": "  Kun käännös on päivitetty: guidekit status --mark-synced {path}",
        "page_broken": "  Sivun alun tiedot ovat rikki: korjaa ne ensin (guidekit lint {path}).",
        "page_orphan": "  Suomenkielistä sivua {source} ei ole: poista käännös tai nimeä se uudelleen.",
        "no_pages": "{target}: ei käännöksiä (anna sivu kansiossa docs/, kansio tai kieli sv, en, selko)",
        "synced": "{path}: merkitty ajan tasalle ({field}: \"{value}\")",
        "already": "{path}: oli jo ajan tasalla",
        "next_synced": "Tarkista tila: guidekit status",
        "date": "fi",
    },
    "en": {
        "states": {
            "ok": "up to date", MISSING: "not translated", NEVER_SYNCED: "never synced",
            OUTDATED: "outdated", ORPHAN: "orphan",
        },
        "page": "page",
        "translations": "Translations (source: docs/fi/)",
        "totals": "Total: {ok} up to date, {never} never synced, {outdated} outdated, {missing} not translated",
        "orphans": "Translation without a Finnish page (delete or rename it): {path}",
        "reviews": "Reviews (every {months} months, reminder {days} days before)",
        "overdue": "  Overdue: {path}: reviewed {reviewed}, was due by {due}",
        "due_soon": "  Due soon: {path}: reviewed {reviewed}, due by {due}",
        "no_review": "  No review date: {path}",
        "reviews_ok": "  Every review is on time.",
        "hint_outdated": (
            "Outdated: guidekit status docs/LANG/PAGE shows what changed in the Finnish text. Update the "
            "translation, then run guidekit status --mark-synced docs/LANG/PAGE"
        ),
        "hint_never": (
            "Never synced: compare the translation with the Finnish page. Once it matches, run "
            "guidekit status --mark-synced docs/LANG/PAGE"
        ),
        "hint_missing": "Not translated: readers see the Finnish page with a notice.",
        "page_state": "{path}: {state}",
        "page_source": "  Source: {source}",
        "page_ok": "  The translation matches the Finnish page.",
        "page_missing": "  There is no translation. Readers see the Finnish page. Write the translation in this file.",
        "page_never": (
            "  The translation has never been marked up to date. Compare it with the source. Once it "
            "matches, run guidekit status --mark-synced {path}"
        ),
        "page_changed": "  Changed in the Finnish text since the sync (- removed, + added):",
        "page_same": "  The sentences are the same: only paragraphs or line breaks changed.",
        "page_unknown": (
            "  The Finnish text at the time of the sync is not stored ({store}), so the changes cannot be "
            "shown. Compare the translation with the whole source."
        ),
        "page_then": "  Once the translation is updated: guidekit status --mark-synced {path}",
        "page_broken": "  The front matter is broken: fix it first (guidekit lint {path}).",
        "page_orphan": "  The Finnish page {source} does not exist: delete or rename the translation.",
        "no_pages": "{target}: no translations (give a page inside docs/, a folder or a language sv, en, selko)",
        "synced": "{path}: marked up to date ({field}: \"{value}\")",
        "already": "{path}: already up to date",
        "next_synced": "Check the status: guidekit status",
        "date": "en",
    },
}


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="näytä nämä käännökset yksitellen: sivu, kansio tai kieli; vanhentuneesta muuttuneet lauseet",
    )
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
    settings = split_settings(config.data, SOURCE_LANGUAGE)
    if args.mark_synced:
        return _mark(args.mark_synced, docs, config.root, words, args.messages, settings)
    review = config.rule(REVIEW_RULE)
    months, days = int(review["months"]), int(review["due_soon_days"])
    rows = collect_status(docs, dt.date.today(), months, days)
    if args.paths:
        return _pages(args.paths, rows, docs, config.root, words, args.format, settings)
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


def _mark(targets: list[Path], docs: Path, root: Path, words: dict, lang: str, settings) -> int:
    failed = False
    changed: list[str] = []
    for target in targets:
        for path in translation_targets(target, docs):
            shown = _relative(path, root)
            try:
                result = mark_synced(path, docs, settings)
            except SyncError as error:
                print(f"{shown}: {error}", file=sys.stderr)
                failed = True
                continue
            template = words["synced"] if result.changed else words["already"]
            print(template.format(path=shown, field="source_hash", value=result.value))
            if result.changed:
                changed.append(shown)
            if result.store is not None and _relative(result.store, root) not in changed:
                changed.append(_relative(result.store, root))
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
            never=sum(r.state == NEVER_SYNCED for r in translations),
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
    hints = [words[f"hint_{key}"] for key, state in (("outdated", OUTDATED), ("never", NEVER_SYNCED), ("missing", MISSING))
             if any(r.state == state for r in rows)]
    if hints:
        lines += ["", *hints]
    return "\n".join(lines)


def requested_pages(targets: list[Path], docs: Path) -> tuple[list[tuple[str, str]], list[Path]]:
    """(lang, page) of every translation named by the targets (a Finnish page names its
    translations), and the targets that name none."""
    found: list[tuple[str, str]] = []
    empty: list[Path] = []
    for target in targets:
        pairs = []
        for path in translation_targets(target, docs):
            try:
                lang, page = split_path(path.resolve(), docs.resolve())
            except SyncError:
                continue
            if lang == SOURCE_LANGUAGE:
                pairs += [(code, page.as_posix()) for code in TRANSLATION_LANGUAGES]
            elif lang in TRANSLATION_LANGUAGES:
                pairs.append((lang, page.as_posix()))
        found += [pair for pair in pairs if pair not in found]
        if not pairs:
            empty.append(target)
    return found, empty


def _pages(targets: list[Path], rows: list[PageStatus], docs: Path, root: Path, words: dict,
           output: str, settings) -> int:
    wanted, empty = requested_pages(targets, docs)
    for target in empty:
        print(words["no_pages"].format(target=target), file=sys.stderr)
    by_key = {(row.lang, row.page): row for row in rows}
    reports = []
    for lang, page in wanted:
        row = by_key.get((lang, page))
        if row is None:  # a file named by path that is not a page (no .md), or outside the tree
            continue
        changes = None
        if row.state == OUTDATED and row.reason != BROKEN:
            changes = source_changes(docs / lang / page, docs, settings)
        reports.append((row, changes))
    if output == "json":
        print(json.dumps([
            {**row.as_dict(),
             "source_path": f"docs/{SOURCE_LANGUAGE}/{row.page}",
             "changes_known": None if changes is None else changes.known,
             "changes": None if changes is None else list(changes.lines)}
            for row, changes in reports
        ], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(format_page(row, changes, words, root) for row, changes in reports))
    return 2 if empty else 0


def format_page(row: PageStatus, changes, words: dict, root: Path) -> str:
    """One translation: its state, and what to do; for an outdated one, what changed in Finnish."""
    source = f"docs/{SOURCE_LANGUAGE}/{row.page}"
    lines = [words["page_state"].format(path=row.path, state=words["states"][row.state])]
    if row.state == ORPHAN:
        return "\n".join(lines + [words["page_orphan"].format(source=source)])
    lines.append(words["page_source"].format(source=source))
    if row.state == "ok":
        lines.append(words["page_ok"])
    elif row.state == MISSING:
        lines.append(words["page_missing"])
    elif row.state == NEVER_SYNCED:
        lines.append(words["page_never"].format(path=row.path))
    elif row.reason == BROKEN:
        lines.append(words["page_broken"].format(path=row.path))
    else:
        if changes is None or not changes.known:
            store = _relative(changes.store, root) if changes is not None else "-"
            lines.append(words["page_unknown"].format(store=store))
        elif changes.lines:
            lines.append(words["page_changed"])
            lines += [f"    {line}" for line in changes.lines]
        else:
            lines.append(words["page_same"])
        lines.append(words["page_then"].format(path=row.path))
    return "\n".join(lines)

"""Local help: help points and the digital support tour by municipality, and the tour as a calendar.

Pure functions over data/county.yml. The help finder is HTML written into the help page
through the `{{ help_finder }}` placeholder: a jump list and one section per municipality,
readable without JavaScript; help-finder.js adds a filter on top. Every value from the
data file is escaped here, and only https:, mailto: and tel: addresses become links.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from html import escape
from zoneinfo import ZoneInfo

import guidekit.facts
from guidekit.facts import coming_items, format_date, localize, today

TIMEZONE = ZoneInfo("Europe/Helsinki")
# "10–13", "9.30-11", "12:15–14": the tour's time field; an en dash or a hyphen.
TIME_RANGE = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*[–-]\s*(\d{1,2})(?:[.:](\d{2}))?\s*$")
SAFE_SCHEMES = ("https:", "mailto:", "tel:")
# The tour's feed, written beside each language's help page.
CALENDAR_FILE = "digituki.ics"


@dataclass(frozen=True)
class HelpPoint:
    municipality: str
    name: str
    kind: str
    address: str
    hours: str
    helps_with: tuple[str, ...]
    date: dt.date | None = None  # a tour stop's day; None for a place that is always there


def anchor(name: str) -> str:
    """apu-jarvikyla for Järvikylä: ASCII, stable across the site's languages."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "apu-" + (re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "kunta")


def upcoming_stops(facts: dict, on: dt.date) -> list[dict]:
    """Tour stops on or after the given day, in date order; past stops are left out."""
    items = (facts.get("digital_support_tour") or {}).get("items") or []
    return [item for item in coming_items(items, on) if isinstance(item.get("date"), dt.date)]


def help_points(facts: dict, lang: str, on: dt.date) -> list[HelpPoint]:
    """Service points, other help points and the coming tour stops, in the page's language."""
    finder = facts.get("help_points") or {}
    services = facts.get("services") or {}

    def point(item: dict, kind: str, date: dt.date | None = None, hours: str = "") -> HelpPoint:
        helps = tuple(str(localize(services.get(s, s), lang)) for s in item.get("helps_with") or ())
        return HelpPoint(
            municipality=str(localize(item.get("municipality", ""), lang)),
            name=str(localize(item.get("name") or item.get("place", ""), lang)),
            kind=kind,
            address=str(item.get("address", "")),
            hours=hours or str(localize(item.get("hours", ""), lang)),
            helps_with=helps,
            date=date,
        )

    found = [point(item, "service_point") for item in (facts.get("service_points") or {}).get("items") or []]
    found += [point(item, str(item.get("kind", ""))) for item in finder.get("items") or []]
    tour_helps = (facts.get("digital_support_tour") or {}).get("helps_with") or ()
    for stop in upcoming_stops(facts, on):
        when = f"{format_date(stop['date'], lang, weekday=True)}, {stop.get('time', '')}".rstrip(", ")
        found.append(point({**stop, "helps_with": stop.get("helps_with", tour_helps)}, "tour", stop["date"], when))
    return found


def by_municipality(points: list[HelpPoint]) -> dict[str, list[HelpPoint]]:
    """Municipalities in alphabetical order; in each, the places first, then the tour by date."""
    groups: dict[str, list[HelpPoint]] = {}
    for point in points:
        groups.setdefault(point.municipality, []).append(point)
    order = sorted(groups, key=lambda name: name.casefold())
    return {
        name: sorted(groups[name], key=lambda p: (p.date is not None, p.date or dt.date.min, p.name))
        for name in order
    }


def _label(labels: dict, key: str, lang: str) -> str:
    return str(localize(labels.get(key, ""), lang))


def help_finder_html(facts: dict, lang: str, on: dt.date | None = None) -> str:
    """The help finder as one HTML block: a jump list, then a section per municipality."""
    on = on or today()
    finder = facts.get("help_points") or {}
    labels = finder.get("labels") or {}
    kinds = finder.get("kinds") or {}
    groups = by_municipality(help_points(facts, lang, on))
    if not groups:
        return ""
    e = lambda value: escape(str(value), quote=True)  # noqa: E731 - one short name for many uses
    lines = [
        f'<div class="gk-finder" data-gk-finder data-label-choose="{e(_label(labels, "choose", lang))}"'
        f' data-label-all="{e(_label(labels, "all", lang))}"'
        f' data-label-showing="{e(_label(labels, "showing", lang))}">',
        f'<nav class="gk-finder__jump" aria-label="{e(_label(labels, "municipalities", lang))}">',
        "<ul>",
    ]
    lines += [f'<li><a href="#{anchor(name)}">{e(name)}</a></li>' for name in groups]
    lines += ["</ul>", "</nav>"]
    for name, points in groups.items():
        section = anchor(name)
        lines.append(f'<section class="gk-finder__place" id="{section}" aria-labelledby="{section}-otsikko"'
                     f' data-municipality="{e(name)}">')
        lines.append(f'<h3 id="{section}-otsikko">{e(name)}</h3>')
        lines.append("<ul>")
        for point in points:
            kind = _label(kinds, point.kind, lang) if point.kind in kinds else point.kind
            parts = [f"<strong>{e(point.name)}</strong> ({e(kind)})"]
            if point.address:
                parts.append(e(point.address))
            if point.hours:
                word = _label(labels, "when" if point.date else "open", lang)
                parts.append(f"{e(word)}: {e(point.hours)}")
            if point.helps_with:
                parts.append(f"{e(_label(labels, 'helps_with', lang))}: {e(', '.join(point.helps_with))}")
            lines.append("<li>" + "<br>".join(parts) + "</li>")
        lines.append("</ul>")
        lines.append("</section>")
    lines.append("</div>")
    return "\n".join(lines)


def safe_link(url: str) -> str | None:
    return url if isinstance(url, str) and url.lower().startswith(SAFE_SCHEMES) else None


def resident_panel(facts: dict, lang: str) -> dict | None:
    """The resident panel's texts and address in the page's language; None when none is configured."""
    panel = facts.get("resident_panel") or {}
    url = safe_link(panel.get("url", ""))
    if not url:
        return None
    return {
        "url": url,
        "title": str(localize(panel.get("title", ""), lang)),
        "invitation": str(localize(panel.get("invitation", ""), lang)),
        "link_text": str(localize(panel.get("link_text", ""), lang)),
        "under_guides": bool(panel.get("under_guides")),
    }


def panel_invitation_markdown(facts: dict, lang: str) -> str:
    """The feedback page's section inviting to the resident panel; empty when none is configured."""
    panel = resident_panel(facts, lang)
    if panel is None:
        return ""
    # HTML, so that no value from data is read as Markdown or markup.
    return (
        f"<h2 id=\"digiraati\">{escape(panel['title'])}</h2>\n"
        f"<p>{escape(panel['invitation'])} <a href=\"{escape(panel['url'])}\">{escape(panel['link_text'])}</a></p>"
    )


def _times(stop: dict) -> tuple[dt.datetime, dt.datetime] | dt.date:
    """A tour stop's start and end in Helsinki time; the whole day when no time is given."""
    match = TIME_RANGE.match(str(stop.get("time", "")))
    day = stop["date"]
    if not match:
        return day
    h1, m1, h2, m2 = match.groups()
    start = dt.datetime.combine(day, dt.time(int(h1), int(m1 or 0)), TIMEZONE)
    end = dt.datetime.combine(day, dt.time(int(h2), int(m2 or 0)), TIMEZONE)
    return start, end


CALENDAR_KIND = "tour-calendar"


def cached_tour_calendar(facts: dict, lang: str, site_host: str, cache, on: dt.date | None = None) -> bytes:
    """tour_calendar, kept in the build cache (guidekit/buildcache.py) under the tour's data,
    the language, the host and the day: a rebuild on the same day neither imports icalendar
    nor makes the feed again (≈ 0.05 s). A new day or stop is a new key."""
    if cache is None or not cache.enabled:
        return tour_calendar(facts, lang, site_host, on)
    from guidekit import buildcache  # not at the top: it would load the checks' modules

    on = on or today()
    tour = json.dumps(facts.get("digital_support_tour") or {}, sort_keys=True, default=repr)
    key = buildcache.key_of(buildcache.code_version(__file__, "icalendar"),
                            buildcache.code_version(guidekit.facts.__file__), tour, lang, site_host, on.isoformat())
    return cache.payload_or_make(CALENDAR_KIND, key, lambda: tour_calendar(facts, lang, site_host, on),
                                 accept=lambda feed: feed.startswith(b"BEGIN:VCALENDAR"))


def tour_calendar(facts: dict, lang: str, site_host: str, on: dt.date | None = None) -> bytes:
    """The coming tour stops as an iCalendar feed (RFC 5545) a library or NGO can subscribe to."""
    # Imported here: only the build writes the feed, and icalendar's import is a tenth of a
    # second that every `guidekit lint` of a page showing the help finder would pay.
    from icalendar import Calendar, Event

    on = on or today()
    tour = facts.get("digital_support_tour") or {}
    calendar = Calendar()
    calendar.add("prodid", "-//Asioi digitaalisesti//guidekit//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    summary = str(localize(tour.get("calendar_name", "Digitukikiertue"), lang))
    calendar.add("x-wr-calname", summary)
    stamp = dt.datetime.combine(on, dt.time(0, 0), dt.timezone.utc)
    for stop in upcoming_stops(facts, on):
        place = str(localize(stop.get("place", ""), lang))
        event = Event()
        # The same stop has the same UID in every language's feed: named by its Finnish place.
        uid_place = anchor(str(localize(stop.get("place", ""), "fi")))[len("apu-"):]
        event.add("uid", f"{stop['date'].isoformat()}-{uid_place}@{site_host}")
        event.add("dtstamp", stamp)
        when = _times(stop)
        if isinstance(when, tuple):
            event.add("dtstart", when[0])
            event.add("dtend", when[1])
        else:
            event.add("dtstart", when)
        event.add("summary", f"{summary}: {place}")
        event.add("location", ", ".join(x for x in (place, str(stop.get("address", ""))) if x))
        calendar.add_component(event)
    # The time zone rules only for the years the feed covers, not since 1970.
    calendar.add_missing_timezones(first_date=on, last_date=on.replace(year=on.year + 3))
    return calendar.to_ical()

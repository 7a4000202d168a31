"""What the page template needs beyond MkDocs' own context: built from plain data."""

from __future__ import annotations

from urllib.parse import quote

from guidekit.document import as_date
from guidekit.facts import format_date, localize
from guidekit.htmlsafe import escape_strings, plain_text, safe_href


DEFAULT_CHANNELS = ("customer_service", "chat")


def help_channel_ids(facts: dict, service) -> list[str]:
    """The channels that help with a guide's service (data/county.yml `help_channels`), most
    helpful first; a service not listed there gets the `default` list."""
    routes = facts.get("help_channels") or {}
    chosen = routes.get(service) if isinstance(service, str) else None
    if not chosen:
        chosen = routes.get("default") or list(DEFAULT_CHANNELS)
    return [channel for channel in chosen if isinstance(facts.get(channel), dict)]


def help_box(facts: dict, ui: dict, lang: str, service=None) -> list[dict]:
    """The "Saat apua" box: one line per channel that helps with this service. A channel is
    a data entry with a phone (phone, phone_link) or an address (url), and its hours.

    Values escaped; `href` is None when the data's address is not https:/mailto:/tel:
    (the template then prints the address as text, not as a link)."""
    lines = []
    for channel in help_channel_ids(facts, service):
        data = facts[channel]
        if data.get("url"):
            href, shown = safe_href(str(data["url"])), str(data["url"])
        elif data.get("phone_link"):
            href = safe_href("tel:" + quote(str(data["phone_link"]), safe="+"))
            shown = str(data.get("phone", data["phone_link"]))
        else:
            continue
        hours = data.get("hours")
        lines.append(escape_strings({
            "channel": channel,
            "label": ui.get(f"help_{channel}") or channel,
            "href": href,
            "text": shown,
            "hours": localize(hours, lang) if hours else None,
        }))
    return lines


def paper_help(facts: dict, lang: str) -> dict:
    """What only a printed guide shows, where no link can be followed: the digital-support
    phone and the service points' addresses and hours. Values escaped."""
    support = facts.get("digital_support") or {}
    points = (facts.get("service_points") or {}).get("items") or []
    return escape_strings({
        "support_phone": str(support["phone"]) if support.get("phone") else None,
        "support_phone_href": safe_href("tel:" + quote(str(support["phone_link"]), safe="+"))
        if support.get("phone_link") else None,
        "support_hours": localize(support["hours"], lang) if support.get("hours") else None,
        "service_points": [
            {"name": localize(point["name"], lang), "address": str(point["address"]),
             "hours": localize(point["hours"], lang) if point.get("hours") else None}
            for point in points
        ],
    })

def feedback_link(facts: dict, page_title, page_address: str) -> str | None:
    """The form when one is configured with a safe address, otherwise an email with the
    page named in the subject; None when neither can be a safe link."""
    feedback = facts["feedback"]
    form = safe_href(feedback.get("form_url"))
    if form:
        return f"{form}?sivu={quote(page_address, safe='')}"
    if not feedback.get("email"):
        return None
    subject = quote(f"Palaute: {plain_text(page_title)}")
    body = quote(page_address)
    return safe_href(f"mailto:{quote(str(feedback['email']), safe='@.+')}?subject={subject}&body={body}")


def reviewed_text(meta: dict, lang: str) -> str | None:
    value = as_date(meta.get("reviewed"))
    return format_date(value, lang) if value else None

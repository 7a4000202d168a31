"""What the page template needs beyond MkDocs' own context: built from plain data."""

from __future__ import annotations

from urllib.parse import quote

from guidekit.document import as_date
from guidekit.facts import format_date, localize


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
    a data entry with a phone (phone, phone_link) or an address (url), and its hours."""
    lines = []
    for channel in help_channel_ids(facts, service):
        data = facts[channel]
        if data.get("url"):
            href, shown = data["url"], data["url"]
        elif data.get("phone_link"):
            href, shown = "tel:" + str(data["phone_link"]), str(data.get("phone", data["phone_link"]))
        else:
            continue
        hours = data.get("hours")
        lines.append({
            "channel": channel,
            "label": ui.get(f"help_{channel}") or channel,
            "href": href,
            "text": shown,
            "hours": localize(hours, lang) if hours else None,
        })
    return lines


def feedback_link(facts: dict, page_title: str, page_address: str) -> str:
    """The form when one is configured, otherwise an email with the page named in the subject."""
    feedback = facts["feedback"]
    if feedback.get("form_url"):
        return f"{feedback['form_url']}?sivu={quote(page_address, safe='')}"
    subject = quote(f"Palaute: {page_title}")
    body = quote(page_address)
    return f"mailto:{feedback['email']}?subject={subject}&body={body}"


def reviewed_text(meta: dict, lang: str) -> str | None:
    value = as_date(meta.get("reviewed"))
    return format_date(value, lang) if value else None

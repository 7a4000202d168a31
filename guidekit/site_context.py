"""What the page template needs beyond MkDocs' own context: built from plain data."""

from __future__ import annotations

from urllib.parse import quote

from guidekit.document import as_date
from guidekit.facts import format_date, localize
from guidekit.htmlsafe import escape_strings, plain_text, safe_href


def help_box(facts: dict, lang: str) -> dict:
    """The "Saat apua" box: every channel from the data file, in the page's language.

    Values escaped; `*_href` is None when the data's address is not https:/mailto:/tel:
    (the template then prints the address as text, not as a link). `paper` is what only a
    printed guide shows, where no link can be followed: the digital-support phone and the
    service points' addresses and hours."""
    phone = facts["customer_service"]
    chat = facts["chat"]
    support = facts.get("digital_support") or {}
    points = (facts.get("service_points") or {}).get("items") or []
    return escape_strings({
        "phone": str(phone["phone"]),
        "phone_href": safe_href("tel:" + quote(str(phone["phone_link"]), safe="+")),
        "phone_hours": localize(phone["hours"], lang),
        "chat_url": str(chat["url"]),
        "chat_href": safe_href(str(chat["url"])),
        "chat_hours": localize(chat["hours"], lang),
        "paper": {
            "support_phone": str(support["phone"]) if support.get("phone") else None,
            "support_phone_href": safe_href("tel:" + quote(str(support["phone_link"]), safe="+"))
            if support.get("phone_link") else None,
            "support_hours": localize(support["hours"], lang) if support.get("hours") else None,
            "service_points": [
                {"name": localize(point["name"], lang), "address": str(point["address"]),
                 "hours": localize(point["hours"], lang) if point.get("hours") else None}
                for point in points
            ],
        },
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

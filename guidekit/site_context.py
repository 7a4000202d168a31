"""What the page template needs beyond MkDocs' own context: built from plain data."""

from __future__ import annotations

from urllib.parse import quote

from guidekit.document import as_date
from guidekit.facts import format_date, localize


def help_box(facts: dict, lang: str) -> dict:
    """The "Saat apua" box: every channel from the data file, in the page's language."""
    phone = facts["customer_service"]
    chat = facts["chat"]
    return {
        "phone": phone["phone"],
        "phone_link": "tel:" + phone["phone_link"],
        "phone_hours": localize(phone["hours"], lang),
        "chat_url": chat["url"],
        "chat_hours": localize(chat["hours"], lang),
    }


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

"""MkDocs glue for the Content-Security-Policy and referrer policy (guidekit/csp.py).

Added last to every page and to the static templates (404.html), after every other hook
and plugin has changed the page: the policy holds the hashes of the page's inline scripts
as they are published."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guidekit.csp import with_policy

_state = {"live_reload": False}


def on_startup(command, dirty):
    # `mkdocs serve` adds its own reload script to every page (see guidekit/csp.py).
    _state["live_reload"] = command == "serve"


@event_priority(-200)  # static-i18n's is -100
def on_post_page(output, page, config):
    return with_policy(output, _state["live_reload"])


@event_priority(-200)
def on_post_template(output_content, template_name, config):
    return with_policy(output_content, _state["live_reload"]) if template_name.endswith(".html") else output_content

"""The preview's findings panel (issue 13) in a real browser: a landmark region named by its
heading, reached with Tab, and axe-clean wide and narrow, with an error and a warning on it."""

from __future__ import annotations

from browser.browser_tools import VIEWPORTS, axe_violations, describe_violations, serve, tab_until
from test_preview_findings import LONG_SENTENCE, build

PAGE = f"""---
title: Esikatselu
description: Sivu, jolla on virhe ja varoitus.
---

# Esikatselu

{LONG_SENTENCE}

Soita, mikäli tarvitset apua.
"""


def test_findings_panel_is_a_reachable_axe_clean_region(tmp_path, new_page):
    from conftest import make_site

    config = make_site(tmp_path / "src", {"fi/index.md": PAGE})
    result = build(config, tmp_path / "site", {"GUIDEKIT_PREVIEW_FINDINGS": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(tmp_path / "site") as url:
        problems = []
        for name, viewport in VIEWPORTS.items():
            tab = new_page(viewport, axe=True)
            tab.goto(url + "/")
            region = tab.get_by_role("region", name="Tarkistuksen havainnot")
            assert region.is_visible(), name
            assert region.locator(".gk-finding--error").count() == 1
            assert region.locator(".gk-finding--warning").count() == 1
            violations = axe_violations(tab)
            if violations:
                problems.append(describe_violations(f"/ ({name})", violations))
            assert tab_until(tab, "#gk-findings"), f"Tab never reaches the findings panel ({name})"
            assert tab.outside_requests == []
        assert not problems, "\n".join(problems)

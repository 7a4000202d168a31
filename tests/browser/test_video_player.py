"""A video in Chromium (hooks/video.py): the player plays the site's own file, the captions
track of the page's language loads its cues, nothing breaks the page's Content-Security-
Policy or leaves the site, axe finds nothing, and on paper the transcript replaces the player.

A small site with one guide page and a one-second video made with ffmpeg, built without
the checks (tests/test_video.py checks the findings); seconds, not a real-site build."""

from __future__ import annotations

import pytest

from browser.browser_tools import DESKTOP, axe_violations, describe_violations, serve
from conftest import make_site, make_video, run_build

PAGE = (
    "---\ntitle: Kirjautuminen\ndescription: Näin kirjaudut.\n---\n\n# Kirjautuminen\n\nKatso video.\n\n"
    "![Näin kirjaudut sovellukseen](assets/video/kirjaudu.webm)\n"
)
CAPTIONS = (
    "WEBVTT\n\n00:00.000 --> 00:00.600\nAvaa sovellus.\n\n00:00.600 --> 00:01.000\nValitse Kirjaudu.\n"
)
# Every Content-Security-Policy violation of the page, as the browser reports it.
CSP_LISTENER = """
window.__gkViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__gkViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def video_site_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("video-player")
    index = "---\ntitle: Etusivu\ndescription: Etusivu.\n---\n\n# Etusivu\n\nTervetuloa.\n"
    config = make_site(folder / "src", {"fi/index.md": index, "fi/video.md": PAGE})
    videos = folder / "src" / "docs" / "fi" / "assets" / "video"
    make_video(videos / "kirjaudu.webm", seconds=1)
    (videos / "kirjaudu.fi.vtt").write_text(CAPTIONS, encoding="utf-8")
    result = run_build(config, folder / "site", {"GUIDEKIT_CHECKS": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(folder / "site") as url:
        yield url


def test_the_video_plays_and_its_captions_track_loads(new_page, video_site_url):
    tab = new_page(DESKTOP, axe=True)
    tab.add_init_script(CSP_LISTENER)
    tab.goto(f"{video_site_url}/video/")
    video = tab.locator("video.gk-video__player")
    assert video.evaluate("v => v.autoplay") is False
    # Muted, as a browser lets a page start a video; the reader starts it with the controls.
    video.evaluate("v => { v.muted = true; return v.play(); }")
    tab.wait_for_function(
        "() => { const v = document.querySelector('video.gk-video__player'); return v.readyState >= 2 && v.currentTime > 0; }",
        timeout=10_000,
    )
    tab.wait_for_function(
        "() => document.querySelector('video.gk-video__player track').readyState === 2", timeout=10_000
    )
    track = video.evaluate(
        """v => { const t = v.querySelector('track');
                  return {mode: t.track.mode, language: t.track.language, kind: t.track.kind,
                          cues: Array.from(t.track.cues || []).map(c => c.text)}; }"""
    )
    assert track == {"mode": "showing", "language": "fi", "kind": "captions",
                     "cues": ["Avaa sovellus.", "Valitse Kirjaudu."]}
    assert video.evaluate("v => v.error") is None
    assert tab.evaluate("window.__gkViolations") == []
    assert tab.outside_requests == []
    violations = axe_violations(tab)
    assert not violations, describe_violations("video page", violations)


def test_the_transcript_opens_and_on_paper_replaces_the_player(new_page, video_site_url):
    tab = new_page(DESKTOP)
    tab.goto(f"{video_site_url}/video/")
    transcript = tab.locator("details.gk-video__transcript")
    assert not transcript.locator("p").first.is_visible()  # closed until the reader opens it
    transcript.locator("summary").click()
    assert transcript.locator("p").all_inner_texts() == ["Avaa sovellus.", "Valitse Kirjaudu."]
    transcript.locator("summary").click()  # closed again: printing must show it all the same
    tab.emulate_media(media="print")
    assert not tab.locator("video.gk-video__player").is_visible()
    assert tab.locator("figcaption.gk-video__name").is_visible()
    assert transcript.locator("p").first.is_visible()
    assert transcript.locator("p").first.bounding_box()["height"] > 0

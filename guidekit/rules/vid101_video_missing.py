"""VID101: the video file does not exist (looked up as the published site would)."""

from pathlib import Path

from guidekit.images import candidate_paths, page_path
from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.video import page_videos

NAMES = ("VID101", "video-missing")
DESCRIPTION = "Videotiedostoa ei löydy"
TAGS = ("video", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "videota ”{src}” ei löydy (etsitty: {tried})",
        "tarkista tiedoston nimi ja polku: videot ovat kansiossa docs/<kieli>/assets/video/, ja polku "
        "kirjoitetaan sivun omasta kansiosta alkaen, esim. ../assets/video/kirjaudu.mp4",
    ),
    "en": (
        "video “{src}” not found (looked in: {tried})",
        "check the file name and path: videos live in docs/<language>/assets/video/, and the path starts "
        "from the page's own folder, e.g. ../assets/video/kirjaudu.mp4",
    ),
}
RATIONALE = (
    "Puuttuva video näkyy lukijalle tyhjänä soittimena, ja ohjeen vaihe jää näyttämättä. Video "
    "haetaan kuten kuvat ja kuten julkaistu sivusto sen hakee: ensin sivun oman kielen kansiosta, "
    "sitten suomenkielisestä, lopuksi docs/-kansion juuresta. Lähteet: mkdocs-static-i18n "
    "(fallback_to_default); WCAG 2.1 -onnistumiskriteeri 1.2.2 (tallenteen tieto ei saa kadota)."
)
EXAMPLES = {
    "good": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)  (tiedosto docs/fi/assets/video/kirjaudu.mp4 on olemassa)",
    "bad": "![Näin kirjaudut sovellukseen](../assets/videot/kirjaudu.mp4)  (kansion nimi väärin)",
}


def check(doc, settings, ctx):
    docs_dir = Path(ctx.root) / "docs"
    for video in page_videos(doc, ctx.root):
        if video.path is None:
            tried = candidate_paths(video.ref.src, page_path(doc, ctx.root), docs_dir, doc.lang)
            yield Report(video.ref.line, {"src": video.ref.src,
                                          "tried": ", ".join(ctx.relative(path) for path in tried) or "–"})

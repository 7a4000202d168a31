"""VID104: a video without its poster image, where guidekit.yml asks for one."""

from pathlib import Path

from guidekit.images import page_path
from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.video import POSTER_SUFFIXES, find_poster, page_videos, stem

NAMES = ("VID104", "video-poster-missing")
DESCRIPTION = "Videolta puuttuu aloituskuva"
TAGS = ("video", "files")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("required", "boolean", False, "vaaditaanko jokaiselle videolle aloituskuva (poster)"),
)
MESSAGES = {
    "fi": (
        "videolla ”{src}” ei ole aloituskuvaa (etsitty: {names})",
        "tallenna videon viereen kuva, joka näyttää videon aiheen, nimellä {stem}.jpg (tai .png, .webp); "
        "sivusto näyttää sen soittimessa ennen kuin video käynnistetään",
    ),
    "en": (
        "video “{src}” has no poster image (looked for: {names})",
        "save an image showing what the video is about next to it as {stem}.jpg (or .png, .webp); the site "
        "shows it in the player before the video is started",
    ),
}
RATIONALE = (
    "Ilman aloituskuvaa soitin näyttää videon ensimmäisen ruudun, joka on usein musta tai "
    "keskeneräinen, ja lukija ei tiedä, kannattaako video käynnistää. Aloituskuva on "
    "valinnainen; sivusto voi vaatia sen asetuksella VID104.required: true tiedostossa "
    "guidekit.yml. Kuva on tavallinen kuva: kuvien tarkistukset koskevat myös sitä. "
    "Lähde: HTML Living Standard, video-elementin poster-määrite."
)
EXAMPLES = {
    "good": "kirjaudu.mp4 ja sen vieressä kirjaudu.jpg",
    "bad": "kirjaudu.mp4 ilman kuvaa (kun VID104.required: true)",
}


def check(doc, settings, ctx):
    if not settings["required"]:
        return
    docs_dir = Path(ctx.root) / "docs"
    for video in page_videos(doc, ctx.root):
        if video.path is None:
            continue  # VID101
        if find_poster(video.ref.src, page_path(doc, ctx.root), docs_dir, doc.lang) is None:
            name = stem(video.ref.src)
            yield Report(video.ref.line, {"src": video.ref.src, "stem": name,
                                          "names": ", ".join(name + suffix for suffix in POSTER_SUFFIXES)})

"""VID102: a video without captions in the page's language."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.video import FALLBACK_KEY, caption_name, page_videos, video_type

NAMES = ("VID102", "video-captions-missing")
DESCRIPTION = "Videolta puuttuu tekstitys sivun kielellä"
TAGS = ("video", "captions", "accessibility")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "videolla ”{src}” ei ole tekstitystä sivun kielellä ({lang}): tiedostoa {name} ei löydy (etsitty: {tried})",
        "tee videon puheesta ja tärkeistä äänistä tekstitys WebVTT-muodossa ja tallenna se videon viereen "
        "nimellä {name} (sama nimi kuin videolla, perässä kielen tunnus ja .vtt); selkosivulla voit näyttää "
        "suomenkielisen tekstityksen, jos se sopii selkolukijalle: kirjoita sivun alkuun rivi "
        f"{FALLBACK_KEY}: fi",
    ),
    "en": (
        "video “{src}” has no captions in the page's language ({lang}): {name} not found (looked in: {tried})",
        "write captions of the video's speech and important sounds in WebVTT and save them next to the video "
        "as {name} (the video's name, then the language code and .vtt); a selko page may show the Finnish "
        f"captions if they suit its readers: add the line {FALLBACK_KEY}: fi to its front matter",
    ),
}
RATIONALE = (
    "Kuuro tai huonokuuloinen lukija ei kuule videon puhetta, eikä moni voi pitää ääntä päällä "
    "(kirjasto, odotushuone). Tekstitys on siksi pakollinen: laki digitaalisten palvelujen "
    "tarjoamisesta (306/2019) edellyttää WCAG 2.1 -onnistumiskriteeriä 1.2.2 Tekstitys "
    "(tallennettu). Tekstitys on sivun kielellä: ruotsinkielisellä sivulla kirjaudu.sv.vtt. "
    "Selkosivu käyttää suomenkielistä tekstitystä (kirjaudu.fi.vtt) vain, kun sivun alussa lukee "
    f"{FALLBACK_KEY}: fi: kirjoittaja on silloin todennut, että tavallinen suomi käy. Lähteet: "
    "WCAG 2.1 SC 1.2.2; W3C WAI, Captions/Subtitles; Pohjois-Savon hyvinvointialueen "
    "digituen malli (katsottavat ohjeet tekstityksellä)."
)
EXAMPLES = {
    "good": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)  (vieressä kirjaudu.fi.vtt)",
    "bad": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)  (ei tiedostoa kirjaudu.fi.vtt)",
}


def check(doc, settings, ctx):
    for video in page_videos(doc, ctx.root):
        if video.captions is None and video_type(video.ref.src) is not None:
            name = caption_name(video.ref.src, doc.lang)
            tried = ", ".join(dict.fromkeys(ctx.relative(path) for path in video.tried_captions)) or "–"
            yield Report(video.ref.line, {"src": video.ref.src, "lang": doc.lang, "name": name, "tried": tried})

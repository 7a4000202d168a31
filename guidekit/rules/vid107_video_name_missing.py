"""VID107: a video without a name (the text in the brackets)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report

NAMES = ("VID107", "video-name-missing")
DESCRIPTION = "Videolta puuttuu nimi"
TAGS = ("video", "accessibility")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "videolta ”{src}” puuttuu nimi",
        "kirjoita hakasulkeisiin, mitä videossa neuvotaan: ![Näin kirjaudut sovellukseen]({src}); "
        "nimi näkyy videon yläpuolella, ja ruudunlukija lukee sen soittimen nimenä",
    ),
    "en": (
        "video “{src}” has no name",
        "write in the brackets what the video shows how to do: ![How to log in to the app]({src}); the name "
        "is shown above the video and a screen reader reads it as the player's name",
    ),
}
RATIONALE = (
    "Soittimella pitää olla nimi, jotta ruudunlukijan käyttäjä tietää, mistä video kertoo, ja "
    "jotta jokainen lukija voi päättää, katsooko sen. Sivusto näyttää nimen videon yläpuolella "
    "(figcaption) ja antaa sen soittimen saavutettavaksi nimeksi. Lähteet: WCAG 2.1 "
    "-onnistumiskriteerit 1.1.1 ja 4.1.2; ACT-sääntö eac66b Video element auditory content has accessible alternative."
)
EXAMPLES = {
    "good": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)",
    "bad": "![](../assets/video/kirjaudu.mp4)",
}


def check(doc, settings, ctx):
    for video in doc.videos:
        if not (video.alt or "").strip():
            yield Report(video.line, {"src": video.src})

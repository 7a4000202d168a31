"""VID106: a video from another site or a video service (YouTube, Vimeo …)."""

from guidekit.images import is_external
from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.video import video_service

NAMES = ("VID106", "video-external")
DESCRIPTION = "Video ladataan sivuston ulkopuolelta"
TAGS = ("video", "files", "privacy")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("services", "list",
            ["youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "dailymotion.com", "dai.ly",
             "tiktok.com", "twitch.tv", "facebook.com", "fb.watch", "instagram.com", "areena.yle.fi",
             "screencast-o-matic.com", "loom.com", "wistia.com", "kaltura.com", "panopto.com", "microsoftstream.com"],
            "videopalvelut: kuvan tavoin kirjoitettu osoite näihin (ja niiden aliosoitteisiin) on aina video"),
)
MESSAGES = {
    "fi": (
        "video ladataan sivuston ulkopuolelta: ”{src}”",
        "tallenna video (.mp4 tai .webm) ja sen tekstitys sivuston kansioon docs/<kieli>/assets/video/ "
        "(tarkista käyttöoikeus) ja viittaa siihen suhteellisella polulla, esim. "
        "![Näin kirjaudut](../assets/video/kirjaudu.mp4); toisen sivuston videoon voi linkittää "
        "tavallisella linkillä: [Katso video palvelussa](…)",
    ),
    "en": (
        "video is loaded from outside the site: “{src}”",
        "save the video (.mp4 or .webm) and its captions in docs/<language>/assets/video/ (check you may use it) "
        "and link it with a relative path, e.g. ![How to log in](../assets/video/kirjaudu.mp4); a video on another "
        "site can be linked with a plain link: [Watch the video on the service](…)",
    ),
}
RATIONALE = (
    "Sivusto ei lataa mitään ulkopuolelta. Videopalvelun soitin kertoo palvelulle jokaisen "
    "lukijan IP-osoitteen, asettaa evästeitä ja seuraa katselua ennen kuin lukija on valinnut "
    "mitään; sen tekstitystä ja saavutettavuutta ei voi tarkistaa, ja video voi kadota tai "
    "vaihtua. Siksi video on sivuston oma tiedosto ja soitin selaimen oma. Tavallinen linkki "
    "toisen sivuston videoon on sallittu: pyyntö lähtee vasta, kun lukija valitsee linkin. "
    "Lähteet: tietosuoja-asetuksen (EU) 2016/679 artikla 5; sivuston periaate: ei upotuksia."
)
EXAMPLES = {
    "good": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)\n"
    "[Katso video YouTubessa](https://www.youtube.com/watch?v=…)",
    "bad": "![Näin kirjaudut sovellukseen](https://www.youtube.com/watch?v=…)\n"
    "![Näin kirjaudut sovellukseen](https://example.com/kirjaudu.mp4)",
}


def check(doc, settings, ctx):
    for video in doc.videos:
        if is_external(video.src):
            yield Report(video.line, {"src": video.src})
    # An address of a video service reads like an image's: it is a video all the same.
    for image in doc.images:
        if video_service(image.src, settings["services"]) is not None:
            yield Report(image.line, {"src": image.src})


def reports(ctx, doc, image) -> bool:
    """Whether this rule reports the image as an outside video (IMG202 then leaves it)."""
    if not ctx.config.enabled(NAMES[0], doc.lang):
        return False
    return video_service(image.src, ctx.config.rule(NAMES[0], doc.lang)["services"]) is not None

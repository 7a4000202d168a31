"""VID105: a video file heavier than the budget for a reader on a phone."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.settings import Setting
from guidekit.video import page_videos

NAMES = ("VID105", "video-file-size")
DESCRIPTION = "Videotiedosto on liian suuri ladattavaksi puhelimella"
TAGS = ("video", "files", "performance")
LANGUAGES = ALL_LANGUAGES
SETTINGS = (
    Setting("max_megabytes", "integer", 20, "videotiedoston enimmäiskoko (Mt, 1 Mt = 1024 kt)", minimum=1),
)
MESSAGES = {
    "fi": (
        "videotiedosto {file} on {size_mb} Mt (raja {limit_mb} Mt)",
        "lyhennä videota (yksi asia videota kohden) tai pakkaa se pienemmäksi, esim. "
        "ffmpeg -i {name} -vf scale=-2:720 -c:v libx264 -crf 28 -c:a aac -b:a 96k -movflags +faststart pienempi.mp4",
    ),
    "en": (
        "video file {file} is {size_mb} MB (limit {limit_mb} MB)",
        "shorten the video (one task per video) or compress it, e.g. "
        "ffmpeg -i {name} -vf scale=-2:720 -c:v libx264 -crf 28 -c:a aac -b:a 96k -movflags +faststart smaller.mp4",
    ),
}
RATIONALE = (
    "Moni lukija katsoo ohjeen puhelimella ja hitaalla tai maksullisella yhteydellä. Sivu lataa "
    "videosta ensin vain sen tiedot (preload=\"metadata\"), mutta katsoja lataa koko tiedoston. "
    "720p-video on puhelimella riittävän tarkka: muutaman minuutin ohjevideo on silloin noin "
    "5–15 Mt. Raja on tiedostossa guidekit.yml (VID105.max_megabytes). Lähteet: web.dev, "
    "Fast playback with audio and video preload; MDN, Web video codec guide."
)
EXAMPLES = {
    "good": "kirjaudu.mp4, 2 minuuttia, 720p, 8 Mt",
    "bad": "kirjaudu.mp4, 2 minuuttia, 4K suoraan puhelimesta, 380 Mt",
}


def check(doc, settings, ctx):
    limit_mb = int(settings["max_megabytes"])
    for video in page_videos(doc, ctx.root):
        if video.path is None:
            continue
        try:
            size = video.path.stat().st_size
        except OSError:
            continue
        if size > limit_mb * 1024 * 1024:
            yield Report(video.ref.line, {"file": ctx.relative(video.path), "name": video.path.name,
                                          "size_mb": round(size / (1024 * 1024), 1), "limit_mb": limit_mb})

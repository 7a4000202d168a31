"""VID108: a video in a format browsers do not all play, or a file that is not what its name says."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.video import container_matches, page_videos, video_type

NAMES = ("VID108", "video-format")
DESCRIPTION = "Video ei ole MP4- tai WebM-muotoa"
TAGS = ("video", "files")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": (
        "video {file} ei ole MP4- tai WebM-tiedosto",
        "muunna video MP4-muotoon, esim. ffmpeg -i {name} -c:v libx264 -c:a aac -movflags +faststart "
        "{stem}.mp4, ja vaihda sivulle uusi nimi; älä vaihda pelkkää tiedostopäätettä",
    ),
    "en": (
        "video {file} is not an MP4 or WebM file",
        "convert the video to MP4, e.g. ffmpeg -i {name} -c:v libx264 -c:a aac -movflags +faststart {stem}.mp4, "
        "and use the new name on the page; do not just rename the file",
    ),
}
RATIONALE = (
    "Kaikki nykyiset selaimet toistavat MP4-videon (H.264) ja WebM-videon; MOV-, AVI- tai "
    "MKV-tiedosto jää monella lukijalla toistumatta. Tarkistus lukee myös tiedoston alun: "
    "uudelleen nimetty .mov-tiedosto ei ole MP4. Lähde: MDN, Media container formats."
)
EXAMPLES = {
    "good": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mp4)",
    "bad": "![Näin kirjaudut sovellukseen](../assets/video/kirjaudu.mov)",
}


def check(doc, settings, ctx):
    for video in page_videos(doc, ctx.root):
        if video.path is None:
            continue
        if video_type(video.ref.src) is None or not container_matches(video.path):
            yield Report(video.ref.line, {"file": ctx.relative(video.path), "name": video.path.name,
                                          "stem": video.path.stem})

"""VID103: a video's captions are not valid WebVTT (reported at the line of the captions file)."""

from guidekit.languages import LANGUAGES as ALL_LANGUAGES
from guidekit.rules import Report
from guidekit.video import page_videos, read_captions

NAMES = ("VID103", "video-captions-invalid")
DESCRIPTION = "Videon tekstitys ei ole kelvollista WebVTT-muotoa"
TAGS = ("video", "captions", "accessibility")
LANGUAGES = ALL_LANGUAGES
MESSAGES = {
    "fi": ("tekstitys {file} (video ”{src}”): {problem}", "{fix}"),
    "en": ("captions {file} (video “{src}”): {problem}", "{fix}"),
}
# What is wrong and how to fix it, per problem guidekit.video.parse_captions names.
PROBLEMS = {
    "fi": {
        "encoding": ("tiedostoa ei voi lukea UTF-8-tekstinä ({detail})",
                     "tallenna tekstitys UTF-8-muodossa (tekstieditorin Tallenna nimellä → koodaus UTF-8)"),
        "too_large": ("tiedosto on liian suuri tekstitykseksi ({detail})",
                      "tarkista, että tiedosto on videon tekstitys; tekstitys on tavallisesti muutaman kilotavun kokoinen"),
        "header": ("ensimmäinen rivi ei ole WEBVTT (rivillä on ”{detail}”)",
                   "kirjoita tiedoston ensimmäiselle riville pelkkä WEBVTT ja sen alle tyhjä rivi"),
        "timing": ("aikarivi ei kelpaa: ”{detail}”",
                   "kirjoita aikarivi muodossa 00:01.000 --> 00:04.000 (minuutit:sekunnit.millisekunnit, "
                   "tunnit eteen tarvittaessa: 01:02:03.000) ja jätä tekstitysten väliin tyhjä rivi"),
        "no_timing": ("tekstillä ”{detail}” ei ole aikariviä, joten sitä ei näytetä koskaan",
                      "lisää tekstin yläpuolelle aikarivi, esim. 00:01.000 --> 00:04.000, tai jätä tyhjä rivi "
                      "pois, jos teksti jatkaa edellistä tekstitystä"),
        "end_before_start": ("tekstitys päättyy ennen kuin se alkaa: ”{detail}”",
                             "kirjoita loppuaika (nuolen jälkeen) myöhemmäksi kuin alkuaika"),
        "order": ("tekstitys alkaa aiemmin kuin edellinen: ”{detail}”",
                  "järjestä tekstitykset alkuajan mukaan"),
        "no_cues": ("tiedostossa ei ole yhtään tekstitystä", "lisää tekstitykset aikariveineen WEBVTT-rivin alle"),
    },
    "en": {
        "encoding": ("the file cannot be read as UTF-8 text ({detail})",
                     "save the captions as UTF-8 (in the text editor: Save as → encoding UTF-8)"),
        "too_large": ("the file is too large to be captions ({detail})",
                      "check that the file is the video's captions; captions are usually a few kilobytes"),
        "header": ("the first line is not WEBVTT (it reads “{detail}”)",
                   "write just WEBVTT on the file's first line and an empty line under it"),
        "timing": ("a time line is not valid: “{detail}”",
                   "write time lines as 00:01.000 --> 00:04.000 (minutes:seconds.milliseconds, hours in front "
                   "when needed: 01:02:03.000) and leave an empty line between captions"),
        "no_timing": ("the text “{detail}” has no time line, so it is never shown",
                      "add a time line above the text, e.g. 00:01.000 --> 00:04.000, or remove the empty line "
                      "if the text continues the caption before it"),
        "end_before_start": ("a caption ends before it starts: “{detail}”",
                             "make the end time (after the arrow) later than the start time"),
        "order": ("a caption starts earlier than the one before it: “{detail}”",
                  "put the captions in the order of their start times"),
        "no_cues": ("the file has no captions", "add captions with their time lines under the WEBVTT line"),
    },
}
RATIONALE = (
    "Selain näyttää tekstityksen vain, jos tiedosto on WebVTT-muotoa: ilman WEBVTT-riviä "
    "tekstitystä ei näy lainkaan, ja virheellisen aikarivin tekstitys jää pois huomaamatta. "
    "Tekstitys luetaan kirjastolla webvtt-py tiukassa tilassa (aikaleimat ja asetukset kuten "
    "WebVTT-määrittely ne kirjoittaa); lisäksi tarkistetaan, että jokaisella tekstillä on "
    "aikarivi, loppuaika on alkuajan jälkeen ja tekstitykset ovat aikajärjestyksessä. Sama "
    "teksti julkaistaan videon alla luettavana tekstinä. Lähteet: W3C WebVTT: The Web Video "
    "Text Tracks Format; WCAG 2.1 -onnistumiskriteeri 1.2.2."
)
EXAMPLES = {
    "good": "WEBVTT\n\n00:00.000 --> 00:03.500\nAvaa sovellus.\n\n00:03.500 --> 00:07.000\nValitse Kirjaudu.",
    "bad": "00:00 --> 00:03\nAvaa sovellus.\nValitse Kirjaudu.",
}


def check(doc, settings, ctx):
    problems = PROBLEMS.get(ctx.message_lang) or PROBLEMS["fi"]
    for video in page_videos(doc, ctx.root):
        if video.captions is None:
            continue
        file = ctx.relative(video.captions.path)
        for problem in read_captions(video.captions.path).problems:
            message, fix = problems[problem.problem]
            details = {"detail": problem.detail}
            yield Report(problem.line, {"file": file, "src": video.ref.src,
                                        "problem": message.format(**details), "fix": fix.format(**details)},
                         path=file)

"""Videos with captions: the VID rules (guidekit/rules/vid*.py), the captions reader
(guidekit/video.py) and what the build publishes (hooks/video.py).

The video is made with ffmpeg in the test (conftest.make_video; installed by `./dev test`, see README), a
second of colour, so the small sites build in seconds. Each site is built once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import checks_tree, make_site, make_video, run_build, write_page
from guidekit.commands.lint import lint_pages
from guidekit.video import parse_captions, transcript
from html_tools import parse_html

FRONT = "---\ntitle: {title}\ndescription: {title}.\n{extra}---\n\n"
FI = FRONT.format(title="Kirjautuminen", extra="") + (
    "# Kirjautuminen\n\nKatso video.\n\n![Näin kirjaudut sovellukseen](assets/video/kirjaudu.webm)\n"
)
# A video inside a sentence and in a list item (a figure cannot stand in a paragraph).
FI_MORE = FRONT.format(title="Lisää videoita", extra="") + (
    "# Lisää videoita\n\nEnsin tämä: ![Näin kirjaudut](assets/video/kirjaudu.webm) ja sitten jatka.\n\n"
    "- Katso: ![Näin kirjaudut taas](assets/video/kirjaudu.webm)\n"
)
SV = FRONT.format(title="Inloggning", extra="") + (
    "# Inloggning\n\nTitta på videon.\n\n![Så loggar du in i appen](assets/video/kirjaudu.webm)\n"
)
SELKO = FRONT.format(title="Kirjaudu sovellukseen", extra="captions_fallback: fi\n") + (
    "# Kirjaudu sovellukseen\n\nKatso video.\n\n![Näin kirjaudut](assets/video/kirjaudu.webm)\n"
)
INDEX = {
    "fi/index.md": FRONT.format(title="Etusivu", extra="") + "# Etusivu\n\nTervetuloa sivustolle.\n",
    "sv/index.md": FRONT.format(title="Startsida", extra="") + "# Startsida\n\nVälkommen till webbplatsen.\n",
    "selko/index.md": FRONT.format(title="Etusivu", extra="") + "# Etusivu\n\nTervetuloa sivulle.\n",
}
PAGES = {**INDEX, "fi/video.md": FI, "sv/video.md": SV, "selko/video.md": SELKO}
BUILT = {**PAGES, "fi/videot.md": FI_MORE}
# Two cues of one sentence (one paragraph of the transcript), markup to escape, a speaker.
FI_CAPTIONS = (
    "WEBVTT\n\n"
    "00:00.000 --> 00:00.500\nAvaa sovellus\n\n"
    "00:00.500 --> 00:01.000\nja valitse <b>Kirjaudu</b> &amp; &lt;script&gt;.\n\n"
    "NOTE a comment is no caption\n\n"
    "00:01.000 --> 00:02.000\n<v Anna>Tunnistaudu pankkitunnuksilla.\n"
)
SV_CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nÖppna appen och välj Logga in.\n"


def one(element, tag: str, **attrs):
    found = element.find_all(tag, **attrs)
    assert len(found) == 1, f"{len(found)} × <{tag} {attrs}>"
    return found[0]


def output_of(result) -> str:
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def without_captions(tmp_path_factory):
    """(source, strict build result) of a small site whose video has no captions."""
    base = tmp_path_factory.mktemp("video-bare")
    config = make_site(base, PAGES)
    make_video(base / "docs" / "fi" / "assets" / "video" / "kirjaudu.webm")
    return base, run_build(config, base / "site")


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    """(source, built site) with Finnish and Swedish captions and a poster; selko uses the Finnish captions."""
    base = tmp_path_factory.mktemp("video")
    config = make_site(base, BUILT)
    folder = base / "docs" / "fi" / "assets" / "video"
    make_video(folder / "kirjaudu.webm")
    (folder / "kirjaudu.fi.vtt").write_text(FI_CAPTIONS, encoding="utf-8")
    (folder / "kirjaudu.sv.vtt").write_text(SV_CAPTIONS, encoding="utf-8")
    from PIL import Image

    Image.new("RGB", (64, 36), (0, 70, 127)).save(folder / "kirjaudu.png")
    result = run_build(config, base / "site")
    assert result.returncode == 0, output_of(result)
    return base, base / "site"


def test_a_video_without_captions_fails_lint_and_the_strict_build_naming_the_file(without_captions):
    source, result = without_captions
    findings = [f for f in lint_pages([source / "docs"], source, use_cache=False).findings if f.rule.startswith("VID")]
    assert [(f.rule, f.path, f.line) for f in findings] == [
        ("VID102", "docs/fi/video.md", 10), ("VID102", "docs/selko/video.md", 11), ("VID102", "docs/sv/video.md", 10),
    ]
    assert "kirjaudu.fi.vtt" in findings[0].message and "kirjaudu.sv.vtt" in findings[2].message
    assert result.returncode != 0
    for finding in findings:  # the build reports exactly what lint does, once
        assert output_of(result).count(finding.format()) == 1, output_of(result)


def test_the_built_page_has_the_player_the_track_and_the_transcript(video_site):
    _, site = video_site
    figure = parse_html(site / "video" / "index.html").find_all("figure", class_="gk-video")
    assert len(figure) == 1
    figure = figure[0]
    video = one(figure, "video")
    assert "controls" in video.attrs and video.attrs["preload"] == "metadata"
    assert "autoplay" not in video.attrs
    name = one(figure, "figcaption")
    assert name.text == "Näin kirjaudut sovellukseen"
    assert video.attrs["aria-labelledby"] == name.attrs["id"]
    assert video.attrs["poster"].endswith("kirjaudu.png")
    assert [s.attrs["type"] for s in video.find_all("source")] == ["video/webm"]
    track = one(video, "track")
    assert (track.attrs["kind"], track.attrs["srclang"], track.attrs["label"]) == ("captions", "fi", "Suomi")
    assert "default" in track.attrs and track.attrs["src"].endswith("kirjaudu.fi.vtt")
    page = site / "video" / "index.html"
    for address in (one(video, "source").attrs["src"], track.attrs["src"], video.attrs["poster"]):
        assert (page.parent / address).resolve().is_file(), address
    transcript_box = one(figure, "details", class_="gk-video__transcript")
    assert one(transcript_box, "summary").text == "Lue videon teksti"
    assert [p.text for p in transcript_box.find_all("p")] == [
        "Avaa sovellus ja valitse Kirjaudu & <script>.",
        "Anna: Tunnistaudu pankkitunnuksilla.",
    ]
    raw = page.read_text(encoding="utf-8")
    assert "&amp; &lt;script&gt;." in raw and "<script>." not in raw  # escaped text, never markup


def test_video_pages_are_valid_html(video_site):
    from test_html_valid import nu_errors

    _, site = video_site
    errors = [f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in nu_errors(site)]
    assert not errors, "\n".join(errors)
    more = parse_html(site / "videot" / "index.html")
    assert len(more.find_all("figure", class_="gk-video")) == 2
    ids = [figure.attrs["id"] for figure in more.find_all("figcaption")]
    assert len(set(ids)) == 2
    assert "Ensin tämä:" in more.text and "ja sitten jatka." in more.text


def test_each_language_gets_its_own_captions_and_selko_the_finnish_ones_when_its_author_says_so(video_site):
    _, site = video_site
    sv = one(parse_html(site / "sv" / "video" / "index.html"), "figure", class_="gk-video")
    track = one(sv, "track")
    assert (track.attrs["srclang"], track.attrs["label"]) == ("sv", "Svenska")
    assert track.attrs["src"].endswith("kirjaudu.sv.vtt")
    assert one(sv, "summary").text == "Läs videons text"
    assert [p.text for p in sv.find_all("p")] == ["Öppna appen och välj Logga in."]
    selko = one(parse_html(site / "selko" / "video" / "index.html"), "figure", class_="gk-video")
    assert one(selko, "track").attrs["src"].endswith("kirjaudu.fi.vtt")
    assert one(selko, "summary").text == "Lue, mitä videossa sanotaan"


def test_selko_without_the_fallback_setting_needs_its_own_captions(tmp_path):
    tree = checks_tree(tmp_path)
    write_page(tree, "selko/video.md", SELKO.replace("captions_fallback: fi\n", ""))
    folder = tree / "docs" / "fi" / "assets" / "video"
    folder.mkdir(parents=True)
    (folder / "kirjaudu.webm").write_bytes(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm")
    (folder / "kirjaudu.fi.vtt").write_text(SV_CAPTIONS, encoding="utf-8")
    rules = [(f.rule, f.path) for f in lint_pages([tree / "docs"], tree, use_cache=False).findings if f.rule.startswith("VID")]
    assert rules == [("VID102", "docs/selko/video.md")]


def video_findings(tree: Path, message_lang: str = "fi") -> list:
    return [f for f in lint_pages([tree / "docs"], tree, message_lang=message_lang, use_cache=False).findings
            if f.rule.startswith(("VID", "IMG"))]


@pytest.fixture
def tree(tmp_path):
    """A repository for lint only: the real data and guidekit.yml, a Finnish page with a video."""
    tree = checks_tree(tmp_path)
    write_page(tree, "fi/video.md", FI)
    folder = tree / "docs" / "fi" / "assets" / "video"
    folder.mkdir(parents=True)
    # Only the first bytes matter to the checks (the WebM header); no need for ffmpeg here.
    (folder / "kirjaudu.webm").write_bytes(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm")
    (folder / "kirjaudu.fi.vtt").write_text(FI_CAPTIONS, encoding="utf-8")
    return tree


def test_good_captions_give_no_finding(tree):
    assert video_findings(tree) == []


def test_captions_that_are_not_webvtt_are_reported_at_their_line_in_the_captions_file(tree):
    vtt = tree / "docs" / "fi" / "assets" / "video" / "kirjaudu.fi.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00.000 --> 00:01.000\nAvaa sovellus.\n\n"
        "00:01,000 --> 00:02.000\nPilkku aikaleimassa.\n\n"  # line 6: SRT's comma
        "Teksti ilman aikaa.\n\n"  # line 9
        "00:03.000 --> 00:02.500\nLoppuu ennen alkua.\n",  # line 11
        encoding="utf-8",
    )
    findings = video_findings(tree)
    assert [(f.rule, f.path, f.line) for f in findings] == [
        ("VID103", "docs/fi/assets/video/kirjaudu.fi.vtt", 6),
        ("VID103", "docs/fi/assets/video/kirjaudu.fi.vtt", 9),
        ("VID103", "docs/fi/assets/video/kirjaudu.fi.vtt", 11),
    ]
    assert "aikarivi ei kelpaa: ”00:01,000 --> 00:02.000”" in findings[0].message
    assert "00:01.000 --> 00:04.000" in findings[0].fix
    english = video_findings(tree, "en")
    assert "has no time line" in english[1].message and "add a time line" in english[1].fix
    vtt.write_text("00:00.000 --> 00:01.000\nAvaa sovellus.\n", encoding="utf-8")
    assert [(f.rule, f.line) for f in video_findings(tree)] == [("VID103", 1)]
    assert "WEBVTT" in video_findings(tree)[0].fix


def test_a_missing_poster_is_a_finding_only_where_guidekit_yml_requires_one(tree):
    assert video_findings(tree) == []
    config = tree / "guidekit.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "rules:\n", "rules:\n  VID104: {default: {required: true}}\n", 1), encoding="utf-8")
    findings = video_findings(tree)
    assert [(f.rule, f.line) for f in findings] == [("VID104", 10)]
    assert "kirjaudu.jpg" in findings[0].fix
    (tree / "docs" / "fi" / "assets" / "video" / "kirjaudu.jpg").write_bytes(b"\xff\xd8\xff")
    assert video_findings(tree) == []  # the poster is found


def test_a_video_over_the_size_limit_of_guidekit_yml_is_a_finding(tree):
    video = tree / "docs" / "fi" / "assets" / "video" / "kirjaudu.webm"
    config = tree / "guidekit.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "rules:\n", "rules:\n  VID105: {default: {max_megabytes: 1}}\n", 1), encoding="utf-8")
    with open(video, "ab") as file:
        file.write(b"\0" * (1024 * 1024))
    findings = video_findings(tree)
    assert [(f.rule, f.line) for f in findings] == [("VID105", 10)]
    assert "(raja 1 Mt)" in findings[0].message


def test_an_external_video_is_an_error_and_not_also_an_outside_image(tree):
    write_page(tree, "fi/video.md", FI + (
        "\n![Katso video](https://www.youtube.com/watch?v=abc)\n"
        "\n![Katso video](https://example.org/kirjaudu.mp4)\n"
        "\n![Hyvinvointialueen tunnus sinisellä pohjalla.](https://example.org/tunnus.png)\n"
    ))
    findings = video_findings(tree)
    assert [(f.rule, f.line, f.severity) for f in findings] == [
        ("VID106", 12, "error"), ("VID106", 14, "error"), ("IMG202", 16, "error"),
    ]


def test_a_video_file_must_be_mp4_or_webm_and_have_a_name(tree):
    folder = tree / "docs" / "fi" / "assets" / "video"
    (folder / "vanha.mov").write_bytes(b"\0\0\0\x14ftypqt  ")
    (folder / "vaara.mp4").write_bytes(b"RIFF....AVI ")
    (folder / "vaara.fi.vtt").write_text(SV_CAPTIONS, encoding="utf-8")
    write_page(tree, "fi/video.md", FI + "\n![Vanha video](assets/video/vanha.mov)\n\n![](assets/video/vaara.mp4)\n")
    findings = video_findings(tree)
    assert [(f.rule, f.line) for f in findings] == [("VID108", 12), ("VID107", 14), ("VID108", 14)]
    assert "ffmpeg -i vanha.mov" in findings[0].fix


def test_a_missing_video_file_is_a_finding_and_not_an_image_finding(tree):
    write_page(tree, "fi/video.md", FI.replace("kirjaudu.webm", "kirjautuminen.webm"))
    findings = video_findings(tree)
    assert [(f.rule, f.line) for f in findings] == [("VID101", 10), ("VID102", 10)]


def test_the_captions_reader_follows_webvtt_and_the_transcript_joins_split_sentences():
    captions = parse_captions(FI_CAPTIONS)
    assert captions.problems == ()
    assert [(c.line, c.start_ms, c.end_ms) for c in captions.cues] == [(3, 0, 500), (6, 500, 1000), (11, 1000, 2000)]
    assert transcript(captions.cues) == ["Avaa sovellus ja valitse Kirjaudu & <script>.", "Anna: Tunnistaudu pankkitunnuksilla."]
    assert [p.problem for p in parse_captions("WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n").problems] == ["header"]
    assert [p.problem for p in parse_captions("WEBVTT\n\nNOTE only a note\n").problems] == ["no_cues"]
    out_of_order = "WEBVTT\n\n00:02.000 --> 00:03.000\nb\n\n00:01.000 --> 00:04.000\na\n"
    assert [(p.line, p.problem) for p in parse_captions(out_of_order).problems] == [(6, "order")]
    # Hours, cue settings, a byte-order mark and Windows line ends are all WebVTT.
    assert parse_captions("\ufeffWEBVTT - otsikko\r\n\r\n01:00:00.000 --> 01:00:01.000 line:90% align:start\r\nx\r\n").problems == ()

"""Build artefacts kept between builds (guidekit/buildcache.py): QR codes, WebP copies,
image inspections and the search data. What is asserted is what a build does with them (made or reused, by
the cache's counters) and that what it publishes is what it would make afresh; never
how long it takes (BENCHMARKS.md has the times)."""

from __future__ import annotations

import io
import json

import pytest
import segno
from PIL import Image, ImageDraw

from cache_tools import stored_entries
from guidekit import buildcache, images, qr, search

ADDRESS = "https://asioi.esimerkkila.example/o/chat/"
OTHER_ADDRESS = "https://asioi.esimerkkila.example/sv/o/chat/"


@pytest.fixture(autouse=True)
def own_secret(tmp_path, monkeypatch):
    # The signing secret of this test only (guidekit/lintcache.py keeps it in XDG_CACHE_HOME).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("GUIDEKIT_CACHE", raising=False)
    yield
    buildcache.use(None)
    forget_in_memory()


def forget_in_memory() -> None:
    """What a new process starts with: nothing remembered but the files on disk."""
    qr._code.cache_clear()
    qr._drawing.cache_clear()
    images._inspect_cached.cache_clear()


def new_build(root) -> buildcache.ArtifactCache:
    """The state of the next build of the site at root: a new process, the same disk cache."""
    buildcache.use(None)
    forget_in_memory()
    return buildcache.use(root)


def uncached_svg(address: str, label: str, size_px=None) -> str:
    buildcache.use(None)
    forget_in_memory()
    return qr.qr_svg(address, label, size_px)


def entries(root, kind: str) -> list:
    buildcache.current().close()  # what the next build finds on disk
    return stored_entries(root / buildcache.DATABASE, kind)


def screen(path, colour=(0, 90, 156), size=(320, 200)) -> None:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rectangle((20, 20, size[0] - 20, 60), fill=colour)
    image.save(path)


# --- The cache file itself ----------------------------------------------------------------


def test_an_artefact_is_read_back_as_it_was_stored(tmp_path):
    cache = buildcache.use(tmp_path)
    cache.put("webp", "k1", b"RIFF\x00data", {"width": 3, "height": 2})
    stored = new_build(tmp_path).get("webp", "k1")
    assert stored.payload == b"RIFF\x00data" and stored.meta == {"width": 3, "height": 2}
    assert new_build(tmp_path).get("webp", "k2") is None


def test_a_payload_is_made_once_and_made_again_when_the_stored_one_is_not_accepted(tmp_path):
    cache = buildcache.use(tmp_path)
    made = []

    def make():
        made.append(1)
        return b"<svg>" + str(len(made)).encode() + b"</svg>"

    assert cache.payload_or_make("qr-svg", "k", make) == b"<svg>1</svg>"
    assert new_build(tmp_path).payload_or_make("qr-svg", "k", make) == b"<svg>1</svg>" and len(made) == 1
    rejected = new_build(tmp_path)
    assert rejected.payload_or_make("qr-svg", "k", make, accept=lambda payload: b"2" in payload) == b"<svg>2</svg>"
    assert (rejected.made["qr-svg"], rejected.reused["qr-svg"]) == (1, 0)
    assert new_build(tmp_path).get("qr-svg", "k").payload == b"<svg>2</svg>"  # the new one is kept


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-3], id="cut-short"),
        pytest.param(lambda data: data[:40], id="half-a-header"),
        pytest.param(lambda data: data.replace(b"RIFF", b"RIFX"), id="payload-edited"),
        pytest.param(lambda data: data.replace(b'"width":3', b'"width":4'), id="meta-edited"),
        pytest.param(lambda data: b"\xff\xfe" + data, id="not-our-format"),
        pytest.param(lambda data: data.split(b"\n", 1)[0] + b"\n[[[[\n", id="garbage-header"),
    ],
)
def test_a_damaged_or_edited_file_is_no_artefact(tmp_path, damage):
    cache = buildcache.use(tmp_path)
    cache.put("webp", "k1", b"RIFF\x00data", {"width": 3, "height": 2})
    (path,) = entries(tmp_path, "webp")
    path.write_bytes(damage(path.read_bytes()))
    assert new_build(tmp_path).get("webp", "k1") is None


def test_a_file_signed_with_another_secret_is_no_artefact(tmp_path, monkeypatch):
    buildcache.use(tmp_path).put("qr-inline", "k1", b"<svg/>")
    # Another user or machine (a cache committed or copied by mistake): another secret.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    assert new_build(tmp_path).get("qr-inline", "k1") is None


def test_a_folder_where_the_database_should_be_is_a_miss_and_not_an_error(tmp_path):
    (tmp_path / buildcache.DATABASE).mkdir(parents=True)
    cache = buildcache.use(tmp_path)
    assert cache.get("webp", "k1") is None
    cache.put("webp", "k1", b"RIFF")  # cannot be written there: skipped, no exception
    assert cache.get("webp", "k1") is None and (tmp_path / buildcache.DATABASE).is_dir()


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\0" + b"\xff" * 4000])
def test_a_damaged_database_is_made_again_and_keeps_what_is_stored_next(tmp_path, content):
    database = tmp_path / buildcache.DATABASE
    database.parent.mkdir(parents=True)
    database.write_bytes(content)
    cache = buildcache.use(tmp_path)
    assert cache.get("webp", "k1") is None
    cache.put("webp", "k1", b"RIFF", {"width": 1, "height": 1})
    assert new_build(tmp_path).get("webp", "k1").payload == b"RIFF"


def test_a_forked_process_opens_its_own_connection(tmp_path):
    import multiprocessing

    cache = buildcache.use(tmp_path)
    cache.put("qr-inline", "parent", b"<svg/>")  # this process's connection is open

    def child(queue):
        found = buildcache.current().get("qr-inline", "parent")
        buildcache.current().put("qr-inline", "child", b"<svg></svg>")
        queue.put(found.payload if found else None)

    queue = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(target=child, args=(queue,))
    process.start()
    assert queue.get(timeout=30) == b"<svg/>"
    process.join(30)
    assert process.exitcode == 0
    assert cache.get("qr-inline", "child").payload == b"<svg></svg>"  # the parent's connection still works


def test_guidekit_cache_0_keeps_no_artefacts(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDEKIT_CACHE", "0")
    qr.qr_files(ADDRESS, "Ohje")
    assert not buildcache.use(tmp_path).enabled
    assert not (tmp_path / buildcache.DATABASE).exists()


def test_keys_differ_by_every_part_and_by_where_parts_are_split():
    assert buildcache.key_of("a", "bc") != buildcache.key_of("ab", "c")
    assert buildcache.key_of(b"x", 1) != buildcache.key_of(b"x", 2)


# --- QR codes -------------------------------------------------------------------------------


def test_a_second_build_reuses_every_qr_code_and_publishes_the_same_bytes(tmp_path):
    fresh = uncached_svg(ADDRESS, "Ohje", 96), qr.qr_files(ADDRESS, "Ohje")
    first = new_build(tmp_path)
    made = qr.qr_svg(ADDRESS, "Ohje", 96), qr.qr_files(ADDRESS, "Ohje")
    assert first.made == {"qr-mask": 1, "qr-inline": 1, "qr-svg": 1, "qr-png": 1}
    second = new_build(tmp_path)
    reused = qr.qr_svg(ADDRESS, "Ohje", 96), qr.qr_files(ADDRESS, "Ohje")
    assert sum(second.made.values()) == 0
    assert second.reused == {"qr-inline": 1, "qr-svg": 1, "qr-png": 1}
    assert fresh == made == reused


def test_the_mask_is_chosen_once_per_address_and_reused_for_a_new_title(tmp_path):
    first = buildcache.use(tmp_path)
    qr.qr_svg(ADDRESS, "Ohje")
    qr.qr_files(ADDRESS, "Ohje")
    assert first.made["qr-mask"] == 1
    second = new_build(tmp_path)
    files = qr.qr_files(ADDRESS, "Uusi otsikko")  # the title is in the SVG file: made again
    assert second.made == {"qr-svg": 1} and second.reused == {"qr-mask": 1, "qr-png": 1}
    assert b"Uusi otsikko" in files["svg"]
    # The stored mask is segno's own choice, so the code is the one segno draws.
    assert qr._code(ADDRESS).matrix == segno.make(ADDRESS, error=qr.ERROR_CORRECTION, micro=False).matrix


def test_another_address_gives_another_code(tmp_path):
    buildcache.use(tmp_path)
    one = qr.qr_files(ADDRESS, "Ohje")["png"]
    cache = new_build(tmp_path)
    other = qr.qr_files(OTHER_ADDRESS, "Ohje")["png"]
    assert cache.made["qr-png"] == 1 and other != one
    assert other == qr._png_file(OTHER_ADDRESS)


def test_a_damaged_qr_file_is_made_again_and_replaced(tmp_path):
    buildcache.use(tmp_path)
    fresh = qr.qr_svg(ADDRESS, "Ohje")
    (path,) = entries(tmp_path, "qr-inline")
    path.write_bytes(path.read_bytes().replace(b"<path", b"<script>alert(1)</script><path"))
    cache = new_build(tmp_path)
    assert qr.qr_svg(ADDRESS, "Ohje") == fresh
    assert cache.made["qr-inline"] == 1
    assert new_build(tmp_path).get("qr-inline", path.name) is not None  # replaced by a good one


def test_a_damaged_mask_entry_is_chosen_again(tmp_path):
    buildcache.use(tmp_path)
    fresh = qr.qr_files(ADDRESS, "Ohje")
    (path,) = entries(tmp_path, "qr-mask")
    path.write_text("not a cache file")
    cache = new_build(tmp_path)
    qr.qr_svg(ADDRESS, "Ohje")
    assert cache.made["qr-mask"] == 1
    assert qr._png_file(ADDRESS) == fresh["png"]


# --- Images ---------------------------------------------------------------------------------


def test_a_second_build_reuses_the_webp_copy_and_the_inspection(tmp_path):
    picture = tmp_path / "docs" / "ruutu.png"
    picture.parent.mkdir()
    screen(picture)
    first = buildcache.use(tmp_path)
    made = images.webp_copy(picture, 1600)
    assert first.made == {"image-info": 1, "webp": 1}
    second = new_build(tmp_path)
    reused = images.webp_copy(picture, 1600)
    assert sum(second.made.values()) == 0 and second.reused == {"image-info": 1, "webp": 1}
    assert reused == made
    with Image.open(io.BytesIO(reused.data)) as image:
        assert image.format == "WEBP" and image.size == (320, 200)
    info = images.inspect_image(picture)
    assert (info.path, info.format, info.width, info.height) == (picture, "PNG", 320, 200)


def test_a_replaced_image_gets_a_new_copy_and_inspection(tmp_path):
    picture = tmp_path / "ruutu.png"
    screen(picture)
    buildcache.use(tmp_path)
    before = images.webp_copy(picture, 1600)
    screen(picture, colour=(200, 30, 30), size=(300, 180))  # same name, new content
    cache = new_build(tmp_path)
    after = images.webp_copy(picture, 1600)
    assert cache.made == {"image-info": 1, "webp": 1}
    assert (after.width, after.height) == (300, 180) and after.data != before.data
    assert images.inspect_image(picture).width == 300


def test_other_settings_give_another_copy(tmp_path):
    photo = tmp_path / "kuva.jpg"
    Image.effect_noise((800, 400), 40).convert("RGB").save(photo, quality=90)  # lossy: scaled down
    buildcache.use(tmp_path)
    large = images.webp_copy(photo, 1600, quality=80)
    cache = new_build(tmp_path)
    smaller = images.webp_copy(photo, 400, quality=80)
    rougher = images.webp_copy(photo, 1600, quality=40)
    assert cache.made["webp"] == 2
    assert (large.width, smaller.width) == (800, 400)
    assert len(rougher.data) < len(large.data)


@pytest.mark.parametrize("meta", [{"width": "320", "height": 200}, {"width": True, "height": 200}, {}])
def test_a_stored_copy_of_another_shape_is_made_again(tmp_path, meta):
    picture = tmp_path / "ruutu.png"
    screen(picture)
    buildcache.use(tmp_path)
    good = images.webp_copy(picture, 1600)
    (path,) = entries(tmp_path, "webp")
    cache = new_build(tmp_path)
    cache.put("webp", path.name, good.data, meta)  # signed, but not what webp_copy stores
    assert images.webp_copy(picture, 1600) == good
    assert cache.made["webp"] == 1


def test_a_stored_inspection_of_another_shape_is_made_again(tmp_path):
    picture = tmp_path / "ruutu.png"
    screen(picture)
    buildcache.use(tmp_path)
    good = images.inspect_image(picture)
    (path,) = entries(tmp_path, "image-info")
    cache = new_build(tmp_path)
    cache.put("image-info", path.name, meta={"size_bytes": "many", "format": "PNG"})
    assert images.inspect_image(picture) == good
    assert cache.made["image-info"] == 1


def test_a_corrupt_image_is_inspected_as_corrupt_also_from_the_cache(tmp_path):
    broken = tmp_path / "rikki.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    buildcache.use(tmp_path)
    first = images.inspect_image(broken)
    new_build(tmp_path)
    again = images.inspect_image(broken)
    assert first.error and again == first
    assert images.webp_copy(broken, 1600) is None


# --- Search data ------------------------------------------------------------------------------

SEARCH_DOCS = [
    {"location": "", "title": "Etusivu", "text": "<p>Ajanvaraus ja viestit.</p>"},
    {"location": "ohjeet/chat/", "title": "Chat", "text": "<p>Kirjoita hoitajalle chatissa.</p>"},
    {"location": "ohjeet/chat/#jos-tama-ei-onnistu", "title": "Jos tämä ei onnistu", "text": "<p>Soita.</p>"},
]
SEARCH_META = {"ohjeet/chat/": {"description": "Kysy hoitajalta", "keywords": ["neuvonta"]}}
SEARCH_SETTINGS = search.LanguageSearchData(stopwords={"ja"}, boilerplate={"jos tämä ei onnistu"})
SEARCH_LINKS = {"": {"ohjeet/chat/"}}


def search_of(docs=SEARCH_DOCS, settings=SEARCH_SETTINGS, lang="fi"):
    return search.search_data(docs, lang, SEARCH_META, settings, SEARCH_LINKS)


def test_a_second_build_reuses_the_search_data_and_it_is_what_the_analysis_makes(tmp_path):
    fresh = search.build_search_data(SEARCH_DOCS, "fi", SEARCH_META, SEARCH_SETTINGS, SEARCH_LINKS)
    first = new_build(tmp_path)
    assert search_of() == fresh and first.made == {"search-data": 1}
    second = new_build(tmp_path)
    reused = search_of()
    assert second.made == {} and second.reused == {"search-data": 1}
    # The same JSON the site publishes, byte for byte.
    assert json.dumps(reused, ensure_ascii=False) == json.dumps(fresh, ensure_ascii=False)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: search_of(docs=[*SEARCH_DOCS[:1], {**SEARCH_DOCS[1], "text": "<p>Varaa aika.</p>"},
                                              SEARCH_DOCS[2]]), id="page-text"),
        pytest.param(lambda: search_of(settings=search.LanguageSearchData(stopwords={"ja", "chat"})), id="stopword"),
        pytest.param(lambda: search_of(lang="selko"), id="language"),
    ],
)
def test_changed_pages_or_settings_are_analysed_again(tmp_path, change):
    buildcache.use(tmp_path)
    search_of()
    cache = new_build(tmp_path)
    data = change()
    assert cache.made == {"search-data": 1}
    assert data != search_of() or data["lang"] != "fi"


def test_a_damaged_or_foreign_search_entry_is_analysed_again(tmp_path):
    fresh = search.build_search_data(SEARCH_DOCS, "fi", SEARCH_META, SEARCH_SETTINGS, SEARCH_LINKS)
    cache = buildcache.use(tmp_path)
    search_of()
    (path,) = entries(tmp_path, "search-data")
    path.write_bytes(path.read_bytes().replace(b"hoitaja", b"HOITAJA"))
    cache = new_build(tmp_path)
    assert search_of() == fresh and cache.made == {"search-data": 1}
    # Signed but of another shape (not the data of this language): not used either.
    cache.put("search-data", path.name, json.dumps({"lang": "sv"}).encode())
    cache = new_build(tmp_path)
    assert search_of() == fresh and cache.made == {"search-data": 1}


@pytest.mark.parametrize("scale", [1, 3, 8, qr.PNG_SCALE])
@pytest.mark.parametrize("border", [0, qr.BORDER])
def test_the_png_is_what_segnos_png_writer_draws_pixel_for_pixel(scale, border):
    for address in (ADDRESS, OTHER_ADDRESS + "ohjeet/valtuudet-avustettu/?kieli=selko", "x"):
        code = segno.make(address, error=qr.ERROR_CORRECTION, micro=False)
        written = io.BytesIO()
        code.save(written, kind="png", scale=scale, border=border, light="#fff", dark="#000")
        ours = qr.png_of_matrix(code.matrix, scale, border)
        with Image.open(io.BytesIO(ours)) as image, Image.open(written) as segnos:
            assert (image.mode, image.size, image.info.get("dpi")) == (segnos.mode, segnos.size, segnos.info.get("dpi"))
            assert image.tobytes() == segnos.tobytes(), (address, scale, border)


def test_the_code_drawn_to_choose_the_mask_is_the_code_published(tmp_path):
    buildcache.use(tmp_path)
    first = qr.qr_files(ADDRESS, "Ohje")
    cache = new_build(tmp_path)
    again = qr._png_file(ADDRESS)  # the mask from the cache, the code drawn with it
    assert cache.reused["qr-mask"] == 1 and again == first["png"]


def test_the_pruned_stylesheet_is_reused_for_the_same_names_and_made_again_for_new_ones(tmp_path):
    from guidekit.cssprune import SiteNames, names_digest, prune_stylesheet, pruned_stylesheet, read_page, read_scripts

    css = ".a{x:1}.b{x:2}.c{x:3}"

    def names(html):
        return SiteNames(read_page(html), read_scripts([]))

    first = new_build(tmp_path)
    assert pruned_stylesheet(css, names('<p class="a">'), first) == prune_stylesheet(css, names('<p class="a">'))
    assert first.made["pruned-css"] == 1
    again = new_build(tmp_path)
    assert pruned_stylesheet(css, names('<p class="a">'), again) == ".a{x:1}"
    assert (again.made["pruned-css"], again.reused["pruned-css"]) == (0, 1)
    # A page that gains a class needs its rule: never the copy pruned for the old names.
    changed = new_build(tmp_path)
    assert pruned_stylesheet(css, names('<p class="a b">'), changed) == ".a{x:1}.b{x:2}"
    assert changed.made["pruned-css"] == 1
    assert names_digest(names('<p class="a">')) != names_digest(names('<p class="a" data-x="1">'))

"""The benchmark's and the page-weight accounting's pure parts. No timings are asserted:
the numbers are measured by `guidekit bench` and reported in BENCHMARKS.md."""

from __future__ import annotations

import gzip
import os

import pytest

from guidekit.bench import (
    FINISH,
    SHARED,
    STARTUP,
    BuildRun,
    Measurement,
    build_env,
    first_guide,
    generate_site,
    growth,
    guide_path,
    language_phases,
    marginal_ms,
    output_size,
    service_ids,
    size_group,
)
from guidekit.pageweight import (
    BUDGET_BYTES,
    Fetched,
    PageWeight,
    ShownImage,
    fetched,
    gzip_size,
    kind_of,
    over_budget,
    oversized_images,
)

# --- What a page fetches, by type -------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "resource_type", "content_type", "kind"),
    [
        ("http://127.0.0.1:8000/sv/ohjeet/chat/", "document", "text/html", "html"),
        ("http://127.0.0.1:8000/", "document", "", "html"),
        ("http://127.0.0.1:8000/404.html", "document", "text/html", "html"),
        ("http://127.0.0.1:8000/assets/stylesheets/main.57a0d79d.min.css", "stylesheet", "", "css"),
        ("http://127.0.0.1:8000/assets/javascripts/bundle.a5f9d56c.min.js", "script", "", "js"),
        # The search worker and lunr's language files are fetched by the worker, as "other".
        ("http://127.0.0.1:8000/assets/javascripts/workers/search.a7633da7.min.js", "other", "", "js"),
        ("http://127.0.0.1:8000/assets/javascripts/lunr/min/lunr.sv.min.js", "other", "", "js"),
        ("http://127.0.0.1:8000/sv/search/search_index.json", "xhr", "application/json", "search"),
        ("http://127.0.0.1:8000/search/search_index.json?v=2", "xhr", "application/json", "search"),
        ("http://127.0.0.1:8000/sv/assets/images/chat-jono.svg", "image", "image/svg+xml", "image"),
        ("http://127.0.0.1:8000/assets/images/ohje-001.webp", "image", "", "image"),
        ("http://127.0.0.1:8000/fonts/x.woff2", "font", "", "font"),
        # No telling suffix: what the browser fetched it as, then the Content-Type.
        ("http://127.0.0.1:8000/picture", "image", "", "image"),
        ("http://127.0.0.1:8000/style", "other", "text/css; charset=utf-8", "css"),
        ("http://127.0.0.1:8000/data.json", "fetch", "application/json", "other"),
    ],
)
def test_each_response_is_counted_as_its_kind(url, resource_type, content_type, kind):
    assert kind_of(url, resource_type, content_type) == kind


def test_gzip_size_is_what_gzip_sends_for_the_body():
    text = ("<p>Valitse aika ja paina Vahvista.</p>\n" * 200).encode()
    packed = gzip_size(text)
    assert packed < len(text) / 10
    noise = os.urandom(5000)
    assert gzip_size(noise) > len(noise)  # incompressible data grows by gzip's header
    assert gzip_size(text) == packed  # no timestamp in the header: the same every time
    assert gzip.decompress(gzip.compress(text, mtime=0)) == text


def weight_of(*responses: Fetched) -> PageWeight:
    return PageWeight("http://127.0.0.1/sv/ohjeet/chat/", list(responses))


def test_page_weight_adds_up_bytes_by_kind_raw_and_compressed():
    weight = weight_of(
        Fetched("/sv/ohjeet/chat/", "html", 30_000, 7_000),
        Fetched("/a.css", "css", 140_000, 25_000),
        Fetched("/b.css", "css", 5_000, 2_000),
        Fetched("/c.js", "js", 150_000, 48_000),
        Fetched("/d.png", "image", 4_000, 3_900, on_load=False),
    )
    assert weight.by_kind() == {"html": 30_000, "css": 145_000, "js": 150_000, "image": 4_000, "font": 0, "search": 0, "other": 0}
    assert weight.total() == 329_000
    assert weight.total(compressed=True) == 85_900
    assert weight.total(first_load_only=True) == 325_000
    assert weight.by_kind(compressed=True, first_load_only=True)["image"] == 0
    report = weight.report()
    assert "search" in report and "329.0 kB" in report and "4.0 kB vasta vierittäessä" in report


def test_fetched_measures_the_body_it_is_given():
    body = b"x" * 2000
    item = fetched("http://h/sv/search/search_index.json", body, "xhr")
    assert (item.kind, item.raw_bytes, item.gzip_bytes) == ("search", 2000, gzip_size(body))


def test_over_budget_names_the_largest_files_only_when_over():
    small = weight_of(Fetched("http://h/a.js", "js", BUDGET_BYTES - 10, 1), Fetched("http://h/", "html", 10, 1))
    assert over_budget(small) is None
    large = weight_of(
        Fetched("http://h/assets/bundle.js", "js", 300_000, 1),
        Fetched("http://h/sv/search/search_index.json", "search", 120_000, 1),
    )
    message = over_budget(large)
    assert message is not None
    assert "420.0 kB > 400.0 kB" in message
    assert message.index("/assets/bundle.js") < message.index("/sv/search/search_index.json")


# --- Images no larger than they are shown ---------------------------------------------------


def test_oversized_images_allow_twice_the_shown_pixels_for_dense_screens():
    images = [
        ShownImage("http://h/a.png", 1280, 800, 640, 400),  # exactly 2×: sharp on a 2× screen
        ShownImage("http://h/b.webp", 2400, 1500, 690, 431),  # 3.5× wider than shown
        ShownImage("http://h/c.png", 600, 2000, 300, 400),  # too tall for its height
        ShownImage("http://h/d.svg", 4000, 4000, 100, 100),  # vector: drawn sharp at any size
        ShownImage("http://h/e.png", 3000, 2000, 0, 0),  # not shown at this width (print only)
        ShownImage("http://h/f.png", 641, 401, 320.4, 200.3),  # browsers round shown sizes
    ]
    problems = oversized_images(images)
    assert len(problems) == 2
    assert problems[0].startswith("http://h/b.webp: 2400×1500 px, shown 690×431 px")
    assert problems[1].startswith("http://h/c.png")
    assert oversized_images(images, density=6.0) == []


# --- The benchmark ------------------------------------------------------------------------


def test_language_phases_split_the_wall_time_at_the_log_lines():
    lines = [
        (0.1, "INFO    -  Cleaning site directory"),
        (1.0, "INFO    -  mkdocs_static_i18n: Building 'fi' documentation to directory: /x/site"),
        (1.2, "INFO    -  Building documentation to directory: /x/site"),
        (4.0, "INFO    -  mkdocs_static_i18n: Building 'sv' documentation to directory: /x/site/sv"),
        (6.5, "INFO    -  mkdocs_static_i18n: Building 'en' documentation to directory: /x/site/en"),
        (9.0, "INFO    -  mkdocs_static_i18n: Building 'selko' documentation to directory: /x/site/selko"),
        (9.5, "WARNING -  [PL101] docs/selko/x.md:3: ..."),
        (12.0, "INFO    -  Documentation built in 11.00 seconds"),
    ]
    phases = language_phases(lines, wall=12.25)
    assert phases == pytest.approx({STARTUP: 1.0, "fi": 3.0, "sv": 2.5, "en": 2.5, "selko": 3.0, FINISH: 0.25})
    assert sum(phases.values()) == pytest.approx(12.25)
    assert language_phases([(0.5, "ERROR - Config value 'x'")], wall=1.0) == {}


@pytest.mark.parametrize(
    ("path", "group"),
    [
        ("index.html", "fi"),
        ("ohjeet/chat/index.html", "fi"),
        ("assets/images/chat-jono.svg", "fi"),
        ("search/search_index.json", "fi"),
        ("sv/ohjeet/chat/index.html", "sv"),
        ("selko/search/search_index.json", "selko"),
        ("en/assets/images/chat-jono.svg", "en"),
        ("assets/javascripts/bundle.a5f9d56c.min.js", SHARED),
        ("assets/stylesheets/main.57a0d79d.min.css.map", SHARED),
        ("svenska/index.html", "fi"),
    ],
)
def test_size_group_assigns_every_built_file_to_a_language_or_the_shared_theme(path, group):
    assert size_group(path) == group


def test_output_size_adds_up_the_built_files(tmp_path):
    files = {
        "index.html": 100,
        "search/search_index.json": 40,
        "sv/index.html": 90,
        "sv/search/search_index.json": 30,
        "assets/javascripts/bundle.js": 500,
        "assets/javascripts/bundle.js.map": 2000,
    }
    for rel, size in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x" * size)
    size = output_size(tmp_path)
    assert size.groups == {"fi": 140, "sv": 120, "en": 0, "selko": 0, SHARED: 2500}
    assert (size.total, size.source_maps, size.files) == (2760, 2000, 6)
    assert size.search_index == {"fi": 40, "sv": 30}


def measurement(pages: int, plain: list[float], checked: list[float]) -> Measurement:
    runs = lambda walls: [BuildRun(w, w / 2, {STARTUP: 1.0, "fi": w - 1.0}) for w in walls]  # noqa: E731
    return Measurement(pages, runs(plain), runs(checked), pages, 0, pages * 0.01)


def test_measurement_takes_medians_and_the_ratio_of_medians():
    result = measurement(204, [10.0, 30.0, 12.0], [11.0, 13.0, 40.0])
    assert result.median(result.without_checks, 0) == 12.0
    assert result.ratio == pytest.approx(13.0 / 12.0)
    assert result.per_page_ms() == pytest.approx(12000 / 204)
    assert result.phases() == {STARTUP: 1.0, "fi": 11.0}
    report = result.report()
    assert "lisäys +8.3 %" in report and "käynnistys" in report


def test_timed_builds_keep_compiled_modules_whatever_the_shell_says():
    # Else every build of ours compiles guidekit and the hooks again and stock's does not.
    env = build_env({"PYTHONDONTWRITEBYTECODE": "1", "GUIDEKIT_CHECKS": "1", "PATH": "/usr/bin"})
    assert env == {"GUIDEKIT_CHECKS": "1", "PATH": "/usr/bin"}


def test_growth_reports_the_cost_of_each_added_page():
    small, large = measurement(204, [12.0], [13.0]), measurement(804, [42.0], [46.0])
    assert marginal_ms(small, large) == pytest.approx((50.0, 55.0))
    text = growth([(50, small), (200, large)])
    assert "N=50" in text and "N=200" in text and "lisäsivu 50.0 / 55.0 ms" in text


def test_generated_guides_are_valid_and_pass_the_authoring_checks(root, tmp_path):
    from guidekit.lint import lint_file, make_context, pages_under
    from guidekit.translations import OK, translation_state

    assert generate_site(tmp_path, root, guides=4) == 4 * 5
    ctx = make_context(tmp_path)
    findings = [f.format() for page in pages_under([], tmp_path) for f in lint_file(page, ctx)]
    assert findings == []
    # Grouped by service like a real site: one folder per service, named by the `service` field.
    folders = {path.parent.name for path in (tmp_path / "docs" / "fi" / "ohjeet").rglob("ohje-*.md")}
    assert len(folders) == 4 and folders <= set(service_ids(root))
    guide = (tmp_path / "docs" / "sv" / guide_path(2, service_ids(root))).read_text(encoding="utf-8")
    for field in ("title", "description", "service", "reviewed", "owner", "short", "source_hash"):
        assert f"\n{field}: " in guide
    assert f"\nservice: \"{guide_path(2, service_ids(root)).split('/')[1]}\"\n" in guide
    assert "](../../assets/images/ohje-002.png)" in guide
    source = (tmp_path / "docs" / "fi" / guide_path(2, service_ids(root))).read_text(encoding="utf-8")
    assert translation_state(source, guide)[0] == OK
    for lang in ("fi", "sv", "en"):
        assert (tmp_path / "docs" / lang / "assets" / "images" / "ohje-002.png").stat().st_size < 20_000


def test_the_weighed_guide_is_guide_1_in_its_service_folder(tmp_path):
    for rel in ("ohjeet/app/ohje-006/index.html", "ohjeet/chat/ohje-001/index.html", "sv/ohjeet/chat/ohje-001/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>", encoding="utf-8")
    assert first_guide(tmp_path) == "ohjeet/chat/ohje-001/"
    with pytest.raises(FileNotFoundError):
        first_guide(tmp_path / "sv" / "ohjeet")


def test_the_benchmark_reads_the_check_cost_the_build_logs():
    from guidekit.bench import checks_logged
    from guidekit.commands.lint import LintRun, LanguageSummary

    run = LintRun([], {"fi": LanguageSummary("fi", pages=3)}, None, pages_reused=2, process_cpu=1.25)
    logged = ["INFO    -  Building documentation", f"INFO    -  {run.checked_line()}"]
    assert checks_logged(logged) == (1.25, 2)
    assert checks_logged(["INFO    -  Documentation built in 1.0 seconds"]) is None
    assert "CPU" not in run.checked_line(with_cpu=False)  # in the build's own process: not the checks' alone
    assert checks_logged([run.checked_line(with_cpu=False)]) is None

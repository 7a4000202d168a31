"""MkDocs glue for the checks: every finding of `guidekit lint` becomes a build warning,
so `mkdocs build --strict` fails on it. The logic lives in guidekit/ (lint_pages).

static-i18n builds the site once per language inside one process and visits
Finnish pages again as fallbacks in the other languages' builds. So the pages are
checked once per build process: each source file once, as a page of its own
language (docs/<lang>/…), for every language being built. No finding appears twice.

The check runs in a separate worker process, started when the outermost build
starts and collected when it ends (after static-i18n has built the other
languages), so on a machine with a free core it adds little to the wall time.
Findings are logged then, before MkDocs counts warnings for --strict. Pages unchanged
since the last run reuse their results (guidekit/lintcache.py), so a rebuild of
`mkdocs serve` checks only what the author changed; the log says how many were reused.

Findings of severity `error` are MkDocs warnings (`--strict` fails); findings
configured as `warning` (severity: warning in guidekit.yml) are logged as info and
do not block the build. GUIDEKIT_CHECKS=0 switches the checks off (the benchmark
measures the build without them).

Under `mkdocs serve` (or with GUIDEKIT_PREVIEW_FINDINGS=1) each built page also shows
its own findings in a panel (guidekit/preview.py), written into the page's HTML file
once the findings are in; `mkdocs build` never writes one.

In the fast preview's incremental rebuilds (`./dev serve sv`, guidekit/incremental.py)
only the pages MkDocs built again are checked, without the site-wide checks (addresses,
data files: those change only with files that make the rebuild a whole one), and only
they get a new panel; the others keep theirs. Under `mkdocs serve` the worker process
started by a whole build stays up for the incremental rebuilds after it, so they do not
start Python and Voikko again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.commands.lint import lint_pages
from guidekit.config import ConfigError, load_config
from guidekit.findings import log_finding
from guidekit.lint import checks_enabled
from guidekit.languages import LANGUAGES
from guidekit.preview import findings_by_page, findings_panel, preview_wanted, with_panel
from guidekit.worker import exit_with_parent, worker_start_method

log = logging.getLogger("mkdocs.plugins.guidekit")
_run: dict = {}  # "executor", "future" of the build in progress
# `mkdocs serve` builds drafts and so checks them; `mkdocs build` publishes none and skips
# them: an unfinished draft must not stop the other pages from being published.
_command = {"serve": False}
_preview: dict = {"on": False, "pages": []}  # pages: (built HTML file, source relative to the repository)
_pool: dict = {}  # "executor": the worker kept between the rebuilds of `mkdocs serve`


def on_startup(command, dirty):
    _command["serve"] = command == "serve"
    _preview["on"] = preview_wanted(command)


DRAFTS_SKIPPED = "guidekit: luonnoksia (draft: true) ei julkaista eikä siksi tarkisteta rakennuksessa; guidekit lint tarkistaa ne: "



def _nested_build(config) -> bool:
    """True inside static-i18n's builds of the further languages of the same run."""
    i18n = config.plugins.get("guidekit-i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def languages_built(config) -> list[str]:
    i18n = config.plugins.get("guidekit-i18n")
    if i18n is None:
        return list(LANGUAGES)
    return [lang for lang in i18n.build_languages if lang in LANGUAGES]


def _incremental(config) -> bool:
    """Does this build render only the changed pages (guidekit/i18n_plugin.py decides)?"""
    i18n = config.plugins.get("guidekit-i18n")
    return bool(getattr(i18n, "incremental", False))


def _worker() -> ProcessPoolExecutor:
    executor = _pool.get("executor")
    if executor is None:
        method = worker_start_method(serving=_command["serve"], threads=threading.active_count())
        executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context(method),
            initializer=exit_with_parent, initargs=(os.getpid(),),
        )
        if _command["serve"]:
            _pool["executor"] = executor
    return executor


def _stop(broken: bool = False) -> None:
    executor = _run.pop("executor", None)
    _run.pop("future", None)
    _run.pop("args", None)
    _run.pop("options", None)
    _run.pop("incremental", None)
    if executor is not None and (broken or executor is not _pool.get("executor")):
        if executor is _pool.get("executor"):
            _pool.pop("executor")
        executor.shutdown(wait=False, cancel_futures=True)


def _submit(paths, root: Path, options: dict) -> None:
    try:
        executor = _worker()
        _run.update(executor=executor, future=executor.submit(lint_pages, paths, root, **options),
                    args=(paths, root), options=options)
    except (OSError, NotImplementedError):  # no processes allowed here: check in this one
        done: Future = Future()
        done.set_result(lint_pages(paths, root, **options))
        _run["future"] = done


def on_pre_build(config):
    # Also runs on each rebuild of `mkdocs serve`: the pages are read again then.
    if not checks_enabled() or _nested_build(config):
        return
    _stop()
    _preview["pages"] = []
    root = Path(config.config_file_path).parent
    try:
        load_config(root)  # a broken guidekit.yml stops the build at once, with its reason
    except ConfigError as error:
        raise PluginError(str(error)) from None
    if _incremental(config):
        _run["incremental"] = root  # the pages to check are known once they are built
        return
    on_shutdown()  # a whole build starts a fresh worker: it may follow a change of guidekit's code
    docs = Path(config.docs_dir)
    folders = [docs / lang for lang in languages_built(config) if (docs / lang).is_dir()]
    if not folders:
        return
    _submit(folders, root, {"site_checks": True, "skip_drafts": not _command["serve"]})


def _check_rebuilt_pages(config) -> None:
    """Incremental rebuild: check the pages built again, and only them."""
    root = _run["incremental"]
    i18n = config.plugins.get("guidekit-i18n")
    paths = sorted({Path(f.abs_src_path) for f in getattr(i18n, "rebuilt", []) if f.abs_src_path})
    if paths:
        _submit(paths, root, {"site_checks": False, "address_checks": False})


def _report() -> None:
    """Wait for the check and log its findings, once."""
    future = _run.get("future")
    if future is None:
        _stop()
        return
    # A worker kept between rebuilds counts its CPU time since it started: not this check's.
    in_worker = "executor" in _run and _run["executor"] is not _pool.get("executor")
    args, options = _run.get("args"), _run.get("options")
    try:
        result = future.result()
    except BrokenProcessPool:  # the worker died (e.g. killed for memory): check here instead
        _stop(broken=True)
        result = lint_pages(*args, **options)
        in_worker = False
    finally:
        _stop()
    if result.voikko_problem:
        log.warning(result.voikko_problem)  # said once; the Voikko rules then report nothing
    # Info, not a warning: tells the author how much was checked again (and the benchmark what it cost).
    log.info(result.checked_line(with_cpu=in_worker))
    if result.drafts:
        log.info(DRAFTS_SKIPPED + ", ".join(result.drafts))
    # The page rules and the site rules (addresses, data): what `guidekit lint` reports.
    for finding in result.findings:
        log_finding(log, finding)
    if _preview["on"]:
        _write_panels(result.findings)


@event_priority(-110)  # after the i18n plugin's on_env: every page to build again is read
def on_env(env, config, files):
    # Incremental rebuild: the pages to check are known now; the worker checks them while
    # MkDocs renders them.
    if "incremental" in _run and "future" not in _run and not _nested_build(config):
        _check_rebuilt_pages(config)
    return env


def on_post_page(output, page, config):
    # Recorded here, written in on_post_build: the findings come in after every language is built.
    if _preview["on"] and checks_enabled() and page.file.abs_src_path and page.file.abs_dest_path:
        root = Path(config.config_file_path).parent.resolve()
        try:
            source = Path(page.file.abs_src_path).resolve().relative_to(root).as_posix()
        except ValueError:
            return output
        _preview["pages"].append((Path(page.file.abs_dest_path), source))
    return output


def _write_panels(findings) -> None:
    """Each recorded page gets its panel (also one that says nothing was found: the author
    sees that the checks ran). A fallback page shows its Finnish source's findings."""
    by_page = findings_by_page(findings)
    for built, source in _preview["pages"]:
        try:
            html = built.read_text(encoding="utf-8")
            built.write_text(with_panel(html, findings_panel(by_page.get(source, []), source)), encoding="utf-8")
        except OSError as error:  # the preview still works, only without this page's panel
            log.info(f"guidekit: havaintopaneelia ei voitu kirjoittaa sivulle {built}: {error}")


@event_priority(-110)  # after static-i18n (-100) has built the other languages
def on_post_build(config):
    if not _nested_build(config):
        if "incremental" in _run and "future" not in _run:
            _check_rebuilt_pages(config)
        _report()


def on_shutdown():
    executor = _pool.pop("executor", None)
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)


def on_build_error(error):
    # Another problem stopped the build: still show the findings, the author fixes both.
    if not isinstance(error, KeyboardInterrupt):
        try:
            _report()
        except Exception:  # the check failed too; the build's own error is the one to show
            pass
    _stop()

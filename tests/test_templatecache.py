"""Compiled templates shared between the language builds (guidekit/templatecache.py): a
template is compiled once per process, compiled again when its source changes, and never
shared between environments that compile it differently."""

from __future__ import annotations

import jinja2
import pytest

from guidekit.templatecache import SharedTemplateCode


def environment(cache: SharedTemplateCode, templates: dict[str, str], **settings) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), **settings)
    env.bytecode_cache = cache
    return env


def no_compiling(env: jinja2.Environment, monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("compiled again")
    monkeypatch.setattr(env, "compile", refuse)


def test_a_second_environment_uses_the_code_the_first_compiled(monkeypatch):
    cache = SharedTemplateCode()
    templates = {"page.html": "{{ title | upper }} {% for x in items %}{{ x }}{% endfor %}"}
    first = environment(cache, templates)
    assert first.get_template("page.html").render(title="ohje", items=[1, 2]) == "OHJE 12"
    assert len(cache) == 1
    second = environment(cache, templates)
    no_compiling(second, monkeypatch)
    # The shared code runs with the second environment's own globals and filters.
    second.filters["upper"] = lambda text: f"<{text}>"
    assert second.get_template("page.html").render(title="ohje", items=[3]) == "<ohje> 3"


def test_an_edited_template_is_compiled_afresh():
    cache = SharedTemplateCode()
    assert environment(cache, {"page.html": "vanha"}).get_template("page.html").render() == "vanha"
    assert environment(cache, {"page.html": "uusi"}).get_template("page.html").render() == "uusi"
    assert len(cache) == 1  # the old code is replaced, not kept beside the new


@pytest.mark.parametrize("settings", [
    {"trim_blocks": True},
    {"autoescape": True},
    {"extensions": ["jinja2.ext.loopcontrols"]},
])
def test_environments_that_compile_differently_do_not_share_code(settings):
    cache = SharedTemplateCode()
    source = "{% if true %}\n<b>{{ text }}</b>{% endif %}"
    plain = environment(cache, {"page.html": source})
    assert plain.get_template("page.html").render(text="<i>") == "\n<b><i></b>"
    other = environment(cache, {"page.html": source}, **settings)
    fresh = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), **settings)
    assert other.get_template("page.html").render(text="<i>") == fresh.get_template("page.html").render(text="<i>")
    assert len(cache) == 2


def test_the_site_hook_gives_every_build_environment_the_shared_cache(root):
    import importlib.util

    from mkdocs.structure.files import Files

    from guidekit.templatecache import SHARED

    spec = importlib.util.spec_from_file_location("site_hook", root / "hooks" / "site.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    env = jinja2.Environment()
    assert hook.on_env(env, config=None, files=Files([])).bytecode_cache is SHARED

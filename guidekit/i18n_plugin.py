"""mkdocs-static-i18n, extended to know the plain-language variant "selko".

Why a subclass: static-i18n validates every language code against ISO 639-1
*while MkDocs loads the plugin config*, before any hook or other plugin runs, so
`selko` is rejected. Setting a per-language `theme.language: fi` on selko also
does not work: static-i18n saves the original theme config only once, so the
override leaks into the languages built after selko. Instead this plugin:

- accepts the locale `selko` (see SELKO below) and otherwise behaves exactly
  like static-i18n;
- lets Material use `theme.language = "selko"`, which loads our own
  overrides/partials/languages/selko.html: Finnish UI strings, simplified, and
  `"language": "fi"`, so selko pages get `<html lang="fi">`;
- gives each language switcher entry an `hreflang` that is a valid BCP 47 tag
  (`selko` is not one; selko becomes `fi-x-selko`, a private-use tag);
- keeps one 404 page per language (MkDocs writes 404.html to the site root on
  every language build, so the last language would otherwise win).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs import plugins
from mkdocs.config import config_options
from mkdocs_static_i18n import config as i18n_config
from mkdocs_static_i18n.plugin import I18n

SELKO = "selko"
HREFLANG = {SELKO: "fi-x-selko"}


class Locale(i18n_config.Locale):
    def run_validation(self, value):
        if value == SELKO:
            return value
        return super().run_validation(value)


class LanguageConfig(i18n_config.I18nPluginLanguage):
    locale = Locale(str)


class PluginConfig(i18n_config.I18nPluginConfig):
    build_only_locale = config_options.Optional(Locale(str))
    languages = config_options.ListOfItems(config_options.SubConfig(LanguageConfig, validate=True))


class GuidekitI18n(I18n):
    config_class = PluginConfig

    def reconfigure_material_theme(self, config, locale):
        config = super().reconfigure_material_theme(config, locale)
        for alternate in config.extra.get("alternate") or []:
            alternate["hreflang"] = HREFLANG.get(alternate["lang"], alternate["lang"])
        if self.extra_alternate:
            self.extra_alternate = [dict(a) for a in config.extra["alternate"]]
        return config

    @plugins.event_priority(-90)
    def on_post_build(self, config):
        # Runs just before static-i18n's own on_post_build (-100), which, in the
        # default language's build, builds every other language into site_dir.
        root_404 = Path(config.site_dir) / "404.html"
        outermost_build = self.is_default_language_build and not self.building
        if outermost_build:
            default_404 = root_404.read_bytes() if root_404.exists() else None
        elif root_404.exists():
            target = Path(config.site_dir) / self.current_language / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(root_404, target)
        super().on_post_build(config)
        if outermost_build:
            if default_404 is not None:
                root_404.write_bytes(default_404)
            # static-i18n leaves current_language at the last language built.
            self.current_language = self.default_language

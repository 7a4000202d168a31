"""Browser tests: the built site in Chromium (accessibility, keyboard, layout, language)."""

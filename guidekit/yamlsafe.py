"""The one YAML loader of guidekit: safe types only, and bounded.

Front matter, data/*.yml, guidekit.yml and the address record all load through here, so
a careless or hostile file costs at most a few milliseconds and one clear error:

- size: a text over `max_bytes` is not parsed at all;
- aliases: the node tree is walked with every alias expanded, and more than `max_nodes`
  nodes (a "billion laughs" alias bomb expands to 10^9) stops the load before anything is
  constructed;
- depth: more than `max_depth` levels of nesting stops it too. libyaml recurses on the C
  stack and crashes the process on about 100 000 levels, so a text with enough structure
  characters to nest that deep goes to the pure-Python parser, whose recursion is caught.

A limit reached raises YamlLimitError, a yaml.YAMLError with `problem` and `problem_mark`,
so every caller's existing YAML error handling reports it with the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml when available, as MkDocs uses: four times faster on every page of every build.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1024 * 1024  # the largest data file is about 20 kB
MAX_NODES = 100_000  # scalars, lists and mappings after aliases are expanded
MAX_DEPTH = 50
# Every level of nesting needs one of these characters: fewer than this many cannot nest
# deep enough to exhaust libyaml's C stack (it survives 10 000 levels).
NESTING_CHARACTERS = "[{-:?"
FAST_PARSER_MAX_INDICATORS = 5000


LIMIT_WORDS = {
    "fi": {
        "too_large": "liian suuri (yli {limit} kt)",
        "too_many": "liikaa arvoja (yli {limit}, ankkurit & ja viittaukset * mukaan laskien)",
        "too_deep": "liian syvä sisäkkäisyys (yli {limit} tasoa)",
    },
    "en": {
        "too_large": "too large (over {limit} kB)",
        "too_many": "too many values (over {limit}, counting what anchors & and aliases * repeat)",
        "too_deep": "nested too deep (over {limit} levels)",
    },
}


class YamlLimitError(yaml.YAMLError):
    """The text is too large, too deep or expands too far to be loaded; `reason` is a key of
    LIMIT_WORDS, `problem` its Finnish text (what YAML's own errors carry)."""

    def __init__(self, reason: str, limit: int, line: int = 0):
        self.reason, self.limit = reason, limit
        self.problem = describe_limit(self)
        super().__init__(self.problem)
        self.context = None
        self.problem_mark = yaml.Mark("<text>", 0, line, 0, None, None)

    def __str__(self) -> str:
        return self.problem


def describe_limit(error: YamlLimitError, message_lang: str = "fi") -> str:
    return LIMIT_WORDS.get(message_lang, LIMIT_WORDS["fi"])[error.reason].format(limit=error.limit)


def _loader_for(text: str):
    indicators = sum(text.count(character) for character in NESTING_CHARACTERS)
    return FAST_LOADER if indicators < FAST_PARSER_MAX_INDICATORS else yaml.SafeLoader


def _flow_depth(text: str) -> int:
    """The deepest nesting of [ and { outside quotes and comments: an estimate of the flow
    depth (a stray apostrophe makes it lower, never higher: text in quotes is not refused)."""
    depth = deepest = 0
    quote = None
    for character in text:
        if quote:
            if character == quote or character == "\n" and quote == "#":
                quote = None
        elif character in "'\"#":
            quote = "#" if character == "#" else character
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}" and depth:
            depth -= 1
    return deepest


def _check_tree(node, max_nodes: int, max_depth: int) -> None:
    """Walk the node graph as construction would expand it; raise at the first limit."""
    count = 0
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        count += 1
        if count > max_nodes:
            raise YamlLimitError("too_many", max_nodes, current.start_mark.line if current.start_mark else 0)
        if depth > max_depth:
            raise YamlLimitError("too_deep", max_depth, current.start_mark.line if current.start_mark else 0)
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def compose(text: str, *, max_bytes: int = MAX_BYTES, max_nodes: int = MAX_NODES,
            max_depth: int = MAX_DEPTH):
    """The checked node tree of a YAML text (None for an empty one); raises yaml.YAMLError."""
    node, loader = _compose(text, max_bytes, max_nodes, max_depth)
    loader.dispose()
    return node


def _compose(text: str, max_bytes: int, max_nodes: int, max_depth: int):
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text.encode("utf-8", errors="replace")) > max_bytes:
        raise YamlLimitError("too_large", max_bytes // 1024)
    loader_class = _loader_for(text)
    if loader_class is yaml.SafeLoader and _flow_depth(text) > max_depth:
        # The pure-Python scanner is quadratic in the depth of [ and { (seconds for a few
        # thousand): such a text is refused before it is scanned.
        raise YamlLimitError("too_deep", max_depth)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
    except RecursionError:
        loader.dispose()
        raise YamlLimitError("too_deep", max_depth) from None
    except BaseException:
        loader.dispose()
        raise
    if node is not None:
        try:
            _check_tree(node, max_nodes, max_depth)
        except BaseException:
            loader.dispose()
            raise
    return node, loader


def load(text: str, *, max_bytes: int = MAX_BYTES, max_nodes: int = MAX_NODES,
         max_depth: int = MAX_DEPTH):
    """A YAML text as Python data (safe types only); raises yaml.YAMLError (YamlLimitError at a
    limit) and ValueError for an impossible date such as 2026-02-30."""
    node, loader = _compose(text, max_bytes, max_nodes, max_depth)
    try:
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def read_text(path: Path) -> str:
    """A YAML file's text: UTF-8, a byte-order mark allowed. Raises OSError, UnicodeDecodeError."""
    return Path(path).read_text(encoding="utf-8-sig")


def load_file(path: Path, **limits):
    """load() of a file's text; raises OSError, UnicodeDecodeError and load()'s errors."""
    return load(read_text(path), **limits)

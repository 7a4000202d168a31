"""How well the plain-language rules tell good text from bad: findings per 100 words over
the calibration corpora in tests/corpora/<lang>/{pass,flag}/ (issue 13).

Each corpus file is a short published passage with its source in the front matter; the
rules of the corpus's language judge it (or of `judged_as`). Only PL findings count:
the passages are not pages of this site, so front-matter and image rules do not apply.

    .venv/bin/python -m guidekit.calibration    # the table BENCHMARKS.md carries
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from guidekit.config import find_root
from guidekit.document import parse_document
from guidekit.frontmatter import read_front_matter
from guidekit.lint import LintContext, findings_for, make_context
from guidekit.rules.plain import sentences

CORPORA_DIR = Path("tests") / "corpora"
LANGUAGES = ("fi", "selko", "sv", "en")
KINDS = ("pass", "flag")
# A pass corpus with no findings at all would make the ratio infinite: its rate counts
# as at least this much (one finding in 1 000 words) when the separation is computed.
RATE_FLOOR = 0.1


@dataclass
class CorpusResult:
    lang: str
    kind: str
    files: int = 0
    words: int = 0
    findings: int = 0
    rules: Counter = field(default_factory=Counter)
    per_file: dict = field(default_factory=dict)  # file name -> (words, findings)

    @property
    def per_100_words(self) -> float:
        return 100.0 * self.findings / self.words if self.words else 0.0


def corpus_files(root: Path, lang: str, kind: str) -> list[Path]:
    return sorted((root / CORPORA_DIR / lang / kind).glob("*.md"))


def judge(path: Path, lang: str, ctx: LintContext) -> tuple[int, list]:
    """(words of running text, PL findings) of one corpus file under its language's rules."""
    text = path.read_text(encoding="utf-8")
    judged_as = str(read_front_matter(text).data.get("judged_as") or lang)
    doc = parse_document(text, ctx.relative(path), judged_as, ctx.facts, path)
    words = sum(s.word_count for s in sentences(doc, ctx) if s.unit.kind != "heading")
    return words, [f for f in findings_for(doc, ctx) if f.rule.startswith("PL")]


def measure(root: Path | None = None, ctx: LintContext | None = None) -> list[CorpusResult]:
    root = find_root(root)
    ctx = ctx or make_context(root)
    results = []
    for lang in LANGUAGES:
        for kind in KINDS:
            result = CorpusResult(lang, kind)
            for path in corpus_files(root, lang, kind):
                words, findings = judge(path, lang, ctx)
                result.files += 1
                result.words += words
                result.findings += len(findings)
                result.rules.update(f.rule for f in findings)
                result.per_file[path.name] = (words, len(findings))
            results.append(result)
    return results


def separation(results: list[CorpusResult], lang: str) -> float:
    """How many times more findings per 100 words the flag corpus gets than the pass corpus."""
    by_kind = {r.kind: r for r in results if r.lang == lang}
    return by_kind["flag"].per_100_words / max(by_kind["pass"].per_100_words, RATE_FLOOR)


def table(results: list[CorpusResult]) -> str:
    lines = [
        "| corpus | files | words | findings | per 100 words | separation | findings by rule |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        rules = ", ".join(f"{rule} {count}" for rule, count in sorted(result.rules.items())) or "–"
        ratio = f"{separation(results, result.lang):.1f}×" if result.kind == "flag" else ""
        lines.append(
            f"| {result.lang}/{result.kind} | {result.files} | {result.words} | {result.findings} "
            f"| {result.per_100_words:.1f} | {ratio} | {rules} |"
        )
    return "\n".join(lines)


def main() -> int:
    print(table(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

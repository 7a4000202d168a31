"""guidekit lint [PATH…] [--format text|json] [--messages fi|en]"""

from __future__ import annotations

import sys
from pathlib import Path

from guidekit.config import ConfigError
from guidekit.findings import to_json
from guidekit.lint import lint_file, make_context, pages_under


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="sivut tai kansiot (oletus: docs/<kieli>/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--messages", choices=("fi", "en"), default="fi", help="ilmoitusten kieli")


def run(args) -> int:
    try:
        ctx = make_context(message_lang=args.messages)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    findings = []
    for page in pages_under([p.resolve() for p in args.paths], ctx.root):
        findings.extend(lint_file(page, ctx))
    if args.format == "json":
        print(to_json(findings))
    else:
        for finding in findings:
            print(finding.format())
    return 1 if findings else 0

"""Rewrap docstring and comment lines longer than the line length, keeping their Markdown.

scripts/convert_roles.py turned Sphinx roles into cross-references
(``[`lock`][zgw_client.documenten.EnkelvoudigInformatieObjecten.lock]``), which made some
docstring lines longer than ruff's 100 columns (E501). This rewraps each paragraph that
has a line over the limit, in docstrings (string statements) and full-line comments only:

* a paragraph is prose at one indentation: plain lines, a list item (``- ``, ``* ``,
  ``1. ``) with its continuation lines, or a Google-style entry under ``Args:``,
  ``Raises:``, ``Attributes:`` (``name: text``) with its hanging continuation; it keeps
  its indentation, and the words keep their order;
* fenced blocks, indented blocks (after a blank line or ``::``), doctests, tables,
  headings, admonition lines, box-drawing trees and section headers stay as they are, and
  a wrapped line never starts with what Markdown reads as structure (``-``, ``1.``, ``#``,
  ``|``, ``>``) or a comment with a pragma (``type:``, ``noqa``);
* paragraphs without an overlong line are left alone, so a second run changes nothing.

Code is never changed: the result is checked to parse to the same tree, with the same
docstrings up to whitespace, and the same tokens apart from comments. Generated files are
skipped (``_sync/``, written by ``scripts/unasync.py``, which this runs after changing the
async source; ``_filters.py``, written by ``scripts/gen_filters.py``).

Usage::

    python scripts/reflow_docstrings.py              # src, tests, scripts, benchmarks, examples
    python scripts/reflow_docstrings.py --check      # exit 1 if a file would change
    python scripts/reflow_docstrings.py path/to/file.py
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WIDTH = 100
DEFAULT_PATHS = ("src", "tests", "scripts", "benchmarks", "examples")
#: Written by a generator: change the generator's input instead (see pyproject's ruff excludes).
GENERATED = (re.compile(r"(^|/)src/zgw_client/_sync/"), re.compile(r"(^|/)_filters\.py$"))

_SECTION = re.compile(
    r"(Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments|Other Parameters"
    r"|Attributes|Raises|Exceptions|Except|Warns|Methods|Returns|Return|Yields|Yield"
    r"|Example|Examples|Note|Notes|Warning|Warnings|See Also|Todo|References):"
)
#: Sections whose entries (``name: text``) continue on lines indented under them.
_HANGING = frozenset(
    {
        "Args",
        "Arguments",
        "Parameters",
        "Params",
        "Keyword Args",
        "Keyword Arguments",
        "Other Parameters",
        "Attributes",
        "Raises",
        "Exceptions",
        "Except",
        "Warns",
        "Methods",
    }
)
_LIST_ITEM = re.compile(r"([-*+]|\d+[.)])( +)(?=\S)")
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
#: A word that would make a line start a Markdown structure (a list, heading, table, quote).
_STRUCTURE_START = re.compile(r"([-*+=]|\d+[.)]|[#|>].*|```.*|~~~.*)")
#: What tools read at the start of a comment: a wrapped line must not begin with it.
_PRAGMA = re.compile(r"(type|noqa|pragma|fmt|isort|ruff|mypy|pyright|pylint)\b", re.I)


@dataclass
class Region:
    """Lines of prose to rewrap: a docstring (``prefix`` "") or a run of comment lines
    (``prefix`` the indentation and the ``#`` or ``#:`` marker)."""

    start: int  #: 0-based index of the first physical line
    prefix: str
    lines: list[str]  #: the lines without ``prefix``
    base: int  #: indentation of the region's own text
    comment: bool


@dataclass
class Paragraph:
    lines: list[int] = field(default_factory=list)  #: indexes into the region's lines
    first_indent: int = 0
    rest_indent: int = 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_section_header(text: str) -> str | None:
    match = _SECTION.fullmatch(text)
    return match.group(1) if match else None


def paragraphs(region: Region) -> Iterator[Paragraph]:
    """The prose paragraphs of ``region``; every other line is left as it is."""
    lines = region.lines
    i = 0
    fenced = False
    literal_above: int | None = None  # indentation of a paragraph that ended with "::"
    section: tuple[str, int] | None = None  # (name, indentation of its header)
    entry_indent: int | None = None
    after_blank = True
    while i < len(lines):
        line = lines[i]
        text = line.strip()
        indent = _indent(line)
        if not text:
            after_blank = True
            i += 1
            continue
        if text.startswith(("```", "~~~")):
            fenced = not fenced
            i += 1
            after_blank = False
            continue
        if fenced:
            i += 1
            continue
        if literal_above is not None:
            if indent > literal_above:
                i += 1
                continue
            literal_above = None
        if section is not None and indent <= section[1]:
            section, entry_indent = None, None
        container = region.base if section is None else section[1] + 4
        if after_blank and indent >= container + 4:  # an indented code block
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) >= container + 4):
                i += 1
            after_blank = True
            continue
        after_blank = False
        name = _is_section_header(text)
        if name is not None:
            section, entry_indent = (name, indent), None
            i += 1
            continue
        if _fixed(text, region.comment):
            if text.startswith(">>> "):  # a doctest and its output, up to a blank line
                while i < len(lines) and lines[i].strip():
                    i += 1
                continue
            i += 1
            continue
        paragraph = Paragraph([i], indent, indent)
        item = _LIST_ITEM.match(text)
        hanging = False
        if item:
            paragraph.rest_indent = indent + item.end()
        elif section is not None and section[0] in _HANGING:
            if entry_indent is None:
                entry_indent = indent
            if indent == entry_indent:
                hanging = True
                paragraph.rest_indent = indent + 4
        j = i + 1
        rest: int | None = None
        while j < len(lines):
            following = lines[j].strip()
            follow_indent = _indent(lines[j])
            if not following or _fixed(following, region.comment):
                break
            if _is_section_header(following) or following.startswith(("```", "~~~")):
                break
            if hanging:
                if follow_indent <= indent or (rest is not None and follow_indent != rest):
                    break
                rest = follow_indent
            elif item:
                if follow_indent != paragraph.rest_indent or _LIST_ITEM.match(following):
                    break
            elif follow_indent != indent or _LIST_ITEM.match(following):
                break
            paragraph.lines.append(j)
            j += 1
        if hanging and rest is not None:
            paragraph.rest_indent = rest
        if text.endswith("::") or lines[paragraph.lines[-1]].rstrip().endswith("::"):
            literal_above = indent
        yield paragraph
        i = j


def _fixed(text: str, comment: bool) -> bool:
    """A line that is structure, not prose: it is kept as it is and ends a paragraph."""
    if text in ('"""', "'''") or text.startswith(("|", "#", ">>> ", "... ", "!!!", "???")):
        return True
    if comment and (_PRAGMA.match(text) or text.startswith("!")):
        return True
    return bool(_BOX_DRAWING.search(text))


def fill(words: list[str], first: str, rest: str, width: int, comment: bool) -> list[str]:
    """Greedy fill; a word that would start a line as structure goes down with the word
    before it."""

    def starts_structure(word: str) -> bool:
        return bool(_STRUCTURE_START.fullmatch(word) or (comment and _PRAGMA.match(word)))

    out: list[str] = []
    prefix, line = first, [words[0]]
    for word in words[1:]:
        if len(prefix + " ".join([*line, word])) <= width:
            line.append(word)
            continue
        carried = [word]
        while starts_structure(carried[0]) and len(line) > 1:
            carried.insert(0, line.pop())
        if starts_structure(carried[0]):  # nowhere to break: the line stays long
            line.extend(carried)
            continue
        out.append(prefix + " ".join(line))
        prefix, line = rest, carried
    out.append(prefix + " ".join(line))
    return out


def reflow_region(region: Region, width: int = WIDTH) -> list[str] | None:
    """The region's new lines, or None when no paragraph needed rewrapping."""
    lines = list(region.lines)
    changed = False
    for paragraph in reversed(list(paragraphs(region))):
        texts = [lines[k] for k in paragraph.lines]
        if all(len(region.prefix) + len(t.rstrip()) <= width for t in texts):
            continue
        if any(t.rstrip().endswith("\\") for t in texts):  # a line continuation in a string
            continue
        words = " ".join(t.strip() for t in texts).split()
        new = fill(
            words,
            region.prefix + " " * paragraph.first_indent,
            region.prefix + " " * paragraph.rest_indent,
            width,
            region.comment,
        )
        new = [line[len(region.prefix) :] for line in new]
        if new != texts:
            lines[paragraph.lines[0] : paragraph.lines[-1] + 1] = new
            changed = True
    return lines if changed else None


def _docstring_starts(tree: ast.AST) -> set[int]:
    """First lines of every string statement (module, class, function, attribute docs)."""
    return {
        node.value.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def regions(source: str) -> Iterator[Region]:
    """The docstrings and runs of full-line comments of ``source``, last first."""
    lines = source.splitlines()
    starts = _docstring_starts(ast.parse(source))
    found: list[Region] = []
    comments: list[tuple[int, str, str]] = []  # (line index, prefix, text)
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and token.start[0] in starts:
            first, last = token.start[0] - 1, token.end[0] - 1
            if (
                previous in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT)
                and not lines[first][: token.start[1]].strip()
                and token.end[1] == len(lines[last].rstrip())
                and token.string.endswith(('"""', "'''"))
            ):
                found.append(Region(first, "", lines[first : last + 1], token.start[1], False))
        elif (
            token.type == tokenize.COMMENT
            and not lines[token.start[0] - 1][: token.start[1]].strip()
        ):
            marker = "#:" if token.string.startswith("#:") else "#"
            indent = " " * token.start[1]
            comments.append((token.start[0] - 1, indent + marker, token.string[len(marker) :]))
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type
    group: list[tuple[int, str, str]] = []
    for entry in [*comments, (-2, "", "")]:
        if group and (entry[0] != group[-1][0] + 1 or entry[1] != group[0][1]):
            texts = [t for _, _, t in group]
            found.append(Region(group[0][0], group[0][1], texts, 1, True))
            group = []
        group.append(entry)
    yield from sorted(found, key=lambda r: r.start, reverse=True)


def reflow_source(source: str, width: int = WIDTH) -> str:
    """``source`` with its overlong docstring and comment paragraphs rewrapped."""
    lines = source.splitlines()
    for region in regions(source):
        new = reflow_region(region, width)
        if new is not None:
            end = region.start + len(region.lines)
            lines[region.start : end] = [(region.prefix + t).rstrip() for t in new]
    result = "\n".join(lines) + ("\n" if source.endswith("\n") else "")
    if result != source:
        check_same_code(source, result)
    return result


def _normalised_tree(source: str) -> str:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            node.value.value = " ".join(node.value.value.split())
    return ast.dump(tree)


def _code_tokens(source: str) -> list[tuple[int, str]]:
    skipped = (tokenize.COMMENT, tokenize.NL, tokenize.STRING)
    return [
        (t.type, t.string)
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in skipped
    ]


def _comment_words(source: str) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return " ".join(t.string.lstrip("#:") for t in tokens if t.type == tokenize.COMMENT).split()


def check_same_code(before: str, after: str) -> None:
    """Raise unless ``after`` is ``before`` with only docstring and comment layout changed."""
    if _normalised_tree(before) != _normalised_tree(after):
        raise AssertionError("the code or a docstring's words changed")
    if _code_tokens(before) != _code_tokens(after):
        raise AssertionError("the tokens outside strings and comments changed")
    if _comment_words(before) != _comment_words(after):
        raise AssertionError("the words of the comments changed")


def python_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        candidates = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for candidate in candidates:
            relative = candidate.resolve().as_posix()
            if any(p.search(relative) for p in GENERATED) or "/.venv/" in relative:
                continue
            found.append(candidate)
    return found


def long_lines(source: str, width: int = WIDTH) -> list[int]:
    """1-based numbers of the docstring and comment lines still over ``width``, but for a
    line of one word (which ruff's E501 allows too: there is nowhere to break it)."""
    over = []
    for region in regions(source):
        for offset, text in enumerate(region.lines):
            line = region.prefix + text.rstrip()
            if len(line) > width and len(line.lstrip(" #:").split()) > 1:
                over.append(region.start + offset + 1)
    return sorted(over)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or directories")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if needed")
    parser.add_argument("--width", type=int, default=WIDTH)
    args = parser.parse_args()
    paths = args.paths or [REPO / p for p in DEFAULT_PATHS if (REPO / p).exists()]
    changed: list[Path] = []
    for path in python_files(paths):
        source = path.read_text(encoding="utf-8")
        result = reflow_source(source, args.width)
        if result != source:
            changed.append(path)
            if not args.check:
                path.write_text(result, encoding="utf-8")
        for number in long_lines(result, args.width):
            print(f"{path}:{number}: still over {args.width} columns (kept as structure)")
    verb = "would change" if args.check else "changed"
    print(f"{len(changed)} files {verb}")
    for path in changed:
        print(f"  {path}")
    if changed and not args.check and any("_async" in p.parts for p in changed):
        subprocess.run([sys.executable, str(REPO / "scripts" / "unasync.py")], check=True)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

"""scripts/reflow_docstrings.py: long docstring and comment lines rewrapped, Markdown and
code untouched, and a second run changes nothing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "reflow_docstrings", REPO / "scripts" / "reflow_docstrings.py"
)
assert _spec is not None
assert _spec.loader is not None
reflow = importlib.util.module_from_spec(_spec)
sys.modules["reflow_docstrings"] = reflow
_spec.loader.exec_module(reflow)

REF = "[`resume_upload`][zgw_client.documenten.EnkelvoudigInformatieObjecten.resume_upload]"
# Lines over 100 columns are built here: this file itself keeps to the limit.
LONG_CODE = "x = " + " + ".join(f"value_{i}" for i in range(20))
TABLE_ROW = "| a table row that stays as it is, " + "as a table row cannot wrap " * 3 + "| no |"
LONG_STRING = 'LONG_STRING = """A plain string, not a docstring: ' + "kept as it is. " * 5 + '"""'
TRAILING = "y = 1  # a trailing comment on code, " + "which the script must not move " * 3

SOURCE = f'''"""Module summary that is short.

A paragraph with a reference {REF} that makes this line far too long for the limit, so
it is rewrapped at the same indentation.

- a list item with a reference {REF} and more words
  after it, continued under the item
- a short item

{TABLE_ROW}

```python
{LONG_CODE}
```

Example::

    {LONG_CODE}
"""

{LONG_CODE}
{LONG_STRING}
{TRAILING}


#: An attribute comment with a reference {REF} that is too long,
#: continued on a second line.
CONSTANT = 1


def function(a: int) -> int:
    """Summary of the function with a reference {REF}.

    Args:
        a: the argument, described with a reference {REF} and then some more words
            on a continuation line.

    Returns:
        The value.
    """
    # A comment in a function: a long line with a reference {REF}, then - a dash.
    return a
'''


def test_long_lines_are_rewrapped_and_none_is_left() -> None:
    out = reflow.reflow_source(SOURCE)
    assert out != SOURCE
    kept = [  # a table row and code cannot wrap: reported
        n
        for n, line in enumerate(out.splitlines(), 1)
        if line in (TABLE_ROW, LONG_CODE, "    " + LONG_CODE)
    ]
    # every other docstring and comment line fits; the fourth is code, not a docstring
    assert reflow.long_lines(out) == kept[:3]


def test_a_second_run_changes_nothing() -> None:
    once = reflow.reflow_source(SOURCE)
    assert reflow.reflow_source(once) == once


def test_code_and_other_strings_are_untouched() -> None:
    out = reflow.reflow_source(SOURCE)
    for line in SOURCE.splitlines():
        if line in (LONG_CODE, LONG_STRING, TRAILING):
            assert line in out.splitlines()  # code, a plain string and a trailing comment
    assert f"```python\n{LONG_CODE}\n```" in out  # a fenced block
    assert f"Example::\n\n    {LONG_CODE}\n" in out  # a literal block after ::


def test_markdown_structure_and_indentation_are_kept() -> None:
    out = reflow.reflow_source(SOURCE).splitlines()
    item = out.index("- a list item with a reference")
    assert out[item + 1] == f"  {REF} and more"  # continuation under the item
    assert out[item + 2] == "  words after it, continued under the item"
    assert "- a short item" in out
    entry = next(i for i, line in enumerate(out) if line.startswith("        a: the argument"))
    assert all(line.startswith(" " * 12) for line in out[entry + 1 : entry + 3])  # hanging
    assert "    Args:" in out
    assert "    Returns:" in out
    comment = next(i for i, line in enumerate(out) if line.startswith("#: An attribute"))
    assert out[comment + 1].startswith("#: ")  # each line keeps the #: marker
    assert all(not line.lstrip().startswith(("# -", "- a dash")) for line in out)


def test_a_wrapped_line_never_starts_as_markdown_structure_or_a_pragma() -> None:
    words = ["word"] * 20 + ["-", "dash", "1.", "one", "type:", "ignore"]
    for word in ("-", "1.", "type:"):
        for count in range(15, 25):
            text = " ".join([*words[:count], word, *words[20:]])
            lines = reflow.fill(text.split(), "# ", "# ", 60, comment=True)
            assert all(not line[2:].startswith(word) for line in lines[1:]), lines


def test_paragraphs_within_the_limit_are_left_as_written() -> None:
    source = '"""Short.\n\nA paragraph wrapped early,\nat will.\n"""\n'
    assert reflow.reflow_source(source) == source


def test_the_guard_refuses_a_change_to_code() -> None:
    with pytest.raises(AssertionError, match="code"):
        reflow.check_same_code("x = 1\n", "x = 2\n")
    with pytest.raises(AssertionError, match="words"):
        reflow.check_same_code('"""One two."""\n', '"""One three."""\n')


def test_idempotent_on_the_sources() -> None:
    """The project's own files: after one run, a second changes nothing."""
    files = reflow.python_files([REPO / "src", REPO / "scripts"])
    assert files
    assert not [f for f in files if "_sync" in f.parts]  # generated: left to unasync
    for path in files:
        once = reflow.reflow_source(path.read_text(encoding="utf-8"))
        assert reflow.reflow_source(once) == once, path

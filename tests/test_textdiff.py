"""The linear unified diff of `refkit format --diff`: a valid patch, difflib's format."""

from __future__ import annotations

import difflib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refkit.textdiff import unified_diff


def split(text: str) -> list[str]:
    """Lines as patch reads them: ended by "\n" only."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def apply(old: str, patch: str) -> str:
    """Apply a unified diff (as `patch` does) to check it is one."""
    lines = split(old)
    out: list[str] = []
    pos = 0
    body = split(patch)[2:]
    i = 0
    while i < len(body):
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", body[i])
        assert m, body[i]
        start = int(m.group(1)) - (0 if m.group(2) == "0" else 1)
        out.extend(lines[pos:start])
        pos = start
        i += 1
        while i < len(body) and not body[i].startswith("@@"):
            line = body[i]
            text = line[1:]
            if i + 1 < len(body) and body[i + 1].startswith("\\ No newline"):
                text = text[:-1]
                i += 1
            if line[0] in " -":
                assert lines[pos] == text, (lines[pos], text)
                pos += 1
            if line[0] in " +":
                out.append(text)
            i += 1
    out.extend(lines[pos:])
    return "".join(out)


OLD = "".join(f"@misc{{k{i},\n  title = {{T{i}}},\n  pages = {{1-2}},\n}}\n\n" for i in range(40))


@pytest.mark.parametrize("new", [
    OLD,
    OLD.replace("{1-2}", "{1--2}"),                        # every entry changes
    OLD.replace("T7}", "T7 changed}"),                     # one entry
    OLD.replace("@misc{k3,", "@misc{k3x,") + "@misc{z,\n}\n",  # a key and an added entry
    "% header\n" + OLD[: len(OLD) // 2],                   # deleted entries, a new header
    OLD.rstrip("\n"),                                      # no final line end
    OLD.replace("T5}", "T5\x0c\u2028x}"),                    # line separators inside a value
    OLD.replace("{k9,", "{k9,\r"),                          # a stray carriage return
    "",
])
def test_the_patch_turns_old_into_new(new: str) -> None:
    patch = unified_diff(OLD, new, "a", "b")
    assert apply(OLD, patch) == new if patch else OLD == new


def test_same_output_as_difflib_when_entries_align() -> None:
    new = OLD.replace("T7}", "T7 changed}").replace("pages = {1-2},\n}\n\n@misc{k30", "pages = {1--2},\n}\n\n@misc{k30")
    expected = "".join(difflib.unified_diff(OLD.splitlines(True), new.splitlines(True), "a", "b"))
    assert unified_diff(OLD, new, "a", "b") == expected


entry_text = st.builds(lambda key, title, pages: f"@misc{{{key},\n  title = {{{title}}},\n  pages = {{{pages}}},\n}}\n",
                       st.sampled_from("abcde"), st.sampled_from(["X", "Y", "A study"]), st.sampled_from(["1-2", "3"]))
bib_text = st.lists(st.one_of(entry_text, st.sampled_from(["\n", "% note\n", "@string{j = {J}}\n"])), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(bib_text, bib_text)
def test_any_two_texts(old: str, new: str) -> None:
    patch = unified_diff(old, new, "a", "b")
    assert (patch == "") == (old == new)
    if patch:
        assert apply(old, patch) == new

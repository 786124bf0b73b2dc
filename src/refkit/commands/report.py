"""Exit codes, decided in one place (black's ``Report.return_code`` shape).

Every command counts what happened in a :class:`Report` and returns
``report.return_code``:

====  ====================================================================
0     success: files written, nothing to report (``format FILE`` that
      rewrote a file also exits 0, as black and ruff do)
1     findings: ``check`` found problems; ``format --check``/``--diff``
      found a file that would change; ``convert`` found no entries
2     an error: unreadable input, bad options, an internal error
3     ``enrich``: some lookups failed (network, server); what was found is
      still written, but the result is incomplete (2 wins over 3)
130   interrupted (Ctrl-C)
====  ====================================================================

An internal error (a bug) is never 1, so a hook or a script cannot read a
crash as "changes found".
"""

from __future__ import annotations

__all__ = ["EXIT_OK", "EXIT_FINDINGS", "EXIT_ERROR", "EXIT_CHANGED", "EXIT_LOOKUPS_FAILED", "EXIT_INTERRUPTED", "Report", "plural"]

EXIT_OK = 0
EXIT_FINDINGS = 1
#: ``enrich``: a file was changed (enrich keeps "1 = changed": a run that edits
#: your bibliography says so, as ``format --check`` would)
EXIT_CHANGED = 1
EXIT_ERROR = 2
EXIT_LOOKUPS_FAILED = 3
EXIT_INTERRUPTED = 130

_PLURALS = {"entry": "entries", "was": "were", "is": "are", "has": "have"}


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``, ``1 entry``, ``3 entries``, ``2 duplicate entries``
    (the last word of ``noun`` takes the plural)."""
    if count == 1:
        return f"{count} {noun}"
    head, _, word = noun.rpartition(" ")
    if word in _PLURALS:
        word = _PLURALS[word]
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        word = word[:-1] + "ies"
    elif word.endswith(("s", "x", "ch", "sh")):
        word += "es"
    else:
        word += "s"
    return f"{count} {head + ' ' if head else ''}{word}"


class Report:
    """What one run did to its files, and the exit code that follows.

    ``report_only`` (``--check``/``--diff``): a change is a finding, since
    nothing was written. ``findings`` counts anything else worth a non-zero
    exit (problems found by ``check``, failed lookups …).
    """

    # a plain class, not a dataclass: importing dataclasses (and inspect) would
    # double the start-up time of every command, `refkit --version` included
    def __init__(self, report_only: bool = False, findings: int = 0) -> None:
        self.report_only = report_only
        self.changed = 0
        self.unchanged = 0
        self.failed = 0
        self.findings = findings

    def __repr__(self) -> str:
        return (f"Report(report_only={self.report_only}, changed={self.changed}, unchanged={self.unchanged}, "
                f"failed={self.failed}, findings={self.findings})")

    def done(self, changed: bool) -> None:
        """One file handled (rewritten, or would be, when ``changed``)."""
        if changed:
            self.changed += 1
        else:
            self.unchanged += 1

    def failure(self) -> None:
        """One file could not be handled (its error is printed by the caller)."""
        self.failed += 1

    @property
    def return_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        if self.findings or (self.report_only and self.changed):
            return EXIT_FINDINGS
        return EXIT_OK

    def summary(self, done: str = "reformatted", failed: str = "failed to reformat") -> str:
        """Black's closing line: ``1 file reformatted, 2 files left unchanged.``
        (``would be reformatted`` with ``report_only``)."""
        parts = []
        if self.changed:
            verb = f"would be {done}" if self.report_only else done
            parts.append(f"{plural(self.changed, 'file')} {verb}")
        if self.unchanged:
            verb = "would be left unchanged" if self.report_only else "left unchanged"
            parts.append(f"{plural(self.unchanged, 'file')} {verb}")
        if self.failed:
            verb = f"would fail to {failed.removeprefix('failed to ')}" if self.report_only else failed
            parts.append(f"{plural(self.failed, 'file')} {verb}")
        return ", ".join(parts) + "." if parts else "No files given."


def internal_error(exc: BaseException, path: str | None = None) -> str:
    """The one-line message for an unexpected exception (see :func:`refkit.errors.describe_bug`)."""
    from ..errors import InternalError, describe_bug

    if isinstance(exc, InternalError):
        return str(exc) if path is None or str(exc).startswith(f"{path}: ") else f"{path}: {exc}"
    return describe_bug(exc, path)

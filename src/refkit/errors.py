"""refkit's exceptions: one base class, a few subclasses carrying what a user
needs to act (path and line for input, identifier/URL/status for lookups).

    RefkitError
    ├── InputError          a file or text refkit cannot read (path:line: message)
    │   └── ParseError      syntax errors in a .bib / CSL-JSON / other input
    ├── ConfigError         bad [tool.refkit] / refkit.toml / command-line values
    │   └── OptionError     an unknown keyword option to a public function (also a TypeError)
    ├── FormatError         unknown input/output format or style
    ├── LookupFailed        a network lookup failed (identifier, url, status)
    └── InternalError       a bug in refkit met while reading an input (the cause chained)
"""

from __future__ import annotations

__all__ = ["RefkitError", "InputError", "ParseError", "ConfigError", "OptionError", "FormatError", "LookupFailed"]


def redact(text: str) -> str:
    """`refkit.redact.redact`, imported on the first error built: the CLI
    imports this module on every run (``--version`` and ``check`` included) and
    most runs raise nothing, so its patterns are not compiled at start-up."""
    from .redact import redact as _redact

    return _redact(text)


class RefkitError(Exception):
    """Base class of every error refkit raises on purpose."""


class InputError(RefkitError):
    """Input that cannot be read; ``str()`` is ``path:line:col: message`` (a URL
    path and URLs in the message redacted, see `refkit.redact.redact`)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, column: int | None = None):
        self.message = redact(message)
        self.path = redact(path) if path else path
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ParseError(InputError):
    """A syntax error in structured input (BibTeX, CSL-JSON)."""


class ConfigError(RefkitError):
    """An invalid configuration key or value."""


class OptionError(ConfigError, TypeError):
    """An unknown keyword option passed to a public function; the message names
    the valid ones. Also a ``TypeError``, which Python raises for such calls."""


class FormatError(RefkitError):
    """An unknown or unusable format or style name."""


class LookupFailed(RefkitError):
    """A network lookup failed after retries. URLs in the message and ``url`` are
    redacted (`refkit.redact.redact`): no credentials or API keys in logs."""

    def __init__(self, message: str, identifier: str = "", url: str = "", status: int | None = None):
        self.identifier = identifier
        self.url = redact(url)
        self.status = status
        super().__init__(redact(message))


def describe_bug(exc: BaseException, path: str | None = None) -> str:
    """A short message for an unexpected exception (a refkit bug): its type,
    the first line of its message cut to 80 characters (never a whole field
    value), and where in refkit it was raised::

        notes.bib: internal error: IndexError: list index out of range (refkit/readers/text.py:88); ...
    """
    import traceback

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(text) > 80:
        text = text[:79] + "…"
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "refkit" in f.filename.replace("\\", "/").split("/")[-3:-1]] or frames
    if ours:
        frame = ours[-1]
        parts = frame.filename.replace("\\", "/").split("/")
        short = "/".join(parts[parts.index("refkit"):]) if "refkit" in parts else parts[-1]
        where = f" ({short}:{frame.lineno})"
    head = f"{path}: " if path else ""
    detail = f": {text}" if text else ""
    # a URL in the message may carry credentials or an API key
    return redact(f"{head}internal error: {type(exc).__name__}{detail}{where}; this is a refkit bug: "
                  "please report it (rerun with --traceback for details)")


class InternalError(RefkitError):
    """A bug in refkit met while reading ``path``: the library API raises this
    instead of a bare ``IndexError`` or ``RecursionError``, so callers catch one
    family ([RefkitError][refkit.errors.RefkitError]); the original exception is ``__cause__``."""

    def __init__(self, cause: BaseException, path: str | None = None):
        self.path = redact(path) if path else path
        super().__init__(describe_bug(cause, self.path))

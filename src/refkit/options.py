"""Keyword options of the public functions: typed in the signature, checked at run time.

Every public function takes its options as typed keyword arguments, so a type
checker catches ``refkit.write(lib, "x.md", stlye="apa")``. Code that is not
type-checked gets the same answer at run time from :func:`checked`: an unknown
option raises :class:`~refkit.errors.OptionError` (a :class:`ConfigError`, and a
``TypeError`` as Python's own would be) naming the valid ones, as unknown
configuration keys do.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterable, TypeVar

from .errors import OptionError

__all__ = ["checked", "unknown_option"]

F = TypeVar("F", bound=Callable[..., object])


def unknown_option(function: str, unknown: Iterable[str], valid: Iterable[str]) -> OptionError:
    """The error for options ``function`` does not take (with a did-you-mean)."""
    import difflib

    names = sorted(set(valid))
    bad = sorted(unknown)
    hint = difflib.get_close_matches(bad[0], names, n=1)
    maybe = f" (did you mean {hint[0]!r}?)" if hint else ""
    label = "option" if len(bad) == 1 else "options"
    return OptionError(f"{function}() got an unknown {label} {', '.join(map(repr, bad))}{maybe}; "
                       f"valid options: {', '.join(names)}")


def checked(func: F) -> F:
    """Wrap ``func`` so an unexpected keyword argument raises :class:`OptionError`
    naming the valid ones (the signature, and so type checking, is unchanged)."""
    code = func.__code__
    accepted = frozenset(code.co_varnames[code.co_posonlyargcount:code.co_argcount + code.co_kwonlyargcount])
    # the options to name in the message: not the first parameter (the library, text or path)
    shown = accepted - {code.co_varnames[0]} if code.co_argcount else accepted

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        unknown = kwargs.keys() - accepted
        if unknown:
            raise unknown_option(func.__name__, unknown, shown)
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]

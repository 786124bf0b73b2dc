"""refkit's CSL element classes: subclasses of citeproc-py's, one per CSL
element, that lxml builds for styles and locales parsed with refkit's class
lookup (:func:`refkit.writers.csl.style.lookup`). citeproc.model itself is never
modified, so other citeproc-py users in the same process are unaffected.

Each method below implements one CSL rule citeproc-py gets wrong or misses; its
docstring names the rule. Per-render state comes from
:func:`refkit.writers.csl.state.current`.
"""

from __future__ import annotations

import re
from functools import cmp_to_key
from typing import Any, Iterator

from citeproc import model
from citeproc.string import MixedString, NoCase, String

from .collation import collate
from .marks import CLOSE, DISPLAYS, JOIN, MARKS, OPEN, STYLE_CLOSE, STYLE_OPEN
from .state import CURRENT

#: the running render's state (a ContextVar's get: the fastest way to read it)
current = CURRENT.get
from .titlecase import capitalize_all, capitalize_first, title_case

__all__ = ["ELEMENTS", "Element"]

#: CSL term forms and the form each falls back to when a locale lacks it
_FORM_FALLBACK: dict[str | None, str | None] = {"verb-short": "verb", "verb": None, "symbol": "short", "short": None}


class Element:
    """Every element: answers that cannot change while a style is used are
    cached per style (citeproc-py re-evaluates XPath expressions and static
    properties for every variable of every entry)."""

    def xpath_search(self: Any, expression: str) -> Any:
        state = current()
        if state is None or "position" in expression:
            return super().xpath_search(expression)  # type: ignore[misc]
        key = (self, expression)
        hit = state.cache.xpath.get(key)
        if hit is None:
            hit = state.cache.xpath[key] = super().xpath_search(expression)  # type: ignore[misc]
        return hit

    def get_root(self: Any) -> Any:
        state = current()
        if state is None:
            return super().get_root()  # type: ignore[misc]
        root = state.cache.roots.get(self)
        if root is None:
            root = state.cache.roots[self] = super().get_root()  # type: ignore[misc]
        return root

    def get_term(self: Any, name: str, form: str | None = None, *args: Any, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Terms" (form fallback): a term form no locale defines
        falls back, verb-short to verb, symbol to short, verb and short to
        long ("reviewed-author" has only a verb form "by" in en-US)."""
        while True:
            term = super().get_term(name, None if form == "long" else form, *args, **kwargs)  # type: ignore[misc]
            if term is not None or form in (None, "long"):
                return term
            form = _FORM_FALLBACK.get(form)

    def vertical_align(self: Any, text: Any) -> Any:
        """CSL 1.0.2 "Formatting" ``vertical-align="baseline"`` given on an
        element: its text returns to the baseline inside a superscript or
        subscript around it (HTML: ``<span style="baseline">``, as citeproc-js)."""
        if self.get("vertical-align") == "baseline" and text:
            return OPEN["baseline"] + str(text) + CLOSE["baseline"]
        return super().vertical_align(text)  # type: ignore[misc]

    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Display": an element with ``display`` (block, left-margin,
        right-inline, indent) is marked as such, affixes inside."""
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        display = self.get("display")
        if display in DISPLAYS and text is not None and str(text) != "":
            return OPEN[display] + text + CLOSE[display]
        return text

    def calls_variable(self: Any) -> bool:
        state = current()
        if state is None:
            return bool(super().calls_variable())  # type: ignore[misc]
        hit = state.cache.calls_variable.get(self)
        if hit is None:
            hit = state.cache.calls_variable[self] = bool(super().calls_variable())  # type: ignore[misc]
        return hit


class Style:
    def set_locale_list(self: Any, output_locale: str, validate: bool = True) -> None:
        """CSL "Locale Fallback", as citeproc-py does it, with the locale files
        parsed by refkit's lookup (so their dates and terms are refkit elements)."""
        from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

        from .style import load_locale

        self.locales: list[Any] = []
        added: set[str] = set()

        def in_style(lang: str | None) -> None:
            expr = f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]"
            found = self.xpath_search(expr)
            if found:
                self.locales.append(found[0])

        def system(lang: str) -> None:
            if lang not in added:
                self.locales.append(load_locale(lang))
                added.add(lang)

        in_style(output_locale)
        language = output_locale.split("-")[0]
        in_style(language)
        in_style(None)
        if output_locale in LANGUAGE_NAMES:
            system(output_locale)
        if language in PRIMARY_DIALECTS:
            system(PRIMARY_DIALECTS[language])
        system("en-US")
        for locale in self.locales:
            locale.style = self


class TextCase:
    def case(self: Any, text: Any, language: str | None = None) -> Any:
        """CSL 1.0.2 "Text-case": title case applies to English items, and an
        item with no ``language`` is in the language being rendered (citeproc-py
        skipped title case whenever an item had no language); title case itself
        follows :func:`refkit.writers.csl.titlecase.title_case`;
        ``capitalize-first``/``capitalize-all`` change all-lower-case words only
        ("arXiv" stays), as citeproc-js does."""
        if not language:
            state = current()
            language = state.language if state is not None else "en"
        text_case = self.get("text-case")
        if text_case == "title" and text is not None:
            if language != "en":
                return text
            return title_case(text, NoCase, MixedString)
        if text_case == "capitalize-first" and text is not None:
            return capitalize_first(text, NoCase, MixedString)
        if text_case == "capitalize-all" and text is not None:
            return capitalize_all(text, NoCase, MixedString)
        return super().case(text, language)  # type: ignore[misc]


class Quote:
    def quote(self: Any, string: Any) -> Any:
        """CSL "quotes": marked with private-use quote marks that
        :func:`refkit.writers.csl.quotes.finish_quotes` resolves (nesting,
        punctuation-in-quote)."""
        if self.get("quotes", "false").lower() == "true":
            return STYLE_OPEN + string + STYLE_CLOSE
        return string


_PREFIXED = re.compile(r"([^\W\d_]*)(\d+)")


#: one side of a page range citeproc-js treats as a number: digits with letters
#: before or a letter after ("e12", "B27", "12a"), or a roman numeral
_PAGE_SIDE = re.compile(r"[A-Za-z]*\d+[a-z]?|[ivxlcdmIVXLCDM]+")
#: a range's dash with its blanks; a blank run is entered at its start or right after
#: the last match only (the same splits as ``\s*[-–]\s*``, which retried ``\s*`` from
#: every blank of a run: quadratic)
_PAGE_RANGE_SPLIT = re.compile(r"(?<!\s)\s*[-–]\s*|(?<=\s)[-–]\s*")
#: the same for where the first page ends ("12-19", "12, 14", "12 & 14")
_FIRST_PAGE_END = re.compile(r"(?<!\s)\s*[-–,&]\s*|(?<=\s)[-–,&]\s*")


def page_range_sides(value: str) -> list[str] | None:
    """The two sides of a page range ("12-19", "iv-xii", "B27-B32"), or None
    when ``value`` is no range of page numbers ("n/a-n/a", "16:1-63", "12")."""
    sides = _PAGE_RANGE_SPLIT.split(value.strip())
    if len(sides) == 2 and all(_PAGE_SIDE.fullmatch(side) for side in sides):
        return sides
    return None


class PageRange:
    def _process(self: Any, value: Any, variable: str) -> Any:
        """CSL "page" as citeproc-js reads it: a hyphen joins a range only
        between page numbers; other text with a hyphen ("n/a-n/a", "16:1-63")
        is printed as written."""
        if variable == "page":
            text = str(value)
            if ("-" in text or "–" in text) and "," not in text and "&" not in text and page_range_sides(text) is None:
                return text.strip()
        return super()._process(value, variable)  # type: ignore[misc]

    def format_number(self: Any, number: Any) -> Any:
        """CSL "Number" ``form="numeric"``: the number as written, leading zeros
        kept (volume "042101" is "042101", as citeproc-js prints it; citeproc-py
        printed "42101")."""
        if self.get("form", "numeric") == "numeric" and isinstance(number, str) and number.strip().isdigit():
            return number.strip()
        return super().format_number(number)  # type: ignore[misc]

    def _format_last_page(self: Any, first: str, last: str) -> str:
        """CSL 1.0.2 "Appendix V - Page Range Formats", as citeproc-js applies
        it: without a ``page-range-format`` the last page is printed as written
        ("4484-9" is "4484–9"); a range whose (expanded) last page is not after
        its first is printed as written ("103-103" is "103–103", never "103–03").
        ``chicago-16`` has no
        four-digit exception ("2582–607", "1299–302"); only ``chicago``/
        ``chicago-15`` print 1496–1504 in full. A shared letter prefix goes
        when the range is shortened ("A131–33"); ranges of unequal length
        ("1-35") are never cut."""
        if not self.get_root().get_option("page-range-format"):
            return last
        pf, pl = _PREFIXED.fullmatch(first), _PREFIXED.fullmatch(last)
        if pf and pl and pf.group(1) == pl.group(1) and pf.group(1):
            # a shared prefix is printed once ("B27–32", "e1–10") except in full ranges
            if self.get_root().get_option("page-range-format") == "expanded" or int(pl.group(2)) <= int(pf.group(2)):
                return last
            return str(self._format_last_page(pf.group(2), pl.group(2)))
        if first.isdigit() and last.isdigit() and len(last) < len(first):
            # an abbreviated last page ("321-28") is expanded first ("321–328")
            full = first[: len(first) - len(last)] + last
            if int(full) > int(first):
                last = full
        if first.isdigit() and last.isdigit() and int(last) <= int(first):
            return last
        if len(first) != len(last) or not first.isdigit() or not last.isdigit():
            return last
        if self.get_root().get_option("page-range-format") != "chicago-16":
            return str(super()._format_last_page(first, last))  # type: ignore[misc]
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        common = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(first))
        if number % 100 < 10:
            return last[common:]
        return last[min(common, len(first) - 2):]


def condition(branch: Any, item: Any, context: Any) -> bool:
    """Whether a ``cs:if``/``cs:else-if`` branch matches (as citeproc-py's If.render tests)."""
    if isinstance(branch, model.Else):
        return True
    results: list[bool] = []
    if "type" in branch.attrib:
        results += branch._type(item)
    if "variable" in branch.attrib:
        results += branch._variable(item)
    if "is-numeric" in branch.attrib:
        results += branch._is_numeric(item)
    if "is-uncertain-date" in branch.attrib:
        results += branch._is_uncertain_date(item)
    if "locator" in branch.attrib:
        results += branch._locator(item)
    if "position" in branch.attrib:
        results += branch._position(item, context)
    if "disambiguate" in branch.attrib:
        state = current()
        ambiguous = state is not None and item.key in state.ambiguous
        results.append(ambiguous == (branch.get("disambiguate", "").lower() == "true"))
    match = branch.get("match")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


_NUMERIC = re.compile(r"\s*[A-Za-z]*\d+[A-Za-z]*(?:\s*(?:[-–&,]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*")
_NUMERIC_LIST = re.compile(r"\d[A-Za-z]*\s*(?:[,&–-]|and)\s*\S")


def numeric(value: str) -> bool:
    """citeproc-js's reading of ``is-numeric``: the value starts with a number or
    a range/list of numbers ("91-016 Revised", "18, Suppl. II" are numeric)."""
    if _NUMERIC.fullmatch(value):
        return True
    head = re.split(r"[\s,]+", value.strip(), maxsplit=1)[0]
    return bool(head) and bool(_NUMERIC.fullmatch(head))


class Conditions:
    def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        """CSL 1.0.2 ``disambiguate`` condition: true for an item whose
        citation still prints like another's after the style's other
        disambiguation (see ``engine.mark_ambiguous``); citeproc-py ignored it."""
        if "disambiguate" not in self.attrib:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]
        if not condition(self, item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _type(self: Any, item: Any) -> list[bool]:
        """CSL "type" condition, the style's types read once per element."""
        state = current()
        types = state.cache.types.get(self) if state is not None else None
        if types is None:
            types = [t.lower() for t in self.get("type").split()]
            if state is not None:
                state.cache.types[self] = types
        ref_type = item.reference.type
        return [t == ref_type for t in types]

    def _is_numeric(self: Any, item: Any) -> list[bool]:
        """CSL 1.0.2 ``is-numeric``: numbers with affixes and ranges or lists
        of them ("251-254", "2 & 3", "12a") are numeric (so MLA prints "vols.
        251–254"). citeproc-py accepted a single number only."""
        out = []
        for var in self.get("is-numeric").split():
            name = var.replace("-", "_")
            out.append(name in item.reference and numeric(str(item.reference[name])))
        return out


class Label:
    def calls_variable(self: Any) -> bool:
        """A label of a variable counts as that variable for the group rule:
        a page of only dashes prints nothing but its label keeps the group
        ("p.", as citeproc-js prints it)."""
        return bool(self.get("variable"))

    def process(self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Label": the label of a variable the item does not have
        prints nothing (citeproc-py printed "p." without a page). CSL "Sorting":
        the role label of names is no part of a sort key ("Doe, John ed."
        sorts as "Doe, John"), nor of the names subsequent-author-substitute
        compares."""
        if variable is not None and kwargs.get("sort_options") is not None:
            return None
        if variable is None:
            name = self.get("variable")
            if name and name != "locator" and name.replace("-", "_") not in item.reference and name not in item.reference:
                return None
        return super().process(item, variable, plural, context, **kwargs)  # type: ignore[misc]

    def _is_plural(self: Any, item: Any) -> bool:
        """CSL "Label" plural: a range or list of numbers ("251-254", "2 & 3")
        is plural; so is a ``number-of-pages``/``number-of-volumes`` above one
        ("5 vols.", "100 pp."; citeproc-py looked it up on the citation, not
        the item, and printed no label)."""
        variable = self.get("variable")
        if variable in (None, "locator"):
            return bool(super()._is_plural(item))  # type: ignore[misc]
        if variable.startswith("number-of"):
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except model.VariableError:
                return False
            first = re.match(r"\s*(\d+)", value)
            return bool(_NUMERIC_LIST.search(value)) or (first is not None and int(first.group(1)) > 1)
        try:
            value = str(item.reference[variable.replace("-", "_")])
        except model.VariableError:
            return False
        if variable == "page" and "," not in value and "&" not in value:
            # "iv-xii" and "C7-281-C7-294" are pages, "16:1-63" and "n/a-n/a" one page
            return sum(1 for side in _PAGE_RANGE_SPLIT.split(value.strip()) if _PAGE_SIDE.fullmatch(side)) >= 2
        return bool(_NUMERIC_LIST.search(value))


class Names:
    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 ``subsequent-author-substitute``: the first names an entry
        renders are compared with the previous entry's (see :meth:`_substitute`).
        citeproc-py ignored the option."""
        state = current()
        if state is None or not state.sas_armed or kwargs.get("sort_options") is not None:
            text = self._process_suppressed(item, names_context=names_context, context=context, **kwargs)
        else:
            state.sas_names.append([])
            try:
                text = self._process_suppressed(item, names_context=names_context, context=context, **kwargs)
            finally:
                printed = state.sas_names.pop()
            if state.sas_armed and text:
                state.sas_armed = False
                text = self._substitute(item, text, printed, state, names_context=names_context, context=context, **kwargs)
        if state is not None and state.recording and text:
            self._record(item, state, context)
        return text

    def _substitute(self: Any, item: Any, text: Any, printed: list[str], state: Any, **kwargs: Any) -> Any:
        """CSL 1.0.2 ``subsequent-author-substitute-rule``, comparing the names
        without their role label (citeproc-js: "Doe, John" then "--- ed."),
        an "et al." not counted: ``complete-all`` (default) replaces the whole
        list when it equals the previous one, ``complete-each`` then replaces
        each name; ``partial-each`` replaces each name from the start that
        matches the previous list, ``partial-first`` only the first. Text a
        ``cs:substitute`` printed instead of names counts as one name."""
        rule = self.get_root().bibliography.get("subsequent-author-substitute-rule", "complete-all")
        bare = " ".join(printed) if printed else str(text)
        et_al = str(self.get_single_term("et-al") or "et al.")
        # (?<![,\s]): from the start of the separator run only, where the match starts (linear)
        shown = re.sub(r"(?<![,\s])[,\s]*" + re.escape(et_al) + r"\s*$", "", bare)
        variable, people = self._people(item)
        previous, state.sas_previous = state.sas_previous, (shown, people)
        if previous is None:
            return text
        before, before_people = previous
        substitute = state.sas_substitute
        if rule in ("partial-each", "partial-first") and people and before_people:
            same = 0
            while same < min(len(people), len(before_people)) and people[same] == before_people[same]:
                same += 1
            if same == 0:
                return text
            return self._with_names(item, variable, 1 if rule == "partial-first" else same, substitute, kwargs)
        if shown != before:
            return text
        if rule == "complete-each" and people:
            return self._with_names(item, variable, len(people), substitute, kwargs)
        full = str(text)
        if bare and full.startswith(bare):
            return String(substitute + full[len(bare) :])
        if bare and full.endswith(bare):
            return String(full[: -len(bare)] + substitute)
        return String(substitute)

    def _people(self: Any, item: Any) -> tuple[str | None, list[tuple[Any, ...]] | None]:
        """The first name variable this element printed and its names (as
        comparable tuples), or (None, None) when a substitute printed text."""
        reference = item.reference
        for variable in self.get("variable", "").split():
            names = reference.get(variable.replace("-", "_")) or reference.get(variable)
            if names:
                return variable, [tuple(sorted((k, str(v)) for k, v in dict(n).items())) for n in names]
        return None, None

    def _with_names(self: Any, item: Any, variable: Any, count: int, substitute: str, kwargs: dict[str, Any]) -> Any:
        """This element rendered again with its first ``count`` names printed as ``substitute``."""
        reference = item.reference
        key = variable.replace("-", "_") if variable.replace("-", "_") in reference else variable
        saved = reference[key]
        replaced = [type(saved[0])(literal=substitute) for _ in range(count)]
        try:
            dict.__setitem__(reference, key, replaced + list(saved[count:]))
            return self._process_suppressed(item, **kwargs)
        finally:
            dict.__setitem__(reference, key, saved)

    def _record(self: Any, item: Any, state: Any, context: Any) -> None:
        """CSL 1.0.2 "Substitute": name variables rendered inside a substitute
        candidate (a macro printing "Review of X, by Y") are suppressed in the
        rest of the entry, like its text variables, and at once: the candidate
        itself does not print them twice (citeproc-js)."""
        reference = item.reference
        repressed = (context if context is not None else self).get_layout().repressed
        for variable in self.get("variable", "").split():
            if variable in reference or variable.replace("-", "_") in reference:
                state.recording[-1].append((self.tag, variable))
                repressed.setdefault(self.tag, []).append(variable)

    def _process_suppressed(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Substitute": a variable rendered through ``cs:substitute``
        is suppressed in the rest of the output (APA's editors standing in for
        authors are not repeated). citeproc-py suppressed ``cs:text`` only."""
        layout = (context if context is not None else self).get_layout()
        repressed = {v for vs in getattr(layout, "repressed", {}).get(self.tag, ()) if vs for v in vs.split()}
        if repressed:
            roles = [r for r in self.get("variable", "").split() if r not in repressed]
            if not roles:
                raise model.VariableError
            if len(roles) != len(self.get("variable", "").split()):
                saved = self.get("variable")
                self.set("variable", " ".join(roles))
                try:
                    return super().process(item, names_context=names_context, context=context, **kwargs)  # type: ignore[misc]
                finally:
                    self.set("variable", saved)
        return super().process(item, names_context=names_context, context=context, **kwargs)  # type: ignore[misc]


class Substitute:
    def _candidates(self: Any, elem: Any, item: Any, context: Any) -> Iterator[Any]:
        for child in elem.iterchildren():
            if isinstance(child, model.Choose):
                for branch in child.iterchildren():
                    if condition(branch, item, context):
                        yield from self._candidates(branch, item, context)
                        break
            else:
                yield child

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Substitute": the first non-empty child replaces the names;
        a shorthand ``cs:names`` there inherits the original's ``cs:name``,
        ``cs:et-al`` and ``cs:label``; candidates may sit in ``cs:choose``
        (Chicago, MLA); the variables a substituted macro rendered are
        suppressed in the rest of the entry."""
        names = self.getparent()
        state = current()
        recording = state.recording if state is not None else []
        for child in self._candidates(self, item, context):
            recording.append([])
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                rendered = recording.pop()
            if text:
                self.add_to_repressed_list(child, context)
                layout = context.get_layout()
                for tag, var in rendered:
                    layout.repressed.setdefault(tag, []).append(var)
                if recording:
                    recording[-1].extend(rendered)
                return text
        return None


_LEADING_RANGE = re.compile(r"^(\d+)-(\d+)\b")


class Text:
    def _variable(self: Any, item: Any, context: Any) -> Any:
        """CSL "page-first" (the first page of "C7-281-C7-294" is "C7"); a
        numeric ``number`` keeps its range as a range with the locale's
        delimiter ("No. 91–016 Revised"); a ``citation-label`` carries the
        year suffix (citeproc-js); variables rendered inside a substitute
        candidate are recorded for suppression."""
        state = current()
        if self.get("variable") == "page-first" and "page_first" not in item.reference and "page" in item.reference:
            repressed = context.get_layout().repressed if context is not None else {}
            if "page-first" in repressed.get(self.tag, ()):
                return None
            first = _FIRST_PAGE_END.split(str(item.reference.page).strip(), maxsplit=1)[0]
            value = String(first) if first else None
        else:
            value = super()._variable(item, context)  # type: ignore[misc]
            if (
                self.get("variable") in ("number", "collection-number")
                and self.get("text-case") is None
                and value is not None
                and _LEADING_RANGE.match(str(value))
                and not self._has_label()
            ):
                delimiter = state.range_delimiter if state is not None else "–"
                value = String(_LEADING_RANGE.sub(lambda m: m.group(1) + delimiter + m.group(2), str(value), count=1))
        if self.get("variable") == "citation-label" and value is not None and str(value) != "":
            # the year suffix that tells equal labels apart goes on the label ("RoNo78a")
            suffix = dict.get(item.reference, "year_suffix")
            if suffix:
                value = value + str(suffix)
        if state is not None and state.recording and value is not None and str(value) != "":
            state.recording[-1].append((self.tag, self.get("variable")))
        return value

    def _has_label(self: Any) -> bool:
        """Whether a cs:label for the same variable sits in the enclosing group."""
        state = current()
        hit = state.cache.has_label.get(self) if state is not None else None
        if hit is None:
            var = self.get("variable")
            group = self.getparent()
            while group is not None and not group.tag.endswith("}group") and not group.tag.endswith("}macro"):
                group = group.getparent()
            hit = group is not None and any(n.tag.endswith("}label") and n.get("variable") == var for n in group.iter())
            if state is not None:
                state.cache.has_label[self] = hit
        return bool(hit)

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """CSL "Sorting": a macro called from a sort key's macro keeps the sort
        options (names in sort order, no "and"); an item without a language is
        in the language being rendered (citeproc-py took the style's
        default-locale instead of the locale used)."""
        sort_options = kwargs.get("sort_options")
        if sort_options is None or "macro" not in self.attrib:
            text, language = super().process(item, context=context, **kwargs)  # type: ignore[misc]
            if "language" not in item.reference:
                state = current()
                if state is not None:
                    language = state.language
            return text, language
        try:
            language = item.reference.language[:2]
        except model.VariableError:
            language = self.get_root().get("default-locale", "en")[:2]
        return self.get_macro(self.get("macro")).render(item, context, sort_options=sort_options), language


#: a letter of a script whose names print given-family with spaces: citeproc-js's
#: ROMANESQUE_REGEXP (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, digits) with
#: Latin Extended-B and Latin Extended Additional (Vietnamese) added
_ROMANESQUE_CHARS = "-0-9a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0e01-\u0e5b\u1e00-\u1fff\u200c-\u200e\u202a-\u202e"
_ROMANESQUE = re.compile(f"[{_ROMANESQUE_CHARS}]")
_ROMANESQUE_START = re.compile(f"[&{_ROMANESQUE_CHARS}]".replace("-0-9", "0-9"))


def _script_ordered(name: Any, language: str) -> str | None:
    """The printed form of a personal name whose parts go family first
    (see ``Name.process``), or None for a name printed as the style says."""
    if "literal" in name or not name.get("family"):
        return None
    family = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
    given = name.get("given") or ""
    if not _ROMANESQUE.search(str(name["family"]).replace('"', "")):
        if given and _ROMANESQUE_START.match(given):
            return family + " " + given
        return family + given
    if language in ("ja", "zh") and given:
        return family + " " + given
    return None


_INITIAL_WORD = re.compile(r"[^\s.]+\.?[\ue040-\ue05f]*")
#: the formatting marks (see :mod:`.marks`) around a word's text: "\ue040John\ue041"
_MARK_CHARS = "".join(map(chr, range(0xE040, 0xE060)))
#: given names that are initials only ("J.-A.", "M. H.", "J.-M"). The blanks and
#: hyphen between two initials are ``\s*(?:-\s*)?``, the language of ``\s*-?\s*``
#: without its two ways to split a blank run: those made "A. A. A. … 1"
#: exponential (22 initials: 1.4 s, x4 for two more)
_INITIALS_ONLY = re.compile(r"[^\W\d_]\.(?:\s*(?:-\s*)?[^\W\d_]\.)*(?:\s*-\s*[^\W\d_])?")


def _marked(word: str) -> tuple[str, str, str]:
    """``word``'s leading marks, text and trailing marks: what
    ``([marks]*)(.*?)([marks]*)`` fullmatches, without retrying the lazy middle
    before every mark of a run (quadratic)."""
    text = word.lstrip(_MARK_CHARS)
    lead = word[:len(word) - len(text)]
    core = text.rstrip(_MARK_CHARS)
    return lead, core, text[len(core):]


class Name:
    def initialize(self: Any, given: Any, mark: str, context: Any) -> str:
        """CSL 1.0.2 "Name-part Formatting" / ``initialize``: with
        ``initialize="false"`` given names are kept and only existing initials
        get ``initialize-with`` punctuation ("Joshua D."); a given name already
        abbreviated with a period ("Yu.", "Ch.") is kept as written; a
        lower-case part after a hyphen gets no initial of its own ("Jung-wook"
        is "J.")."""
        flag = self.get("initialize")
        if flag is None:
            parent = (context if context is not None else self).xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
            flag = parent[0].get("initialize", "true") if parent else "true"
        initialize_all = flag.lower() != "false"
        if self.get_option("initialize-with-hyphen", context):
            # a part after a hyphen that starts in lower case belongs to the
            # name before it ("Jung-wook" is "J.", not "J.-wook"; citeproc-js)
            pieces = [p.replace("\u2060", "-") for p in re.sub(r"-(?=[a-z])", "\u2060", str(given)).split("-")]
        else:
            pieces = [str(given).replace("-", " ")]
        out = []
        for piece in pieces:
            text = ""
            for word in _INITIAL_WORD.findall(piece):
                lead, core_text, trail = _marked(word)
                if (lead or trail) and core_text:
                    # a word in rich text ("<b>John</b>"): its initial keeps the formatting
                    word = core_text
                    core = word.rstrip(".")
                    if core[:1].isupper() and (initialize_all or word.endswith(".") or len(core) == 1):
                        text += lead + core[0] + mark.rstrip() + trail + (" " if mark.endswith(" ") else "")
                        continue
                    text = text.rstrip() + (" " if text else "") + lead + word + trail + " "
                    continue
                core = word.rstrip(".")
                if not core:
                    continue
                if not core[0].isupper():
                    text = text.rstrip() + (" " if text else "") + word + " "
                elif word.endswith(".") or len(core) == 1:
                    text += core + mark
                elif initialize_all:
                    text += core[0] + mark
                else:
                    text = text.rstrip() + (" " if text else "") + word + " "
            out.append(" ".join(text.split()))
        if not initialize_all and _INITIALS_ONLY.fullmatch(str(given).strip()):
            return " ".join(out)  # initials only, not initialized further: "J.-A." and "M.-H" -> "J. A.", "M. H." (citeproc-js)
        return "-".join(out)

    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        """The names as printed, without the role label, kept for the
        subsequent-author-substitute comparison (see ``Names._substitute``)."""
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        state = current()
        if state is not None and state.sas_names and text:
            state.sas_names[-1].append(str(text))
        return text

    def et_al(self: Any) -> Any:
        """CSL 1.0.2 "Sorting": a name list in a sort key is cut at
        ``names-use-first`` without the "et al." term ("Smith" and
        "Smith et al." tie on that key; a later key decides)."""
        state = current()
        if state is not None and state.sorting_names:
            return ""
        term = super().et_al()  # type: ignore[misc]
        if term is not None and not str(term).strip():
            return ""  # a blank et-al term ("and others" defined as white space) prints nothing
        if term and state is not None and state.et_al_joins and not _ROMANESQUE_START.match(str(term).lstrip("".join(MARKS))):
            return JOIN + term
        return term

    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        """CSL 1.0.2 "et-al-min" / "et-al-use-first": the two together enable
        et-al abbreviation; with ``et-al-use-first`` given nowhere (cs:name, the
        cs:bibliography or cs:citation it is in, cs:style) names are not
        abbreviated (citeproc-py took 1; options on cs:citation never reach the
        bibliography)."""
        value = super().get_option(name, context, sort_options)  # type: ignore[misc]
        if name == "et-al-min" and value and (sort_options is None or name not in sort_options) and self.get("et-al-use-first") is None:
            found = (context if context is not None else self).xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
            if (not found or found[0].get("et-al-use-first") is None) and self.get_root().get("et-al-use-first") is None:
                return 0
        return value

    def process(self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Name-part Order": a name not in a Latin-like script
        (``田中`` ``太郎``) prints family then given, without a space, in every
        long form; one with a Latin given name, or in an item whose language is
        Chinese or Japanese, prints family then given with a space (citeproc-js
        ``_isRomanesque``). The short form is the family name alone anyway."""
        names = item.reference.get(variable, [])
        if not names or self.get_option("form", context, sort_options) != "long":
            return self._process_ordered(item, variable, context=context, sort_options=sort_options, **kwargs)
        language = str(dict.get(item.reference, "language", "") or "")[:2].lower()
        ordered = [_script_ordered(n, language) for n in names]
        if all(o is None for o in ordered):
            return self._process_ordered(item, variable, context=context, sort_options=sort_options, **kwargs)
        reference = item.reference
        dict.__setitem__(reference, variable, [n if o is None else type(n)(family=o) for n, o in zip(names, ordered)])
        try:
            return self._process_ordered(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            dict.__setitem__(reference, variable, names)

    def _process_ordered(self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Name Delimiters": ``delimiter-precedes-last`` and
        ``delimiter-precedes-et-al`` set to ``after-inverted-name`` put the
        delimiter there only when the name before is inverted
        (``name-as-sort-order``); citeproc-py knew only the other values."""
        inverted_options = [o for o in ("delimiter-precedes-last", "delimiter-precedes-et-al") if self.get_option(o, context, sort_options) == "after-inverted-name"]
        if not inverted_options:
            return self._process_names(item, variable, context=context, sort_options=sort_options, **kwargs)
        order = self.get_option("name-as-sort-order", context, sort_options)
        names = item.reference.get(variable, [])
        et_al_min = self.get_option("et-al-min", context, sort_options)
        shown = min(len(names), self.get_option("et-al-use-first", context, sort_options)) if et_al_min and len(names) >= et_al_min else len(names)
        before = names[shown - 2] if shown >= 2 else None
        # the name before the last one shown is inverted: a personal name in sort order
        inverted = before is not None and "family" in before and (order == "all" or (order == "first" and shown == 2))
        saved = {o: self.get(o) for o in inverted_options}
        for option in inverted_options:
            self.set(option, "always" if inverted else "never")
        try:
            return self._process_names(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            for option, value in saved.items():
                if value is None:
                    del self.attrib[option]
                else:
                    self.set(option, value)

    def _process_names(self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        """CSL "Sorting": names in a sort key carry no "and" term and demote a
        non-dropping particle for ``sort-only`` styles ("den Besten" sorts
        under B). A personal name followed by a literal name (an institution,
        or "and others") is joined to it by "and" without the delimiter
        ("Almeida, F. & others"); after two or more personal names the
        delimiter always precedes "and" ("Yao, L., Zhu, K., & others", also
        in styles that never put it there), as citeproc-js joins
        institutions."""
        et_al_min = self.get_option("et-al-min", context, sort_options)
        if et_al_min and len(item.reference.get(variable, [])) >= et_al_min and self.get_option("et-al-use-first", context, sort_options) == 0:
            return None  # et-al-use-first="0": no names at all (citeproc-js)
        if sort_options is not None:
            sort_options = dict(sort_options)
            sort_options.setdefault("and", None)
            if self.get_root().get("demote-non-dropping-particle", "display-and-sort") == "sort-only":
                sort_options.setdefault("demote-non-dropping-particle", "display-and-sort")
            state = current()
            if state is None:
                return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]
            state.sorting_names += 1
            try:
                return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]
            finally:
                state.sorting_names -= 1
        names = item.reference.get(variable, [])
        state = current()
        if state is not None:
            # CSL 1.0.2 "et-al": an "et al." term in a non-Latin script ("等")
            # follows the last name without the space (citeproc-js); a delimiter stays
            shown = self.get_option("et-al-use-first", context, sort_options) if et_al_min and len(names) >= et_al_min else len(names)
            rule = self.get_option("delimiter-precedes-et-al", context, sort_options)
            state.et_al_joins = not (rule == "always" or (rule == "contextual" and shown >= 2))
        if (
            len(names) >= 2
            and "literal" in names[-1]
            and all("literal" not in n for n in names[:-1])
            and self.get_option("and", context, sort_options)
        ):
            et_al_min = self.get_option("et-al-min", context, sort_options)
            if not (et_al_min and len(names) >= et_al_min) and len(names) > 2:
                # three or more: one list, the delimiter always before "and"
                saved_dpl = self.get("delimiter-precedes-last")
                self.set("delimiter-precedes-last", "always")
                try:
                    return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]
                finally:
                    if saved_dpl is None:
                        del self.attrib["delimiter-precedes-last"]
                    else:
                        self.set("delimiter-precedes-last", saved_dpl)
            if not (et_al_min and len(names) >= et_al_min):
                ref = item.reference
                saved = ref[variable]
                try:
                    dict.__setitem__(ref, variable, saved[:-1])
                    head = super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]
                finally:
                    dict.__setitem__(ref, variable, saved)
                and_term = self.get_single_term(name="and") if self.get_option("and", context, sort_options) == "text" else self.preformat("&")
                return head + " " + and_term + " " + self.preformat(names[-1]["literal"])
        return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]


class Sort:
    def sort(self: Any, items: list[Any], context: Any) -> list[Any]:
        """CSL 1.0.2 "Sorting": keys compare by locale collation (not code
        point), numbers before text; an empty key sorts last in both
        directions; keys equal under collation ("Editorial comments",
        "Editorial Comments") are ties, and ties keep the citation order."""
        columns = []
        for key in self.findall("cs:key", self.nsmap):
            descending = key.get("sort", "ascending").lower() == "descending"
            values: list[Any] = []
            for v in key.sort_keys(items, context):
                if v is None or str(v).strip() == "":
                    values.append(None)
                    continue
                text = str(v)
                values.append((0, int(text), text) if text.isdigit() else (1, collate(text), text))
            columns.append((values, descending))

        def cmp(i: int, j: int) -> int:
            for values, descending in columns:
                a, b = values[i], values[j]
                if a is None or b is None:
                    if a is None and b is None:
                        continue
                    return 1 if a is None else -1
                if a[0] != b[0]:
                    a, b = a[:1], b[:1]  # numbers before text
                else:
                    a, b = a[:2], b[:2]  # equal under collation is equal: the citation order decides
                result = (a > b) - (a < b)
                if result:
                    return -result if descending else result
            return i - j

        order = sorted(range(len(items)), key=cmp_to_key(cmp))
        return [items[i] for i in order]


def _children_as_group(elem: Any, item: Any, context: Any, delimiter: str, **kwargs: Any) -> list[Any] | None:
    """The rendered children of ``elem`` under CSL 1.0.2's group rule, or None
    when it calls variables and all of them are empty; for a ``cs:choose``
    child only the branch taken counts."""
    output = []
    called = rendered = False
    for child in elem.iterchildren():
        branch = None
        if isinstance(child, model.Choose):
            branch = next((b for b in child.iterchildren() if condition(b, item, context)), None)
            calls = branch is not None and branch.calls_variable()
        else:
            calls = child.calls_variable()
        called = called or calls
        try:
            if isinstance(child, model.Choose):
                text = model.Parent.render_children(branch, item, context=context, delimiter=delimiter, **kwargs) if branch is not None else None
            else:
                text = child.render(item, context=context, **kwargs)
        except model.VariableError:
            continue
        if text is not None:
            output.append(text)
            rendered = rendered or calls
    return output if output and (not called or rendered) else None


class Group:
    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Group": a group is suppressed when it calls variables and
        all of them are empty; for a ``cs:choose`` child only the branch taken
        counts (citeproc-py counted every branch: APA printed a lone
        "(Publication)" for theses without a number)."""
        output = _children_as_group(self, item, context, self.get("delimiter", ""), **kwargs)
        if output is None:
            raise model.VariableError
        return self.join(output)


class Macro:
    def render(self: Any, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        """A macro is suppressed like a group when it calls variables and all of
        them are empty (citeproc-js; Chicago's "In " with no container title)."""
        if sort_options is not None:
            return super().render(item, context=context, sort_options=sort_options)  # type: ignore[misc]
        output = _children_as_group(self, item, context, "")
        return model.join(output, "") if output else None


class Date:
    def process(self: Any, item: Any, variable: Any = None, show_parts: Any = None, context: Any = None, **kwargs: Any) -> Any:
        """CSL 1.0.2 "Disambiguation" (year-suffix): a style that does not print
        ``year-suffix`` itself gets it after the first year of the issued date
        rendered in the entry, once. CSL 1.0.2 "Substitute": a date rendered
        inside a substitute candidate is suppressed in the rest of the entry
        like a text or name variable (citeproc-py suppressed ``cs:text`` only)."""
        state = current()
        name = variable or self.get("variable")
        style_date = not self.is_locale_date()
        if style_date and name in self._repressed(context):
            return None
        if state is not None and not state.suffix_used and (variable or self.get("variable")) == "issued" and not self.is_locale_date():
            suffix = dict.get(item.reference, "year_suffix")
            if suffix:
                if state.cache.explicit_suffix is None:
                    state.cache.explicit_suffix = bool(
                        self.get_root().xpath('.//cs:text[@variable="year-suffix" or @variable="citation-label"]', namespaces=self.nsmap)
                    )
                if not state.cache.explicit_suffix:
                    state.pending_suffix = str(suffix)
                    state.suffix_used = True
        try:
            text = super().process(item, variable, show_parts=show_parts, context=context, **kwargs)  # type: ignore[misc]
        finally:
            if state is not None:
                state.pending_suffix = None
        if style_date and state is not None and state.recording and text:
            state.recording[-1].append((self.tag, name))
        return text

    def _repressed(self: Any, context: Any) -> Any:
        """The date variables suppressed in the layout being rendered (none
        outside a layout, e.g. in a sort key's macro)."""
        try:
            layout = (context if context is not None else self).get_layout()
        except IndexError:
            return ()
        return getattr(layout, "repressed", {}).get(self.tag, ())

    def render_date_range(self: Any, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        """CSL 1.0.2 "Date Ranges": a range whose shown parts are all the same
        (21–22 Nov 2019 shown as a year) is that one date. citeproc-py dropped
        such dates and changed the caller's list of parts."""
        rendered = {child.get("name") for child in self.iterchildren()}
        parts = [p for p in (show_parts or ["year", "month", "day"]) if p in rendered]
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():
            return self.render_single_date(begin, parts, context)
        if all(dict.get(begin, p) == dict.get(end, p) for p in parts):
            return self.render_single_date(begin, parts, context)
        return self._range(begin, end, parts, context)

    def _range(self: Any, begin: Any, end: Any, parts: list[str], context: Any) -> Any:
        """CSL 1.0.2 "Date Ranges": the parts from the largest one that differs
        down are printed for both ends, joined by that part's
        ``range-delimiter`` (an en dash by default); the parts both ends share
        are printed once, where the date format puts them ("2–4 January 1999",
        "January 2–4, 1999", "2 January–4 March 1999")."""
        largest = next(p for p in ("year", "month", "day") if p in parts and dict.get(begin, p) != dict.get(end, p))
        order = ["year", "month", "day"]
        differ = {p for p in order[order.index(largest) :] if p in parts}
        children = [c for c in self.iterchildren() if c.get("name") in parts]
        delimiter = next((c.get("range-delimiter") for c in children if c.get("name") == largest and c.get("range-delimiter") is not None), "–")
        pieces: list[Any] = []
        i = 0
        while i < len(children):
            if children[i].get("name") not in differ:
                pieces.append(self.render_single_date(begin, [children[i].get("name")], context))
                i += 1
                continue
            j = i
            while j < len(children) and children[j].get("name") in differ:
                j += 1
            run = [c.get("name") for c in children[i:j]]
            first = str(self.render_single_date(begin, run, context) or "")
            suffix = children[j - 1].get("suffix", "")
            if suffix and first.endswith(suffix):
                first = first[: -len(suffix)]
            pieces.append(String(first.rstrip() + delimiter + str(self.render_single_date(end, run, context) or "")))
            i = j
        return self._joiner(context).join([p for p in pieces if p])

    def _joiner(self: Any, context: Any) -> Any:
        """CSL 1.0.2 "Localized Date Formats": the locale's cs:date joins its
        parts with its own ``delimiter``; the style's cs:date calling it adds
        only affixes and formatting."""
        if context is None or context is self or (self.is_locale_date() and self.get("delimiter") is not None):
            return self
        return context if self.is_locale_date() else self

    def render_single_date(self: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        """A date joined by :meth:`_joiner`'s delimiter."""
        if not (self.is_locale_date() and self.get("delimiter") is not None and context is not None and context is not self):
            return super().render_single_date(date, show_parts, context)  # type: ignore[misc]
        parts = self.parts(date, show_parts, context)
        return self.join(parts) if parts else None


def _locales(element: Any) -> list[Any]:
    """The locales terms come from, the style's own first."""
    root = element.get_root()
    return list(getattr(root, "locales", None) or getattr(getattr(root, "style", None), "locales", None) or [root])


def _term_gender(element: Any, name: str) -> str | None:
    """The ``gender`` of the locale term ``name`` ("month-10" is masculine in
    French), or None for a term without one."""
    for locale in _locales(element):
        found = locale.xpath_search(f"./cs:terms/cs:term[@name='{name}'][not(@form)]")
        if found:
            return found[0].get("gender")
    return None


def _ordinal(element: Any, number: int, gender: str | None) -> str:
    """CSL 1.0.2 "Ordinal Suffixes": ``number`` with the suffix of the first
    locale that has one: an ``ordinal-10``..``ordinal-99`` term matching the
    last two digits (or, with ``match="whole-number"``, the whole number)
    before an ``ordinal-00``..``ordinal-09`` term matching the last digit (or
    the whole number), before ``ordinal``; of a term's variants the one whose
    ``gender-form`` is ``gender``, else the one without (French "1ᵉʳ janvier"
    but "1ʳᵉ édition"). citeproc-py ignored gender-form."""
    two, one = number % 100, number % 10

    def matches(term: Any) -> bool:
        name = term.get("name")
        if name == "ordinal":
            return True
        digits = int(name[len("ordinal-"):]) if name[len("ordinal-"):].isdigit() else -1
        whole = term.get("match") == "whole-number"
        if digits >= 10:
            return digits == (number if whole else two)
        return digits >= 0 and digits == (number if whole else one) and (whole or term.get("match") != "last-two-digits" or two == digits)

    for locale in _locales(element):
        terms = [t for t in locale.xpath_search("./cs:terms/cs:term[starts-with(@name, 'ordinal')][not(@form)]") if matches(t)]
        for group in ([t for t in terms if t.get("name") not in ("ordinal",) and int(t.get("name")[8:]) >= 10],
                      [t for t in terms if t.get("name") not in ("ordinal",) and int(t.get("name")[8:]) < 10],
                      [t for t in terms if t.get("name") == "ordinal"]):
            if group:
                chosen = next((t for t in group if t.get("gender-form") == gender), None) if gender else None
                if chosen is None:  # (an lxml element with no children is false: test for None)
                    chosen = next((t for t in group if t.get("gender-form") is None), group[0])
                return f"{number}{chosen.single}"
    return str(number)


class Number:
    def format_number(self: Any, number: Any) -> Any:
        """CSL 1.0.2 "Ordinal Suffixes": an ordinal takes the gender of the
        variable's term ("edition" is feminine in French: "2ᵉ", "1ʳᵉ")."""
        form = self.get("form", "numeric")
        try:
            value = int(number)
        except ValueError:
            return super().format_number(number)  # type: ignore[misc]
        if form == "ordinal" or (form == "long-ordinal" and value > 10):
            return _ordinal(self, value, _term_gender(self, self.get("variable", "")))
        return super().format_number(number)  # type: ignore[misc]


class DatePart:
    def process(self: Any, date: Any, context: Any = None) -> Any:
        """The implicit year suffix (see :meth:`Date.process`) follows the
        year. CSL 1.0.2 "Ordinal Suffixes": a day ordinal takes the gender of
        the month's term ("1ᵉʳ octobre")."""
        text = super().process(date, context)  # type: ignore[misc]
        if self.get("name") == "day" and self.get("form") == "ordinal" and text is not None and str(text) != str(date.day):
            try:
                month = int(date.month)
            except (model.VariableError, AttributeError, TypeError, ValueError):
                month = 0
            gender = _term_gender(context if context is not None else self, f"month-{month:02}") if month else None
            text = _ordinal(context if context is not None else self, int(date.day), gender)
        state = current()
        if state is not None and state.pending_suffix and self.get("name") == "year" and text:
            text, state.pending_suffix = str(text) + state.pending_suffix, None
        return text


#: refkit behaviour per citeproc-py element class name (besides :class:`Element`)
_RULES: dict[str, tuple[type, ...]] = {
    "Style": (Style,),
    "Names": (Names,),
    "Name": (Name,),
    "Substitute": (Substitute,),
    "Text": (Text,),
    "Sort": (Sort,),
    "Group": (Group,),
    "Macro": (Macro,),
    "Label": (Label,),
    "Date": (Date,),
    "Date_Part": (DatePart,),
    "Number": (Number,),
    "If": (Conditions,),
    "Else_If": (Conditions,),
}
#: behaviour per citeproc-py mixin the element class has
_MIXINS: tuple[tuple[type, type], ...] = ((model.TextCased, TextCase), (model.Quoted, Quote), (model.FormatNumber, PageRange))


def _subclass(base: type) -> type:
    bases = _RULES.get(base.__name__, ()) + tuple(m for mixin, m in _MIXINS if issubclass(base, mixin)) + (Element, base)
    return type(base.__name__, bases, {"__module__": __name__, "__doc__": base.__doc__})


#: CSL element name -> refkit's class for it ("else-if" -> Else_If …)
ELEMENTS: dict[str, type] = {
    cls.__name__.replace("_", "-").lower(): _subclass(cls) for cls in model.CitationStylesElement.__subclasses__()
}
#: the class of elements with no class of their own
DEFAULT = _subclass(model.CitationStylesElement)

"""Turning publication lists written for people into entries.

Readers of documents made for people (``readers/html.py`` for web pages and, through
the HTML that ``refkit/markup/`` renders, Markdown, LaTeX and reST; ``readers/text.py``
for plain text) cut a document into :class:`~refkit.extraction.segment.Segment` objects — one per
listed item, with the markup hints that matter (bold, italics, links, headings) —
and hand each to :func:`refkit.extraction.citation.parse_segment`, which finds the
title, authors, year, venue, type and identifiers. The format-specific readers
know about tags and list syntax; this package knows about citations.
"""

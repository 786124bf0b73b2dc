"""Markup -> HTML renderers: every markup reader renders its document to one HTML
tree, which the page item finder (:mod:`refkit.readers.html`) reads, so lists,
sections and inline markup are understood by one machinery for every format."""

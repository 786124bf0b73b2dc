"""CSL through citeproc-py: the only package that imports citeproc.

- :mod:`.style` loads styles and locales with refkit's element classes (its own
  lxml class lookup; ``citeproc.model`` is never modified) and keeps them in a
  bounded cache;
- :mod:`.elements` holds those classes, one method per CSL rule;
- :mod:`.engine` renders a bibliography; :mod:`.source` turns CSL-JSON items into
  citeproc-py references; :mod:`.state` is the per-render state (a ContextVar);
- :mod:`.titlecase`, :mod:`.collation`, :mod:`.quotes`, :mod:`.marks` are the
  text rules those use.

Importing this package does not import citeproc; its modules do.
"""

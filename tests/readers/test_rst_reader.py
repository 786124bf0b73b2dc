"""reStructuredText documents (refkit.readers.rst): parsed by docutils, rendered by
refkit.markup.rst and read by the same item finder as HTML pages."""

from __future__ import annotations

from refkit import readers
from refkit.readers import rst as reader

RST = """Selected bibliography
=====================

:Compiled by: the library

.. note::

   Dates are those of publication.

Journal articles
================

* Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical Journal*, 27(3), 379–423.
  doi: `10.1002/j.1538-7305.1948.tb01338.x <https://doi.org/10.1002/j.1538-7305.1948.tb01338.x>`_
"""


def test_restructuredtext() -> None:
    entries = reader.read(RST)
    assert len(entries) == 1
    entry = entries.entries[0]
    assert entry.get("title") == "A mathematical theory of communication"
    assert entry.get("doi") == "10.1002/j.1538-7305.1948.tb01338.x"
    assert entry.get("journal") == "Bell System Technical Journal"



LINE_BLOCKS = """Publications
------------

| Ann Smith and Bob Doe.
| `Learning to rank things <https://example.org/rank.pdf>`__.
| *Journal of Ranking*, 12, 2021.

| Bob Doe.
| `Ranking more things <https://arxiv.org/abs/2101.00001>`__.
| In *Proceedings of the Ranking Conference*, 2020.

Talks
-----

#. Ranking in practice. Invited talk, Example University, 2022.
"""


def test_line_blocks_and_anonymous_links() -> None:
    entries = reader.read(LINE_BLOCKS, path="pubs.rst").entries
    assert [(e.get("title"), e.get("year")) for e in entries] == [("Learning to rank things", "2021"), ("Ranking more things", "2020")]
    assert entries[0].get("journal") == "Journal of Ranking"
    assert entries[1].get("eprint") == "2101.00001"
    assert entries[0].location.line == 4  # the reST source line of the block
    assert entries[0].provenance["title"].source == "rst"


def test_citations_and_enumerated_lists() -> None:
    source = """References
==========

.. [Smi21] A. Smith. Learning to rank things. *Journal of Ranking*, 12, 2021.
.. [Doe20] B. Doe. Ranking more things. *Ranking Letters*, 3, 2020.

Other
=====

3. C. Roe. Sorting it out. *Journal of Sorting*, 1, 2019.
"""
    assert [e.get("title") for e in reader.read(source)] == ["Learning to rank things", "Ranking more things", "Sorting it out"]


def test_sniff_by_constructs_and_extension() -> None:
    assert reader.sniff(".. note::\n\n   x\n") > readers.reader("markdown").sniff("x")
    assert reader.sniff("EDUCATION\n=========\n\n- Ph.D., 2011\n") == 0.0
    assert readers.sniff("Plain words.\n", "cv.rst") == "rst"


def test_never_reads_other_files_and_odd_inputs_give_no_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("A. Smith. Leaked title here. Journal of Leaks, 2020.\n")
    library = reader.read(f".. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n")
    assert library.entries == []
    for source in ("", "=\n=", ".. [", "`x <", "* " * 2000, "  " * 1000 + "x", "|\n|", ".. |x| replace:: |x|\n\n|x|"):
        reader.read(source)


def test_unresolved_links_and_substitutions_keep_their_text() -> None:
    # targets and substitutions defined elsewhere (an included file, the site's
    # configuration): docutils marks them problematic; the names are still the author's
    source = """Papers
======

* Okafor, N., Ibarra_, L. and `P. Vance`_. Tidal channels as sediment traps. *Coastal Dynamics*, 7:1-9, 2019.
* Vance, P. Mangrove roots and wave damping. |CD|, 6:11-20, 2018.
"""
    entries = reader.read(source).entries
    assert [n.family for n in entries[0].names()] == ["Okafor", "Ibarra", "Vance"]
    assert (entries[1].get("title"), entries[1].get("journal")) == ("Mangrove roots and wave damping", "CD")


def test_fields_named_by_year_are_entries_and_page_metadata_is_not() -> None:
    source = """Publications
============

:date: 2024-03-01
:tags: papers, cv, Okafor N. 2020

:2021: Ibarra, L. and Okafor, N. Salt marsh carbon under rising seas. *Estuarine Letters*, 12:40-52, 2021.
:2019: Okafor, N. and Ibarra, L. Tidal channels as sediment traps. *Coastal Dynamics*, 7:1-9, 2019.

Older work
----------

:Journal: Okafor, N. Mangrove roots and wave damping. *Coastal Dynamics*, 6:11-20, 2018.
"""
    entries = reader.read(source).entries
    assert sorted(e.get("title") for e in entries) == [
        "Mangrove roots and wave damping", "Salt marsh carbon under rising seas", "Tidal channels as sediment traps"]


def test_sphinx_extension_directives_keep_their_content() -> None:
    # sphinx-design tabs, Sphinx's only: plain docutils does not know them and
    # dropped the lists inside; the tab titles are section headings
    source = """Publications
============

.. tab-set::

   .. tab-item:: Journal articles
      :sync: journal

      * Okafor, N. and Ibarra, L. (2019). Tidal channels as sediment traps. *Coastal Dynamics*, 7:1-9. :doi:`10.5555/cd.7.1`

   .. tab-item:: Invited talks

      * Okafor, N. (2018). Why marshes matter. Public lecture, Town Hall, Lagos.

.. only:: html

   * Vance, P. (2016). Sand bars at river mouths. *Coastal Dynamics*, 4:9-12.

.. toctree::
   :maxdepth: 1

   talks/2018-lagos
"""
    entries = reader.read(source).entries
    assert sorted(e.get("title") for e in entries) == ["Sand bars at river mouths", "Tidal channels as sediment traps"]
    tidal = next(e for e in entries if e.get("title").startswith("Tidal"))
    assert tidal.get("doi") == "10.5555/cd.7.1"


def test_bibtex_in_a_literal_block_is_the_entry_data_and_other_code_is_no_text() -> None:
    source = """Publications
============

* **Tidal channels as sediment traps**

  We measure how much sand the channels of a tidal flat hold.

  ::

      @article{okafor2019tidal,
        title={Tidal channels as sediment traps},
        author={Okafor, Nneka and Ibarra, Luis},
        journal={Coastal Dynamics},
        year={2019}
      }

* **Sand bars at river mouths**

  .. code-block:: python

     print("Vance, P. (2016). Not a paper. Fake Journal, 2016.")
"""
    entries = reader.read(source).entries
    assert [(e.get("title"), e.get("year"), e.get("journal")) for e in entries] == [
        ("Tidal channels as sediment traps", "2019", "Coastal Dynamics")]
    assert [n.family for n in entries[0].names()] == ["Okafor", "Ibarra"]


def test_published_papers_under_a_software_sub_heading_are_entries() -> None:
    text = """Publications
============

Software and code
-----------------

* R. Vidal, T. Onodera,
  *Separation of light and heavy modes*,
  Phys. Lett. B **612** (2021) 44-58, arXiv:`2101.01234 <https://arxiv.org/abs/2101.01234>`_

* T. Onodera,
  *Pressure in small droplets*,
  Nature, 570 (2019) no. 7759, E1-E2, doi:`10.1038/s41586-019-0001-1 <https://doi.org/10.1038/s41586-019-0001-1>`_

* fitkit, our fitting package, version 2.1 (2020), `github <https://github.com/example/fitkit>`_
"""
    entries = reader.read(text, path="pubs.rst").entries
    assert [e.get("title") for e in entries] == ["Separation of light and heavy modes", "Pressure in small droplets"]


YEAR_TERMS = """Curriculum vitae
================

Cursus
------

2016
    **Master 2** in Applied Physics, Some University, with honours (rang 3). 2015-2016.

Communications par affiche
--------------------------

2019
    K Lindqvist, P Moreau. *Folding kinetics of a small protein seen by NMR.* Biophysical Journal. 116(3), 412a

Publications
------------

2019
    P Moreau, K Lindqvist. *Sampling rare states of a small protein.* Journal of Molecular Things. 12(4), 33-41. DOI: https://doi.org/10.1234/jmt.2019.004

    A Okafor, P Moreau. *Clustering conformations with maps.* Computational Letters. 7(1), 1-9. DOI: https://doi.org/10.1234/cl.2019.001

2017
    P Moreau. *A first look at protein sampling.* Journal of Molecular Things. 10(2), 5-15. DOI: https://doi.org/10.1234/jmt.2017.002
"""


def test_paragraphs_under_one_year_term_are_entries_of_their_own() -> None:
    # a definition list whose terms are years: each paragraph of a definition is a paper
    # (its DOI shown as its own URL is the evidence); posters and degrees are no entries
    entries = reader.read(YEAR_TERMS, path="cv.rst").entries
    assert [(e.get("title"), e.get("year"), e.get("doi")) for e in entries] == [
        ("Sampling rare states of a small protein", "2019", "10.1234/jmt.2019.004"),
        ("Clustering conformations with maps", "2019", "10.1234/cl.2019.001"),
        ("A first look at protein sampling", "2017", "10.1234/jmt.2017.002"),
    ]

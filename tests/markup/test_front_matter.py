"""A page whose front matter is one publication's record (refkit.markup.front_matter): read as
that entry; page settings and blog posts are not."""

from __future__ import annotations

from refkit.markup import front_matter
from refkit.readers import markdown

HUGO = """---
title: "Sediment pulses in braided rivers of the dry tropics"
authors:
- admin
- Tunde Okoro
- "Noor Haddad"
date: "2019-05-01T00:00:00Z"
publication_types: ["2"]
publication: "*Journal of Example Hydrology*"
doi: "10.1000/ejh.2019.12"
tags: [rivers, sediment]
---

We measure sediment pulses in three rivers.
"""


def test_a_publication_page_is_its_record() -> None:
    entries = markdown.read(HUGO).entries
    assert len(entries) == 1
    entry = entries[0]
    assert entry.get("title") == "Sediment pulses in braided rivers of the dry tropics"
    assert entry.get("author") == "Tunde Okoro and Noor Haddad"  # the site account "admin" is no person
    assert entry.get("year") == "2019"
    assert entry.get("journal") == "Journal of Example Hydrology"
    assert entry.get("doi") == "10.1000/ejh.2019.12"


def test_toml_front_matter() -> None:
    block = ('title = "Groundwater recharge under shifting monsoon rain"\n'
             'authors = ["Tunde Okoro", "Noor Haddad"]\ndate = 2016-02-01\npublication = "Water Resources Letters"')
    bib = front_matter.record(block)
    assert bib is not None and "author = {Tunde Okoro and Noor Haddad}" in bib and "year = {2016}" in bib


def test_page_settings_and_blog_posts_are_no_record() -> None:
    assert front_matter.record('title: "Publications"\nlayout: page\npermalink: /publications/') is None
    assert front_matter.record('title: "Notes from a field trip"\nauthor: Noor Haddad\ndate: 2021-03-04\ntags: [travel]') is None
    assert markdown.read('---\ntitle: "Notes from a field trip"\nauthor: Noor Haddad\ndate: 2021-03-04\n---\n\nWe went.\n').entries == []


def test_a_citation_key_is_shown_as_the_citation() -> None:
    block = ("title: 'Bank erosion measured with drones'\ncollection: publications\ndate: 2014-10-01\n"
             "venue: 'Geomorphology Notes'\n"
             "citation: 'Haddad, N. (2014). &quot;Bank erosion measured with drones.&quot; <i>Geomorphology Notes</i>. 3(1).'")
    assert front_matter.record(block) is None
    assert front_matter.citation(block) == 'Haddad, N. (2014). "Bank erosion measured with drones." Geomorphology Notes. 3(1).'
    entries = markdown.read("---\n" + block + "\n---\n").entries
    assert [e.get("title") for e in entries] == ["Bank erosion measured with drones"]
    assert entries[0].get("year") == "2014"


def test_authors_written_as_one_display_list_are_each_a_name() -> None:
    # "authors: Ann Roe, Ben Poe" is two people; "author: Roe, Ann" stays one
    bib = front_matter.record_of({"title": "Dune migration on a windy coast", "authors": "Ann Roe, Ben Poe, Carl Moe",
                                  "venue": "Coastal Letters", "date": "2011"})
    assert bib is not None and "author = {Roe, Ann and Poe, Ben and Moe, Carl}" in bib
    one = front_matter.record_of({"title": "Dune migration on a windy coast", "author": "Roe, Ann",
                                  "venue": "Coastal Letters", "date": "2011"})
    assert one is not None and "author = {Roe, Ann}" in one

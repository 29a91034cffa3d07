"""The HTML reader: a council web page's plan read into blocks, the site around it into
furniture; text never interpreted; bad files refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratgraph.graph.model import document_name
from stratgraph.errors import LoaderError
from stratgraph.loaders.read import BlockKind, read_bytes, read_document
from stratgraph.loaders.read.furniture import chrome_role, is_page_number, is_site_chrome
from stratgraph.loaders.read.html import read_html


def _read(html: str, encoding: str = "utf-8"):
    return read_html(html.encode(encoding), "plan.html", None)


def _kinds(doc) -> list[tuple[str, int, str, str]]:
    return [(b.kind.value, b.level, b.marker, b.text) for b in doc.blocks]


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council Plan | Wexshire</title>
<script>window.dataLayer = ["<p>not text</p>"];</script><style>p { color: red }</style></head>
<body class="js-enabled">
<a href="#main" class="govuk-skip-link">Skip to main content</a>
<div class="cookie-banner" role="region"><p>We use cookies to make this website work.</p>
  <button>Accept additional cookies</button><a href="/cookies">View cookies</a></div>
<header class="site-header"><a href="/">Wexshire County Council</a>
  <form role="search" action="/search"><label for="q">Search this site</label><input id="q"></form></header>
<nav aria-label="Menu"><ul><li><a href="/bins">Bins and recycling</a></li>
  <li><a href="/roads">Roads and pavements</a></li></ul></nav>
<nav class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/council">Council and democracy</a></li></ol></nav>
<main id="main">
<h1>Wexshire Council Plan 2024-28</h1>
<p>Our plan sets out <strong>four priorities</strong> for the county.</p>
<h2>Our priorities</h2>
<ol>
  <li><b>A thriving economy</b>
    <ul><li>Create 600 new jobs</li><li>Support 250 small businesses</li></ul></li>
  <li>Healthy and independent lives</li>
</ol>
<h2>How we will measure progress</h2>
<table><caption>Table 1: key measures</caption>
  <thead><tr><th>Measure</th><th>Baseline</th><th>Target</th></tr></thead>
  <tbody><tr><td>Affordable homes</td><td>310</td><td>500</td></tr>
  <tr><td>Waste recycled</td><td>41%</td><td>55%</td></tr></tbody></table>
<h3>Actions</h3>
<table>
  <tr><th>Action</th><th>Lead</th><th>Partners</th></tr>
  <tr><td><p>Deliver the Local Transport Plan</p><p><b>Milestone:</b> bus lanes by 2026</p></td>
      <td rowspan="2">Director of Place</td>
      <td><ul><li>Wexshire Bus Partnership</li><li>Network Rail<ul><li>Station travel plans</li></ul></li></ul></td></tr>
  <tr><td>Open two family hubs</td><td>NHS Wexshire</td></tr>
  <tr><td colspan="3">Reviewed every April</td></tr>
</table>
<figure><img src="map.png" alt="Map of the six districts"><figcaption>Figure 1: our districts</figcaption></figure>
<p>We will report to Cabinet every quarter.</p>
<div class="share-links"><a href="#">Share on Facebook</a> <a href="#">Share on LinkedIn</a></div>
<p>Was this page useful?</p>
<aside class="related-links"><h2>Related pages</h2><ul><li><a href="/budget">Budget 2024-25</a></li></ul></aside>
</main>
<footer class="site-footer"><ul><li><a href="/a11y">Accessibility statement</a></li></ul>
  <p>© Copyright Wexshire County Council</p></footer>
</body></html>"""

CHROME = {
    "navigation": ["Skip to main content", "Bins and recycling", "Share on Facebook",
                   "Related pages", "Was this page useful?"],
    "cookie-notice": ["We use cookies to make this website work.", "Accept additional cookies"],
    "breadcrumb": ["Council and democracy"],
    "page-header": ["Search this site"],
    "page-footer": ["Accessibility statement", "© Copyright Wexshire County Council"],
    "caption": ["Table 1: key measures", "Map of the six districts", "Figure 1: our districts"],
}


def test_a_council_page_reads_as_its_plan_with_the_site_as_furniture() -> None:
    doc = _read(PAGE)
    assert doc.format == "html" and doc.page_count is None
    assert doc.text == (
        "# Wexshire Council Plan 2024-28\n\n"
        "Our plan sets out **four priorities** for the county.\n\n"
        "## Our priorities\n\n"
        "1. **A thriving economy**\n"
        "  - Create 600 new jobs\n"
        "  - Support 250 small businesses\n"
        "2. Healthy and independent lives\n\n"
        "## How we will measure progress\n\n"
        "Measure\tBaseline\tTarget\n"
        "Affordable homes\t310\t500\n"
        "Waste recycled\t41%\t55%\n\n"
        "### Actions\n\n"
        "Action\tLead\tPartners\n"
        "<p>Deliver the Local Transport Plan</p> <p><b>Milestone:</b> bus lanes by 2026</p>"
        "\tDirector of Place\t<ul><li>Wexshire Bus Partnership</li> <li>Network Rail<ul>"
        "<li>Station travel plans</li></ul></li></ul>\n"
        "Open two family hubs\t\tNHS Wexshire\n"
        "Reviewed every April\t\t\n\n"
        "We will report to Cabinet every quarter.\n"
    )
    assert _kinds(doc)[:7] == [
        ("heading", 1, "", "Wexshire Council Plan 2024-28"),
        ("paragraph", 0, "", "Our plan sets out **four priorities** for the county."),
        ("heading", 2, "", "Our priorities"),
        ("list_item", 1, "1.", "**A thriving economy**"),
        ("list_item", 2, "-", "Create 600 new jobs"),
        ("list_item", 2, "-", "Support 250 small businesses"),
        ("list_item", 1, "2.", "Healthy and independent lives"),
    ]
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert tables[0].header and tables[0].rows[0] == ("Measure", "Baseline", "Target")
    assert tables[1].header and tables[1].rows == (
        ("Action", "Lead", "Partners"),
        ("Deliver the Local Transport Plan\n**Milestone:** bus lanes by 2026", "Director of Place",
         "- Wexshire Bus Partnership\n- Network Rail\n  - Station travel plans"),
        ("Open two family hubs", "", "NHS Wexshire"),
        ("Reviewed every April", "", ""),
    )
    furniture = {(b.role, b.text) for b in doc.furniture}
    for role, texts in CHROME.items():
        for text in texts:
            assert text not in doc.text, text
            assert any(r == role and text in t for r, t in furniture), (role, text)
    for gone in ("not text", "color: red", "Council Plan | Wexshire"):
        assert gone not in doc.text and not any(gone in t for _, t in furniture)


def test_lists_number_as_the_page_does() -> None:
    doc = _read('<ol start="4"><li>Four</li><li value="9">Nine</li><li>Ten</li></ol>'
                '<ol type="a"><li>first</li><li>second</li></ol>'
                '<ol type="I" reversed start="3"><li>three</li><li>two</li></ol>'
                '<ul><li>a<ol><li>deep</li></ol></li></ul>')
    assert [(b.level, b.marker, b.text) for b in doc.blocks] == [
        (1, "4.", "Four"), (1, "9.", "Nine"), (1, "10.", "Ten"), (1, "a.", "first"),
        (1, "b.", "second"), (1, "III.", "three"), (1, "II.", "two"), (1, "-", "a"),
        (2, "1.", "deep")]


def test_a_list_items_first_paragraph_is_its_text_and_the_next_its_description() -> None:
    # A web list of priorities, each with what it means in a paragraph under it (Ealing's
    # "A healthy and great place" / "Working with residents ... That includes keeping people
    # physically active ..."): the page copied as text has the description on the line right
    # under the item, where the reader takes it as the item's, so the web page reads the same.
    doc = _read("<ul><li><p><strong>Good value:</strong> we spend well.</p><p>Every year.</p></li>"
                "<li>A healthy and great place<p>Working with residents. That includes keeping "
                "people physically active; encouraging sport and leisure.</p></li>"
                "<li><p>Just one</p></li></ul><p>After.</p>")
    assert _kinds(doc) == [
        ("list_item", 1, "-", "**Good value:** we spend well."), ("paragraph", 1, "", "Every year."),
        ("list_item", 1, "-", "A healthy and great place"),
        ("paragraph", 1, "", "Working with residents. That includes keeping people physically "
                             "active; encouraging sport and leisure."),
        ("list_item", 1, "-", "Just one"), ("paragraph", 0, "", "After.")]
    assert doc.text == (
        "- **Good value:** we spend well.\n  Every year.\n- A healthy and great place\n"
        "  Working with residents. That includes keeping people physically active; encouraging "
        "sport and leisure.\n- Just one\n\nAfter.\n")


def test_a_bold_line_broken_from_the_rest_of_a_list_item_is_its_title() -> None:
    # "<li><strong>A healthy and great place</strong><br>Working with residents ...</li>", as
    # a CMS writes a priority and what it means: copied as text, two lines. A break after
    # plain text (an address, a poem of a strapline) stays inside the item.
    doc = _read("<ul><li><strong>A healthy and great place</strong><br>Working with residents. "
                "That includes encouraging sport and leisure.</li>"
                "<li>Council House<br>High Street</li></ul>")
    assert _kinds(doc) == [
        ("list_item", 1, "-", "**A healthy and great place**"),
        ("paragraph", 1, "", "Working with residents. That includes encouraging sport and leisure."),
        ("list_item", 1, "-", "Council House High Street")]


def test_main_content_without_main_the_one_article_or_a_content_named_element() -> None:
    article = _read("<body><div class='top'>Wexshire County Council</div>"
                    "<article><h1>Plan</h1><p>We will build homes.</p></article>"
                    "<div>© 2024 Wexshire</div></body>")
    assert article.text == "# Plan\n\nWe will build homes.\n"
    assert {("page-header", "Wexshire County Council"), ("page-footer", "© 2024 Wexshire")} <= {
        (b.role, b.text) for b in article.furniture}
    named = _read("<body><div id='topbar'>Council tax | Bins | Jobs</div>"
                  "<div id='mainContent'><h1>Plan</h1><p>We will build 500 affordable homes "
                  "across the county by 2028, working with housing associations.</p></div>"
                  "<div class='foot'>Contact us</div></body>")
    assert named.text.startswith("# Plan\n\nWe will build 500")
    assert "Contact us" not in named.text and "Council tax" not in named.text
    # The page's title in a band above <main> is the plan's title, not furniture.
    titled = _read("<body><header>Site</header><div class='title-band'><h1>Council Plan</h1></div>"
                   "<main><p>Our priorities for the county.</p></main></body>")
    assert titled.text == "# Council Plan\n\nOur priorities for the county.\n"


def test_a_page_wide_form_holds_the_page_and_a_search_form_is_chrome() -> None:
    doc = _read("<body><form id='aspnetForm'><input type='hidden' value='x'>"
                "<form class='q'><label>Search</label><input></form>"
                "<h1>Plan</h1><p>One.</p><p>Two.</p><p>Three.</p></form></body>")
    assert doc.text == "# Plan\n\nOne.\n\nTwo.\n\nThree.\n"


def test_class_names_count_as_whole_words() -> None:
    doc = _read("<main><h1>Plan</h1><div class='social-care-priorities'><p>Adult social care "
                "comes first.</p></div><div class='card'><div class='card-header'>Priority 1: "
                "Homes</div><p>Build homes.</p></div><div class='shared-services'><p>We share "
                "a chief executive.</p></div></main>")
    assert doc.text == ("# Plan\n\nAdult social care comes first.\n\nPriority 1: Homes\n\n"
                        "Build homes.\n\nWe share a chief executive.\n")


def test_a_class_never_takes_the_plan_with_it() -> None:
    # The whole page sits in a "sidebar-layout" wrapper with the h1: still the plan.
    doc = _read("<body><div class='with-sidebar menu-open'><h1>Plan</h1><p>We will act.</p></div></body>")
    assert doc.text == "# Plan\n\nWe will act.\n"


def test_leftover_chrome_lines_and_hidden_text_are_not_content() -> None:
    doc = _read("<body><p>Skip to content</p><h1>Plan</h1><p>Home &gt; Council &gt; Plans</p>"
                "<p>Accept all cookies</p><p>We will act "
                "<span class='visually-hidden'>(opens in a new window)</span>now.</p>"
                "<div hidden>Hidden menu</div><div style='display: none'>Popup</div>"
                "<p aria-hidden='true'>decorative</p><p>Last updated: 3 March 2024</p></body>")
    assert doc.text == "# Plan\n\nWe will act now.\n"
    roles = {(b.role, b.text) for b in doc.furniture}
    assert {("navigation", "Skip to content"), ("breadcrumb", "Home > Council > Plans"),
            ("cookie-notice", "Accept all cookies"),
            ("navigation", "Last updated: 3 March 2024")} <= roles


def test_in_page_contents_list_is_navigation() -> None:
    doc = _read("<main><h2>On this page</h2><ul><li><a href='#a'>Homes</a></li>"
                "<li><a href='#b'>Jobs</a></li></ul><h2 id='a'>Homes</h2><p>Build.</p></main>")
    assert "- Homes" not in doc.text and "## Homes" in doc.text


def test_layout_tables_are_read_as_their_content() -> None:
    doc = _read("<table width='100%'><tr><td><h1>Plan</h1><p>We will act.</p></td>"
                "<td><h3>Key facts</h3><ul><li>Population 800,000</li></ul></td></tr></table>"
                "<table role='presentation'><tr><td>Left</td><td>Right</td></tr></table>")
    assert _kinds(doc) == [("heading", 1, "", "Plan"), ("paragraph", 0, "", "We will act."),
                           ("heading", 3, "", "Key facts"),
                           ("list_item", 1, "-", "Population 800,000"),
                           ("paragraph", 0, "", "Left"), ("paragraph", 0, "", "Right")]


def test_a_table_in_a_figure_is_content_and_its_caption_furniture() -> None:
    doc = _read("<figure class='wp-block-table'><table><tr><td>A</td><td>B</td></tr></table>"
                "<figcaption>Source: ONS</figcaption></figure>")
    assert doc.blocks[0].rows == (("A", "B"),) and not doc.blocks[0].header
    assert [(b.role, b.text) for b in doc.furniture] == [("caption", "Source: ONS")]


def test_text_is_never_interpreted() -> None:
    doc = _read("<main><p>Type &lt;script&gt;alert(1)&lt;/script&gt; and [link=https://x.example]"
                "here[/link] or **not bold**</p><script>alert('real')</script>"
                "<table><tr><td>&lt;b&gt;x&lt;/b&gt;</td><td>[red]y[/red]</td></tr></table></main>")
    assert doc.blocks[0].text == ("Type <script>alert(1)</script> and [link=https://x.example]"
                                  "here[/link] or **not bold**")
    assert "alert('real')" not in doc.text
    assert doc.blocks[1].rows == (("<b>x</b>", "[red]y[/red]"),)
    assert doc.lines[2] == "<p>&lt;b&gt;x&lt;/b&gt;</p>\t[red]y[/red]"


@pytest.mark.parametrize(("data", "text"), [
    ('<meta charset="windows-1252"><p>Café – “plan” £5</p>'.encode("cp1252"), "Café – “plan” £5"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Caf\u00e9 – ok</p>'
     .encode("cp1252"), "Café – ok"),
    ("<p>Café – “plan”</p>".encode("cp1252"), "Café – “plan”"),
    ("<p>Café ✓</p>".encode("utf-8"), "Café ✓"),
    ('<meta charset="utf-8"><p>Café ✓</p>'.encode("utf-8"), "Café ✓"),
    ("\ufeff<p>Café ✓</p>".encode("utf-8"), "Café ✓"),
], ids=["meta-1252", "http-equiv-latin1", "undeclared-1252", "utf8", "meta-utf8", "bom"])
def test_encodings(data: bytes, text: str) -> None:
    assert read_html(data, "p.html", None).blocks[0].text == text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"   \n  ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    (b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
     "web page with no plan text"),
], ids=["empty", "blank", "binary", "only-chrome"])
def test_bad_files_are_refused_in_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(LoaderError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_deep_and_unclosed_markup_reads_without_overflow() -> None:
    deep = "<div><font>" * 3000 + "<p>Deep text" + "</font></div>" * 3000
    assert _read(deep).text == "Deep text\n"
    unclosed = "<body>" + "".join(f"<p>Paragraph {i}" for i in range(2000)) + "<ul><li>a<li>b</ul>"
    doc = _read(unclosed)
    assert len(doc.blocks) == 2002 and doc.blocks[1999].text == "Paragraph 1999"
    assert [(b.level, b.text) for b in doc.blocks[-2:]] == [(1, "a"), (1, "b")]


def test_read_document_dispatches_html_to_the_web_reader(tmp_path: Path) -> None:
    for name in ("plan.html", "plan.htm"):
        path = tmp_path / name
        path.write_text("<h1>Plan</h1><ul><li>Homes</li></ul>", encoding="utf-8")
        doc = read_document(path)
        assert doc.format == "html" and document_name(doc.name) == name
        assert doc.text == "# Plan\n\n- Homes\n"
    sniffed = read_bytes(b"<!DOCTYPE html><html><body><p>Saved without a suffix</p></body></html>",
                         "page", None, "")
    assert sniffed.format == "html" and sniffed.text == "Saved without a suffix\n"


def test_chrome_role_names_what_a_chrome_line_is() -> None:
    assert chrome_role("Accept all cookies") == "cookie-notice"
    assert chrome_role("Home > Council > Plans") == "breadcrumb"
    assert chrome_role("Skip to main content") == "navigation"
    assert chrome_role("We will reduce cookies in schools") is None
    # The two checks it builds on keep their behaviour.
    assert is_site_chrome("Share this page") and not is_site_chrome("Share of residents")
    assert is_page_number("Page 3 of 24") and not is_page_number("3 priorities")

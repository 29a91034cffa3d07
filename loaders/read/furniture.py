"""What is page furniture rather than plan content, in words every format shares.

Readers decide furniture from their own structure first (a PDF's repeated margins, a web
page's ``nav``/``footer`` elements, Word's headers and footers); these checks catch what that
structure leaves: a page number typed as text, a "Skip to content" link, a cookie notice.
"""

from __future__ import annotations

import re

# "12", "Page 3", "Page 3 of 24", "- 4 -", "3 | Council Plan" is a running footer (see pdf).
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s+of\s+\d{1,4})?\s*$",
                         re.IGNORECASE)
# Lines a website repeats around every page; each must be the whole line (a plan's sentence
# that mentions cookies is content).
_CHROME = re.compile(
    r"^\s*(?:skip\s+to\s+(?:main\s+)?(?:content|navigation)|back\s+to\s+top|back|previous|next|jump\s+to\s+navigation"
    # "Update cookies preferences": the banner's link to reopen it, as some sites word it.
    r"|(?:accept|reject|manage|allow|update|change)\s+(?:all\s+|your\s+)?(?:cookies?\s+(?:settings|preferences)|cookies)"
    r"|cookies?\s+(?:settings|preferences|policy|notice)|we\s+use\s+cookies\b.*"
    r"|share\s+(?:this\s+page|on\s+\w+)|print\s+this\s+page|was\s+this\s+page\s+(?:useful|helpful)\??.*"
    r"|(?:home|you\s+are\s+here)\s*[>›/»].*|report\s+a\s+problem\s+with\s+this\s+page"
    r"|sign\s+(?:in|up)|log\s+in|search\s+(?:this\s+site|the\s+site)?|menu|close|toggle\s+navigation"
    r"|last\s+(?:updated|reviewed)(?:\s+on)?[:\s]+\S.*)\s*$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number ("12", "Page 3 of 24", "- 4 -")."""
    return bool(PAGE_NUMBER.match(text))


def is_site_chrome(text: str) -> bool:
    """Whether a whole line is website chrome: skip links, cookie controls, breadcrumbs."""
    return len(text) < 200 and bool(_CHROME.match(text))


_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^\s*(?:home|you\s+are\s+here)\s*[>›/»]", re.IGNORECASE)


def chrome_role(text: str) -> str | None:
    """The furniture role of a line of website chrome, or ``None`` for plan content.

    ``"cookie-notice"`` for cookie controls, ``"breadcrumb"`` for a trail ("Home > Council"),
    ``"navigation"`` for the rest :func:`is_site_chrome` knows (skip links, share, sign in).
    """
    if not is_site_chrome(text):
        return None
    if _COOKIE.search(text):
        return "cookie-notice"
    if _BREADCRUMB.match(text):
        return "breadcrumb"
    return "navigation"


def bold_heading(runs: list[tuple[str, bool, bool]]) -> bool:
    """Whether a paragraph of (text, bold, italic) runs could be a heading set in bold type
    rather than a heading style (Word and OpenDocument files typed by hand).

    All its words are bold, it is 1-10 words and at most 80 characters, it starts with a
    capital or a digit, has letters, does not end as a sentence or a lead-in does
    (``.`` ``:`` ``;`` ``,`` ``?`` ``!``) and is not a page number ("Page 3").
    """
    from stratgraph.loaders.read.render import one_line

    if not runs or not all(b for t, b, _ in runs if t.strip()):
        return False
    text = one_line("".join(t for t, _, _ in runs))
    words = text.split()
    return (0 < len(words) <= 10 and len(text) <= 80 and (text[0].isupper() or text[0].isdigit())
            and any(c.isalpha() for c in text) and text[-1] not in ".:;,?!"
            and not is_page_number(text))

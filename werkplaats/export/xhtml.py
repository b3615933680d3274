"""HTML from Markdown as XML elements of another namespace (the XHTML subset QTI 2.1 allows), and as plain text."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

#: The XHTML elements QTI 2.1 content may hold, with the attributes we keep on each ("*": on all of them).
ALLOWED: dict[str, tuple[str, ...]] = {
    **{tag: () for tag in ("p", "div", "ul", "ol", "li", "dl", "dt", "dd", "pre", "blockquote", "h1", "h2", "h3",
                           "h4", "h5", "h6", "hr", "address", "abbr", "acronym", "b", "big", "br", "cite", "code",
                           "dfn", "em", "i", "kbd", "q", "samp", "small", "span", "strong", "sub", "sup", "tt", "var",
                           "table", "caption", "thead", "tbody", "tfoot", "tr", "colgroup", "col")},
    "a": ("href",),
    "img": ("src", "alt", "width", "height"),
    "td": ("colspan", "rowspan", "scope"),
    "th": ("colspan", "rowspan", "scope"),
}
#: Elements without a QTI counterpart that still carry a meaning worth keeping as another element.
RENAME = {"section": "div", "article": "div", "aside": "div", "details": "div", "summary": "p", "figure": "div",
          "figcaption": "p", "mark": "span", "u": "span", "s": "span", "del": "span", "ins": "span"}
#: Elements dropped with their content.
DROP = {"script", "style", "input", "button", "select", "textarea", "form", "iframe", "object", "embed"}


def _append_text(element: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _copy(source: lxml_html.HtmlElement, target: etree._Element, ns: str) -> None:
    _append_text(target, source.text)
    for child in source:
        if isinstance(child.tag, str):
            tag = child.tag.lower()
            if tag in DROP:
                pass
            elif tag in ALLOWED or tag in RENAME:
                name = RENAME.get(tag, tag)
                if name == "a" and not child.get("href", "").startswith(("http://", "https://", "mailto:")):
                    name = "span"  # a link to a page that is not in the package
                element = etree.SubElement(target, f"{{{ns}}}{name}")
                for attribute in ALLOWED.get(name, ()):
                    if child.get(attribute) is not None:
                        element.set(attribute, child.get(attribute))
                if name == "img" and element.get("alt") is None:
                    element.set("alt", "")
                _copy(child, element, ns)
            else:
                _copy(child, target, ns)  # unknown: keep the content, lose the element
        _append_text(target, child.tail)


def append_html(parent: etree._Element, html: str, ns: str) -> etree._Element:
    """Append the nodes of an HTML fragment to `parent`, as elements of namespace `ns`.

    Arguments:
        parent: the element to add to.
        html: the fragment (from Markdown).
        ns: the namespace of the new elements.

    Returns:
        `parent`.
    """
    if html.strip():
        _copy(lxml_html.fragment_fromstring(html, create_parent="div"), parent, ns)
    return parent


def plain_text(html: str) -> str:
    """The text of an HTML fragment, with its whitespace collapsed."""
    if not html.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())

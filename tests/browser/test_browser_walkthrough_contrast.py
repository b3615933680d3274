"""Walkthrough: every button of the package stays readable (WCAG AA, 4.5:1) when hovered or focused, in the light
and the dark scheme. Material gives a hovered or focused `.md-button` the accent colour as background; a text colour
of werkplaats.css that outranks Material's hover rule (outlined buttons on slate, "Voortgang wissen") made the text
vanish into that background (1.0:1 to 1.1:1)."""

from __future__ import annotations

import re

import pytest

PAGES = {
    "quiz": "modules/mini/toets/",
    "progress": "voortgang/",
    "instrument": "instrumenten/kwaliteit/",
}
# The background that is actually painted behind the button: its own, or the first ancestor's that is not clear.
BACKGROUND = """b => { for (let e = b; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\\([^)]*,\\s*0\\)$/.test(c)) return c; }
    return 'rgb(255, 255, 255)'; }"""


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_and_focused_buttons_are_readable(new_context: object, base_url: str, scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    page.set_default_timeout(10_000)
    poor: list[str] = []
    seen: set[str] = set()
    for name, path in PAGES.items():
        page.goto(base_url + path)
        page.wait_for_selector("[data-wp-ready], .wp-progress, .wp-instrument", state="attached")
        if name == "quiz":
            page.click(".wp-quiz .wp-check")  # shows "Opnieuw", an outlined button
            page.wait_for_selector(".wp-quiz .wp-retry:visible")
        buttons = page.locator(".md-content .md-button:visible")
        for i in range(buttons.count()):
            button = buttons.nth(i)
            label = f"{name}: {button.inner_text().strip()[:30]!r}"
            seen.add(button.evaluate("b => b.className"))
            for state in ("hover", "focus"):
                page.mouse.move(0, 0)
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                button.hover() if state == "hover" else button.focus()
                page.wait_for_timeout(400)  # Material animates the colours
                fg = button.evaluate("b => getComputedStyle(b).color")
                bg = button.evaluate(BACKGROUND)
                if contrast(fg, bg) < 4.5:
                    poor.append(f"{label} {state}: {fg} on {bg} = {contrast(fg, bg):.2f}:1")
    # The kinds of button the walk must have met: primary, outlined and the danger button of "Mijn voortgang".
    assert any("md-button--primary" in c for c in seen) and any("wp-retry" in c for c in seen)
    assert any("wp-danger" in c for c in seen), seen
    assert not poor, "\n".join(poor)

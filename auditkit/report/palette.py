"""Report colours, in one place so that a test can hold them to WCAG contrast ratios.

Badges put white text on these colours (WCAG 1.4.3 needs 4.5:1); chart bars sit on white
(WCAG 1.4.11 needs 3:1 for graphics). Every colour here passes 4.5:1 against white.
"""

from __future__ import annotations

SEVERITY = {
    "critical": "#7a1020",
    "high": "#b3261e",
    "medium": "#a8430a",
    "low": "#2a5d9f",
    "info": "#56606d",
}
CATEGORY = {
    "non-eu-endpoint": "#7b2d8e",
    "gateway-bypass": "#0b6466",
    "unverified-endpoint": "#7a5c00",
    "security": "#3b4a5e",
    "operator-jurisdiction": "#6b3fa0",
    "data-egress": "#8c1d40",
    "gateway-authorization": "#1f5f3a",
}
VERDICT = {
    "not-compliant": "#a3211b",
    "compliant-with-observations": "#8a4b00",
    "compliant": "#1e6b36",
}
INK = "#1b2533"  # body text
MUTED = "#4d5866"  # secondary text
ACCENT = "#14365c"  # headings, plain chart bars
PAPER = "#ffffff"


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def css_variables() -> str:
    """The palette as CSS custom properties (``--sev-high`` …)."""
    pairs = [("ink", INK), ("muted", MUTED), ("accent", ACCENT), ("paper", PAPER)]
    pairs += [(f"sev-{k}", v) for k, v in SEVERITY.items()]
    pairs += [(f"cat-{k}", v) for k, v in CATEGORY.items()]
    pairs += [(f"verdict-{k}", v) for k, v in VERDICT.items()]
    return ":root{" + "".join(f"--{k}:{v};" for k, v in pairs) + "}"

"""A bar chart as an inline SVG, drawn at build time: no script, no request elsewhere.

It reads in light and dark schemes and in print because every colour is `currentColor` (the
stylesheet may override the bars' fill with a theme variable). For screen readers the SVG is
one image (`role="img"`) named by its <title> and described by its <desc>, which states every
value; the page shows the same values in a table beside it.
"""

from __future__ import annotations

import html
import math

WIDTH, HEIGHT = 400, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 28, 34
FONT = 13


def nice_step(maximum: float, lines: int = 5) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about `lines` grid lines."""
    raw = maximum / lines
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


def number(value: float) -> str:
    return f"{value:,.0f}"


def bar_chart(points: list[tuple[str, int]], title: str, unit: str, ident: str) -> str:
    """The SVG for labelled values (label, value), as one line of markup per element."""
    step = nice_step(max(value for _label, value in points))
    top_value = step * math.ceil(max(value for _label, value in points) / step)
    plot_height = HEIGHT - TOP - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT
    scale = plot_height / top_value
    baseline = TOP + plot_height
    first, last = points[0], points[-1]
    description = (f"Bar chart of {unit}: " + "; ".join(f"{label}: {number(value)}" for label, value in points)
                   + f". The last value is {last[1] / first[1]:.1f} times the first.")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" focusable="false" '
        f'font-size="{FONT}" fill="currentColor">',
        f'<title id="{ident}-title">{html.escape(title)}</title>',
        f'<desc id="{ident}-desc">{html.escape(description)}</desc>',
        '<g class="bar-chart__grid">',
    ]
    for tick in range(0, top_value + 1, step):
        y = baseline - tick * scale
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
                   f'stroke-opacity="{0.6 if tick == 0 else 0.18}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + FONT * 0.35:.1f}" text-anchor="end" '
                   f'class="bar-chart__tick">{number(tick)}</text>')
    out.append("</g>")
    slot = plot_width / len(points)
    bar_width = min(96, slot * 0.55)
    out.append('<g class="bar-chart__bars">')
    for index, (label, value) in enumerate(points):
        x = LEFT + slot * index + (slot - bar_width) / 2
        height = value * scale
        centre = x + bar_width / 2
        out.append(f'<rect class="bar-chart__bar" x="{x:.1f}" y="{baseline - height:.1f}" width="{bar_width:.1f}" '
                   f'height="{height:.1f}" data-value="{value}"/>')
        out.append(f'<text x="{centre:.1f}" y="{baseline - height - 6:.1f}" text-anchor="middle" '
                   f'class="bar-chart__value">{number(value)}</text>')
        out.append(f'<text x="{centre:.1f}" y="{baseline + FONT + 6:.1f}" text-anchor="middle" '
                   f'class="bar-chart__label">{html.escape(label)}</text>')
    out.append("</g>")
    out.append(f'<text x="{LEFT}" y="{TOP - 12}" class="bar-chart__unit">{html.escape(unit)}</text>')
    out.append("</svg>")
    return "\n".join(out)

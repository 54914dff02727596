"""Labels that do not collide: each node's label goes to the first free spot around it.

Greedy, biggest node first. The candidates are the eight compass positions around the node,
then the same positions farther out (drawn with a leader line). A spot is free when its box
overlaps no label already placed and no node, and lies inside the drawing. A label with no
free spot is left out of the drawing (the node keeps its tooltip and the table names it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CHAR_WIDTH = 0.62  # of the font size, for the system sans-serif fonts used
DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Box, pad: float = 1.0) -> bool:
        """Whether the two boxes come closer than ``pad`` pixels."""
        return not (
            self.x + self.w + pad <= other.x
            or other.x + other.w + pad <= self.x
            or self.y + self.h + pad <= other.y
            or other.y + other.h + pad <= self.y
        )


@dataclass(frozen=True)
class Node:
    """A node to label: its id, centre, radius and label text."""

    key: str
    x: float
    y: float
    r: float
    text: str


@dataclass(frozen=True)
class Label:
    """Where a label goes: the text's anchor point (middle of its baseline) and its box;
    ``leader`` when it sits away from the node and needs a line to it."""

    key: str
    text: str
    x: float
    y: float
    box: Box
    leader: bool


def text_box(text: str, cx: float, cy: float, size: float) -> Box:
    """The box of ``text`` centred on (cx, cy) at the font size."""
    w = len(text) * size * CHAR_WIDTH + 2
    h = size + 2
    return Box(cx - w / 2, cy - h / 2, w, h)


def place_labels(
    nodes: Sequence[Node], *, width: float, height: float, size: float = 11.0
) -> dict[str, Label]:
    """A label for each node that has a free spot (see the module docstring)."""
    obstacles = [Box(n.x - n.r, n.y - n.r, 2 * n.r, 2 * n.r) for n in nodes]
    placed: list[Box] = []
    out: dict[str, Label] = {}
    frame = Box(0, 0, width, height)
    for node in sorted(nodes, key=lambda n: -n.r):
        for distance, leader in ((2.0, False), (14.0, True), (30.0, True)):
            label = _first_free(node, distance, leader, size, frame, placed, obstacles)
            if label is not None:
                out[node.key] = label
                placed.append(label.box)
                break
    return out


def _first_free(
    node: Node,
    distance: float,
    leader: bool,
    size: float,
    frame: Box,
    placed: list[Box],
    obstacles: list[Box],
) -> Label | None:
    for dx, dy in DIRECTIONS:
        probe = text_box(node.text, 0, 0, size)
        cx = node.x + dx * (node.r + distance + probe.w / 2)
        cy = node.y + dy * (node.r + distance + probe.h / 2)
        box = text_box(node.text, cx, cy, size)
        inside = box.x >= 0 and box.y >= 0 and box.x + box.w <= frame.w
        if not inside or box.y + box.h > frame.h:
            continue
        if any(box.overlaps(b) for b in placed) or any(box.overlaps(b, 0) for b in obstacles):
            continue
        return Label(node.key, node.text, cx, cy + size * 0.35, box, leader)
    return None

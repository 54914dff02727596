"""The actor graph as GraphML or GEXF, for Gephi, yEd or Cytoscape (written by networkx).

Nodes carry the actor's name and event count; edges the event count, the mean Goldstein
value (when any event has one) and the count of conflict events.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

FORMATS: dict[str, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}


def to_networkx(graph: Mapping[str, Any]) -> Any:
    """The graph as an undirected ``networkx.Graph`` with the attributes above."""
    import networkx as nx

    g = nx.Graph()
    for n in graph["nodes"]:
        g.add_node(n["id"], label=n["id"], name=n["name"] or n["id"], events=int(n["events"]))
    for e in graph["edges"]:
        attrs: dict[str, Any] = {"events": int(e["n"]), "weight": int(e["n"])}
        if e.get("goldstein_mean") is not None:
            attrs["goldstein_mean"] = float(e["goldstein_mean"])
        if e.get("n_conflict") is not None:
            attrs["conflict_events"] = int(e["n_conflict"])
        g.add_edge(e["a"], e["b"], **attrs)
    return g


def export_graph(graph: Mapping[str, Any], fmt: str) -> bytes:
    """The graph written in ``fmt`` (graphml or gexf) as UTF-8 bytes."""
    import networkx as nx

    g = to_networkx(graph)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(g, buffer, encoding="utf-8")
    else:
        raise ValueError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return buffer.getvalue()

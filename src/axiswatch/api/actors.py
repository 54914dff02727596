"""Actors: search and resolution in the knowledge base, and the actors of the workspace.

The knowledge base is the workspace's (``ws.kb``: the built-ins with the actor files beside
the database). ``actor_graph`` counts events per actor and per unordered pair; the network and
map pages draw it, and ``/api/network`` is their JSON twin.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from axiswatch.actors.kb import ActorKB
from axiswatch.api.evidence import parse_date
from axiswatch.errors import InputError, NotFoundError
from axiswatch.store.events import EventFilter
from axiswatch.workspace import Workspace

MAX_HITS = 100


def actor_name(kb: ActorKB, actor_id: str) -> str:
    """The knowledge base's name of an actor, else the id itself."""
    actor = kb.actor(actor_id)
    return actor.name if actor is not None else actor_id


def search_actors(ws: Workspace, query: str, *, limit: int = 25) -> list[dict[str, Any]]:
    """Actors and persons whose id, name or alias contains the query, best first."""
    if not 1 <= limit <= MAX_HITS:
        raise InputError(f"limit={limit}: give a number from 1 to {MAX_HITS}")
    return [dataclasses.asdict(hit) for hit in ws.kb.search(query, limit=limit)]


def resolve_actor(ws: Workspace, text: str, *, date: str | None = None) -> dict[str, Any]:
    """What a name, title or phrase refers to (on a date, for offices held in time)."""
    if not text.strip():
        raise InputError("text is empty: give a name or phrase, e.g. 'the Russian president'")
    return {"text": text, **ws.kb.resolve(text, parse_date(date, name="date")).to_dict()}


def workspace_actors(ws: Workspace) -> list[dict[str, Any]]:
    """Every actor that appears in a stored event, most events first."""
    from axiswatch.store.events import actor_counts

    kb = ws.kb
    return [
        {"id": a, "name": actor_name(kb, a), "events": n, "links": actor_links(a)}
        for a, n in actor_counts(ws.con)
    ]


def actor_links(actor_id: str) -> dict[str, str]:
    """Where to read an actor's record and events."""
    return {
        "self": f"/api/actors/{actor_id}",
        "events": f"/api/events?actor={actor_id}",
        "timeline": f"/timeline?actor={actor_id}",
    }


def actor_detail(ws: Workspace, actor_id: str) -> dict[str, Any]:
    """An actor (or person) of the knowledge base with its events' counterparts, counted in
    SQL."""
    from axiswatch.store.events import actor_partners

    kb = ws.kb
    code = actor_id.strip().upper()
    actor = kb.actor(code)
    total, partners = actor_partners(ws.con, code)
    if actor is not None:
        record: dict[str, Any] = actor.to_dict()
    elif (person := kb.person(actor_id)) is not None:
        record = {"kind": "person", "id": person.name, **person.to_dict()}
    elif total:
        record = {"id": code, "kind": None, "name": code}
    else:
        raise NotFoundError(f"no actor {actor_id!r}: search with /api/actors?q=NAME")
    record["events"] = total
    record["partners"] = [{"id": p, "events": n} for p, n in partners]
    record["links"] = actor_links(str(record["id"]))
    return record


def actor_graph(ws: Workspace, flt: EventFilter | None = None) -> dict[str, Any]:
    """Actors (events touching each) and pairs (events between them, mean Goldstein),
    counted by one SQL aggregate; each pair links to its events (``links.events``)."""
    from axiswatch.store.events import pair_counts

    edges = pair_counts(ws.con, flt)
    nodes: Counter[str] = Counter()
    for edge in edges:
        nodes[edge["a"]] += edge["n"]
        nodes[edge["b"]] += edge["n"]
        edge["links"] = {"events": f"/api/events?dyad={edge['a']}-{edge['b']}"}
    kb = ws.kb
    return {
        "nodes": [
            {"id": a, "name": actor_name(kb, a), "events": n}
            for a, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "edges": edges,
    }


def actor_list(ws: Workspace, query: str | None, *, limit: int = 25) -> dict[str, Any]:
    """Knowledge-base hits for ``query``; without one, the actors of the workspace's events."""
    rows = search_actors(ws, query, limit=limit) if query else workspace_actors(ws)
    return {"query": query or None, "count": len(rows), "actors": rows}

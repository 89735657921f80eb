"""Full-text search over every item: an FTS5 index kept in step inside each transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.orm import Session

from raadsdossier.core.models.base import new_id
from raadsdossier.core.models import (
    AgendaItem, Item, ItemActor, Question, StatusChange, Vote, VoteCast,
)

FTS_TABLE = "search_index"

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def _owner_id(obj) -> str | None:
    """The item whose indexed text changes when this child row changes."""
    if isinstance(obj, Item):
        return obj.id
    if isinstance(obj, ItemActor):
        return obj.item_id or (obj.item.id if obj.item is not None else None)
    if isinstance(obj, Question):
        return obj.question_set_id or (obj.question_set.id if obj.question_set is not None else None)
    if isinstance(obj, Vote):
        return obj.motion_id or (obj.motion.id if obj.motion is not None else None)
    if isinstance(obj, VoteCast):
        vote = obj.vote
        return vote.motion_id if vote is not None else None
    if isinstance(obj, StatusChange):
        return obj.partnership_id or (obj.partnership.id if obj.partnership is not None else None)
    if isinstance(obj, AgendaItem):
        return obj.meeting_id or (obj.meeting.id if obj.meeting is not None else None)
    return None


def _before_flush(session: Session, flush_context, instances) -> None:
    new_items = [obj for obj in session.new if isinstance(obj, Item) and obj.seq is None]
    for item in new_items:
        if item.id is None:  # the column default would come too late for the index
            item.id = new_id()
    if new_items:
        next_seq = (session.execute(select(func.max(Item.seq))).scalar() or 0) + 1
        for offset, item in enumerate(new_items):
            item.seq = next_seq + offset
    deleted_seqs = [obj.seq for obj in session.deleted if isinstance(obj, Item) and obj.seq is not None]
    if deleted_seqs:
        connection = session.connection()
        for seq in deleted_seqs:
            connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :seq"), {"seq": seq})
    # id -> the item object: holding it keeps it in the session (whose identity map only holds
    # objects weakly), so indexing at commit need not load it from the database again.
    pending: dict = session.info.setdefault("search_pending", {})
    for obj in session.deleted:  # changed earlier in this transaction, now gone: nothing to index
        if isinstance(obj, Item):
            pending.pop(obj.id, None)
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        owner = _owner_id(obj)
        if owner is not None and not (isinstance(obj, Item) and obj in session.deleted):
            if isinstance(obj, Item):
                pending[owner] = obj
            else:
                pending.setdefault(owner, None)


def _before_commit(session: Session) -> None:
    """Index what this transaction changed, once, just before it commits (an import flushes several
    times; indexing per flush would index the same items again)."""
    session.flush()
    pending = session.info.pop("search_pending", {})
    if not pending:
        return
    connection = session.connection()
    with session.no_autoflush:
        for item_id, item in pending.items():
            item = item if item is not None else session.get(Item, item_id)
            if item is None or inspect(item).deleted or inspect(item).detached:
                continue
            title, body = item.search_text()
            connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :seq"), {"seq": item.seq})
            connection.execute(
                text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:seq, :title, :body)"),
                {"seq": item.seq, "title": title or "", "body": body or ""},
            )


def install_hooks(session_class: type[Session]) -> None:
    """Keep the index in step with the data in every transaction of sessions of `session_class`."""
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "before_commit", _before_commit)
    event.listen(session_class, "after_soft_rollback", lambda session, previous: session.info.pop("search_pending", None))


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    snippet: str
    confidentiality: str
    rank: float


_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def to_fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query: all words must occur, the last one as a prefix.

    Quoted text is kept as a phrase. FTS5 operators typed by the user are treated as words.
    """
    terms: list[str] = []
    for phrase, word in _TOKEN.findall(query):
        words = _WORD.findall(phrase or word)
        if not words:
            continue
        terms.append('"' + " ".join(words) + '"')
    if not terms:
        return ""
    if not query.rstrip().endswith('"'):
        terms[-1] += "*"
    return " AND ".join(terms)


def search(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for `query` (title matches weigh more), each with a snippet around the match."""
    fts_query = to_fts_query(query)
    if not fts_query:
        return []
    rows = session.execute(
        text(
            f"SELECT items.id, items.kind, items.confidentiality, {FTS_TABLE}.title, "
            f"snippet({FTS_TABLE}, 1, '[', ']', '…', 12), "
            f"snippet({FTS_TABLE}, 0, '[', ']', '…', 12), "
            f"bm25({FTS_TABLE}, 5.0, 1.0) AS score "
            f"FROM {FTS_TABLE} JOIN items ON items.seq = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :q ORDER BY score LIMIT :limit"
        ),
        {"q": fts_query, "limit": limit},
    ).all()
    hits = []
    for item_id, kind, conf, title, body_snippet, title_snippet, score in rows:
        snippet = body_snippet if "[" in body_snippet else title_snippet
        hits.append(SearchHit(kind, item_id, title, snippet, conf, score))
    return hits


def rebuild(session: Session) -> int:
    """Rebuild the whole index from the data; returns the number of items indexed."""
    connection = session.connection()
    connection.execute(text(f"DELETE FROM {FTS_TABLE}"))
    count = 0
    for item in session.scalars(select(Item)):
        title, body = item.search_text()
        connection.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:seq, :title, :body)"),
            {"seq": item.seq, "title": title or "", "body": body or ""},
        )
        count += 1
    return count

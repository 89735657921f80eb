"""The full-text index kept in step with the data: inside each transaction, and rebuilt on repair.

Every item has one row in the FTS5 table (storage/search.py), keyed by items.seq, holding the item's
title and text (Item.search_text).
"""

from __future__ import annotations

from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.orm import Session

from raadsdossier.domain.models import AgendaItem, Item, ItemActor, Question, StatusChange, Vote, VoteCast
from raadsdossier.domain.models.base import new_id
from raadsdossier.storage.search import FTS_TABLE


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


def assign_seq(session: Session, items) -> None:
    """Give new items (not yet written) their id, if missing, and the next free `seq` numbers."""
    for item in items:
        if item.id is None:  # the column default would come too late for the index
            item.id = new_id()
    if items:
        next_seq = (session.execute(select(func.max(Item.seq))).scalar() or 0) + 1
        for offset, item in enumerate(items):
            item.seq = next_seq + offset


def queue(session: Session, items) -> None:
    """Index these items when the transaction commits: for items written without a flush
    (interchange/bulk.py), which the flush hook below never sees as new."""
    pending: dict = session.info.setdefault("search_pending", {})
    for item in items:
        pending[item.id] = item


def _before_flush(session: Session, flush_context, instances) -> None:
    assign_seq(session, [obj for obj in session.new if isinstance(obj, Item) and obj.seq is None])
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
    rows = []
    with session.no_autoflush:
        for item_id, item in pending.items():
            item = item if item is not None else session.get(Item, item_id)
            if item is None or inspect(item).deleted or inspect(item).detached:
                continue
            title, body = item.search_text()
            rows.append({"seq": item.seq, "title": title or "", "body": body or ""})
    if rows:
        # Two statements for the whole transaction (executemany), not two per item: an import of
        # 10,000 OData vote rows indexes ~2,700 items, and a statement each cost ~0.1 ms of overhead.
        connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :seq"), [{"seq": r["seq"]} for r in rows])
        connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:seq, :title, :body)"), rows)


def install_hooks(session_class: type[Session]) -> None:
    """Keep the index in step with the data in every transaction of sessions of `session_class`."""
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "before_commit", _before_commit)
    event.listen(session_class, "after_soft_rollback", lambda session, previous: session.info.pop("search_pending", None))


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

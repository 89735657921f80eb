"""Full-text search over every item: what a user types as a safe FTS5 query, ranked hits with snippets.

The index itself is kept in step with the data by storage/indexing.py. Searching needs no ORM model:
`search` takes any SQLAlchemy connection or session (the command line's `search` opens no session).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import column, table, text

from raadsdossier.domain.enums import Confidentiality

FTS_TABLE = "search_index"


def search_table():
    """The index as a table for statements built with SQLAlchemy; its rowid is the item's items.seq."""
    return table(FTS_TABLE, column("rowid"))

# The index's definition as the migrations leave it (0001, with the prefix indexes of 0004): a test
# holds the migrated table to it. prefix = '2 3': a query whose last word is 2 or 3 characters so far
# reads one precomputed doclist instead of merging those of every word that starts with it.
CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    snippet: str
    confidentiality: Confidentiality
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


# Ranking with bm25 costs time for every matching item, and a word such as "stedenband" or
# "Xinjiang" matches most of a partnership's dossier: in a 100,000-item dossier a bare FTS5
# "ORDER BY rank" then takes 50–150 ms. So hits are ranked among the most recently added
# RANK_WINDOW matches (FTS5 walks its rowids newest first and stops after them); a
# query matching fewer items is ranked over all of them.
RANK_WINDOW = 2000
SNIPPET_TOKENS = 12

# FTS5's snippet() would be computed for every ranked candidate before the best are kept (SQLite
# evaluates result columns before sorting), and a second MATCH per hit costs more than the search.
# So the hits' text is read from the index's own content table (FTS5's documented %_content shadow
# table: id = rowid, c0 = title, c1 = body) and the snippet is made here, for the hits alone.
_CONTENT_TABLE = f"{FTS_TABLE}_content"


def _letter_class(char: str) -> str:
    """A regex class matching `char` with or without accents, as the unicode61 tokenizer with
    remove_diacritics 2 folds them (e matches é, è, ë, ê)."""
    variants = _ACCENTED.get(char.lower())
    return f"[{re.escape(char)}{variants}]" if variants else re.escape(char)


_ACCENTED = {"a": "àáâãäåā", "c": "çćč", "e": "èéêëēėę", "i": "ìíîïī", "n": "ñń", "o": "òóôõöøō",
             "u": "ùúûüū", "y": "ýÿ", "s": "śšş", "z": "źżž"}


def match_pattern(fts_query: str) -> re.Pattern | None:
    """A regex finding the words of a query made by `to_fts_query` in the original text."""
    alternatives = []
    for phrase, prefix in re.findall(r'"([^"]*)"(\*?)', fts_query):
        words = [w for w in phrase.split() if w]
        if not words:
            continue
        body = r"\W+".join("".join(_letter_class(c) for c in word) for word in words)
        alternatives.append(r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)"))
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def make_snippet(text_value: str, pattern: re.Pattern | None, tokens: int = SNIPPET_TOKENS) -> str:
    """About `tokens` words of `text_value` around its first match of `pattern` (a few words before it,
    the rest after), matches in [brackets], '…' where text was left out; "" when nothing matches."""
    match = pattern.search(text_value) if pattern is not None and text_value else None
    if match is None:
        return ""
    lead = tokens // 4
    before = [w.start() for w in _WORD.finditer(text_value, max(0, match.start() - 40 * tokens), match.start())]
    start = before[-lead] if lead and len(before) > lead else (0 if lead else match.start())
    end, count = match.end(), min(lead, len(before)) + 1
    for word in _WORD.finditer(text_value, match.end()):
        if count >= tokens:
            break
        end, count = word.end(), count + 1
    marked = pattern.sub(lambda m: f"[{m.group(0)}]", text_value[start:end])
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text_value) else "")


def search(session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for `query` (title matches weigh more), each with a snippet around the match.

    When more than RANK_WINDOW items match, the hits are the best-ranked among the RANK_WINDOW most
    recently added matches.
    """
    fts_query = to_fts_query(query)
    if not fts_query:
        return []
    # One pass over the matches: FTS5 yields them newest first and stops after RANK_WINDOW, scoring
    # only those; the sorter keeps the best. (Finding the RANK_WINDOW-th newest match first and then
    # scoring the matches from there walked them twice, and a prefix's doclists were merged twice.)
    # Equal scores: the newest first.
    ranked = session.execute(
        text(f"SELECT rowid, score FROM (SELECT rowid, bm25({FTS_TABLE}, 5.0, 1.0) AS score FROM {FTS_TABLE} "
             f"WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC LIMIT :window) ORDER BY score, rowid DESC LIMIT :limit"),
        {"q": fts_query, "window": RANK_WINDOW, "limit": limit},
    ).all()
    if not ranked:
        return []
    seqs = [seq for seq, _score in ranked]
    found = {
        seq: rest for seq, *rest in session.execute(
            text(f"SELECT items.seq, items.id, items.kind, items.confidentiality, c.c0, c.c1 "
                 f"FROM {_CONTENT_TABLE} AS c JOIN items ON items.seq = c.id "
                 f"WHERE c.id IN ({', '.join(str(int(s)) for s in seqs)})")
        )
    }
    pattern = match_pattern(fts_query)
    hits = []
    for seq, score in ranked:
        if seq not in found:
            continue
        item_id, kind, conf, title, body = found[seq]
        snippet = make_snippet(body or "", pattern) or make_snippet(title or "", pattern) or (title or "")
        hits.append(SearchHit(kind, item_id, title, snippet, Confidentiality(conf), score))
    return hits

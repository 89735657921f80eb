"""Full-text search over every item: what a user types as a safe FTS5 query, ranked hits with snippets; and the
same search of a dossier in a shared store on PostgreSQL (`search_postgres`, below), with the same hits.

The index itself is kept in step with the data by storage/indexing.py. Searching needs no ORM model:
`search` takes any SQLAlchemy connection or session (the command line's `search` opens no session).
"""

from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass
from itertools import repeat

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
# bm25's column weights: a match in the title counts five times one in the body.
TITLE_WEIGHT, BODY_WEIGHT = 5.0, 1.0

# FTS5's snippet() would be computed for every ranked candidate before the best are kept (SQLite
# evaluates result columns before sorting), and a second MATCH per hit costs more than the search.
# So the hits' text is read from the index's own content table (FTS5's documented %_content shadow
# table: id = rowid, c0 = title, c1 = body) and the snippet is made here, for the hits alone.
_CONTENT_TABLE = f"{FTS_TABLE}_content"


def _letter_class(char: str) -> str:
    """A regex class matching `char` with or without accents, as the unicode61 tokenizer with
    remove_diacritics 2 folds them (e matches é, è, ë, ê, and é matches e)."""
    base = _unaccented(char)
    variants = _ACCENTED.get(base.lower()) if len(base) == 1 else None
    return f"[{re.escape(base)}{variants}]" if variants else re.escape(char)


def _unaccented(value: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


_ACCENTED = {"a": "àáâãäåā", "c": "çćč", "e": "èéêëēėę", "i": "ìíîïī", "n": "ñń", "o": "òóôõöøō",
             "u": "ùúûüū", "y": "ýÿ", "s": "śšş", "z": "źżž"}


def query_terms(fts_query: str) -> list[tuple[list[str], bool]]:
    """The phrases of a query made by `to_fts_query`: each one's words, and whether its last word is a prefix."""
    return [(phrase.split(), bool(star)) for phrase, star in re.findall(r'"([^"]*)"(\*?)', fts_query)
            if phrase.split()]


def term_pattern(words: list[str], prefix: bool) -> str:
    """The regex of one phrase (`query_terms`), to be matched ignoring case; PostgreSQL's regexes read it alike."""
    body = r"\W+".join("".join(_letter_class(c) for c in word) for word in words)
    return r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)")


def match_pattern(fts_query: str) -> re.Pattern | None:
    """A regex finding the words of a query made by `to_fts_query` in the original text."""
    alternatives = [term_pattern(words, prefix) for words, prefix in query_terms(fts_query)]
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
        text(f"SELECT rowid, score FROM (SELECT rowid, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
             f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC LIMIT :window) "
             f"ORDER BY score, rowid DESC LIMIT :limit"),
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
    return [_hit(*found[seq], score, pattern) for seq, score in ranked if seq in found]


def _hit(item_id: str, kind: str, conf: str, title: str | None, body: str | None, score: float,
         pattern: re.Pattern | None) -> SearchHit:
    """A hit with its snippet: around the first match in the body, else in the title, else the title itself."""
    snippet = make_snippet(body or "", pattern) or make_snippet(title or "", pattern) or (title or "")
    return SearchHit(kind, item_id, title, snippet, Confidentiality(conf), score)


# -- the same search on PostgreSQL ------------------------------------------------------------------------
#
# A dossier in a shared store (storage/store.py) is a schema on PostgreSQL whose index is a table:
# search_index(rowid = items.seq, title, body, document), `document` being the server's own tsvector of the
# title (weight A) and the body (weight B) in the Dutch configuration, with a GIN index (migration 0001).
# `search_postgres` gives the hits `search` gives for the same rows:
#
# 1. The GIN index finds the candidates: for every word its Dutch stem ("zorgen" → zorg), and for the word
#    still being typed every stem that begins with it or that it begins with ("verantwoordin" → verantwoord).
#    That is every item FTS5 would match, and more: Dutch stemming joins words that FTS5 keeps apart ("zorg"
#    and "zorgen", "klein" and "kleine", "vertrouwen" and "vertrouwelijke").
# 2. In the candidates, newest first until RANK_WINDOW match, the server counts each phrase as typed with the
#    regex that marks it in snippets (`term_pattern`: case and accents ignored, as FTS5's tokenizer ignores
#    them). The items where every phrase occurs are the items FTS5's MATCH finds, and the same window of them.
# 3. They are ranked here by FTS5's bm25 with `search`'s weights, from those counts:
#      score = -Σ idf(q) · f(q) · (k1 + 1) / (f(q) + k1 · (1 - b + b · |D| / avgdl))   over the phrases q,
#    f(q) the phrase's occurrences in the item (TITLE_WEIGHT for each in the title, BODY_WEIGHT in the body),
#    |D| the item's words as FTS5 counts them and avgdl their average, idf(q) = max(log((N - n(q) + 0.5) /
#    (n(q) + 0.5)), 1e-6) with N the items and n(q) those holding the phrase. PostgreSQL keeps no word
#    counts, so |D| and avgdl come from reading the dossier's text once (`DossierStats`, kept by the caller
#    until the dossier changes), and n(q) from counting the phrase in its candidates. Ties go to the newest
#    item, as in `search`.
# ts_rank_cd was tried first: it counts stems, so that "zorgen" counted every "zorg" too, and it knows neither
# idf nor bm25's length normalisation: in a generated dossier of 1,000 items, 18 of the bench's 100 queries
# had another first hit or fewer than 8 of the same ten best.
#
# Stop words ("de", "van", "zijn") are not in the index, so a phrase of stop words only, or a word being typed
# that may still become one ("d", "va"), cannot narrow the candidates: it is counted in step 2 only, and its
# idf is bm25's floor (stop words are in more than half of all items). A query of nothing else reads the
# items newest first until RANK_WINDOW match, which is soon, as such words are everywhere.
#
# Accents: the Dutch stemmer folds á é í ó ú and ä ë ï ö ü as FTS5 does, and a word typed with another accent
# is looked up with and without it. But a word typed without an accent that the text has, other than those
# ten ("creme" for "crème"), does not find the text's stem in the index, so that item is missed.
# Addresses: PostgreSQL's parser keeps a web or e-mail address or a file name whole ("www.arnhem.nl",
# "bijlage-12.txt"), where FTS5 sees its words; such a word is found where it begins the address, not inside.
# An index of the words as written, accents taken off and addresses split (a migration; the report of issue
# 19's search work gives its SQL), would find both, and would let the server count without reading the text.
#
# PostgreSQL 15 or newer (regexp_count), in a database whose character type knows letters beyond ASCII (any
# UTF-8 locale; not "C"), so that its regexes read `\w` and case as Python's do.

TS_CONFIG = "dutch"
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's bm25 constants
_IDF_FLOOR = 1e-6  # FTS5's idf for a phrase in more than half of all items
_COUNTS_KEPT = 10_000  # phrases whose n(q) a DossierStats keeps
_FTS5_TOKEN = re.compile(r"[^\W_]+")  # a word as FTS5's unicode61 tokenizer counts it
_SHORTEST_STEM = 3  # the Dutch stemmer removes endings only after a word's first three letters
# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop, Snowball's list): a word being typed that is the start
# of one cannot be looked up in the index.
_STOP_WORDS = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat "
    "mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want "
    "nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles "
    "onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand "
    "geweest andere".split())
_DUTCH_FOLDED = str.maketrans("áéíóúäëïöü", "aeiouaeiou")  # what the Dutch stemmer folds
_DOUBLE_VOWEL = re.compile(r"([aeou])\1([^aeiouy])$")  # the Dutch stemmer's last step: "maan" → man
_VOWEL_AT_END = re.compile(r"([aeou])\1$")


def _spellings(word: str) -> list[str]:
    """`word` in lower case as typed, with the Dutch stemmer's accents folded, and without any accent."""
    lower = word.lower()
    return list(dict.fromkeys([lower, lower.translate(_DUTCH_FOLDED), _unaccented(lower)]))


def _word_lookup(word: str, typing: bool, name: str, values: dict) -> str | None:
    """SQL for a tsquery that finds (at least) every item with `word` in it, with to_tsquery's input added to
    `values` under `name`…; None when the index cannot narrow it down (a stop word, or the start of one while
    typing)."""
    spellings = _spellings(word)
    if not typing:
        if _STOP_WORDS.intersection(spellings):
            return None
        # Its stem: every inflection. And every word that begins with it as it is: PostgreSQL's parser keeps a
        # web or e-mail address or a file name ("bijlage-12.txt") whole, where FTS5 sees its words.
        values.update({f"{name}_{i}": spelling for i, spelling in enumerate(spellings)})
        return " || ".join(f"to_tsquery('{TS_CONFIG}', :{name}_{i}) || to_tsquery('simple', :{name}_{i} || ':*')"
                           for i in range(len(spellings)))
    if any(stop.startswith(spelling) for stop in _STOP_WORDS for spelling in spellings):
        return None
    # A stem is the word with letters taken off its end and its last double vowel before a final consonant made
    # single ("internationaal" → internationa-l). So a word that begins with what was typed has a stem that
    # begins with it too (or with it less its last double vowel's second letter), or a stem that is shorter: a
    # start of what was typed of at least _SHORTEST_STEM letters, perhaps with that double vowel made single.
    lookups = []
    for spelling in spellings:
        lookups += [spelling + ":*", _VOWEL_AT_END.sub(r"\1", spelling) + ":*"]
        for length in range(_SHORTEST_STEM, len(spelling) + 1):
            lookups += [spelling[:length], _DOUBLE_VOWEL.sub(r"\1\2", spelling[:length])]
    values[name] = " | ".join(dict.fromkeys(lookups))
    return f"to_tsquery('simple', :{name})"


def _tsqueries(connection, terms: list[tuple[list[str], bool]]) -> list[str]:
    """For each phrase, a tsquery (its text) matching every item that holds it, or "" where there is none."""
    values: dict = {}
    parts = []
    for t, (words, prefix) in enumerate(terms):
        lookups = [_word_lookup(word, prefix and i == len(words) - 1, f"w{t}_{i}", values)
                   for i, word in enumerate(words)]
        lookups = [f"({lookup})" for lookup in lookups if lookup]
        parts.append(f"({' && '.join(lookups)})::text" if lookups else "''")
    return list(connection.execute(text(f"SELECT {', '.join(parts)}"), values).one())


def _fts5_length(*texts: str | None) -> int:
    return sum(len(_FTS5_TOKEN.findall(value)) for value in texts if value)


class DossierStats:
    """What bm25 needs to know of a whole dossier: N, avgdl, each item's length in words, and the phrases'
    n(q) as far as counted. Made by reading every item's text once (`dossier_stats`); valid until the dossier
    changes."""

    def __init__(self, items: int, words: float, lengths: array) -> None:
        self.items = items
        self.words = words  # per item, as FTS5 counts them
        self.lengths = lengths  # by rowid
        self.counts: dict[str, tuple[int, int]] = {}  # phrase regex → _phrase_counts

    def length(self, rowid: int) -> int:
        return self.lengths[rowid] if rowid < len(self.lengths) else 0


def dossier_stats(connection) -> DossierStats:
    """The stats of the dossier on the connection (see DossierStats)."""
    count, words = 0, 0
    lengths = array("I")
    rows = connection.execute(text(f"SELECT rowid, title, body FROM {FTS_TABLE}").execution_options(
        stream_results=True, max_row_buffer=1000))
    for rowid, title, body in rows:
        length = _fts5_length(title, body)
        if rowid >= len(lengths):
            lengths.extend(repeat(0, rowid + 1 - len(lengths)))
        lengths[rowid] = length
        count, words = count + 1, words + length
    return DossierStats(count, words / count if count else 1.0, lengths)


def _phrase_counts(connection, lookup: str, pattern: str, stats: DossierStats) -> tuple[int, int]:
    """The items the index gives for a phrase's `lookup`, and those of them that hold the phrase (n(q))."""
    if pattern not in stats.counts:
        if len(stats.counts) >= _COUNTS_KEPT:
            stats.counts.clear()
        stats.counts[pattern] = tuple(connection.execute(text(
            f"SELECT count(*), count(*) FILTER (WHERE title ~* :pattern OR body ~* :pattern) FROM {FTS_TABLE} "
            f"WHERE document @@ CAST(:lookup AS tsquery)"), {"lookup": lookup, "pattern": pattern}).one())
    return stats.counts[pattern]


def _counted_window(connection, narrowed: str, patterns: list[str], order: list[int]) -> list[tuple]:
    """The newest RANK_WINDOW candidates holding every phrase, with each phrase's occurrences in their title and
    body: (rowid, t0, b0, t1, b1, …). The phrases are counted in `order`, each only where those before it occur.

    The candidates come newest first and each is counted in its own row: OFFSET 0 keeps the planner from turning
    them into a join with a scan that counts every row, and lets it know their order, so that it stops at
    RANK_WINDOW. Each phrase is counted in a subquery around the one before, to which its CASE refers."""
    values: dict = {"lookup": narrowed, "window": RANK_WINDOW}
    counted, done = f"SELECT s.title, s.body FROM {FTS_TABLE} AS s WHERE s.rowid = c.rowid", []
    for i in order:
        values[f"p{i}"] = patterns[i]
        held = " AND ".join(f"m.t{j} + m.b{j} > 0" for j in done) or "true"
        counted = (f"SELECT m.*, CASE WHEN {held} THEN regexp_count(m.title, :p{i}, 1, 'i') END AS t{i}, "
                   f"CASE WHEN {held} THEN regexp_count(m.body, :p{i}, 1, 'i') END AS b{i} "
                   f"FROM ({counted} OFFSET 0) AS m")
        done.append(i)
    return connection.execute(text(
        f"WITH candidates AS MATERIALIZED (SELECT rowid FROM {FTS_TABLE}"
        f"{' WHERE document @@ CAST(:lookup AS tsquery)' if narrowed else ''}) "
        f"SELECT c.rowid, {', '.join(f'm.t{i}, m.b{i}' for i in range(len(patterns)))} "
        f"FROM (SELECT rowid FROM candidates ORDER BY rowid DESC OFFSET 0) AS c "
        f"CROSS JOIN LATERAL ({counted} OFFSET 0) AS m "
        f"WHERE {' AND '.join(f'm.t{i} + m.b{i} > 0' for i in range(len(patterns)))} "
        f"ORDER BY c.rowid DESC LIMIT :window"), values).all()


def search_postgres(connection, query: str, limit: int = 50, stats: DossierStats | None = None) -> list[SearchHit]:
    """`search` on PostgreSQL: the same ranked hits with the same snippets, for the dossier whose schema is first
    on the connection's search path (storage/store.py). `stats`: `dossier_stats`, if kept. See above. The hits'
    `rank` is FTS5's bm25 score, except that for a query of one phrase it is not multiplied by the phrase's idf:
    that would cost counting the phrase in the whole dossier, and changes no order.

    Turns enable_seqscan off for the rest of the connection's transaction: for a common word the planner would
    rather test every item's tsvector (about 10 ms in 10,000 items) than ask the GIN index, which is quicker."""
    fts_query = to_fts_query(query)
    terms = query_terms(fts_query)
    if not terms:
        return []
    stats = stats or dossier_stats(connection)
    connection.execute(text("SET LOCAL enable_seqscan = off"))
    lookups = _tsqueries(connection, terms)
    patterns = [term_pattern(words, prefix) for words, prefix in terms]
    narrowed = " & ".join(f"({lookup})" for lookup in lookups if lookup)
    if len(terms) == 1:  # its idf would scale every score alike
        idfs, order = [1.0], [0]
    else:
        counts = [_phrase_counts(connection, lookup, pattern, stats) if lookup else (stats.items, stats.items)
                  for lookup, pattern in zip(lookups, patterns)]
        idfs = [max(math.log((stats.items - held + 0.5) / (held + 0.5)), _IDF_FLOOR) if lookup else _IDF_FLOOR
                for lookup, (_candidates, held) in zip(lookups, counts)]
        # the phrase that the fewest of its candidates hold is the likeliest to rule a candidate out: first
        order = sorted(range(len(terms)), key=lambda i: counts[i][1] / max(counts[i][0], 1))
    rows = _counted_window(connection, narrowed, patterns, order)
    scored = sorted((_bm25(stats.length(rowid), occurrences, idfs, stats.words), -rowid)
                    for rowid, *occurrences in rows)[:limit]
    if not scored:
        return []
    found = {seq: rest for seq, *rest in connection.execute(text(
        f"SELECT s.rowid, items.id, items.kind, items.confidentiality, s.title, s.body FROM {FTS_TABLE} AS s "
        f"JOIN items ON items.seq = s.rowid WHERE s.rowid = ANY(:seqs)"), {"seqs": [-seq for _score, seq in scored]})}
    pattern = match_pattern(fts_query)
    return [_hit(*found[-seq], score, pattern) for score, seq in scored if -seq in found]


def _bm25(length: int, occurrences, idfs: list[float], average: float) -> float:
    """FTS5's bm25 score (lower is better) of an item of `length` words, from each phrase's occurrences in its
    title and its body (title, body, title, body, …)."""
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)  # k1 · (1 - b + b · |D| / avgdl)
    score = 0.0
    for idf, in_title, in_body in zip(idfs, occurrences[::2], occurrences[1::2]):
        frequency = TITLE_WEIGHT * in_title + BODY_WEIGHT * in_body
        score += idf * ((frequency * (BM25_K1 + 1.0)) / (frequency + norm))  # in FTS5's order: the same doubles
    return -1.0 * score

"""A recovering CSV splitter: rows with their lines and byte offsets, and damage reported, never repaired.

The fast path is the ``csv`` module over the whole input (C speed). Only an anomaly makes it look
closer, and each is reported as a :class:`Damage` with the line to look at:

- ``unclosed_quote``: a row that runs over several lines and then has the wrong number of columns,
  or a line break in a one-line column, or never closes at all. The line given is where the row
  (and so the quote) starts; reading restarts at the next line, so valid rows after it still load.
- ``bad_quote``: a quote in the wrong place on one line (``"abc"def``).
- ``columns``: a one-line row with the wrong number of columns.
- ``nul``, ``bom``, ``newline``, ``encoding``: a NUL byte, a byte-order mark in the middle of the file,
  a line ending that differs from the file's (CR/LF mixes, a bare CR), or bytes that are not UTF-8.
  The row holding that line is skipped.

Nothing here writes: the caller decides what to do with damage. A blank line is no row.
"""

from __future__ import annotations

import csv
import itertools
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["CHUNK_BYTES", "Damage", "Row", "Split", "parse_line", "split", "split_chunks"]


class Row(NamedTuple):
    """One well-formed row: its physical lines (1-based, inclusive), byte span and fields."""

    line: int
    end_line: int
    offset: int
    end: int
    fields: list[str]


class Damage(NamedTuple):
    """A stretch of the input that is no row; ``line`` is the line to look at."""

    kind: str
    line: int
    end_line: int
    offset: int
    end: int
    found: int = 0  # the number of columns found (``columns``)
    first_field: str = ""


@dataclass(frozen=True, slots=True)
class Split:
    """What :func:`split` found.

    ``final`` is the byte offset up to which nothing can change by appending to the input
    (a last line without line end, or a quote still open at the end, lies after it);
    ``final_line`` is the number of the line that starts there. ``open_quote`` is the first
    line of a quote still open at the end of the input, if any.
    """

    items: list[Row | Damage]
    final: int
    final_line: int
    open_quote: int | None


def parse_line(text: str) -> list[str]:
    """Return the fields of one CSV line (a header, say).

    >>> parse_line('id,"a, b",c\\n')
    ['id', 'a, b', 'c']
    """
    return next(csv.reader([text]), [])


def split(
    data: bytes,
    columns: int,
    multiline: Iterable[int] = (),
    *,
    newline: str = "\n",
    first_line: int = 1,
    offset: int = 0,
) -> Split:
    """Split ``data`` (the bytes of a CSV file from ``offset``, whose first line is ``first_line``).

    Parameters
    ----------
    data : the bytes to read, starting at a row boundary.
    columns : how many fields a row has.
    multiline : indexes of the columns whose values may hold line breaks.
    newline : the file's line ending (``"\\n"`` or ``"\\r\\n"``, as its header line ends).
    first_line, offset : where ``data`` starts in the file, for line numbers and byte offsets.

    Examples
    --------
    >>> s = split(b'a,b\\nc,"never closed\\nd,e\\n', 2)
    >>> [(type(i).__name__, i.kind if isinstance(i, Damage) else i.fields, i.line) for i in s.items]
    [('Row', ['a', 'b'], 1), ('Damage', 'unclosed_quote', 2), ('Row', ['d', 'e'], 3)]
    >>> s.open_quote, s.final
    (2, 4)
    """
    multiline = frozenset(multiline)
    blines = data.splitlines(keepends=True)
    n = len(blines)
    starts = [0, *itertools.accumulate(map(len, blines))]
    flags: dict[int, str] = {}
    try:
        lines = [b.decode("utf-8") for b in blines]
    except UnicodeDecodeError:
        lines = []
        for index, b in enumerate(blines):
            try:
                lines.append(b.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(b.decode("utf-8", errors="replace"))
                flags[index] = "encoding"
    if b"\x00" in data:
        flags.update((i, "nul") for i, line in enumerate(lines) if "\x00" in line and i not in flags)
    if b"\xef\xbb\xbf" in data:
        flags.update((i, "bom") for i, line in enumerate(lines) if "\ufeff" in line and i not in flags)
    crlf = newline == "\r\n"
    if b"\r" in data:
        for i, line in enumerate(lines):
            bare_cr = line.endswith("\r")
            if (bare_cr or (not crlf and line.endswith("\r\n"))) and i not in flags:
                flags[i] = "newline"
    flagged = sorted(flags)

    def damage(kind: str, start: int, end: int, found: int = 0, first: str = "") -> Damage:
        return Damage(
            kind, first_line + start, first_line + end - 1, offset + starts[start], offset + starts[end], found, first
        )

    items: list[Row | Damage] = []
    open_quote_at: int | None = None
    i = 0
    while i < n:
        reader = csv.reader(itertools.islice(lines, i, None), strict=True)
        base = consumed = i
        restart = None
        while True:
            start = consumed
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                end = base + reader.line_num
                consumed = end
                at_eof = end >= n and "end of data" in str(exc)
                if end - start > 1 or at_eof:
                    items.append(damage("unclosed_quote", start, end))
                    if at_eof and open_quote_at is None:
                        open_quote_at = start
                    restart = start + 1
                    break
                items.append(damage("bad_quote", start, end))
                continue
            end = consumed = base + reader.line_num
            if not fields:
                continue
            if end - start > 1 and (
                len(fields) != columns
                or any(("\n" in f or "\r" in f) for k, f in enumerate(fields) if k not in multiline)
            ):
                items.append(damage("unclosed_quote", start, end, len(fields), fields[0]))
                restart = start + 1
                break
            if flagged:
                k = bisect_left(flagged, start)
                if k < len(flagged) and flagged[k] < end:
                    items.append(damage(flags[flagged[k]], flagged[k], flagged[k] + 1, first=fields[0]))
                    continue
            if len(fields) != columns:
                items.append(damage("columns", start, end, len(fields), fields[0]))
                continue
            if crlf and not lines[end - 1].endswith("\r\n") and lines[end - 1].endswith("\n"):
                items.append(damage("newline", end - 1, end, first=fields[0]))
                continue
            items.append(
                Row(first_line + start, first_line + end - 1, offset + starts[start], offset + starts[end], fields)
            )
        if restart is None:
            break
        i = restart

    if open_quote_at is not None:
        final_index = open_quote_at
    elif not n or data.endswith(b"\n"):
        final_index = n
    else:  # the last line has no line end yet: the row holding it may still grow
        last = min(
            (item for item in items if item.end_line == first_line + n - 1), key=lambda it: it.line, default=None
        )
        final_index = (last.line - first_line) if last is not None else n - 1
    return Split(
        items,
        offset + starts[final_index],
        first_line + final_index,
        None if open_quote_at is None else first_line + open_quote_at,
    )


#: How much :func:`split_chunks` splits at a time: large enough for C speed, small enough that the
#: lines, texts and rows of one chunk are all a large file ever holds at once.
CHUNK_BYTES = 4 * 1024 * 1024


def split_chunks(
    data: bytes,
    columns: int,
    multiline: Iterable[int] = (),
    *,
    newline: str = "\n",
    first_line: int = 1,
    offset: int = 0,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[Split]:
    """Split ``data`` as :func:`split` does, about ``chunk_bytes`` at a time.

    Yields one :class:`Split` per chunk, each holding the rows and damage of its part; every
    ``final`` but the last is where the next chunk starts, and the last chunk's ``final``,
    ``final_line`` and ``open_quote`` are those of the whole input. Together the chunks hold
    exactly the items of ``split(data, …)``, in order. A row cut by a chunk's end (a quote still
    open there) is read again, whole, with the next chunk. Parsing a large file at once needs
    several times its size (its lines, their texts and every row's fields); chunk by chunk, the
    memory of one chunk is reused for the next and little is left behind.

    >>> data = b'a,b\\nc,"two\\nlines"\\nd,e\\n'
    >>> [[i.fields for i in s.items] for s in split_chunks(data, 2, (1,), chunk_bytes=5)]
    [[['a', 'b']], [['c', 'two\\nlines']], [['d', 'e']]]
    >>> [i.fields for i in split(data, 2, (1,)).items]
    [['a', 'b'], ['c', 'two\\nlines'], ['d', 'e']]
    """
    multiline = frozenset(multiline)
    start, line, size = 0, first_line, chunk_bytes
    while True:
        end = len(data) if start + size >= len(data) else (data.find(b"\n", start + size) + 1 or len(data))
        part = split(data[start:end], columns, multiline, newline=newline, first_line=line, offset=offset + start)
        if end >= len(data):
            yield part
            return
        if part.final == offset + start:  # one row (a quote open to the chunk's end) fills it: take more
            size *= 2
            continue
        yield Split([item for item in part.items if item.offset < part.final], part.final, part.final_line, None)
        start, line, size = part.final - offset, part.final_line, chunk_bytes

"""The recovering CSV splitter: every kind of damage is reported with its line, valid rows around it still come out."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.csvsplit import Damage, Row, split, split_chunks


def rows(text: str | bytes, columns: int = 3, multiline: tuple[int, ...] = (1,), **kw) -> list[tuple]:
    data = text.encode() if isinstance(text, str) else text
    return [
        ("row", item.line, item.fields) if isinstance(item, Row) else (item.kind, item.line)
        for item in split(data, columns, multiline, **kw).items
    ]


def test_clean_file_matches_the_csv_module_with_offsets() -> None:
    text = 'a,"multi\nline, with ""quotes""",c\nd,e,f\n,,\n'
    data = text.encode()
    result = split(data, 3, (1,), first_line=2, offset=100)
    assert [i.fields for i in result.items] == list(csv.reader(io.StringIO(text, newline="")))
    assert [(i.line, i.end_line) for i in result.items] == [(2, 3), (4, 4), (5, 5)]
    assert [data[i.offset - 100 : i.end - 100] for i in result.items] == [
        b'a,"multi\nline, with ""quotes""",c\n',
        b"d,e,f\n",
        b",,\n",
    ]
    assert (result.final, result.final_line, result.open_quote) == (100 + len(data), 6, None)


def test_unclosed_quote_at_the_end_names_its_line_and_keeps_the_rows_after() -> None:
    assert rows('a,b,c\nd,"open,f\ng,h,i\n') == [
        ("row", 1, ["a", "b", "c"]),
        ("unclosed_quote", 2),
        ("row", 3, ["g", "h", "i"]),
    ]
    result = split(b'a,b,c\nd,"open,f\ng,h,i\n', 3, (1,))
    assert result.open_quote == 2 and result.final == len(b"a,b,c\n")  # everything from the quote on may change


def test_unclosed_quote_in_the_middle_does_not_take_the_next_row() -> None:
    # The quote opened on line 2 would close at the first quote of line 3 (a wrong column count).
    text = 'a,b,c\nd,"open,f\ng,"h, quoted",i\nj,k,l\n'
    assert rows(text) == [
        ("row", 1, ["a", "b", "c"]),
        ("unclosed_quote", 2),
        ("row", 3, ["g", "h, quoted", "i"]),
        ("row", 4, ["j", "k", "l"]),
    ]
    assert split(text.encode(), 3, (1,)).open_quote is None


def test_line_break_in_a_one_line_column_is_an_unclosed_quote() -> None:
    # Right column count, but the line break sits in column 0, which is one line: a quote went missing.
    assert rows('"a\nb",c,d\ne,f,g\n') == [
        ("unclosed_quote", 1),
        ("row", 2, ['b"', "c", "d"]),  # read on its own: a stray quote in an unquoted field is kept as text
        ("row", 3, ["e", "f", "g"]),
    ]


@pytest.mark.parametrize(
    ("data", "kind", "line"),
    [
        (b'a,b,c\nd,"e"f,g\nh,i,j\n', "bad_quote", 2),
        (b"a,b,c\nd,e\nh,i,j\n", "columns", 2),
        (b"a,b,c\nd,e\x00,f\nh,i,j\n", "nul", 2),
        (b"a,b,c\nd,\xef\xbb\xbfe,f\nh,i,j\n", "bom", 2),
        (b"a,b,c\nd,\xff\xfe,f\nh,i,j\n", "encoding", 2),
        (b"a,b,c\nd,e,f\r\nh,i,j\n", "newline", 2),
        (b"a,b,c\nd,e,f\rh,i,j\n", "newline", 2),
    ],
)
def test_each_kind_of_damage_is_reported_and_skipped(data: bytes, kind: str, line: int) -> None:
    found = rows(data)
    assert (kind, line) in found, found
    assert found[0] == ("row", 1, ["a", "b", "c"])
    assert found[-1] == ("row", data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n"), ["h", "i", "j"])


def test_crlf_files_allow_lf_inside_fields_but_not_lf_row_ends() -> None:
    text = 'a,"x\ny",c\r\nd,e,f\ng,h,i\r\n'
    assert rows(text, newline="\r\n") == [("row", 1, ["a", "x\ny", "c"]), ("newline", 3), ("row", 4, ["g", "h", "i"])]


def test_last_line_without_line_end_loads_but_is_not_final() -> None:
    result = split(b"a,b,c\nd,e,f", 3)
    assert [i.fields for i in result.items if isinstance(i, Row)] == [["a", "b", "c"], ["d", "e", "f"]]
    assert result.final == len(b"a,b,c\n") and result.final_line == 2


def test_blank_lines_are_no_rows_and_no_problems() -> None:
    assert rows("a,b,c\n\n\nd,e,f\n") == [("row", 1, ["a", "b", "c"]), ("row", 4, ["d", "e", "f"])]


def test_damage_carries_byte_span_for_verbatim_copies() -> None:
    data = b"a,b,c\nbroken\nd,e,f\n"
    (damage,) = [i for i in split(data, 3).items if isinstance(i, Damage)]
    assert data[damage.offset : damage.end] == b"broken\n" and damage.first_field == "broken"


#: Pieces of damaged and healthy CSV: quotes opened and closed, line breaks in and out of fields.
_PIECES = st.sampled_from(
    [b"a,b,c\n", b'd,"x\ny",f\n', b'g,"never closed\n', b'h,"i""j",k\n', b"short\n", b"\n", b'"', b",", b"\r\n", b"z"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.integers(min_value=1, max_value=40))
def test_split_in_chunks_finds_what_one_split_finds(pieces: list[bytes], chunk_bytes: int) -> None:
    data = b"".join(pieces)
    whole = split(data, 3, (1,), first_line=7, offset=50)
    parts = list(split_chunks(data, 3, (1,), first_line=7, offset=50, chunk_bytes=chunk_bytes))
    assert [item for part in parts for item in part.items] == whole.items
    last = parts[-1]
    assert (last.final, last.final_line, last.open_quote) == (whole.final, whole.final_line, whole.open_quote)

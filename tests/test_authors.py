"""Author names as pages write them → the names a reader expects."""
from __future__ import annotations

import pytest

from reader.read.authors import clean_authors


@pytest.mark.parametrize("raw, expected", [
    ("By TOM KRISTENSEN, AP Auto Writer", ["Tom Kristensen"]),
    ("by Ann Lee and Bo Kim", ["Ann Lee", "Bo Kim"]),
    ("Ann Lee, Bo Kim", ["Ann Lee", "Bo Kim"]),
    ("Ann Lee; Bo Kim", ["Ann Lee", "Bo Kim"]),
    ("Amy Berg | Valley Media for valley.example", ["Amy Berg"]),
    ("Rana Idris, MS, RD", ["Rana Idris"]),
    ("Written by: Sarah E. Lund", ["Sarah E. Lund"]),
    ("J.R. HALL", ["J.R. Hall"]),
    ("Maria de la Cruz", ["Maria de la Cruz"]),
    ("Associated Press", ["Associated Press"]),
    ("Staff Reports", ["Staff Reports"]),
    ("PTI", ["PTI"]),
    ("Josh", ["Josh"]),
    (["Ann Lee", "ann lee"], ["Ann Lee"]),
    ("admin", []),
    ("jdadmin", []),
    ("Admin", []),
    ("@harbourdesk", []),
    ("editor", []),
    ("https://valley.example/author/ann", []),
    ("LinkValley", []),
    ("Carrie Weston November 3, 2019", ["Carrie Weston"]),
    ("Jane Whitcombe | Updated 3:45 PM", ["Jane Whitcombe"]),
    ("Ravi Menon Staff Writer", ["Ravi Menon"]),
    ("Senior Writer Ravi Menon", ["Ravi Menon"]),
    ("Sarah E. Lund Staff Reporter", ["Sarah E. Lund"]),
    ("Ana Ruiz Lopez Reporter", ["Ana Ruiz Lopez"]),
    ("AP National Security Writer", []),
    ("The Associated Press", ["The Associated Press"]),
    ("Valley X staff", ["Valley X staff"]),
    ("Por Marta Gil", ["Marta Gil"]),
    ("Von Anna Schmidt", ["Anna Schmidt"]),
    ("Von Miller", ["Von Miller"]),
])
def test_author_names_are_cleaned(raw, expected):
    assert clean_authors(raw) == expected

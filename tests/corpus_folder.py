"""A small folder of articles in the shapes the exporter meets, for the corpus tests."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import write

TOPICS = ["harbour", "grain", "rail", "power", "water", "schools", "clinics", "roads"]


def make_folder(root: Path, n: int = 10) -> Path:
    """``n`` text articles (dated, naming organisations, one defining an acronym that the
    others only use), a JSON file holding two articles, and one unreadable file."""
    root.mkdir(parents=True, exist_ok=True)
    write(root / "a00-defines.txt", "Port authority sued\n\nBy Staff Writer\nPublished 2025-03-02\n\n"
                                    "The Alliance for Independent Media (AIM) filed a complaint against the "
                                    "Harbour Development Board on Monday.\n")
    for i in range(1, n):
        topic = TOPICS[i % len(TOPICS)]
        write(root / f"a{i:02d}-{topic}.txt",
              f"Talks on {topic} resume, round {i}\n\nPublished 2025-04-{i:02d}\n\n"
              f"Negotiators from the Ministry of Transport met on the {topic} plan. AIM said it would appeal. "
              f"The National Audit Office said round {i} would be reviewed.\n\n"
              f"Officials said the {topic} budget was agreed in principle.\n")
    write(root / "pair.json", json.dumps([
        {"title": "Two reports in one file", "date": "2025-05-01",
         "text": "The World Health Organization published its report on clinics. AIM welcomed it."},
        {"title": "The second report", "date": "2025-05-02",
         "text": "The World Health Organization and the Ministry of Transport agreed on road safety."},
    ]))
    write(root / "z-empty.txt", b"")
    return root

"""Invented events told by several outlets, and look-alike events, for the stories tests.

Each event has a wire version; the others are made from it the ways syndication and
rewriting make them, or written anew in other words with the same facts."""
from __future__ import annotations

import json
from pathlib import Path

CRANE_WIRE = [
    "A container crane collapsed onto a cargo ship at the Port of Verana on Tuesday, injuring "
    "seven dock workers and halting operations at the terminal, the Verana Port Authority said.",
    "The 68-metre crane, operated by Kestrel Terminals, toppled shortly after 6 a.m. while "
    "unloading the Panamanian-flagged vessel Northern Lyra, officials said.",
    "Harbour master Ilse Marquand said four of the injured were taken to St Aurel Hospital and "
    "that two remained in a serious condition.",
    "Kestrel Terminals said in a statement that it had suspended the use of its five other "
    "cranes of the same model pending an inspection by the National Maritime Safety Board.",
    "The Dockworkers' Federation called for an independent inquiry, saying its members had "
    "reported faults on the crane's hoist brake twice since March.",
    "The terminal handled about 410,000 containers last year and is the busiest on the coast.",
]
CRANE_REWRITE = [
    "Seven port workers were hurt when a huge dockside crane came crashing down on a freighter "
    "in Verana early on Tuesday morning.",
    "Witnesses described hearing a loud crack before the 68-metre structure, run by the operator "
    "Kestrel Terminals, fell across the deck of the Northern Lyra.",
    "Ilse Marquand, the harbour master, told reporters that two of the men were seriously hurt "
    "and were being treated at St Aurel Hospital.",
    "The Verana Port Authority closed the terminal for the day. Union leaders at the "
    "Dockworkers' Federation demanded an inquiry into the accident.",
]
PORT_LOOKALIKE = [  # the same port authority's next project, months later
    "The Verana Port Authority on Thursday approved a plan to deepen the outer channel so that "
    "larger container ships can call at the port, at a cost of 95 million euros.",
    "Dredging is due to begin in the spring and last about 14 months, the authority said, "
    "adding that the work would be carried out by the Dutch contractor Van Hooren Marine.",
    "Environmental groups including Coastwatch said the project could harm the seagrass beds "
    "at the mouth of the bay, and asked for a new impact study.",
    "Port director Anselm Grieve said the channel had become a bottleneck as ships grew larger.",
]
BANK_MARCH = [
    "The Central Bank of Norland raised its main interest rate by a quarter point to 4.25 "
    "per cent on Wednesday, its third increase this year, citing stubborn inflation.",
    "Governor Petra Halvorsen said price growth of 6.1 per cent in February was too high and "
    "that the bank was ready to act again if needed.",
    "Two of the seven members of the monetary committee voted to keep the rate unchanged.",
]
BANK_JUNE = [  # the same bank's next decision: a look-alike, another story
    "The Central Bank of Norland held its main interest rate at 4.5 per cent on Wednesday, "
    "pausing after four increases as inflation eased to 3.8 per cent in May.",
    "Governor Petra Halvorsen said the committee would watch wage talks closely over the summer "
    "before deciding whether more tightening was needed.",
    "All seven members of the monetary committee backed the decision, the bank said.",
]
FLOOD = [
    "Heavy rain flooded more than 2,300 homes in the river town of Castellane-sur-Orbe "
    "overnight, and 140 residents were moved to a sports hall, the prefecture said.",
    "Firefighters rescued 31 people from rooftops using boats, said Captain Lionel Ardent.",
    "The Orbe rose 4.2 metres in six hours, its highest level since records began in 1910.",
]


def wire(paragraphs, title, date, boilerplate=()):
    return {"title": title, "published": date, "paragraphs": list(paragraphs) + list(boilerplate)}


def versions() -> dict[str, list[dict]]:
    """Stories by name: each a list of article dicts (title, published, paragraphs)."""
    fused = [p.replace("operations at the", "operations atthe").replace("the National", "theNational")
             for p in CRANE_WIRE]
    return {
        "crane": [
            wire(CRANE_WIRE, "Crane collapses onto ship at Verana port, seven hurt", "2025-11-04"),
            wire(CRANE_WIRE, "Seven injured as crane falls on cargo ship", "2025-11-04",
                 ["Sign up for our morning briefing.", "© 2025 Coastal Herald. All rights reserved."]),
            wire(CRANE_WIRE[:2], "Verana crane collapse: seven dock workers injured", "2025-11-04"),
            wire(CRANE_WIRE + ["Later on Tuesday the authority said the terminal would reopen on "
                               "Thursday once the wreckage of the crane had been removed."],
                 "Verana terminal to reopen after crane collapse (updated)", "2025-11-05"),
            wire(fused, "Crane accident at Verana", "2025-11-04"),
            wire(CRANE_REWRITE, "Dockside crane crashes down on freighter", "2025-11-04"),
        ],
        "port-lookalike": [wire(PORT_LOOKALIKE, "Verana approves channel deepening", "2026-02-12")],
        "bank-march": [wire(BANK_MARCH, "Norland central bank raises rate to 4.25%", "2025-03-19")],
        "bank-june": [wire(BANK_JUNE, "Norland central bank holds rate at 4.5%", "2025-06-18")],
        "flood": [wire(FLOOD, "Floods force 140 from their homes in Castellane", "2025-10-02"),
                  wire(FLOOD[:1], "Castellane floods", "2025-10-02")],
    }


def write_folder(folder: Path, *, dated: bool = True) -> dict[str, str]:
    """One .json file per version; returns path -> story name."""
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    for story, items in versions().items():
        for n, item in enumerate(items):
            path = folder / f"{story}-{n}.json"
            record = {"title": item["title"],
                      "content": "".join(f"<p>{p}</p>" for p in item["paragraphs"])}
            if dated:
                record["published"] = item["published"]
            path.write_text(json.dumps(record), encoding="utf-8")
            truth[str(path)] = story
    return truth

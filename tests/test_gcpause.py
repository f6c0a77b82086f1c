"""The cyclic collector's pause: nested and concurrent sections leave it as it was."""
from __future__ import annotations

import gc
import threading

from reader.library.gcpause import paused


def test_nested_sections_restore_the_collector():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_many_threads_never_leave_it_off():
    start = threading.Barrier(8)

    def work():
        start.wait()
        for _ in range(300):
            with paused():
                pass

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()

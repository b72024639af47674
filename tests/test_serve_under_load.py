"""``sitroom serve`` answers while ``sitroom ingest`` writes: a bounded HTTP load test on loopback.

The server and the writer are real subprocesses on one store file; several client threads send a fixed
number of requests each (search, actors, an actor page, stats, events) within a fixed time to 127.0.0.1
only. Errors must be 0; p50/p99 latency are printed (``pytest -s``) and recorded in docs/reliability.md.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from fuzz_inputs import synthetic_articles, write_jsonl  # noqa: E402

from test_crash_safety import committed, ingest_command  # noqa: E402

CLIENTS = 4
REQUESTS_PER_CLIENT = 60
TIME_LIMIT_S = 40.0
PATHS = ["/api/search?q=Volkov", "/api/entities?limit=20", "/api/stats", "/api/events?limit=20",
         "/api/claims?limit=20"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("serve did not come up")


def client(base: str, latencies: list[float], errors: list[str], lock: threading.Lock, deadline: float) -> None:
    with httpx.Client(base_url=base, timeout=10) as http:
        for n in range(REQUESTS_PER_CLIENT):
            if time.monotonic() > deadline:
                return
            started = time.perf_counter()
            try:
                status = http.get(PATHS[n % len(PATHS)]).status_code
            except httpx.HTTPError as exc:
                status, detail = 0, repr(exc)
            else:
                detail = f"HTTP {status} for {PATHS[n % len(PATHS)]}"
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(detail)
            time.sleep(0.02)


@pytest.mark.slow
def test_serve_answers_while_ingest_writes(tmp_path: Path) -> None:
    source, db = tmp_path / "articles.jsonl", tmp_path / "store.db"
    write_jsonl(source, synthetic_articles(200))
    seed = tmp_path / "seed.jsonl"
    write_jsonl(seed, synthetic_articles(2))
    subprocess.run(ingest_command(db, seed), check=True, capture_output=True)  # the store exists
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writer: subprocess.Popen[bytes] | None = None
    try:
        wait_until_up(base, server)
        writer = subprocess.Popen(ingest_command(db, source), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        wait_until = time.monotonic() + 60
        while committed(db) < 4 and time.monotonic() < wait_until and writer.poll() is None:
            time.sleep(0.05)  # the writer has loaded its model and is committing
        first = committed(db)
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + TIME_LIMIT_S
        threads = [threading.Thread(target=client, args=(base, latencies, errors, lock, deadline))
                   for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        last = committed(db)
    finally:
        for proc in (writer, server):
            if proc is not None:
                proc.kill()
                proc.wait()
    assert errors == []
    assert len(latencies) >= CLIENTS * 30, "clients sent too few requests"
    assert last > first, "the writer made progress while the server answered"
    ordered = sorted(latencies)
    p50, p99 = statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    print(f"\nserve under load: {len(latencies)} requests from {CLIENTS} clients, 0 errors, "
          f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, store grew {first} -> {last} documents")
    assert p99 < 3.0, f"p99 latency {p99:.2f} s"

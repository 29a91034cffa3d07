"""Start a real Neo4j 5 (the official in-process test harness) as a child process.

Used by the test fixtures (``tests/neo4j_fixtures.py``) and the benchmarks. Standard library
only. ``build()`` runs ``build.sh`` (jars into ``lib/``, launcher into ``target/classes``);
``start()`` runs the launcher, waits for its ``BOLT bolt://127.0.0.1:PORT`` line and returns a
handle whose ``stop()`` closes the launcher's stdin, which shuts Neo4j down. If this process
dies, the pipe closes too, so no server outlives its tests.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
MAIN_CLASS = "org.stratgraph.harness.Launcher"


class HarnessError(RuntimeError):
    """The harness could not be built or started (the message says why, on one line)."""


def _tail(text: str, lines: int = 5) -> str:
    return " | ".join(ln.strip() for ln in text.strip().splitlines()[-lines:] if ln.strip())


def java_command() -> str:
    """The ``java`` to run: ``$JAVA_HOME/bin/java`` or the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise HarnessError("java not found (install Java 17+ or set JAVA_HOME)")
    return found


def build(timeout: float = 1800) -> None:
    """Fetch the jars and compile the launcher when needed (``build.sh`` is idempotent)."""
    java_command()
    if not (HERE / "lib" / ".complete").is_file() and not shutil.which("mvn"):
        raise HarnessError("mvn not found: Maven is needed once to fetch the Neo4j harness jars")
    try:
        done = subprocess.run(
            ["bash", str(HERE / "build.sh")],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise HarnessError(f"build.sh took longer than {timeout:.0f} s") from exc
    if done.returncode != 0:
        raise HarnessError(f"build.sh failed: {_tail(done.stdout + done.stderr)}")


@dataclass
class HarnessServer:
    """A running harness: where it listens and how to stop it."""

    uri: str
    user: str
    password: str | None = field(repr=False)
    process: subprocess.Popen[str] = field(repr=False)
    log_path: Path
    work_dir: Path | None = None

    def stop(self, timeout: float = 30) -> None:
        """Shut Neo4j down (close stdin; terminate, then kill, if it does not exit)."""
        try:
            self._stop(timeout)
        finally:
            if self.work_dir is not None:
                shutil.rmtree(self.work_dir, ignore_errors=True)

    def _stop(self, timeout: float) -> None:
        if self.process.poll() is not None:
            return
        try:
            assert self.process.stdin is not None
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _pump(stream: IO[str], found: queue.Queue[str]) -> None:
    # Keep reading to the end so a chatty server can never block on a full pipe.
    for line in stream:
        if line.startswith("BOLT "):
            found.put(line.split(None, 1)[1].strip())


def start(
    *,
    password: str | None = None,
    log_path: Path | None = None,
    timeout: float = 120,
    heap: str = "2g",
    page_cache_mb: int | None = None,
    transaction_max_mb: int | None = None,
) -> HarnessServer:
    """Start the launcher (built already) and wait until Bolt accepts connections.

    With ``password`` (8+ characters) authentication is on for user ``neo4j``. The page cache
    is 512 MiB unless ``page_cache_mb`` says otherwise; ``transaction_max_mb`` caps each
    transaction's memory (``db.memory.transaction.max``; no cap by default).
    """
    classes = HERE / "target" / "classes"
    if not (classes / "org" / "stratgraph" / "harness" / "Launcher.class").is_file():
        raise HarnessError(f"launcher not built; run {HERE / 'build.sh'}")
    if log_path is None:
        # One log per server: several harnesses may run side by side.
        fd, name = tempfile.mkstemp(prefix="stratgraph-neo4j-", suffix=".log")
        os.close(fd)
        log_path = Path(name)
    env = dict(os.environ)
    env.pop("STRATGRAPH_HARNESS_PASSWORD", None)
    if password:
        env["STRATGRAPH_HARNESS_PASSWORD"] = password
    if page_cache_mb is not None:
        env["STRATGRAPH_HARNESS_PAGECACHE_MB"] = str(page_cache_mb)
    env.pop("STRATGRAPH_HARNESS_TX_MAX_MB", None)
    if transaction_max_mb is not None:
        env["STRATGRAPH_HARNESS_TX_MAX_MB"] = str(transaction_max_mb)
    # The server's files (database, its temporary files) go in a directory of its own,
    # removed by stop() even if the JVM was killed before it could clean up.
    work_dir = Path(tempfile.mkdtemp(prefix="stratgraph-neo4j-"))
    command = [
        java_command(), f"-Xmx{heap}", "-XX:+UseG1GC", f"-Djava.io.tmpdir={work_dir}",
        "-cp", f"{classes}{os.pathsep}{HERE / 'lib'}/*", MAIN_CLASS,
    ]
    log = log_path.open("w", encoding="utf-8")
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
            text=True, env=env, cwd=work_dir,
        )
    except OSError as exc:
        log.close()
        shutil.rmtree(work_dir, ignore_errors=True)
        raise HarnessError(f"cannot run java: {exc}") from exc
    log.close()  # the child holds its own copy
    found: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=_pump, args=(process.stdout, found), daemon=True).start()
    deadline = time.monotonic() + timeout
    while True:
        try:
            uri = found.get(timeout=0.5)
            break
        except queue.Empty:
            pass
        if process.poll() is not None:
            shutil.rmtree(work_dir, ignore_errors=True)
            raise HarnessError(
                f"Neo4j harness exited with code {process.returncode}: "
                f"{_tail(log_path.read_text(encoding='utf-8', errors='replace'))} (log: {log_path})"
            )
        if time.monotonic() > deadline:
            server = HarnessServer("", "neo4j", None, process, log_path, work_dir)
            server.stop(5)
            raise HarnessError(f"Neo4j harness did not start within {timeout:.0f} s (log: {log_path})")
    return HarnessServer(uri, "neo4j", password, process, log_path, work_dir)

"""Folder walks stay inside the folder and skip what is not a file; reads are bounded first.

Real files, links, named pipes and devices; the build runs in a thread with a deadline so a
walk that blocks on a pipe fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.api import build, walk
from stratgraph.cli.main import app
from stratgraph.errors import LoaderError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import document_name
from stratgraph.loaders.read import read_document

PLAN = "Wexbridge City Council Plan 2024-25\n\n# Theme {name}\n\nWe will act on {name}.\n"


def _plans(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(PLAN.format(name=name), encoding="utf-8")


def _within(seconds: float, work):
    """Run ``work`` in a thread; fail (not hang) when it has not returned in ``seconds``."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 (handed back to the test)
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked?)"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def test_a_link_out_of_the_folder_is_skipped_and_named(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    _plans(outside, "secret.txt")
    folder = tmp_path / "plans"
    _plans(folder, "a.txt")
    (folder / "linked.txt").symlink_to(outside / "secret.txt")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")

    found = walk([folder])
    assert [p.name for p in found.files] == ["a.txt", "inside.txt"]
    assert any("linked.txt" in s and "outside" in s for s in found.skipped)
    assert any(s.startswith(str(folder / "sub")) and "not followed" in s for s in found.skipped)
    assert any("broken.txt" in s for s in found.skipped)

    store = EmbeddedStore(tmp_path / "g.json")
    result = build([folder], store)
    assert result.skipped == found.skipped
    names = {n.name for n in store.read().nodes.values()}
    assert not any("secret" in name for name in names)

    cli = CliRunner().invoke(app, ["build", str(folder), "--graph", str(tmp_path / "c.json")])
    assert cli.exit_code == 0, cli.output
    assert f"skipped: {folder / 'linked.txt'}: a link to a file outside" in cli.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    _plans(folder, "a.txt")
    os.mkfifo(folder / "pipe.txt")
    store = EmbeddedStore(tmp_path / "g.json")
    result = _within(30, lambda: build([folder], store))
    assert result.ok and [document_name(e.document) for e in result.extractions] == ["a.txt"]
    assert any("pipe.txt" in s and "not a regular file" in s for s in result.skipped)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_named_explicitly_is_one_error_not_a_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "plan.txt"
    os.mkfifo(pipe)
    with pytest.raises(LoaderError, match="a named pipe, not a plan file"):
        _within(30, lambda: read_document(pipe))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_does_not_pass_the_size_cap(tmp_path: Path) -> None:
    with pytest.raises(LoaderError, match="a device, not a plan file"):
        _within(30, lambda: read_document("/dev/zero"))
    # Through a link with a plan's suffix too.
    link = tmp_path / "plan.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(LoaderError, match="a device"):
        _within(30, lambda: read_document(link))
    cli = CliRunner().invoke(app, ["build", "/dev/zero", "--graph", str(tmp_path / "g.json")])
    assert cli.exit_code == 1 and "Traceback" not in cli.output
    assert "/dev/zero: a device, not a plan file" in cli.output


def test_a_read_takes_at_most_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stratgraph.loaders.read as read

    path = tmp_path / "plan.txt"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(read, "MAX_BYTES", 4096)
    with pytest.raises(LoaderError, match="plans over 4096 bytes are refused"):
        read_document(path)

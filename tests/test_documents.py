"""Reading files: encodings, empty and binary files, the public API."""

from __future__ import annotations

from pathlib import Path

import pytest

import stratgraph
from stratgraph.errors import LoaderError
from stratgraph.loaders.document import SourceDocument


def test_windows_1252_and_utf16_files_decode(tmp_path: Path) -> None:
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes("Café – “quoted” £5\r\nsecond line".encode("cp1252"))
    doc = SourceDocument.from_path(cp)
    assert doc.lines == ["Café – “quoted” £5", "second line"]
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("Plan\r\nLine two ✓".encode("utf-16"))
    assert SourceDocument.from_path(u16).lines == ["Plan", "Line two ✓"]
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfHello\n")
    assert SourceDocument.from_path(bom).line(1) == "Hello"


def test_binary_and_empty_files_name_the_file(tmp_path: Path) -> None:
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(LoaderError, match="picture.txt: binary file"):
        SourceDocument.from_path(png)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(LoaderError, match="empty.txt: empty file"):
        SourceDocument.from_path(empty)


def test_public_api_is_explicit() -> None:
    for name in stratgraph.__all__:
        assert hasattr(stratgraph, name), name
    assert issubclass(stratgraph.LoaderError, stratgraph.StratgraphError)


def test_build_through_the_library(tmp_path: Path) -> None:
    plan = tmp_path / "p.txt"
    plan.write_text("# Wexbridge City Council Plan 2024-25\n\n# Housing\n\nWe will build homes.\n",
                    encoding="utf-8")
    store = stratgraph.open_store(stratgraph.StoreConfig(graph_file=tmp_path / "g.json"))
    result = stratgraph.build([plan], store)
    assert result.ok
    assert result.summary is not None and result.summary.labels["Plan"] == 1


def test_folder_walk_skips_readmes_answer_keys_and_hidden_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "README.md", "answers/a.md", ".hidden.txt", "notes/answers.md",
                 "sub/c.html", "picture.png"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in stratgraph.discover([tmp_path])]
    assert found == ["a.txt", "b.md", "sub/c.html"]
    # A file named explicitly is always read, whatever its name.
    assert stratgraph.discover([tmp_path / "README.md"]) == [tmp_path / "README.md"]

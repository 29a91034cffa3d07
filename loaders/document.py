"""Reading a plan file into text lines, whatever encoding the council's intranet saved it in."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from stratgraph.errors import LoaderError

#: Larger files are not plans; refusing them keeps a stray database dump from eating memory.
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    """One plan's text: its file name (the provenance key) and its lines (1-based access)."""

    name: str
    text: str
    path: str | None = None

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines without line endings; ``lines[i]`` is line ``i + 1``."""
        return self.text.split("\n")

    def line(self, number: int) -> str:
        """Line ``number`` (1-based)."""
        return self.lines[number - 1]

    @classmethod
    def from_path(cls, path: str | Path) -> SourceDocument:
        """Read and decode a file; raises :class:`LoaderError` naming the file when it cannot."""
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > MAX_BYTES:
                raise LoaderError(f"file is {size} bytes; plans over {MAX_BYTES} bytes are refused",
                                  file=str(p))
            data = p.read_bytes()
        except FileNotFoundError as exc:
            raise LoaderError("file not found (was it moved or deleted during the build?)",
                              file=str(p)) from exc
        except IsADirectoryError as exc:
            raise LoaderError("is a folder, not a plan file", file=str(p)) from exc
        except PermissionError as exc:
            raise LoaderError("permission denied", file=str(p)) from exc
        except OSError as exc:
            raise LoaderError(f"cannot read ({exc.strerror or exc})", file=str(p)) from exc
        return cls(name=p.name, text=decode(data, str(p)), path=str(p))


#: Control characters a text file does not hold (all below 32 except \t \n \v \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Line endings become ``\\n``. Empty and binary files raise :class:`LoaderError`.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Word and older intranets save Windows-1252; the few bytes it leaves undefined
            # become U+FFFD rather than stopping the load.
            text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise LoaderError("binary file, not a plan (expected text)", file=name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoaderError("empty file: no text to read", file=name)
    return text

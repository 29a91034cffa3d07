"""A text plan as OpenDocument text (.odt), as LibreOffice Writer saves a council's Word file.

UK public bodies publish .odt (the government's open standard for documents), mostly saved
from Word or LibreOffice. The Word file is :func:`~formats.to_docx.write_docx`'s (heading and
list styles, Word numbering, tables with a header row, header and footer) and LibreOffice
Writer converts it headless (``soffice --convert-to odt``): its own outline-level headings,
``text:list`` nesting with list styles, tables with header rows, spans with automatic styles.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block

from .to_docx import write_docx
from .to_pdf_office import _profile, soffice


def write_odt(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as LibreOffice's .odt of the Word file at ``path``.

    Raises RuntimeError without LibreOffice Writer (the tests skip then, but not in CI).
    """
    return _convert(write_docx, blocks, Path(path), "odt")


def convert_many(writer, plans: Sequence[tuple[Sequence[Block], Path]], target: str) -> list[Path]:  # noqa: ANN001
    """Many plans written by ``writer`` and converted to ``target`` in one LibreOffice run
    (its start-up, seconds on a busy machine, paid once): the scoring script's batch."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="stratgraph-odf-") as tmp:
        work = Path(tmp)
        sources = [writer(blocks, work / f"{path.stem}.{'xlsx' if target == 'ods' else 'docx'}")
                   for blocks, path in plans]
        subprocess.run([program, f"-env:UserInstallation={_profile().as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(work), *map(str, sources)],
                       check=True, capture_output=True, timeout=60 + 20 * len(sources))
        out = []
        for _, path in plans:
            made = work / f"{path.stem}.{target}"
            if not made.exists():
                raise RuntimeError(f"LibreOffice could not convert {path.stem} to .{target}")
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(made), path)
            out.append(path)
    return out


def _convert(writer, blocks: Sequence[Block], path: Path, target: str) -> Path:  # noqa: ANN001
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="stratgraph-odf-") as tmp:
        work = Path(tmp)
        source = writer(blocks, work / f"{path.stem}.{'xlsx' if target == 'ods' else 'docx'}")
        subprocess.run([program, f"-env:UserInstallation={_profile().as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(work), str(source)],
                       check=True, capture_output=True, timeout=180)
        made = work / f"{path.stem}.{target}"
        if not made.exists():  # soffice without Writer (or Calc) says so and exits 0
            raise RuntimeError(f"LibreOffice could not convert to .{target}: is its Writer "
                               "(or Calc) installed?")
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), path)
    return path

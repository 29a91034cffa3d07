"""A text plan as Word's "Save as PDF" makes it: the hand-typed Word file, exported.

Most council PDFs are Word documents exported to PDF. The Word file is
:func:`~formats.to_docx_typed.write_docx_typed`'s (bold Normal headings, typed numbers, a
contents page, shaded merged table cells) and LibreOffice Writer exports it headless
(``soffice --convert-to pdf``), as Word would: page header and footer on every page,
a contents page,
tables with their ruling lines, numbers and bullets as typed glyphs with a tab after them.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block

from .to_docx_typed import write_docx_typed

_PROFILE: list[Path] = []


def soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_pdf_office(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as Word's typed file exported to PDF at ``path``."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="stratgraph-office-") as tmp:
        work = Path(tmp)
        # Comments and tracked changes are resolved before a plan is published.
        source = write_docx_typed(blocks, work / f"{path.stem}.docx", review=False)
        subprocess.run([program, f"-env:UserInstallation=file://{_profile()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), str(source)],
                       check=True, capture_output=True, timeout=180)
        made = work / f"{path.stem}.pdf"
        if not made.exists():  # soffice without Writer (Calc only) says so and exits 0
            raise RuntimeError("LibreOffice could not convert a Word file: is libreoffice-writer installed?")
        shutil.move(str(made), path)
    return path


def _profile() -> Path:
    """A LibreOffice profile of this run's own, made once: another soffice running on the
    machine must not take the job, and a new profile for each file costs seconds."""
    if not _PROFILE:
        import atexit

        _PROFILE.append(Path(tempfile.mkdtemp(prefix="stratgraph-soffice-")))
        atexit.register(shutil.rmtree, _PROFILE[0], True)
    return _PROFILE[0]

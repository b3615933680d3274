"""`werkplaats export`: choosing modules, refusing broken content, progress, repeatable output, and what the
exports do with macros, links and images."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from werkplaats.cli import main
from werkplaats.export import ExportError, run_export
from werkplaats.export.validate import validate_scorm

ROOT = Path(__file__).resolve().parent.parent
SCORM_SCHEMAS = ROOT.parent / "shared" / "reference" / "xsd" / "scorm12"
FORMATS = ("scorm", "cc", "qti", "moodle", "brightspace", "print")
# A 1x1 PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_default_output_folder_and_file_names(site_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import weasyprint  # noqa: F401 - installed by `make test`: its absence is a failure
    expected = {"scorm": ["mini-scorm12.zip"], "cc": ["mini.imscc"], "qti": ["mini-qti21.zip"],
                "moodle": ["mini-moodle.xml"], "brightspace": ["mini-brightspace.csv"],
                "print": ["mini-werkboek.html", "mini-werkboek.pdf", "mini-antwoorden.html", "mini-antwoorden.pdf"]}
    for fmt in FORMATS:
        assert main(["--root", str(site_root), "export", fmt]) == 0
        printed = capsys.readouterr().out.split()
        assert printed == [str(site_root / "dist" / fmt / name) for name in expected[fmt]]
        assert sorted(p.name for p in (site_root / "dist" / fmt).iterdir()) == sorted(expected[fmt])


def test_re_export_is_byte_identical(site_root: Path, tmp_path: Path) -> None:
    import weasyprint  # noqa: F401 - installed by `make test`: its absence is a failure
    other = tmp_path / "elsewhere"
    shutil.copytree(site_root, other)
    for fmt in FORMATS:
        first = run_export(site_root, fmt, [], tmp_path / "one" / fmt, progress=io.StringIO())
        again = run_export(site_root, fmt, [], tmp_path / "one" / fmt, progress=io.StringIO())
        assert first == again
    for fmt in FORMATS:
        run_export(other, fmt, ["mini"], tmp_path / "two" / fmt, progress=io.StringIO())
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert len(one) == 9 and one == two


def test_zip_entries_are_sorted_with_a_fixed_date(site_root: Path) -> None:
    for fmt, name in (("scorm", "mini-scorm12.zip"), ("qti", "mini-qti21.zip")):
        [path] = run_export(site_root, fmt, [], None, progress=io.StringIO())
        assert path.name == name
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_unknown_module_is_named_with_a_suggestion(site_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExportError) as error:
        run_export(site_root, "scorm", ["mnii"], None)
    assert str(error.value) == "no module `mnii`; did you mean `mini`?; the modules are: mini"
    assert main(["--root", str(site_root), "export", "moodle", "mini", "nope"]) == 2
    assert "werkplaats export: no module `nope`" in capsys.readouterr().err
    assert not (site_root / "dist").exists()


def test_unknown_format(site_root: Path) -> None:
    with pytest.raises(ExportError, match="unknown format `scrom`; did you mean `scorm`"):
        run_export(site_root, "scrom", [], None)


def test_content_with_problems_is_refused(site_root: Path) -> None:
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: truefalse", "type: truefals"), encoding="utf-8")
    with pytest.raises(ExportError) as error:
        run_export(site_root, "qti", [], None)
    message = str(error.value)
    assert message.startswith("nothing exported: 1 problem in the content:")
    assert "modules/mini/questions.yml:" in message and "truefals" in message
    assert not (site_root / "dist").exists()


def test_progress_line_per_module_or_a_bar_on_a_terminal(site_root: Path) -> None:
    lines = io.StringIO()
    run_export(site_root, "moodle", [], None, progress=lines)
    assert lines.getvalue() == "werkplaats export moodle: 1/1 mini\n"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    run_export(site_root, "moodle", [], None, progress=terminal)
    assert "\r" in terminal.getvalue() and "[" in terminal.getvalue()
    assert terminal.getvalue().endswith("1/1 done\n")


def test_macros_links_and_images_in_a_package(site_root: Path) -> None:
    unit = site_root / "modules" / "mini" / "intro.md"
    (site_root / "docs" / "img").mkdir()
    (site_root / "docs" / "img" / "ladder.png").write_bytes(PNG)
    unit.write_text(unit.read_text(encoding="utf-8") + (
        "\n\nOver {{ term('eigen-kracht') }} en {{ case('meneer-bakker', 'de casus') }}."
        "\n\n![De ladder](../../img/ladder.png)"
        "\n\nZie [de wet](https://wetten.overheid.nl/) en [de start](../../index.md).\n"
        "\n## Samenvatting\n"), encoding="utf-8")
    [package] = run_export(site_root, "scorm", [], None, progress=io.StringIO())
    with zipfile.ZipFile(package) as archive:
        page = archive.read("index.html").decode("utf-8")
        media = [n for n in archive.namelist() if n.startswith("media/")]
    assert media == [f"media/{hashlib.sha256(PNG).hexdigest()[:16]}.png"]
    assert f'<img alt="De ladder" src="{media[0]}">' in page
    assert '<a href="#term-eigen-kracht">Eigen kracht</a>' in page
    assert '<dt id="term-eigen-kracht">Eigen kracht</dt>' in page  # the glossary holds the term
    assert '<a href="#case-meneer-bakker">de casus</a>' in page
    assert 'href="https://wetten.overheid.nl/" rel="noopener" target="_blank"' in page
    # A page of the site: an absolute link to the published site (site_url), in a new tab; never the .md path.
    assert '<a href="https://test.example.org/" rel="noopener" target="_blank">de start</a>' in page
    assert "index.md" not in page
    assert '<h3 id="intro-samenvatting">Samenvatting</h3>' in page  # under the unit's h2, with a unique id
    if SCORM_SCHEMAS.is_dir():
        assert validate_scorm(package, SCORM_SCHEMAS) == []


def test_unknown_macro_target_and_remote_image_are_errors(site_root: Path) -> None:
    unit = site_root / "modules" / "mini" / "verdieping.md"
    original = unit.read_text(encoding="utf-8")
    unit.write_text(original + "\n\n![x](https://example.org/x.png)\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"module `mini`: modules/mini/verdieping.md: the image "
                                          r"https://example.org/x.png is on another host"):
        run_export(site_root, "scorm", [], None, progress=io.StringIO())
    unit.write_text(original + "\n\n{{ questions('mini', ['m-99']) }}\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"verdieping.md:\d+: questions\('mini'\): no question `m-99`"):
        run_export(site_root, "print", [], None, progress=io.StringIO())
    unit.write_text(original + "\n\n![x](../../img/missing.png)\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"verdieping.md: the image ../../img/missing.png does not exist"):
        run_export(site_root, "print", [], None, progress=io.StringIO())

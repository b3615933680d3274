"""Print export: the workbook as HTML and PDF, with room to write, no answers beside the questions, a key at the
end, and nothing fetched from anywhere."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from lxml import html as lxml_html

from werkplaats.cli import main
from werkplaats.export import ExportError
from werkplaats.export.workbook import workbook_pdf

from support import copy_site


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import weasyprint  # noqa: F401 - the print extra, installed by `make test`: its absence is a failure

    root = copy_site(tmp_path_factory.mktemp("print") / "minimal")
    records = _Records()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(records)
    try:
        assert main(["--root", str(root), "export", "print", "--answers", "appended"]) == 0
    finally:
        logger.removeHandler(records)
    # WeasyPrint logs what it could not use (a stylesheet rule, a URL): there must be nothing of the kind.
    assert records.messages == []
    folder = root / "dist" / "print"
    return folder / "mini-werkboek.html", folder / "mini-werkboek.pdf"


def _pdf_pages(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def test_pdf_has_cover_units_cases_quiz_and_key(workbook: tuple[Path, Path]) -> None:
    _, pdf = workbook
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = _pdf_pages(pdf)
    # Cover, contents, introduction, two units, the case, the quiz (two pages) and the key (two pages).
    assert 8 <= len(pages) <= 14, len(pages)
    cover = pages[0]
    for text in ("Mini-module", "Doelgroep", "studenten", "Studielast", "1,5 uur", "Leerdoelen",
                 "Je kunt het gesprek uitleggen.", "Naam"):
        assert text in cover, text
    assert "Inhoud" in pages[1]
    everything = "\n".join(pages)
    for text in ("Introductie", "Lees Het gesprek.", "Meneer Bakker", "De ladder: wie kan wat?",
                 "Eigen kracht", "Om over na te denken", "Toets: Mini-module", "Vraag 7", "Antwoorden",
                 "Bijvoorbeeld hoe hij zijn dag invult."):
        assert text in everything, text
    # The key comes after the last question.
    key_page = next(n for n, text in enumerate(pages) if "Antwoorden" in text and "Vraag 1" in text)
    assert key_page > next(n for n, text in enumerate(pages) if "Vraag 7" in text)
    assert "Modelantwoord" in "\n".join(pages[key_page:])


def test_questions_have_room_to_write_and_no_answers(workbook: tuple[Path, Path]) -> None:
    html, _ = workbook
    tree = lxml_html.fromstring(html.read_text(encoding="utf-8"))
    quiz = tree.get_element_by_id("quiz")
    questions = quiz.find_class("wp-print-question")
    assert len(questions) == 7
    text = quiz.text_content()
    for answer in ("Nee, die komt als laatste", "Bijvoorbeeld hoe hij zijn dag invult", "Klopt, de wet spreekt",
                   "Goede antwoorden", "Modelantwoord"):
        assert answer not in text, answer
    assert not quiz.xpath(".//input|.//textarea|.//details|.//button")
    by_type = {q.get("id"): q for q in questions}
    assert quiz.find_class("wp-print-box"), "no boxes to tick"
    assert len(by_type["quiz-7"].find_class("wp-print-lines")[0]) >= 5, "too few lines for an open question"
    assert len(by_type["quiz-6"].find_class("wp-print-slot")) == 4
    # Self-check questions inside a unit have their own numbers and their answers in the key too.
    assert len(tree.get_element_by_id("unit-verdieping").find_class("wp-print-question")) == 2
    assert len(tree.get_element_by_id("answers").find_class("wp-print-answer")) == 9
    # Reflection questions of the case get lines as well.
    assert tree.get_element_by_id("case-meneer-bakker").find_class("wp-print-lines")


def test_html_needs_nothing_else(workbook: tuple[Path, Path]) -> None:
    html, _ = workbook
    tree = lxml_html.fromstring(html.read_text(encoding="utf-8"))
    assert not tree.xpath("//link[@rel='stylesheet']|//script")
    assert "@page" in tree.findtext(".//style")
    for element in tree.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            assert value is None or value.startswith(("#", "data:")), value


def test_pdf_never_fetches_from_another_host(tmp_path: Path) -> None:
    import weasyprint  # noqa: F401 - installed by `make test`
    html = ('<html><head><link rel="stylesheet" href="https://fonts.example.org/font.css"></head>'
            '<body><p>x</p><img src="http://127.0.0.1:9/x.png"></body></html>')
    with pytest.raises(ExportError) as error:
        workbook_pdf(html, tmp_path)
    assert "https://fonts.example.org/font.css" in str(error.value)
    assert "http://127.0.0.1:9/x.png" in str(error.value)

#!/usr/bin/env python3
"""Write the text other PDF extractors give of the PDF fixtures, for tests/check/unseen.rs.

usage: python3 tools/extract_texts.py
needs: pip install pdfminer.six pdfplumber pypdf pymupdf pymupdf4llm pypdfium2 pdf2docx python-docx
Versions used for the committed files: pdfminer.six 20260107, pdfplumber 0.11.11, pypdf 7.1.1,
PyMuPDF 2.0, pymupdf4llm 2.0, pypdfium2 5.15.2, pdf2docx 0.5.13, python-docx 1.2.0.

For each tests/fixtures/reports/pdf/NAME.pdf it writes, under tests/fixtures/:
  pdfminer/NAME.default.txt    pdfminer.six extract_text, default LAParams
  pdfminer/NAME.noflow.txt     extract_text with LAParams(boxes_flow=None)
  pdfplumber/NAME.plain.txt    page.extract_text() of every page, joined by a line break
  pdfplumber/NAME.layout.txt   page.extract_text(layout=True)
  pypdf/NAME.plain.txt         page.extract_text()
  pypdf/NAME.layout.txt        page.extract_text(extraction_mode="layout")
  pymupdf/NAME.text.txt        page.get_text() (what most PyMuPDF scripts do)
  pymupdf/NAME.sort.txt        page.get_text(sort=True)
  pymupdf/NAME.blocks.txt      the text of page.get_text("blocks"), one block after another
  pymupdf/NAME.words.txt       page.get_text("words") grouped into lines by baseline, left to right
  pdfium/NAME.txt              pypdfium2 textpage.get_text_range()
  pymupdf4llm/NAME.md          pymupdf4llm.to_markdown (markdown tables, <br> in cells)
  pdf2docx/NAME.docx           the PDF converted to Word by pdf2docx (read by gouji's .docx reader)
  pdf2docx/NAME.docx.txt       that .docx read back with python-docx:
                               paragraphs and table rows (cells joined by tabs) in body order
The texts are written as the tools give them; nothing is corrected by hand.
"""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")
PDFS = os.path.join(ROOT, "reports", "pdf")


def write(extractor, name, text):
    folder = os.path.join(ROOT, extractor)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def words_by_line(page):
    words = page.get_text("words")
    words.sort(key=lambda w: (round(w[3]), w[0]))
    lines, line, baseline = [], [], None
    for w in words:
        y = round(w[3])
        if baseline is not None and abs(y - baseline) > 2:
            lines.append(" ".join(line))
            line = []
        baseline = y
        line.append(w[4])
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def docx_text(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(path)
    out = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                out.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(out) + "\n"


def main():
    import pdfminer.high_level
    import pdfminer.layout
    import pdfplumber
    import pymupdf
    import pymupdf4llm
    import pypdf
    import pypdfium2
    from pdf2docx import Converter

    for file in sorted(os.listdir(PDFS)):
        if not file.endswith(".pdf"):
            continue
        path = os.path.join(PDFS, file)
        name = file[: -len(".pdf")]
        print(name, file=sys.stderr)
        write("pdfminer", f"{name}.default.txt", pdfminer.high_level.extract_text(path))
        write(
            "pdfminer",
            f"{name}.noflow.txt",
            pdfminer.high_level.extract_text(
                path, laparams=pdfminer.layout.LAParams(boxes_flow=None)
            ),
        )
        with pdfplumber.open(path) as pdf:
            write("pdfplumber", f"{name}.plain.txt",
                  "\n".join(p.extract_text() or "" for p in pdf.pages))
            write("pdfplumber", f"{name}.layout.txt",
                  "\n".join(p.extract_text(layout=True) or "" for p in pdf.pages))
        reader = pypdf.PdfReader(path)
        write("pypdf", f"{name}.plain.txt", "\n".join(p.extract_text() for p in reader.pages))
        write("pypdf", f"{name}.layout.txt",
              "\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages))
        document = pymupdf.open(path)
        write("pymupdf", f"{name}.text.txt", "".join(p.get_text() for p in document))
        write("pymupdf", f"{name}.sort.txt", "".join(p.get_text(sort=True) for p in document))
        write("pymupdf", f"{name}.blocks.txt",
              "\n".join("\n".join(b[4] for b in p.get_text("blocks")) for p in document))
        write("pymupdf", f"{name}.words.txt", "\n".join(words_by_line(p) for p in document))
        pdf = pypdfium2.PdfDocument(path)
        write("pdfium", f"{name}.txt",
              "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
        write("pymupdf4llm", f"{name}.md", pymupdf4llm.to_markdown(path))
        os.makedirs(os.path.join(ROOT, "pdf2docx"), exist_ok=True)
        out = os.path.join(ROOT, "pdf2docx", f"{name}.docx")
        converter = Converter(path)
        converter.convert(out)
        converter.close()
        write("pdf2docx", f"{name}.docx.txt", docx_text(out))


if __name__ == "__main__":
    main()

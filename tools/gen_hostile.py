#!/usr/bin/env python3
"""Write the hostile inputs that README's "Reliability" section measures.

usage: python3 tools/gen_hostile.py DIR        the full-size cases, into DIR
       python3 tools/gen_hostile.py --seeds      small versions, into fuzz/seeds/<target>/
Each file is one case of issue 13 (bounded time and memory, no report rejected for one bad
byte); `/usr/bin/time -v target/release/gouji check DIR/<file>` gives the figures. Special
files (FIFO, symlink loops, /dev/zero) are made by the commands in README, not here.
"""
import io, os, sys, zipfile

SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "reports", "seed",
                    "zhangdian-yingji-2023.txt")


def pdf(objects, trailer_root):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    for num, body in enumerate(objects, start=1):
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    out += f"trailer\n<</Size {len(objects) + 1}/Root {trailer_root} 0 R>>\n%%EOF\n".encode()
    return bytes(out)


def stream(data):
    return f"<</Length {len(data)}>>\nstream\n".encode() + data + b"\nendstream"


def cmap_pdf(chars=30_000, glyphs=10_000):
    """A ToUnicode bfchar that maps one code to `chars` characters, drawn `glyphs` times on one line."""
    target = "0030" * chars
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"1 beginbfchar <0001> <{target}> endbfchar\nendcmap end end").encode()
    content = f"BT /U 0.05 Tf 1 0 0 1 40 800 Tm <{'0001' * glyphs}> Tj ET".encode()
    objects = [
        stream(cmap),                                                              # 1 ToUnicode
        b"<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/DW 1000>>",               # 2 CID font
        b"<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts[2 0 R]/ToUnicode 1 0 R>>",
        stream(content),                                                           # 4 page content
        b"<</Type/Page/Parent 6 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",       # 5 page
        b"<</Type/Pages/Count 1/Kids[5 0 R]/Resources<</Font<</U 3 0 R>>>>>>",    # 6 pages
        b"<</Type/Catalog/Pages 6 0 R>>",                                          # 7 catalog
    ]
    return pdf(objects, 7)


def docx(document, numbering=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        parts = [("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                 ("word/document.xml", document)]
        if numbering:
            parts.append(("word/numbering.xml", numbering))
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data.encode())
    return out.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering_docx(paragraphs=20_000):
    """A lvlText of %1…%9 a hundred times, starting at 4294967295, on every paragraph."""
    levels = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="4294967295"/><w:numFmt w:val="decimal"/>'
                     f'<w:lvlText w:val="{"%1%2%3%4%5%6%7%8%9" * 100}"/></w:lvl>' for k in range(9))
    numbering = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    para = '<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>'
    document = f'<w:document xmlns:w="{W}"><w:body>{para * paragraphs}</w:body></w:document>'
    return docx(document, numbering)


def seeds():
    """Small versions of every case, as the fuzz targets' seed corpora."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "seeds")
    seed = open(SEED, "rb").read()
    cut = 6000
    while seed[cut] < 0xC0:
        cut += 1
    lines = ["1件，", "1;", "<!--", "<!--x", "區(", "區(qū)", "1e5 ", "0x1 1% 1… ", "|", "|\n", "1\t", "1 ",
             "&#x4E00;", "<td>1", "一、本年新收政府信息公开申请数量 1 ", "（七）总计", "受理申请1件，", "1.其他"]
    pdf_small = cmap_pdf(chars=300, glyphs=100)
    docx_small = numbering_docx(paragraphs=100)
    cases = {
        "check_bytes": {"seed-one-ff-byte.txt": seed[:5000] + b"\xff" + seed[5000:],
                        "seed-cut-character.txt": seed[:cut + 1] + seed[cut + 3:],
                        "seed-nul.txt": seed[:5000] + b"\0" + seed[5000:],
                        "cmap.pdf": pdf_small, "numbering.docx": docx_small,
                        "ones.txt": b"1\n" * 500, "overlong-number.txt": b"| 1 | " + b"9" * 300 + b" |\n",
                        **{f"line-{k}.txt": (line * 40).encode() for k, line in enumerate(lines)}},
        "check_html": {"cells.html": b"<td>1</td>" * 50, "colspan.html": b"<tr><td colspan=200></td>" * 20,
                       "comments.html": b"<!--" * 50, "junk.html": b"<td>1e5</td><td>0x1</td><td>1%</td>"},
        "docx": {"numbering.docx": docx_small},
        "pdf": {"cmap.pdf": pdf_small},
        "long_line": {f"line-{k}.txt": line.encode() for k, line in enumerate(lines)},
    }
    for target, files in cases.items():
        os.makedirs(os.path.join(root, target), exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(root, target, name), "wb") as f:
                f.write(data)
    print(f"{sum(len(f) for f in cases.values())} seeds in {os.path.relpath(root)}")


def main():
    if sys.argv[1:] == ["--seeds"]:
        seeds()
        return
    out = sys.argv[1] if len(sys.argv) > 1 else "hostile"
    os.makedirs(out, exist_ok=True)
    seed = open(SEED, "rb").read()
    cut = 6000
    while seed[cut] < 0xC0:  # the first byte of a character at or after byte 6000
        cut += 1
    files = {
        "cmap-30000-chars-x10000.pdf": cmap_pdf(),
        "cmap-30000-chars-x4000.pdf": cmap_pdf(glyphs=4_000),
        "numbering-20000-paragraphs.docx": numbering_docx(),
        "numbering-100000-paragraphs.docx": numbering_docx(100_000),
        "line-1jian-256k.txt": ("1件，" * (256 * 1024 // 7)).encode(),
        "line-1jian-1m.txt": ("1件，" * (1024 * 1024 // 7)).encode(),
        "line-1semi-1m.txt": b"1;" * (512 * 1024),
        "ones-64m.txt": b"1\n" * (32 * 1024 * 1024 - 16),
        "seed-one-ff-byte.txt": seed[:5000] + b"\xff" + seed[5000:],
        "seed-cut-character.txt": seed[:cut + 1] + seed[cut + 3:],
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{len(data):>10}  {name}")


if __name__ == "__main__":
    main()

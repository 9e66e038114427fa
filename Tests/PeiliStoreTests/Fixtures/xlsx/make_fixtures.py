#!/usr/bin/env python3
"""Writes the Excel workbook fixtures beside this script (the tests only read them).

    pip install openpyxl   # 3.1
    python3 make_fixtures.py

* qualtrics.xlsx, surveymonkey.xlsx, googleforms.xlsx: the vendor CSV fixtures
  (../vendor/*.csv) as the vendors' "Excel" downloads hold them, written with openpyxl: the same
  cells, but whole numbers and decimals as number cells, True/False as boolean cells, the
  timestamps as date cells with a date number format, and a carriage return as Excel writes it
  (_x000D_). The tests import each with the CSV's
  mapping and expect the CSV's scores, and the same draft.
* cells.xlsx: every cell type and part the reader handles, written as XML by hand (openpyxl
  writes neither inline strings nor phonetic runs): shared strings with rich-text runs and a
  phonetic guide, inline strings, a formula's string (`str`), booleans, an error cell, numbers
  as written (1.10, 114000000001), gaps in the cell references and a missing row, a custom
  date format and built-in date/time formats (ids 14, 22), `_x000D_` escapes, and `r`-less
  cells. cells.csv is the CSV a spreadsheet would save of it.
* two-sheets.xlsx: a "Read me" sheet before the "Responses" sheet (the canonical survey of
  cells.csv): --sheet chooses.
* Bad workbooks: not-a-zip.xlsx (text), encrypted.xlsx (the OLE container Excel writes for a
  password-protected workbook: its signature and an EncryptionInfo stream name, no real
  encryption), legacy.xlsx (an OLE .xls), no-sheets.xlsx, broken-xml.xlsx (a sheet cut off),
  truncated.xlsx (a ZIP archive cut in half), not-a-workbook.xlsx (a ZIP without xl/workbook.xml),
  offset-past-end.xlsx (cells.xlsx whose central directory puts a part's local header past the
  end of the file: ZIPFoundation's in-memory reader trapped on it; found by fuzz/ FuzzXLSX),
  not-utf8-part.xlsx (a sheet part with a byte that is not UTF-8 in an element name: Foundation's
  XML parser on Linux trapped on it; found by FuzzXLSX).
* large.xlsx: a sheet whose XML is more than 10 MB (12,000 identical Google Forms rows).

Every respondent value is invented (the vendor CSVs' README says so too).
"""

import csv
import datetime
import os
import re
import zipfile

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
VENDOR = os.path.join(HERE, "..", "vendor")


def read_csv(name):
    with open(os.path.join(VENDOR, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def as_cell(text, header_rows, row_index, timestamp_columns, column, date_formats):
    """A CSV field as the workbook holds it: numbers, booleans and timestamps typed."""
    # Excel writes a carriage return in a cell as _x000D_: XML itself would fold CR LF into LF.
    text = text.replace("\r", "_x000D_")
    if row_index < header_rows or text == "":
        return text, None
    if column in timestamp_columns:
        for fmt in date_formats:
            try:
                return datetime.datetime.strptime(text, fmt), "yyyy-mm-dd hh:mm:ss"
            except ValueError:
                pass
    if re.fullmatch(r"-?[1-9][0-9]*|0", text):
        return int(text), None
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text) and repr(float(text)) == text:
        return float(text), None
    if text in ("True", "False"):
        return text == "True", None
    return text, None


def vendor_workbook(csv_name, out_name, header_rows, timestamp_names, date_formats, sheet_title):
    rows = read_csv(csv_name)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    stamps = {i for i, name in enumerate(rows[0]) if name in timestamp_names}
    for r, row in enumerate(rows):
        # A spreadsheet does not keep a CSV's empty trailing fields as cells.
        while row and row[-1] == "":
            row = row[:-1]
        for c, text in enumerate(row):
            value, number_format = as_cell(text, header_rows, r, stamps, c, date_formats)
            if value == "":
                continue
            cell = ws.cell(row=r + 1, column=c + 1, value=value)
            if number_format:
                cell.number_format = number_format
    wb.save(os.path.join(HERE, out_name))


# --- cells.xlsx: written part by part ------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{overrides}
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook_xml(sheets):
    items = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, name in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}><workbookPr/>' \
           f'<sheets>{items}</sheets></workbook>'


def workbook_rels(sheet_count, absolute=False):
    rels = []
    for i in range(sheet_count):
        target = f"/xl/worksheets/sheet{i + 1}.xml" if absolute else f"worksheets/sheet{i + 1}.xml"
        rels.append(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="{target}"/>')
    n = sheet_count
    rels.append(
        f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(
        f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/styles" Target="styles.xml"/>')
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ' \
           'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + \
           "</Relationships>"


# Cell formats by index (a cell's s="…"): 0 General, 1 built-in date (14), 2 built-in date and
# time (22), 3 a custom date format, 4 a number format with quoted letters (not a date).
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}>
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd&quot;.&quot;mm&quot;.&quot;yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
</styleSheet>"""

# Shared strings: 0-5 the header (2 in rich-text runs, 5 with a phonetic guide that is not
# part of the text), then answers and comments.
SHARED = [
    "<si><t>respondent</t></si>",  # 0
    "<si><t>region</t></si>",  # 1
    "<si><r><rPr><b/></rPr><t>q</t></r><r><t>1</t></r></si>",  # 2: "q1" in two runs
    "<si><t>answered</t></si>",  # 3
    "<si><t>consent</t></si>",  # 4
    "<si><t>comment</t><rPh sb=\"0\" eb=\"1\"><t>コメント</t></rPh></si>",  # 5: "comment"
    "<si><t>r1</t></si>",  # 6
    "<si><r><t xml:space=\"preserve\">Great </t></r><r><rPr><i/></rPr><t>service</t></r></si>",  # 7
    "<si><t>Two lines:_x000D_\nfine, \"mostly\"</t></si>",  # 8
    "<si><t>North</t></si>",  # 9
]

# Rows 1-6 (row 5 absent: a gap); C is q1 (1-5), D q2 (1-5), E the answer date.
SHEET_ROWS = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="str"><f>"q"&amp;"2"</f><v>q2</v></c><c r="E1" t="s"><v>3</v></c>'
    '<c r="F1" t="s"><v>4</v></c><c r="G1" t="s"><v>5</v></c><c r="H1" t="inlineStr"><is><t>weight</t></is></c></row>',
    # r1: inline region, date by a built-in format, rich-text comment, a decimal written as 1.10.
    '<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" t="inlineStr"><is><t>South</t></is></c>'
    '<c r="C2"><v>4</v></c><c r="D2" s="0"><v>5</v></c><c r="E2" s="1"><v>45915</v></c>'
    '<c r="F2" t="b"><v>1</v></c><c r="G2" t="s"><v>7</v></c><c r="H2" s="4"><v>1.10</v></c></row>',
    # r2: no region cell (a gap), a date and time (22), an error cell for the comment.
    '<row r="3"><c r="A3" t="inlineStr"><is><r><t>r</t></r><r><t>2</t></r></is></c>'
    '<c r="C3"><v>2</v></c><c r="D3"><v>3</v></c><c r="E3" s="2"><v>45915.5</v></c>'
    '<c r="F3" t="b"><v>0</v></c><c r="G3" t="e"><v>#N/A</v></c><c r="H3"><v>0.30000000000000004</v></c></row>',
    # r3: cells without references (each the next column), a custom date format.
    '<row r="4"><c t="inlineStr"><is><t>r3</t></is></c><c t="s"><v>9</v></c><c><v>5</v></c><c/>'
    '<c s="3"><v>45916</v></c><c t="b"><v>1</v></c><c t="s"><v>8</v></c><c><v>114000000001</v></c></row>',
    # Row 5 is not in the sheet at all; row 6 is an empty row of styled cells (left out).
    '<row r="6"><c r="A6" s="1"/><c r="B6" s="1"/></row>',
    # r4: a blank q1, an answer given as text.
    '<row r="7"><c r="A7" t="inlineStr"><is><t>r4</t></is></c><c r="B7" t="s"><v>9</v></c>'
    '<c r="D7" t="inlineStr"><is><t>1</t></is></c><c r="F7" t="b"><v>1</v></c></row>',
]

# What a spreadsheet's "Save As CSV" of the sheet holds (the dates as ISO dates, booleans as
# TRUE/FALSE, the error as its text, numbers as the workbook writes them).
CELLS_CSV = [
    ["respondent", "region", "q1", "q2", "answered", "consent", "comment", "weight"],
    ["r1", "South", "4", "5", "2025-09-15", "TRUE", "Great service", "1.10"],
    ["r2", "", "2", "3", "2025-09-15 12:00:00", "FALSE", "#N/A", "0.30000000000000004"],
    ["r3", "North", "5", "", "2025-09-16", "TRUE", "Two lines:\r\nfine, \"mostly\"", "114000000001"],
    ["r4", "North", "", "1", "", "TRUE", "", ""],
]


def sheet_xml(rows):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>' + \
           "".join(rows) + "</sheetData></worksheet>"


def shared_xml(items):
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + \
           'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' + \
           f'count="{len(items)}" uniqueCount="{len(items)}">' + "".join(items) + "</sst>"


def write_zip(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts:
            info = zipfile.ZipInfo(path, date_time=(2025, 9, 15, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


def handmade(name, sheets, absolute_rels=False):
    """sheets: [(name, rows)]"""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES.format(overrides=overrides)),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook_xml([s[0] for s in sheets])),
        ("xl/_rels/workbook.xml.rels", workbook_rels(len(sheets), absolute_rels)),
        ("xl/sharedStrings.xml", shared_xml(SHARED)),
        ("xl/styles.xml", STYLES),
    ]
    for i, (_, rows) in enumerate(sheets):
        parts.append((f"xl/worksheets/sheet{i + 1}.xml", sheet_xml(rows)))
    write_zip(name, parts)


def main():
    vendor_workbook("qualtrics.csv", "qualtrics.xlsx", 3, {"StartDate", "EndDate", "RecordedDate"},
                    ["%Y-%m-%d %H:%M:%S"], "Sheet0")
    vendor_workbook("surveymonkey.csv", "surveymonkey.xlsx", 2, set(), [], "Sheet")
    vendor_workbook("googleforms.csv", "googleforms.xlsx", 1, {"Timestamp"},
                    ["%Y/%m/%d %I:%M:%S %p EEST"], "Form Responses 1")

    handmade("cells.xlsx", [("Responses", SHEET_ROWS)])
    with open(os.path.join(HERE, "cells.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(CELLS_CSV)
    readme = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Exported 2025-09-16; see the next sheet</t></is></c></row>']
    handmade("two-sheets.xlsx", [("Read me", readme), ("Responses", SHEET_ROWS)], absolute_rels=True)

    with open(os.path.join(HERE, "not-a-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("respondent,q1\nr1,4\n")
    ole = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    with open(os.path.join(HERE, "encrypted.xlsx"), "wb") as f:
        f.write(ole + "EncryptionInfo".encode("utf-16-le") + bytes(64) + "EncryptedPackage".encode("utf-16-le"))
    with open(os.path.join(HERE, "legacy.xlsx"), "wb") as f:
        f.write(ole + "Workbook".encode("utf-16-le") + bytes(64))
    write_zip("no-sheets.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES.format(overrides="")),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook_xml([])),
    ])
    broken = sheet_xml(SHEET_ROWS)
    write_zip("broken-xml.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES.format(overrides="")),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook_xml(["Responses"])),
        ("xl/_rels/workbook.xml.rels", workbook_rels(1)),
        ("xl/sharedStrings.xml", shared_xml(SHARED)),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", broken[: len(broken) // 2]),
    ])
    with open(os.path.join(HERE, "cells.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    write_zip("not-a-workbook.xlsx", [("hello.txt", "not a spreadsheet")])
    offset_past_end()
    not_utf8_part()

    # A sheet of more than 10 MB of XML (Foundation's parser on Linux fails on such a part
    # handed over in one piece): a Google Forms sheet of 12,000 identical responses to 60
    # questions (rows without cell references), so that the archive stays small.
    header = '<row r="1"><c t="inlineStr"><is><t>Timestamp</t></is></c>' + "".join(
        f'<c t="inlineStr"><is><t>Question {i}</t></is></c>' for i in range(1, 61)) + "</row>"
    row = '<row><c s="2"><v>45915.5</v></c>' + '<c><v>4</v></c>' * 60 + "</row>"
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>' + \
        header + row * 12000 + "</sheetData></worksheet>"
    with zipfile.ZipFile(os.path.join(HERE, "large.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path, text in [
            ("[Content_Types].xml", CONTENT_TYPES.format(overrides="")),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", workbook_xml(["Form Responses 1"])),
            ("xl/_rels/workbook.xml.rels", workbook_rels(1)),
            ("xl/sharedStrings.xml", shared_xml([])),
            ("xl/styles.xml", STYLES),
            ("xl/worksheets/sheet1.xml", sheet),
        ]:
            z.writestr(zipfile.ZipInfo(path, date_time=(2025, 9, 15, 0, 0, 0)), text.encode("utf-8"),
                       zipfile.ZIP_DEFLATED, 9)

def offset_past_end():
    """cells.xlsx with the first central directory entry's local header offset past the end."""
    with open(os.path.join(HERE, "cells.xlsx"), "rb") as f:
        data = bytearray(f.read())
    eocd = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[eocd + 16:eocd + 20], "little")
    assert data[directory:directory + 4] == b"PK\x01\x02"
    data[directory + 42:directory + 46] = (len(data) + 1000).to_bytes(4, "little")
    with open(os.path.join(HERE, "offset-past-end.xlsx"), "wb") as f:
        f.write(data)


def not_utf8_part():
    """A sheet whose element name holds the byte 0xC2, which is not UTF-8 on its own."""
    write_zip("not-utf8-part.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES.format(overrides="")),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook_xml(["Responses"])),
        ("xl/_rels/workbook.xml.rels", workbook_rels(1)),
        ("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}>\n'
         '<sheetData><row r="1"><c\xc2>1</c\xc2></row></sheetData></worksheet>'.encode("latin-1")),
    ])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the FuzzXLSX seeds (corpus/xlsx/) from the workbook test fixtures, which
Tests/PeiliStoreTests/Fixtures/xlsx/make_fixtures.py writes with openpyxl:

* every fixture under 16 kB as it is (a ZIP archive: the reader's first path);
* each readable fixture's parts in FuzzXLSX's second form: sheet, shared strings, styles and
  workbook part joined by NUL bytes, which the harness packs into a well-formed archive, so
  that mutations reach the XML readers instead of the archive's CRC check.

    python3 fuzz/make_xlsx_seeds.py
"""

import os
import shutil
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "PeiliStoreTests", "Fixtures", "xlsx")
OUT = os.path.join(HERE, "corpus", "xlsx")
LIMIT = 16384  # run.sh's -max_len for xlsx


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".xlsx"):
            continue
        path = os.path.join(FIXTURES, name)
        if os.path.getsize(path) <= LIMIT:
            shutil.copy(path, os.path.join(OUT, name))
        try:
            book = zipfile.ZipFile(path)
            names = {n.lower(): n for n in book.namelist()}
        except zipfile.BadZipFile:
            continue
        sheet = names.get("xl/worksheets/sheet1.xml")
        if sheet is None:
            continue
        parts = [sheet, "xl/sharedstrings.xml", "xl/styles.xml", "xl/workbook.xml"]
        data = b"\0".join(book.read(names[p.lower()]) if p.lower() in names else b"" for p in parts)
        if len(data) <= LIMIT:
            with open(os.path.join(OUT, name.replace(".xlsx", "-parts.bin")), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()

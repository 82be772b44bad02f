"""Reads a report's workbook with openpyxl and its CSV files with Python's csv module, and prints
both as JSON: the independent side of the workbook and CSV-dialect tests (CohortJobTests).

    python3 read_report.py FOLDER     # FOLDER/report.xlsx (if there) and every FOLDER/*.csv
    python3 read_report.py FILE.xlsx  # one workbook

A CSV file that starts with a UTF-8 byte order mark is read as excel-de (';'), any other as
RFC 4180 (','); what the file's bytes look like (BOM, line ends) is reported beside its rows.
"""
import csv
import io
import json
import os
import sys
import zipfile

import openpyxl


def cell_json(cell):
    if cell.value is None:
        return None
    item = {"format": cell.number_format, "bold": bool(cell.font.b)}
    if cell.data_type == "n":
        item["number"] = float(cell.value)
    elif cell.data_type == "d":
        item["date"] = cell.value.date().isoformat()
    else:
        item["text"] = str(cell.value)
    return item


def sheet_json(sheet, xml):
    scales = []
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            if rule.colorScale is not None:
                scales.append({
                    "range": str(formatting.sqref),
                    "stops": [None if stop.val is None else float(stop.val) for stop in rule.colorScale.cfvo],
                    "colors": [color.rgb if isinstance(color.rgb, str) else None for color in rule.colorScale.color],
                })
    return {
        "name": sheet.title,
        "rows": [[cell_json(cell) for cell in row] for row in sheet.iter_rows()],
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "widths": {letter: dimension.width for letter, dimension in sheet.column_dimensions.items() if dimension.customWidth},
        "colorScales": scales,
        "formulas": xml.count("<f>") + xml.count("<f "),
    }


def workbook_json(path):
    workbook = openpyxl.load_workbook(path)
    archive = zipfile.ZipFile(path)
    return [sheet_json(sheet, archive.read("xl/worksheets/sheet%d.xml" % (index + 1)).decode("utf-8"))
            for index, sheet in enumerate(workbook.worksheets)]


def csv_json(path):
    data = open(path, "rb").read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if bom else ","))
    return {
        "byteOrderMark": bom,
        "lineFeeds": data.count(b"\n"),
        "carriageReturnLineFeeds": data.count(b"\r\n"),
        "rows": rows,
    }


def main(path):
    if path.endswith(".xlsx"):
        print(json.dumps({"sheets": workbook_json(path), "csv": {}}, ensure_ascii=False))
        return
    workbook = os.path.join(path, "report.xlsx")
    print(json.dumps({
        "sheets": workbook_json(workbook) if os.path.exists(workbook) else [],
        "csv": {name: csv_json(os.path.join(path, name)) for name in sorted(os.listdir(path)) if name.endswith(".csv")},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

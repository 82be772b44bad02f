"""Reads an .xlsx file with openpyxl (independent of libxlsxwriter) and prints what it holds as JSON.

Used by the CohortExcel tests: python3 read_workbook.py FILE.xlsx
Strings are decoded as Excel decodes them (ECMA-376 ST_Xstring: _xHHHH_ is the character HHHH,
so _x005F_ is "_"). openpyxl 3.0 instead deletes every "x005F_" and leaves other escapes as they are,
so its shared-string reader is replaced by one that keeps the text for excel_text() to decode.
"""
import json
import re
import sys
import zipfile

import openpyxl
import openpyxl.reader.excel
from openpyxl.cell.text import Text
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_text(value):
    return ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)


def read_string_table(xml_source):
    strings = []
    for _, node in iterparse(xml_source):
        if node.tag == "{%s}si" % SHEET_MAIN_NS:
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


openpyxl.reader.excel.read_string_table = read_string_table


def color(value):
    return value.rgb if value is not None and isinstance(value.rgb, str) else None


def cell_json(cell):
    item = {
        "row": cell.row - 1,
        "column": cell.column - 1,
        "type": cell.data_type,
        "format": cell.number_format,
        "bold": bool(cell.font.b),
        "bottomBorder": cell.border.bottom.style,
    }
    if cell.value is None:
        item["type"] = "empty"
    elif cell.data_type == "s":
        item["text"] = excel_text(cell.value)
    elif cell.data_type == "n":
        item["number"] = float(cell.value)
    elif cell.data_type == "d":
        item["date"] = cell.value.date().isoformat()
        item["time"] = cell.value.time().isoformat()
    else:
        item["text"] = str(cell.value)
    return item


def sheet_json(sheet, archive, path):
    cells = [cell_json(cell) for row in sheet.iter_rows() for cell in row
             if cell.value is not None or cell.has_style]
    widths = [{"min": dimension.min, "max": dimension.max, "width": dimension.width}
              for dimension in sheet.column_dimensions.values() if dimension.customWidth]
    scales = []
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            if rule.colorScale is None:
                continue
            scales.append({
                "range": str(formatting.sqref),
                "stops": [{"type": stop.type, "value": None if stop.val is None else float(stop.val)}
                          for stop in rule.colorScale.cfvo],
                "colors": [color(value) for value in rule.colorScale.color],
            })
    xml = archive.read(path).decode("utf-8")
    return {
        "name": sheet.title,
        "cells": cells,
        "widths": widths,
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "colorScales": scales,
        "formulas": xml.count("<f>") + xml.count("<f "),
    }


def main(path):
    workbook = openpyxl.load_workbook(path)
    archive = zipfile.ZipFile(path)
    # Sheet order in the workbook is sheet1.xml, sheet2.xml, ... as libxlsxwriter writes them.
    sheets = [sheet_json(sheet, archive, "xl/worksheets/sheet%d.xml" % (index + 1))
              for index, sheet in enumerate(workbook.worksheets)]
    properties = workbook.properties
    styles = archive.read("xl/styles.xml").decode("utf-8")
    cell_formats = re.search(r'<cellXfs count="([0-9]+)"', styles)
    print(json.dumps({
        "sheets": sheets,
        "properties": {
            "title": properties.title,
            "subject": properties.subject,
            "creator": properties.creator,
            "keywords": properties.keywords,
            "description": properties.description,
            "created": properties.created.isoformat() if properties.created else None,
        },
        "archiveNames": sorted(archive.namelist()),
        "cellFormats": int(cell_formats.group(1)) if cell_formats else 0,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Writes the input fixtures of CohortIngestTests and InputTests (run from this folder).

Text fixtures are written byte by byte so that encodings, byte-order marks and line
ends are exactly what the tests expect; the .xlsx files are assembled from hand-written
XML parts the way Excel lays them out (shared strings, inline strings, numbers, serial
dates, a formula's cached value, an error cell). Deterministic: same bytes every run.
"""
import gzip
import io
import os
import struct
import zipfile
import zlib

NBSP = "\u00a0"


def write(name, data):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "wb") as f:
        f.write(data)


# --- CSV dialects -------------------------------------------------------------------------

write("dialect-comma-lf.csv", (
    "order_id,customer_id,order_date,amount\n"
    "A-1,C1,2026-01-05,10.50\n"
    "A-2,C2,2026-01-06T09:30:00+01:00,1234.56\n"
    "A-3,C1,2026-02-01 08:00,-3\n").encode())

write("dialect-excel-de.csv", (
    "\ufeffKundennummer;Rechnungsdatum;Betrag;Bemerkung\r\n"
    "K-100;05.01.2026;1.234,56;\"Lieferung; Teil 1\"\r\n"
    "\"K-200\";31.01.2026;\"99,90\";\"zweizeilig\r\nBemerkung\"\r\n"
    "K-100;1.2.26;-12,50;\"sagt \"\"Hallo\"\"\"\r\n").encode("utf-8"))

write("dialect-windows1252.csv", (
    "Kunde;Datum;Umsatz\r\n"
    "Müller GmbH;03.03.2026;12,50 €\r\n"
    "Bäckerei Groß;04.03.2026;1.000,00 €\r\n").encode("cp1252"))

write("dialect-excel-unicode-text.txt", b"\xff\xfe" + (
    "Kundennummer\tDatum\tBetrag\r\n"
    "Kö-1\t15.03.2026\t7,5\r\n"
    "Kö-2\t16.03.2026\t1.500,25\r\n").encode("utf-16-le"))

write("dialect-utf16be.csv", b"\xfe\xff" + (
    "customer,date,amount\n"
    "Zoë,2026-04-01,5.00\n").encode("utf-16-be"))

write("dialect-pipe.csv", (
    "customer|date|amount|order\n"
    "C1|2026-05-01|1,234.50|O-1\n"
    "C2|2026-05-02|20|O-2\n").encode())

write("dialect-tab.tsv", (
    "customer\tdate\tamount\n"
    "T1\t2026-05-03\t3.5\n").encode())

write("dialect-us.csv", (
    "Customer ID,Invoice Date,Total\n"
    "U1,01/02/2026,\"$1,234.56\"\n"
    "U2,01/13/2026,(12.50)\n"
    "U1,02/03/2026,$40.00\n").encode())

write("dialect-uk.csv", (
    "customer,date,amount\n"
    "B1,05/04/2026,£10.00\n"
    "B2,25/04/2026,\"£1,000.00\"\n").encode())

write("dialect-serial-dates.csv", (
    "customer;date;amount\n"
    "S1;46023;10\n"
    "S2;46054,5;20\n").encode())

write("dialect-sap.csv", (
    "sep=;\n"
    "Debitor;Belegdatum;Betrag;Belegnummer\n"
    "4711;20260110;1.234,56-;90001\n"
    "4712;20260111;250,00;90002\n").encode())

write("dialect-spaces.csv", (
    "customer;date;amount\n"
    f"N1;2026-06-01;1{NBSP}234,56\n"
    "N2;2026-06-02;€ 12,50\n"
    "N3;2026-06-03;12,-\n"
    "N4;2026-06-04;EUR 7\n").encode())

write("dialect-thousands-only.csv", (
    "customer;date;amount\n"
    "G1;02.01.2026;1.500\n"
    "G2;03.01.2026;450\n"
    "G3;04.01.2026;12.000\n").encode())

# --- Several files ---------------------------------------------------------------------------

write("monthly/2026-01.csv", (
    "order_id,customer_id,order_date,amount\n"
    "J-1,C1,2026-01-10,10.00\n"
    "J-2,C2,2026-01-31,20.00\n").encode())

write("monthly/2026-02.csv", (
    "order_id,customer_id,order_date,amount\n"
    "J-2,C2,2026-01-31,20.00\n"
    "F-1,C1,2026-02-03,30.00\n").encode())

# --- Whole-file failures ---------------------------------------------------------------------

write("empty.csv", b"")
write("header-only.csv", b"customer,date,amount\n")
write("binary.dat", b"\x00\x01\x02\x03customer\x00date\x00amount\x00\n" * 4)
write("compressed.csv.gz", gzip.compress(b"customer,date,amount\nC1,2026-01-01,1\n", mtime=0))
write("old-excel.xls", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
write("unknown-encoding.csv", b"customer,date,amount\nC1,2026-01-01,1\nC\x81,2026-01-02,2\n")
write("missing-column.csv", "Kunde;Datum;Betarg\nK1;01.01.2026;1\n".encode())
write("ambiguous-column.csv", "Kunde;Datum;Betrag;Umsatz\nK1;01.01.2026;1;1\n".encode())
write("unterminated-quote.csv", b"customer,date,amount\nC1,2026-01-01,1\n\"C2,2026-01-02,2\nC3,2026-01-03,3\n")
write("ambiguous-dates.csv", b"customer,date,amount\nA,03/04/2026,1.00\nB,05/06/2026,2.00\n")
write("ambiguous-decimal.csv", b"customer;date;amount\nA;01.03.2026;1.500\nB;02.03.2026;2.250\n")

# --- Bad rows and warnings -------------------------------------------------------------------

write("bad-rows.csv", (
    "order_id;customer_id;order_date;amount\n"
    "R-1;C1;05.01.2026;1.234,50\n"
    "R-2;C2;06.01.2026\n"
    "R-3;C3;07.01.2026;12,5O\n"
    "R-4;C4;32.01.2026;5,00\n"
    "R-5;;08.01.2026;5,00\n"
    "R-6;C5;09.01.2026;12.50\n"
    "R-7;C6;;5,00\n"
    "R-8;C7;10.01.2026;;;\n"
    ";;;\n").encode())

write("quality-warnings.csv", (
    "order_id,customer_id,order_date,amount\n"
    "Q-1,C1,2026-01-05,100.00 €\n"
    "Q-2,C2,1990-01-01,50.00\n"
    "Q-3,C3,2026-02-01,-20.00\n"
    "Q-4,C1,2026-02-10,$30.00\n"
    "Q-5,C1,2029-01-05,10.00\n").encode())

# --- Excel workbooks -------------------------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{overrides}
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def workbook(name, sheets, shared, date1904=False):
    """sheets: [(sheet name, sheetData XML)]; shared: the shared strings in index order."""
    sheet_elements = "".join(
        f'<sheet name="{title}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (title, _) in enumerate(sheets))
    workbook_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + (f'<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>')
        + f"<sheets>{sheet_elements}</sheets></workbook>")
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
             f'Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
             f'Target="styles.xml"/>')
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>")
    strings = "".join(f"<si><t>{s}</t></si>" if not s.startswith("<") else f"<si>{s}</si>" for s in shared)
    shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" '
                  f'uniqueCount="{len(shared)}">{strings}</sst>')
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        def add(path, text):
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        add("[Content_Types].xml", CONTENT_TYPES.format(overrides=overrides))
        add("_rels/.rels", ROOT_RELS)
        add("xl/workbook.xml", workbook_xml)
        add("xl/_rels/workbook.xml.rels", workbook_rels)
        add("xl/styles.xml", STYLES)
        add("xl/sharedStrings.xml", shared_xml)
        for i, (_, data) in enumerate(sheets):
            add(f"xl/worksheets/sheet{i + 1}.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{data}</sheetData></worksheet>")
    write(name, buffer.getvalue())


# Shared strings: 0 Kundennummer, 1 Bestelldatum, 2 Betrag, 3 Rechnungsnummer, 4 K-1, 5 K-2,
# 6 31.01.2026 (a date stored as text), 7 99,90 (a number stored as text), 8 K-3,
# 9 rich text "Grü" + "n AG" in two runs with a phonetic guide that must be left out.
ORDERS_SHARED = ["Kundennummer", "Bestelldatum", "Betrag", "Rechnungsnummer", "K-1", "K-2", "31.01.2026", "99,90", "K-3",
                 '<r><t>Grü</t></r><r><rPr><b/></rPr><t>n AG</t></r><rPh sb="0" eb="1"><t>x</t></rPh>']
ORDERS_SHEET = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>46027</v></c><c r="C2"><v>1234.5599999999999</v></c>'
    '<c r="D2" t="inlineStr"><is><t>R-1</t></is></c></row>'
    '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c>'
    '<c r="D3" t="inlineStr"><is><t>R-2</t></is></c></row>'
    '<row r="5"><c r="A5"><v>1001</v></c><c r="B5" s="1"><v>46054.75</v></c><c r="C5"><f>-69/2</f><v>-34.5</v></c>'
    '<c r="D5" t="str"><f>"R-"&amp;3</f><v>R-3</v></c></row>'
    '<row r="6"><c r="A6" t="s"><v>8</v></c><c r="B6" s="1"><v>46055</v></c><c r="C6" t="e"><v>#N/A</v></c>'
    '<c r="D6" t="inlineStr"><is><t>R-4</t></is></c></row>'
    '<row r="7"><c r="A7" t="s"><v>9</v></c><c r="C7"><v>5</v></c><c r="B7" s="1"><v>46056</v></c></row>')
RAW_SHEET = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c><c r="B2"><v>46023</v></c><c r="C2"><v>5</v></c></row>')
workbook("orders.xlsx", [("Bestellungen", ORDERS_SHEET), ("Rohdaten", RAW_SHEET)], ORDERS_SHARED)

workbook("orders-1904.xlsx", [("Sheet1",
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>44561</v></c><c r="C2"><v>12</v></c></row>')],
    ["customer", "date", "amount", "M1"], date1904=True)

workbook("empty-sheet.xlsx", [("Leer", "")], [])

# A sheet whose XML breaks off on its second line (a damaged download).
workbook("broken.xlsx", [("Sheet1", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>\n<row r="2"><c r="A2"')], ["customer"])

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as z:
    z.writestr(zipfile.ZipInfo("orders.csv", date_time=(2026, 1, 1, 0, 0, 0)), "customer,date,amount\n")
write("not-a-workbook.zip", buffer.getvalue())


def raw_zip(entries):
    """A ZIP archive written field by field: entries are (name, raw deflate bytes, unpacked size)."""
    out, directory = b"", b""
    for name, packed, size in entries:
        offset = len(out)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(packed), size, len(name), 0)
        out += header + name.encode() + packed
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(packed), size,
                                 len(name), 0, 0, 0, 0, 0, offset) + name.encode()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    return out + directory + end


def deflate(text):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(text.encode()) + compressor.flush()


# A workbook whose sheet's deflate stream is cut short while the directory is intact
# (the directory gives the short size): it must be refused, not read forever.
SHEET = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         + "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>C{r}</t></is></c></row>' for r in range(1, 400))
         + "</sheetData></worksheet>")
WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
write("truncated.xlsx", raw_zip([("xl/workbook.xml", deflate(WORKBOOK), len(WORKBOOK)),
                                 ("xl/worksheets/sheet1.xml", deflate(SHEET)[:200], len(SHEET))]))

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype", date_time=(2026, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr(zipfile.ZipInfo("content.xml", date_time=(2026, 1, 1, 0, 0, 0)), "<office:document-content/>")
write("spreadsheet.ods", buffer.getvalue())

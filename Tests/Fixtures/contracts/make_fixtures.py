#!/usr/bin/env python3
"""Writes the workbook fixtures of the contract and survey readers (run once; the files are committed).

    python3 Tests/Fixtures/contracts/make_fixtures.py
"""
import datetime
import os

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Verträge"
sheet.append(["Vertragsnummer", "Kundennummer", "Vertragsbeginn", "Vertragsende", "monatlicher Betrag"])
sheet.append(["V-1", "K-1", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), 99.5])
sheet.append(["V-2", "K-2", datetime.date(2026, 2, 15), None, 250])
sheet.append(["V-3", "K-3", datetime.date(2026, 3, 1), datetime.date(2026, 2, 28), 10])
book.save(os.path.join(here, "contracts.xlsx"))

book = openpyxl.Workbook()
sheet = book.active
sheet.append(["customer_id", "survey_date", "score"])
sheet.append(["K-1", datetime.date(2026, 3, 2), 10])
sheet.append(["K-2", datetime.date(2026, 3, 3), 7.0])
sheet.append(["K-3", datetime.date(2026, 3, 4), 8.5])
book.save(os.path.join(here, "answers.xlsx"))

#!/usr/bin/env python3
"""Parses a message with Python's standard email package and prints what it found as JSON,
for CohortMailTests to compare with what was put in: structure, decoded headers, text and
HTML, inline parts and attachments (bytes in base64), and every defect the parser noted.

    parse_message.py MESSAGE.eml
"""
import base64
import email
import email.policy
import json
import sys


def structure(part):
    if part.is_multipart():
        return "%s(%s)" % (part.get_content_type(), ",".join(structure(p) for p in part.iter_parts()))
    return part.get_content_type()


def text_of(part):
    """The decoded text with "\n" line ends (the parser keeps the message's CRLF)."""
    return part.get_content().replace("\r\n", "\n") if part is not None else None


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)

    defects = []
    inline, attachments = [], []
    for part in message.walk():
        defects += ["%s: %s" % (part.get_content_type(), type(d).__name__) for d in part.defects]
        for name, value in part.items():
            defects += ["%s: %s" % (name, type(d).__name__) for d in getattr(value, "defects", ())]
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        if disposition in ("inline", "attachment"):
            entry = {
                "type": part.get_content_type(),
                "filename": part.get_filename(),
                "content_id": part["Content-ID"],
                "data": base64.b64encode(part.get_payload(decode=True)).decode(),
            }
            (inline if disposition == "inline" else attachments).append(entry)

    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    print(json.dumps({
        "structure": structure(message),
        "subject": str(message["Subject"]),
        "from": [str(a) for a in message["From"].addresses],
        "to": [str(a) for a in message["To"].addresses] if message["To"] else [],
        "to_addresses": [a.addr_spec for a in message["To"].addresses] if message["To"] else [],
        "date": message["Date"].datetime.isoformat() if message["Date"] else None,
        "message_id": message["Message-ID"],
        "mime_version": message["MIME-Version"],
        "text": text_of(text),
        "html": text_of(html),
        "inline": inline,
        "attachments": attachments,
        "defects": defects,
    }))


if __name__ == "__main__":
    main()

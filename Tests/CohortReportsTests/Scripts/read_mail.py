#!/usr/bin/env python3
"""Reads report.eml with Python's standard email package and prints what a mail program
would find, as JSON, for the tests to compare with the report: structure, decoded headers,
the plain text, the HTML and its visible text, every src/href of the HTML, the inline images
(Content-ID and PNG size) and the attachments (bytes in base64), and every defect the parser
noted.

    read_mail.py MESSAGE.eml
"""
import base64
import email
import email.policy
import json
import struct
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    """The visible text of an HTML body (without head, style and title), every URL it refers
    to, the lang attribute, and the names of tags a mail program does not run or load."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.urls, self.tags, self.lang = [], [], set(), None
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag in ("head", "style", "title", "script"):
            self.hidden += 1
        for name in ("src", "href", "background"):
            if attributes.get(name):
                self.urls.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in ("head", "style", "title", "script"):
            self.hidden -= 1

    def handle_data(self, data):
        if self.hidden == 0:
            self.text.append(data)


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return list(struct.unpack(">II", data[16:24]))


def structure(part):
    if part.is_multipart():
        return "%s(%s)" % (part.get_content_type(), ",".join(structure(p) for p in part.iter_parts()))
    return part.get_content_type()


def main():
    with open(sys.argv[1], "rb") as f:
        message = email.message_from_bytes(f.read(), policy=email.policy.default)

    defects, images, attachments = [], [], []
    for part in message.walk():
        defects += ["%s: %s" % (part.get_content_type(), type(d).__name__) for d in part.defects]
        for name, value in part.items():
            defects += ["%s: %s" % (name, type(d).__name__) for d in getattr(value, "defects", ())]
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        data = part.get_payload(decode=True)
        if disposition == "inline":
            images.append({"type": part.get_content_type(), "filename": part.get_filename(),
                           "content_id": part["Content-ID"], "size": png_size(data), "bytes": len(data)})
        elif disposition == "attachment":
            attachments.append({"type": part.get_content_type(), "filename": part.get_filename(),
                                "data": base64.b64encode(data).decode()})

    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    html_source = html.get_content() if html is not None else ""
    page = Page()
    page.feed(html_source)
    print(json.dumps({
        "structure": structure(message),
        "subject": str(message["Subject"]),
        "from": [a.addr_spec for a in message["From"].addresses],
        "from_names": [a.display_name for a in message["From"].addresses],
        "to": [a.addr_spec for a in message["To"].addresses] if message["To"] else [],
        "x_unsent": message["X-Unsent"],
        "date": message["Date"].datetime.isoformat() if message["Date"] else None,
        "message_id": message["Message-ID"],
        "text": text.get_content().replace("\r\n", "\n") if text is not None else None,
        "html": html_source.replace("\r\n", "\n"),
        "html_text": " ".join(" ".join(page.text).split()),
        "html_lang": page.lang,
        "html_urls": page.urls,
        "html_tags": sorted(page.tags),
        "images": images,
        "attachments": attachments,
        "defects": defects,
    }))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for CohortMailTests.

Prints "PORT <n>" once it listens on a free port, and runs until its standard input closes
(the test process ends or stops it). Each message it accepts is written to the spool folder
as <n>.eml (the bytes received after DATA, dot-stuffing undone) and <n>.json (envelope,
login, TLS).

    smtp_server.py --spool DIR [--auth USER:PASSWORD [--only-login]] [--tls CERT KEY]
                   [--refuse DOMAIN] [--no-ehlo] [--size-limit BYTES]
"""
import argparse
import asyncio
import json
import os
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Spool:
    def __init__(self, folder, refuse):
        self.folder = folder
        self.refuse = refuse
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and address.lower().endswith("@" + self.refuse):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml.part", "wb") as f:
            f.write(envelope.original_content)
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode()
        with open(base + ".json", "w") as f:
            json.dump({
                "mail_from": envelope.mail_from,
                "mail_options": envelope.mail_options,
                "rcpt_tos": envelope.rcpt_tos,
                "login": login,
                "tls": session.ssl is not None,
                "helo": session.host_name,
            }, f)
        os.rename(base + ".eml.part", base + ".eml")
        return "250 2.0.0 Ok: queued as %d" % self.count


class NoEHLO(SMTP):
    """An RFC 821 server: EHLO is an unknown command."""
    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.2 Error: command not recognized")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--auth")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--refuse")
    parser.add_argument("--no-ehlo", action="store_true")
    parser.add_argument("--only-login", action="store_true")
    parser.add_argument("--size-limit", type=int)
    options = parser.parse_args()

    handler = Spool(options.spool, options.refuse)
    settings = {"hostname": "smtp.test", "ident": "cohort-test-smtpd"}
    if options.size_limit:
        settings.update(data_size_limit=options.size_limit)
    if options.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.tls[0], options.tls[1])
        settings.update(tls_context=context, require_starttls=True)
    if options.auth:
        user, password = options.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login.decode() == user and auth_data.password.decode() == password)
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        settings.update(authenticator=authenticator, auth_required=True,
                        auth_require_tls=bool(options.tls),
                        auth_exclude_mechanism=["PLAIN"] if options.only_login else None)
    protocol = NoEHLO if options.no_ehlo else SMTP

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(lambda: protocol(handler, **settings), host="127.0.0.1", port=0))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)

    def wait_for_end_of_input():
        sys.stdin.buffer.read()
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=wait_for_end_of_input, daemon=True).start()
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()

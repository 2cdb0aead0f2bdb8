/// The Python side of `MailSink`, written to the sink's temporary directory at start.
///
/// Kept as a string rather than a resource file so the support target needs no resource bundle
/// and the helper can be copied into another test target as is.
enum MailSinkScript {
    static let source = #"""
        """Test SMTP sink: an aiosmtpd server on 127.0.0.1 that stores every accepted message as JSON.

        Prints the chosen port on stdout once it accepts connections and stops when stdin closes,
        so it never outlives the test process that started it.
        """
        import argparse
        import email
        import email.policy
        import json
        import os
        import ssl
        import sys

        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword


        class EphemeralPortController(Controller):
            """Binds port 0 and learns the kernel's choice before the readiness probe, so tests never race for a port."""

            def _trigger_server(self):
                self.port = self.server.sockets[0].getsockname()[1]
                super()._trigger_server()


        class Handler:
            """Answers RCPT by domain (reject.test: 550, later.test: 451) and saves each accepted message."""

            def __init__(self, directory):
                self.directory = directory
                self.count = 0

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.endswith("@reject.test"):
                    return f"550 5.1.1 <{address}>: recipient rejected"
                if address.endswith("@later.test"):
                    return f"451 4.3.0 <{address}>: try again later"
                envelope.rcpt_tos.append(address)
                return "250 2.1.5 OK"

            async def handle_DATA(self, server, session, envelope):
                raw = envelope.original_content
                message = email.message_from_bytes(raw, policy=email.policy.default)
                self.count += 1
                record = {
                    "envelopeFrom": envelope.mail_from,
                    "envelopeRecipients": envelope.rcpt_tos,
                    "headers": [[name, str(value)] for name, value in message.items()],
                    "subject": str(message.get("subject", "")),
                    "from": str(message.get("from", "")),
                    "to": str(message.get("to", "")),
                    "text": body(message, "plain"),
                    "html": body(message, "html"),
                    "raw": raw.decode("utf-8", "replace"),
                    "overTLS": session.ssl is not None,
                    "authenticatedAs": session.auth_data,
                    "peer": "%s:%s" % session.peer[:2],
                }
                name = os.path.join(self.directory, f"{self.count:06d}")
                with open(name + ".tmp", "w", encoding="utf-8") as file:
                    json.dump(record, file)
                os.replace(name + ".tmp", name + ".json")
                return "250 2.0.0 OK: queued"


        class RefusingEHLOHandler(Handler):
            """A server that only speaks HELO, like some old appliances."""

            async def handle_EHLO(self, server, session, envelope, hostname, responses):
                return ["502 5.5.1 EHLO not implemented"]


        def body(message, subtype):
            part = message.get_body((subtype,))
            if part is None:
                return None
            return part.get_content().replace("\r\n", "\n")


        def authenticator(username, password):
            def check(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login == username.encode() \
                    and auth_data.password == password.encode()
                return AuthResult(success=ok, handled=False, auth_data=username if ok else None)
            return check


        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("--directory", required=True)
            parser.add_argument("--cert")
            parser.add_argument("--key")
            parser.add_argument("--username")
            parser.add_argument("--password")
            parser.add_argument("--auth-over-plaintext", action="store_true")
            parser.add_argument("--exclude-auth", action="append", default=[])
            parser.add_argument("--refuse-ehlo", action="store_true")
            args = parser.parse_args()

            options = {}
            if args.cert:
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(args.cert, args.key)
                options.update(tls_context=context, require_starttls=True)
            if args.username:
                options.update(
                    authenticator=authenticator(args.username, args.password),
                    auth_required=True,
                    auth_require_tls=not args.auth_over_plaintext,
                    auth_exclude_mechanism=args.exclude_auth,
                )
            handler = (RefusingEHLOHandler if args.refuse_ehlo else Handler)(args.directory)
            controller = EphemeralPortController(handler, hostname="127.0.0.1", port=0, **options)
            controller.start()
            print(controller.port, flush=True)
            sys.stdin.read()
            controller.stop()


        if __name__ == "__main__":
            main()
        """#
}

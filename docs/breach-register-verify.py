#!/usr/bin/env python3
"""Reference verifier of a Vigie breach register export, written from docs/breach-register-format.md
alone (Python 3.6+, standard library only). Usage: python3 breach-register-verify.py FOLDER
Exit status 0 when every event's hash, every link, every attached file and the head check."""
import hashlib
import json
import os
import re
import sys

EVENT_DOMAIN = b"vigie/breach-register/event/v1\n"
HEAD_DOMAIN = b"vigie/breach-register/head/v1\n"
DATED_HEAD_DOMAIN = b"vigie/breach-register/head/v2\n"
TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")


def fail(message):
    print("BROKEN: " + message)
    sys.exit(1)


def main(folder):
    prev = bytes(32)
    count = 0
    with open(os.path.join(folder, "events.jsonl"), "rb") as lines:
        for n, raw in enumerate(lines, start=1):
            line = json.loads(raw.decode("utf-8"))
            body = line["body"].encode("utf-8")
            event = json.loads(body.decode("utf-8"))
            if line["seq"] != n or event["seq"] != n:
                fail("the event at position %d is numbered %s" % (n, line["seq"]))
            if event["breach"] != line["breach"] or not TIME.match(event["at"]):
                fail("event %d: its breach or its time does not read" % n)
            if bytes.fromhex(line["prev"]) != prev:
                fail("event %d does not follow the event before it" % n)
            length = len(body).to_bytes(8, "big")
            digest = hashlib.sha256(EVENT_DOMAIN + prev + length + body).digest()
            if digest.hex() != line["hash"]:
                fail("event %d was changed after it was recorded" % n)
            change = event["change"]
            if isinstance(change, dict) and "Attached" in change:
                sha256 = change["Attached"]["sha256"]
                with open(os.path.join(folder, "files", sha256), "rb") as attached:
                    if hashlib.sha256(attached.read()).hexdigest() != sha256:
                        fail("event %d: the attached file %s was changed" % (n, sha256))
            prev = digest
            count = n
    lines = ("count: %d\nhash: %s\n" % (count, prev.hex())).encode("ascii")
    with open(os.path.join(folder, "head.txt"), "rb") as f:
        written = f.read()
    dated = ""
    if written.startswith(DATED_HEAD_DOMAIN + lines):
        date = written[len(DATED_HEAD_DOMAIN + lines):].decode("ascii", "replace")
        if not re.match(r"^signed_at: [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\n\Z", date):
            fail("head.txt: its date does not read")
        dated = ", signed at " + date[len("signed_at: "):-1]
    elif written != HEAD_DOMAIN + lines:
        fail("head.txt is not the head of these events (events cut off, added or rewritten)")
    print("OK: %d events, head %s%s" % (count, prev.hex(), dated))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

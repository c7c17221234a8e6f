#!/usr/bin/env python3
"""Fails when a .ts file has a message without a finished translation, and lists them."""
import sys
import xml.etree.ElementTree as ET

missing = 0
total = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            unfinished = translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
            if unfinished or not text:
                missing += 1
                print(f"{path}: {name}: untranslated: {message.findtext('source')!r}")
    print(f"{path}: {total} messages")
if missing:
    print(f"{missing} messages lack a translation", file=sys.stderr)
    sys.exit(1)

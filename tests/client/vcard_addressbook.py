# SPDX-License-Identifier: MIT
"""An address book reads what `colleagues export-vcard` writes.

The address-book side is python3-vobject (Debian's vCard parser, used by address-book
programs), not our own reader: every card of a few searches over the fixture directory must
parse, and its name, e-mail, phone, title, department, place, skills and interests must be the
fixture's. Usage: vcard_addressbook.py COLLEAGUES_BINARY FIXTURE_CSV
"""
import csv
import subprocess
import sys
import tempfile

import vobject


def main():
    binary, fixture = sys.argv[1], sys.argv[2]
    with open(fixture, newline="", encoding="utf-8") as f:
        people = {row["display_name"]: row for row in csv.DictReader(f)}

    failures = []
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([binary, "--data-dir", data, "import-csv", fixture], check=True, capture_output=True)
        seen = set()
        for query in ["skill:kubernetes", "london", "designer", "c++", "zoe"]:
            out = subprocess.run([binary, "--data-dir", data, "export-vcard", query],
                                 check=True, capture_output=True).stdout
            cards = list(vobject.readComponents(out.decode("utf-8")))
            if not cards:
                failures.append(f"{query}: no card parsed")
            for card in cards:
                name = card.fn.value
                row = people.get(name)
                if row is None:
                    failures.append(f"{query}: a card for {name!r}, who is not in the fixture")
                    continue
                seen.add(name)
                check = lambda what, got, want: got == want or failures.append(
                    f"{name}: {what} is {got!r}, the directory says {want!r}")
                contents = card.contents
                value = lambda key: contents[key][0].value if key in contents else ""
                check("version", value("version"), "4.0")
                check("e-mail", value("email"), row["email"])
                check("phone", value("tel"), row["phone"])
                check("title", value("title"), row["title"])
                org = contents["org"][0].value if "org" in contents else ["", ""]
                check("department", org[1] if len(org) > 1 else "", row["department"])
                check("time zone", value("tz"), row["timezone"])
                check("bio", value("note"), row["bio"])
                skills = [(e.value, e.params.get("LEVEL", [""])[0]) for e in contents.get("expertise", [])]
                want = []
                for item in filter(None, row["skills"].split(";")):
                    skill, _, level = item.partition(":")
                    level = int(level or 3)
                    want.append((skill, "expert" if level >= 4 else "average" if level == 3 else "beginner"))
                check("skills", skills, want)
                interests = [i.value for i in contents.get("interest", [])]
                check("interests", interests, [i for i in row["interests"].split(";") if i])
        if len(seen) < 4:
            failures.append(f"only {len(seen)} different people exported: {sorted(seen)}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(seen)} people read back by vobject {vobject.VERSION if hasattr(vobject, 'VERSION') else ''}".strip())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

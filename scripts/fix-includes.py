#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rewrites every project #include "..." to its path from the include root.

The include roots are app/ (core/, client/, demo/) and the repository root (ui/, server/,
tests/, bench/), so an include always names its folder: "client/sync/ApiError.h" and
"server/http/ApiError.h" can no longer stand for each other. Run after moving a file:
    scripts/fix-includes.py [--check]
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AREAS = ["app", "ui", "server", "tests", "bench"]
HEADER_EXT = (".h", ".hpp")
SOURCE_EXT = (".h", ".hpp", ".cpp", ".cc")
INCLUDE = re.compile(r'^(\s*#\s*include\s*)"([^"]+)"', re.M)


def include_path(rel):
    return rel[len("app/"):] if rel.startswith("app/") else rel


def walk():
    for area in AREAS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, area)):
            dirnames[:] = [d for d in dirnames if d not in ("corpus", "fixtures")]
            for name in filenames:
                yield os.path.relpath(os.path.join(dirpath, name), ROOT)


def main():
    check = "--check" in sys.argv
    files = list(walk())
    by_name = {}
    for rel in files:
        if rel.endswith(HEADER_EXT):
            by_name.setdefault(os.path.basename(rel), []).append(include_path(rel))
    changed = []
    unresolved = []
    for rel in files:
        if not rel.endswith(SOURCE_EXT):
            continue
        path = os.path.join(ROOT, rel)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        mine = include_path(rel)

        def resolve(m):
            target = m.group(2)
            candidates = by_name.get(os.path.basename(target), [])
            if target in candidates:
                return m.group(0)
            if not candidates:
                return m.group(0)  # a generated or system header (moc, ui_, config)
            if len(candidates) > 1:
                # The one nearest the includer: the longest shared folder prefix.
                def shared(c):
                    a, b = c.split("/")[:-1], mine.split("/")[:-1]
                    n = 0
                    while n < min(len(a), len(b)) and a[n] == b[n]:
                        n += 1
                    return n
                best = sorted(candidates, key=shared, reverse=True)
                if shared(best[0]) == shared(best[1]):
                    unresolved.append(f"{rel}: {target} ({', '.join(candidates)})")
                    return m.group(0)
                candidates = best[:1]
            return f'{m.group(1)}"{candidates[0]}"'

        new = INCLUDE.sub(resolve, text)
        if new != text:
            changed.append(rel)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    for u in unresolved:
        print("ambiguous:", u, file=sys.stderr)
    for c in changed:
        print(("needs fixing: " if check else "fixed: ") + c)
    return 1 if (unresolved or (check and changed)) else 0


if __name__ == "__main__":
    sys.exit(main())

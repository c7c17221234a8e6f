#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-complete.sh LUPDATE SOURCE_DIR TS... : refreshes a copy of each .ts from the current
# sources and fails if any message lacks a translation.
set -euo pipefail
lupdate=$1
src=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t sources < <(find "$src/ui" "$src/app/client" -name '*.cpp' -o -name '*.h'; echo "$src/app/main.cpp")
for ts in "$@"; do
    cp "$ts" "$work/"
    "$lupdate" -no-obsolete -locations none -silent -I "$src" -I "$src/app" "${sources[@]}" -ts "$work/$(basename "$ts")" 2>/dev/null
done
python3 "$src/translations/check.py" "$work"/*.ts

#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (run after changing user-visible strings),
# then lists the strings that still need a translation.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target colleagues_lupdate
python3 translations/check.py translations/*.ts

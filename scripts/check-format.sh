#!/usr/bin/env bash
# Fails when a C++ file does not match .clang-format. With --fix, reformats in place.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | grep -v '^tests/fuzz/corpus/' || true)
if ((${#files[@]} == 0)); then
    exit 0
fi
if [[ "${1:-}" == "--fix" ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/colleagues-format.log; then
    head -40 /tmp/colleagues-format.log
    echo "check-format: files above differ from .clang-format; run scripts/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted correctly"

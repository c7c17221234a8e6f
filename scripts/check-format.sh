#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a C++ file does not match .clang-format, lacks its SPDX line, or includes a project
# header without its folder from the include root. With --fix, reformats and rewrites includes.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | grep -v '^tests/fuzz/corpus/' || true)
if ((${#files[@]} == 0)); then
    exit 0
fi
if [[ "${1:-}" == "--fix" ]]; then
    python3 scripts/fix-includes.py
    clang-format -i "${files[@]}"
    exit 0
fi
missing_spdx=()
for f in "${files[@]}"; do
    head -3 "$f" | grep -q 'SPDX-License-Identifier:' || missing_spdx+=("$f")
done
if ((${#missing_spdx[@]} > 0)); then
    printf '%s\n' "${missing_spdx[@]}" >&2
    echo "check-format: the files above lack an SPDX-License-Identifier line" >&2
    exit 1
fi
if ! python3 scripts/fix-includes.py --check; then
    echo "check-format: includes must name their folder; run scripts/check-format.sh --fix" >&2
    exit 1
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/colleagues-format.log; then
    head -40 /tmp/colleagues-format.log
    echo "check-format: files above differ from .clang-format; run scripts/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted correctly"

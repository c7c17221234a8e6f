#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up a fresh Debian 12 machine, builds Colleagues twice (normal and
# AddressSanitizer+UBSan) and runs the whole test suite in both builds.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
source scripts/postgres-env.sh

jobs=$(nproc)
scripts/check-format.sh

# lld links the hundred-odd test and tool executables of each build much faster than ld.bfd.
link=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${link[@]}"
cmake --build build -j "$jobs"

# -O1 keeps the sanitized suite fast enough for the long-running server and sync tests.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" \
    -DCOLLEAGUES_SANITIZE=ON -DCOLLEAGUES_BUILD_BENCH=OFF "${link[@]}"
cmake --build build-asan -j "$jobs"

# libFuzzer harnesses need clang; each runs briefly from its committed seed corpus.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCOLLEAGUES_FUZZ=ON
cmake --build build-fuzz -j "$jobs"

# Tests that need a Secret Service (the keychain) get one: a private D-Bus session with
# gnome-keyring unlocked by a throwaway password.
scripts/with-keyring.sh bash -c '
    set -euo pipefail
    echo "== tests: normal build"
    ctest --test-dir build --output-on-failure -j '"$jobs"'
    echo "== tests: fuzzing (libFuzzer, ${COLLEAGUES_FUZZ_SECONDS:-30} s each)"
    ctest --test-dir build-fuzz --output-on-failure -j '"$jobs"'
    echo "== tests: AddressSanitizer + UndefinedBehaviorSanitizer build"
    ctest --test-dir build-asan --output-on-failure -j '"$jobs"'
'

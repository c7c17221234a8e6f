#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the PNG sizes of the app icon from colleagues.svg (needs librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || apt-get install -y -qq librsvg2-bin
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" colleagues.svg -o "hicolor/${size}x${size}/apps/colleagues.png"
done

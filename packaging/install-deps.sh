#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs exactly the Debian 12 packages Colleagues needs to build, test and run.
# Idempotent: packages already present are skipped. Runs as root, or through sudo.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git clang clang-format libclang-rt-14-dev python3
    lld  # links the test suite's many executables several times faster than ld.bfd
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev qt6-svg-dev libqt6opengl6-dev  # org chart, team overview and skill map (Qt Charts needs Qt OpenGL's CMake files)
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev qt6-qpa-plugins
    # libraries
    libargon2-dev qtkeychain-qt6-dev libsqlite3-dev
    libturbojpeg0-dev libpng-dev  # the server decodes photos without Qt Gui
    zlib1g-dev  # gzip for large answers (sync pages)
    libdeflate-dev  # colleagues-load inflates its clients' pages with it (bench/load)
    libldap-dev  # the company directory: ldap-sync and sign-in by bind
    tzdata  # time zones: local times, and regions in search ("in europe")
    # services and tools used by tests, benchmarks and the demo
    postgresql postgresql-client slapd ldap-utils openssl ca-certificates curl
    gnome-keyring dbus dbus-x11 libsecret-tools
    xvfb xauth imagemagick x11-utils
    fonts-noto-cjk  # the demo company's Japanese, Chinese and Korean names (DejaVu has no CJK glyphs)
    python3-vobject  # an address book that reads the exported contacts
    desktop-file-utils appstream lintian dpkg-dev fakeroot file
    wrk nginx-light hyperfine
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

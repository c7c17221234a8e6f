#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring
# Secret Service, so keychain code is exercised for real. Used by tests and CI.
set -euo pipefail
if [[ "${COLLEAGUES_IN_KEYRING:-}" == 1 ]]; then
    exec "$@"
fi
export COLLEAGUES_IN_KEYRING=1
exec dbus-run-session -- bash -c '
    set -euo pipefail
    export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
    eval "$(printf "colleagues-test\n" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    exec "$@"
' bash "$@"

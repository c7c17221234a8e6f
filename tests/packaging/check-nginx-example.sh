#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks the nginx example's syntax with `nginx -t`, inside a throwaway configuration
# with a self-signed certificate at the paths the example names.
set -euo pipefail
example=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=colleagues.example.com \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/ssl/certs/colleagues.example.com.pem#$work/cert.pem#" \
    -e "s#/etc/ssl/private/colleagues.example.com.key#$work/key.pem#" \
    -e "s#/var/log/nginx/#$work/#" "$example" > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log $work/access.log;
    client_body_temp_path $work;
    proxy_temp_path $work;
    include $work/site.conf;
}
CONF
nginx -t -p "$work" -c "$work/nginx.conf"

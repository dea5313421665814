#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing, so `npm test` works on a clean machine.
# Test tools never download a browser of their own here.
set -eu
browser="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
echo "Chromium not found at $browser; installing Debian's chromium package..."
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "Installed $("$browser" --version)"

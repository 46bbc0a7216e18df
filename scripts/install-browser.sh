#!/usr/bin/env bash
# Installs Debian's Chromium and its matching ChromeDriver for the Selenium tests
# (webapp-example). Idempotent: does nothing when both binaries are already present.
# Debian ships chromium and chromium-driver from the same source package, so their
# versions always match (Selenium Manager is never needed).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "chromium and chromedriver already installed:"
  "$CHROMIUM" --version 2>/dev/null || true
  "$CHROMEDRIVER" --version 2>/dev/null || true
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "ERROR: $CHROMIUM or $CHROMEDRIVER is missing and this script is not running as root," >&2
  echo "       and sudo is not available. As root, run:" >&2
  echo "         apt-get update && apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ERROR: apt-get not found; install Chromium and a matching ChromeDriver at" >&2
  echo "       $CHROMIUM and $CHROMEDRIVER by hand." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  chromium chromium-driver fonts-dejavu-core   # a font, so screenshots show text on bare images
echo "Installed in $(( $(date +%s) - start )) s:"
"$CHROMIUM" --version
"$CHROMEDRIVER" --version

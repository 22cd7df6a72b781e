#!/usr/bin/env bash
# Debian's Chromium for kg's real-browser tests (never a browser downloaded by a test tool).
#   scripts/chromium.sh   prints the path of a Chromium, installing Debian's package first when missing
# KG_CHROMIUM names another binary. Installing needs root or sudo (apt-get).
set -euo pipefail
path="${KG_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$path" ]]; then echo "$path"; exit 0; fi
if [[ -n "${KG_CHROMIUM:-}" ]]; then echo "kg/chromium: KG_CHROMIUM=$path is not an executable" >&2; exit 1; fi
sudo_=""; [[ $(id -u) -eq 0 ]] || sudo_="sudo"
echo "kg/chromium: installing Debian's chromium (apt-get install chromium) for the browser tests" >&2
$sudo_ apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium >/dev/null
[[ -x "$path" ]] || { echo "kg/chromium: apt-get installed chromium but $path is missing" >&2; exit 1; }
echo "$path"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds libmas and MAS Inspector and opens the Inspector on a built-in demo system (ring leader
# election on the in-process LocalQueue network). Arguments go to the Inspector, e.g.
#   ./run.sh --demo contract-net --agents 7
# Without a display it renders one screenshot (build/inspector-demo.png) and exits.
set -euo pipefail
cd "$(dirname "$0")"

source installer/debian-deps.sh
mas_install_missing_packages

preset="${MAS_PRESET:-dev}"

if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
fi
cmake --build --preset "$preset" --target mas_inspector
inspector="build/$preset/app/inspector/mas-inspector"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display: rendering the Inspector into build/inspector-demo.png instead." >&2
    exec "$inspector" -platform offscreen --screenshot build/inspector-demo.png --steps 40 "$@"
fi
exec "$inspector" --demo leader-election "$@"

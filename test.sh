#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds libmas and runs the whole test suite headless. Exits non-zero on any failure.
#   ./test.sh                 # the dev (Debug) preset
#   MAS_PRESET=asan ./test.sh # under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")"

source installer/debian-deps.sh
mas_install_missing_packages

preset="${MAS_PRESET:-dev}"
export QT_QPA_PLATFORM=offscreen

if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
fi
cmake --build --preset "$preset"
ctest --preset "$preset"

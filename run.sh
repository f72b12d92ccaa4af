#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds libmas and runs the main job. Until MAS Inspector exists this is the wire tour:
# the seed README's channel, RPC and agent messages framed and encoded with every codec.
set -euo pipefail
cd "$(dirname "$0")"

source installer/debian-deps.sh
mas_install_missing_packages

preset="${MAS_PRESET:-dev}"

if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset"
fi
cmake --build --preset "$preset" --target mas_wire_tour
exec "build/$preset/examples/wire_tour/mas_wire_tour" "$@"

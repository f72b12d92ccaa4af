#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages needed to build and test libmas, but only those missing.
# Sourced by run.sh and test.sh; safe to run on its own.
set -euo pipefail

mas_debian_packages=(
    g++ cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins libgl-dev
    qcoro-qt6-dev libmsgpack-cxx-dev libblosc-dev libssl-dev openssl
    libgtest-dev libbenchmark-dev libzmq3-dev
    dpkg-dev file desktop-file-utils appstream groff-base
)

mas_install_missing_packages() {
    local missing=()
    local pkg
    for pkg in "${mas_debian_packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    mas_install_missing_packages
fi

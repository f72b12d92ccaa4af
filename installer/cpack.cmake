# SPDX-License-Identifier: MIT
# The installers, made by CPack from the install rules (installer/install.cmake):
#   Linux:   DEB and TGZ       cmake --preset package && cmake --build --preset package
#                              && cpack --preset package    (or installer/test-deb.sh)
#   Windows: NSIS and ZIP      cpack -G NSIS    (written; not built or tested here)
#   macOS:   DragNDrop (DMG)   cpack -G DragNDrop    (written; not built or tested here)
# Included by the top-level CMakeLists.txt after installer/install.cmake.

set(CPACK_PACKAGE_NAME "${MAS_PACKAGE_NAME}")
set(CPACK_PACKAGE_VENDOR "The libmas authors")
set(CPACK_PACKAGE_CONTACT "The libmas authors <libmas@example.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "MAS Inspector, the mas command and libmas: multi-agent systems on Qt 6")
set(CPACK_PACKAGE_DESCRIPTION
    "MAS Inspector runs multi-agent systems on an in-process network and delivers their messages
one at a time: a sequence diagram, the agents' states and every message's content. It has
teaching demos (leader election, echo, ping-pong, Contract Net, two-phase commit), finds races
by exploring delivery orders, and attaches to running agent hosts. The mas command calls aiomas
services and agents, hosts agents from plug-ins and explores interleavings in scripts. libmas
is the C++20/Qt 6 library underneath, wire-compatible with Python aiomas.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MAS Inspector")
set(CPACK_PACKAGE_EXECUTABLES "mas-inspector;MAS Inspector") # start menu entry (NSIS)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")
set(CPACK_PACKAGE_CHECKSUM SHA256)

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# ---- Debian (tested by installer/test-deb.sh) ----
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # mas-inspector_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# The libraries the programs link come from dpkg-shlibdeps: Qt (libqt6svg6 with the SVG image
# and icon plug-ins, libqt6network6 with the OpenSSL TLS backend, which depends on libssl3),
# QCoro, Blosc, the C++ run-time. It cannot see what Qt loads at run time from another package:
# the platform plug-ins (xcb, offscreen, ...) of qt6-qpa-plugins. installer/test-deb.sh checks
# the Depends line for all of these.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n, python3 (>= 3.9)")
# python3 -m masstep run as root leaves byte code beside the runner: prerm removes it, so that a
# purge leaves nothing behind.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/installer/linux/prerm")
# To build against libmas (the headers and the CMake package are in this package too).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-base-dev, qcoro-qt6-dev")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON) # DEBIAN/shlibs and the ldconfig trigger
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# The other generators' file name (TGZ, NSIS, ZIP, DMG): mas-inspector-0.1.0-Linux-x86_64.tar.gz.
# The TGZ holds the DEB's tree below /usr, relocatable (RUNPATH $ORIGIN/...).
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")

# ---- Windows: NSIS (written; not built or tested here) ----
set(CPACK_NSIS_PACKAGE_NAME "MAS Inspector ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "MAS Inspector")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/mas-inspector.ico")
set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/resources/icons/mas-inspector.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mas-inspector.exe") # Add/Remove Programs
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put bin\ (mas.exe) on the PATH
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "mas-inspector.exe")
# CPack's NSIS template adds Uninstall.exe, its start menu entry and the Add/Remove Programs
# entry; CPACK_PACKAGE_EXECUTABLES above adds the start menu entry of MAS Inspector.

# ---- macOS: a disk image with the app bundle (written; not built or tested here) ----
set(CPACK_DMG_VOLUME_NAME "MAS Inspector ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
if(APPLE)
    # DragNDrop: the volume's icon (NSIS would take this variable for a header BMP instead).
    set(CPACK_PACKAGE_ICON "${PROJECT_SOURCE_DIR}/resources/icons/mas-inspector.icns")
endif()

include(CPack)

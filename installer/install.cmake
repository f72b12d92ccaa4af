# SPDX-License-Identifier: MIT
# What `cmake --install` (and so CPack, installer/cpack.cmake) puts where, beyond the rules that
# sit beside their targets (libmas and its CMake package in libmas/, mas-inspector and mas with
# the systemd unit in app/). Included by the top-level CMakeLists.txt after every installed target
# exists, before tests/ (tests/app/tst_masinstalled uses mas_cli_to_plugins).
#
# Installed layout (Linux; PREFIX/LIBDIR from GNUInstallDirs, e.g. /usr/lib/x86_64-linux-gnu):
#   bin/mas-inspector, bin/mas, bin/mosaik_counter
#   LIBDIR/libmas.so.*, include/mas/..., LIBDIR/cmake/Mas/       (libmas/CMakeLists.txt)
#   LIBDIR/mas/plugins/libgreeter.so, libmasdemos.so            `mas host`, `mas explore` and the
#                                                                Inspector load these by default
#   lib/systemd/system/mas-host@.service                         (app/mas/CMakeLists.txt; not enabled)
#   share/applications/org.libmas.MasInspector.desktop
#   share/metainfo/org.libmas.MasInspector.metainfo.xml
#   share/icons/hicolor/{16x16,...,256x256,scalable}/apps/org.libmas.MasInspector.{png,svg}
#   share/man/man1/mas.1.gz, mas-inspector.1.gz
#   share/doc/<package>/README.md, LICENSE, docs/*.md, docs/images/
#   lib/python3/dist-packages/masstep/                            the Python runner (docs/python.md),
#                                                                where Debian's python3 finds it
# Windows and macOS (written, not built here) follow at the end.

set(MAS_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/mas/plugins" CACHE STRING
    "Where the agent plug-ins go, relative to the prefix (mas host loads them by default)")
if(APPLE)
    # Inside the app bundle, beside the Qt plug-ins that macdeployqt adds.
    set(mas_bundle_contents "mas-inspector.app/Contents")
    set(mas_plugin_destination "${mas_bundle_contents}/PlugIns/mas")
    set(mas_cli_destination "${mas_bundle_contents}/MacOS")
else()
    set(mas_plugin_destination "${MAS_INSTALL_PLUGINDIR}")
    set(mas_cli_destination "${CMAKE_INSTALL_BINDIR}")
endif()

# ---- RPATH: installed programs find libmas relative to themselves (a relocatable tree) ----
# qt_standard_project_setup() sets CMAKE_INSTALL_RPATH to $ORIGIN:$ORIGIN/<bin to lib> for every
# target; the programs and plug-ins get exactly the one path they need.
if(APPLE)
    set(mas_origin "@loader_path")
else()
    set(mas_origin "$ORIGIN")
endif()
file(RELATIVE_PATH mas_bin_to_lib "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}"
     "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}")
file(RELATIVE_PATH mas_plugin_to_lib "${CMAKE_INSTALL_PREFIX}/${mas_plugin_destination}"
     "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}")
foreach(target IN ITEMS mas_inspector mas_cli mas_mosaik_counter_sim)
    if(TARGET ${target} AND NOT WIN32)
        set_target_properties(${target} PROPERTIES INSTALL_RPATH "${mas_origin}/${mas_bin_to_lib}")
    endif()
endforeach()

# ---- `mas host`'s default plug-in directory, relative to the mas executable ----
if(TARGET mas_cli)
    file(RELATIVE_PATH mas_cli_to_plugins "${CMAKE_INSTALL_PREFIX}/${mas_cli_destination}"
         "${CMAKE_INSTALL_PREFIX}/${mas_plugin_destination}")
    target_compile_definitions(mas_cli PRIVATE MAS_INSTALLED_PLUGIN_DIR="${mas_cli_to_plugins}")
endif()
# ... and the Inspector's, which loads the systems (the demos among them) from there.
if(TARGET mas_inspector AND NOT APPLE)
    file(RELATIVE_PATH mas_inspector_to_plugins "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}"
         "${CMAKE_INSTALL_PREFIX}/${mas_plugin_destination}")
    target_compile_definitions(mas_inspector PRIVATE MAS_INSTALLED_PLUGIN_DIR="${mas_inspector_to_plugins}")
elseif(TARGET mas_inspector)
    target_compile_definitions(mas_inspector PRIVATE MAS_INSTALLED_PLUGIN_DIR="../PlugIns/mas")
endif()

# ---- The agent plug-ins ----
foreach(target IN ITEMS mas_greeter_plugin mas_demos_plugin)
    if(TARGET ${target})
        if(NOT WIN32)
            set_target_properties(${target} PROPERTIES INSTALL_RPATH "${mas_origin}/${mas_plugin_to_lib}")
        endif()
        install(TARGETS ${target} LIBRARY DESTINATION "${mas_plugin_destination}")
    endif()
endforeach()

# ---- The reference mosaik simulator (docs/mosaik.md starts it as `mosaik_counter`) ----
if(TARGET mas_mosaik_counter_sim)
    install(TARGETS mas_mosaik_counter_sim RUNTIME DESTINATION "${mas_cli_destination}")
endif()

# ---- Desktop integration (freedesktop: Linux and the BSDs) ----
set(mas_resources "${PROJECT_SOURCE_DIR}/resources")
if(TARGET mas_inspector AND UNIX AND NOT APPLE)
    install(FILES "${mas_resources}/org.libmas.MasInspector.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${mas_resources}/org.libmas.MasInspector.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    foreach(size IN ITEMS 16 32 48 64 128 256)
        install(FILES "${mas_resources}/icons/hicolor/${size}x${size}/apps/org.libmas.MasInspector.png"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
    endforeach()
    install(FILES "${mas_resources}/icons/mas-inspector.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME org.libmas.MasInspector.svg)
endif()

# ---- Man pages (gzipped, as Debian wants them) and documentation ----
if(UNIX AND NOT APPLE)
    find_program(MAS_GZIP gzip)
    set(mas_man_pages)
    if(TARGET mas_cli)
        list(APPEND mas_man_pages mas)
    endif()
    if(TARGET mas_inspector)
        list(APPEND mas_man_pages mas-inspector)
    endif()
    foreach(page IN LISTS mas_man_pages)
        set(source "${PROJECT_SOURCE_DIR}/docs/man/${page}.1")
        if(MAS_GZIP)
            set(gzipped "${CMAKE_CURRENT_BINARY_DIR}/man/${page}.1.gz")
            add_custom_command(OUTPUT "${gzipped}"
                COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/man"
                COMMAND "${MAS_GZIP}" -9 -n -c "${source}" > "${gzipped}"
                DEPENDS "${source}" VERBATIM)
            list(APPEND mas_man_outputs "${gzipped}")
            install(FILES "${gzipped}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
        else()
            install(FILES "${source}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
        endif()
    endforeach()
    if(mas_man_outputs)
        add_custom_target(mas_man_pages ALL DEPENDS ${mas_man_outputs})
    endif()
endif()
# ---- The Python runner, `python3 -m masstep` (standard library only) ----
# Debian's python3 reads PREFIX/lib/python3/dist-packages for PREFIX /usr; elsewhere, set the
# directory to one the target Python reads (python3 -c 'import site; print(site.getsitepackages())').
if(UNIX AND NOT APPLE)
    set(MAS_INSTALL_PYTHONDIR "lib/python3/dist-packages" CACHE STRING
        "Where the Python runner masstep goes, relative to the prefix")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/python/masstep" DESTINATION "${MAS_INSTALL_PYTHONDIR}"
            FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
endif()

set(MAS_PACKAGE_NAME "mas-inspector" CACHE STRING "The name of the installer package")
# The documentation goes with the package, all of docs/ (the guides link to each other and to the
# pictures in docs/images/): the user guide, the library and porting guides, your own system,
# mosaik, deployment, security, wire compatibility (installer/test-deb.sh checks some of them).
file(GLOB mas_doc_pages "${PROJECT_SOURCE_DIR}/docs/*.md")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE" ${mas_doc_pages}
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${MAS_PACKAGE_NAME}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/images"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${MAS_PACKAGE_NAME}")

# ---- Windows and macOS: Qt's deployment tools (written; not built or tested here) ----
# qt_generate_deploy_app_script exists for these two platforms only in Qt 6.4 (Linux uses the
# distribution's Qt packages). windeployqt and macdeployqt copy the Qt libraries and the plug-ins
# of the modules used: platforms (qwindows, qcocoa), styles, imageformats and iconengines (SVG,
# through Qt SVG) and tls (the OpenSSL backend, plus Schannel / Secure Transport).
if(WIN32 AND TARGET mas_inspector)
    # A GUI program (no console window), with its icon in the executable.
    set_target_properties(mas_inspector PROPERTIES WIN32_EXECUTABLE ON)
    enable_language(RC)
    set(mas_rc "${CMAKE_CURRENT_BINARY_DIR}/mas-inspector.rc")
    file(WRITE "${mas_rc}" "// SPDX-License-Identifier: MIT\nIDI_ICON1 ICON \"${mas_resources}/icons/mas-inspector.ico\"\n")
    target_sources(mas_inspector PRIVATE "${mas_rc}")

    foreach(target IN ITEMS mas_inspector mas_cli)
        if(TARGET ${target})
            qt_generate_deploy_app_script(TARGET ${target} FILENAME_VARIABLE mas_deploy_script)
            install(SCRIPT "${mas_deploy_script}")
        endif()
    endforeach()

    # windeployqt copies Qt only: the other libraries libmas links (QCoro, Blosc) and the
    # compiler's run-time go beside the programs too.
    install(IMPORTED_RUNTIME_ARTIFACTS QCoro6::Core QCoro6::Network
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
    find_file(MAS_BLOSC_DLL NAMES blosc.dll libblosc.dll
              HINTS "${BLOSC_PREFIX}/bin" ${BLOSC_LIBRARY_DIRS} PATH_SUFFIXES ../bin)
    if(MAS_BLOSC_DLL)
        install(FILES "${MAS_BLOSC_DLL}" DESTINATION "${CMAKE_INSTALL_BINDIR}")
    else()
        message(WARNING "blosc.dll not found (set MAS_BLOSC_DLL): the installer will lack it")
    endif()
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    include(InstallRequiredSystemLibraries)

    # Qt's OpenSSL backend loads libssl and libcrypto at run time: ship them beside the programs.
    # Point OPENSSL_ROOT_DIR at an OpenSSL 3 installation (e.g. Qt's online installer's
    # Tools/OpenSSLv3/Win_x64) when configuring.
    find_package(OpenSSL 3 COMPONENTS SSL Crypto)
    set(mas_openssl_dlls)
    if(OPENSSL_FOUND)
        get_filename_component(mas_openssl_root "${OPENSSL_INCLUDE_DIR}" DIRECTORY)
        file(GLOB mas_openssl_dlls
             "${mas_openssl_root}/bin/libssl-3*.dll" "${mas_openssl_root}/bin/libcrypto-3*.dll"
             "${mas_openssl_root}/libssl-3*.dll" "${mas_openssl_root}/libcrypto-3*.dll")
    endif()
    if(mas_openssl_dlls)
        install(FILES ${mas_openssl_dlls} DESTINATION "${CMAKE_INSTALL_BINDIR}")
    else()
        message(WARNING "No OpenSSL 3 DLLs found (set OPENSSL_ROOT_DIR): the installer's TLS "
                        "will use Qt's Schannel backend, which cannot read PEM private keys")
    endif()
elseif(APPLE AND TARGET mas_inspector)
    # An app bundle "mas-inspector.app" with `mas`, the plug-ins and (through macdeployqt) Qt
    # and libmas inside; the DragNDrop image holds the bundle.
    set(mas_icns "${mas_resources}/icons/mas-inspector.icns")
    set_source_files_properties("${mas_icns}" TARGET_DIRECTORY mas_inspector
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    target_sources(mas_inspector PRIVATE "${mas_icns}")
    set_target_properties(mas_inspector PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_BUNDLE_NAME "MAS Inspector"
        MACOSX_BUNDLE_GUI_IDENTIFIER "org.libmas.MasInspector"
        MACOSX_BUNDLE_ICON_FILE "mas-inspector.icns"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_LONG_VERSION_STRING "MAS Inspector ${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "Copyright (c) 2026 The libmas authors (MIT License)"
        MACOSX_BUNDLE_INFO_STRING "MAS Inspector ${PROJECT_VERSION}")
    if(TARGET mas_cli)
        # Beside mas-inspector, where mas::SubprocessContainers looks for it.
        install(TARGETS mas_cli RUNTIME DESTINATION "${mas_cli_destination}")
    endif()
    # qt_generate_deploy_app_script would deploy the bundle alone; mas and the plug-ins inside
    # it link Qt and libmas too, so they are handed to macdeployqt as well.
    set(mas_deploy_executables "")
    foreach(target IN ITEMS mas_cli mas_mosaik_counter_sim)
        if(TARGET ${target})
            string(APPEND mas_deploy_executables " \"${mas_cli_destination}/$<TARGET_FILE_NAME:${target}>\"")
        endif()
    endforeach()
    set(mas_deploy_modules "")
    foreach(target IN ITEMS mas_greeter_plugin mas_demos_plugin)
        if(TARGET ${target})
            string(APPEND mas_deploy_modules " \"${mas_plugin_destination}/$<TARGET_FILE_NAME:${target}>\"")
        endif()
    endforeach()
    set(mas_deploy_script "${CMAKE_CURRENT_BINARY_DIR}/deploy_mas_inspector.cmake")
    file(GENERATE OUTPUT "${mas_deploy_script}" CONTENT
"include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:mas_inspector>.app\"
    ADDITIONAL_EXECUTABLES${mas_deploy_executables}
    ADDITIONAL_MODULES${mas_deploy_modules})
")
    install(SCRIPT "${mas_deploy_script}")
endif()

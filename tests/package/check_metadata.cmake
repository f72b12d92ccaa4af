# SPDX-License-Identifier: MIT
# The shipped desktop metadata passes its validators without a single remark: the desktop entry
# (desktop-file-validate), the AppStream metainfo (appstreamcli validate --no-net; pedantic notes
# such as the upper-case letters of the reverse-DNS id are allowed) and the man pages (groff,
# all warnings on). A tool that is missing skips its part; with none of them the test is skipped.
#   cmake -DSOURCE_DIR=<repository> -P check_metadata.cmake
set(desktop "${SOURCE_DIR}/resources/org.libmas.MasInspector.desktop")
set(metainfo "${SOURCE_DIR}/resources/org.libmas.MasInspector.metainfo.xml")
set(man_pages "${SOURCE_DIR}/docs/man/mas.1" "${SOURCE_DIR}/docs/man/mas-inspector.1")
set(checked 0)

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${desktop}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0 OR NOT out STREQUAL "")
        message(FATAL_ERROR "desktop-file-validate (exit ${rc}):\n${out}")
    endif()
    message(STATUS "desktop-file-validate: clean")
    math(EXPR checked "${checked} + 1")
endif()

find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --no-color "${metainfo}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    # Errors (E:), warnings (W:) and infos (I:) fail; pedantic notes (P:) do not.
    if(NOT rc EQUAL 0 OR out MATCHES "(^|\n)[EWI]: ")
        message(FATAL_ERROR "appstreamcli validate (exit ${rc}):\n${out}")
    endif()
    string(STRIP "${out}" out)
    message(STATUS "appstreamcli validate: ${out}")
    math(EXPR checked "${checked} + 1")
endif()

find_program(GROFF groff)
if(GROFF)
    foreach(page IN LISTS man_pages)
        execute_process(COMMAND "${GROFF}" -man -ww -z -Tutf8 "${page}"
                        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
        if(NOT rc EQUAL 0 OR NOT out STREQUAL "")
            message(FATAL_ERROR "groff -man -ww on ${page} (exit ${rc}):\n${out}")
        endif()
    endforeach()
    message(STATUS "groff: the man pages render without warnings")
    math(EXPR checked "${checked} + 1")
endif()

if(checked EQUAL 0)
    message(STATUS "SKIPPED: none of desktop-file-validate, appstreamcli, groff is installed")
endif()

# SPDX-License-Identifier: MIT
# Private build settings shared by all of our targets; linked PRIVATE so that
# consumers of Mas::Mas do not inherit our warnings or hygiene defines.
add_library(mas_build_settings INTERFACE)
target_compile_options(mas_build_settings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>
    $<$<AND:$<BOOL:${MAS_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang>>:-Werror>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive->)
target_compile_definitions(mas_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# The fuzz preset (tests/fuzz, docs/fuzzing.md): libFuzzer's coverage instrumentation plus
# ASan + UBSan for libmas and the fuzz targets; the fuzzers link -fsanitize=fuzzer themselves.
if(MAS_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "MAS_BUILD_FUZZERS needs clang (libFuzzer); use the fuzz preset")
    endif()
    # -fno-sanitize=function: clang 14 cannot emit its check data for coroutines that are
    # instrumented for coverage ("Cannot represent a difference across sections").
    target_compile_options(mas_build_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(mas_build_settings INTERFACE -fsanitize=address,undefined)
endif()

# mas_add_test(<name> SOURCES <files...> [LABELS <labels...>] [LIBS <targets...>] [TIMEOUT <s>]
#              [SEPARATE <test functions...>])
# Builds one QtTest executable and registers it with CTest, headless.
#
# Skips show as skipped: a QSKIP in initTestCase skips the whole executable, and CTest reports
# the test as "Skipped" (SKIP_REGULAR_EXPRESSION on QtTest's "SKIP   : <class>::initTestCase()",
# only when nothing failed). CTest can only skip a whole process, so a test function that may
# QSKIP while its siblings run is named in SEPARATE: it gets a CTest test of its own,
# <name>_<function>, running `<name> <function>` and reported "Skipped" when it skipped and
# nothing failed; the test <name> then runs all the other functions (MasRunTestFunctions.cmake
# asks the executable for them with -functions), so that each function runs once per ctest run.
# A SEPARATE function must not depend on another having run before it in the same process.
function(mas_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LABELS;LIBS;SEPARATE" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Mas::Mas mas_testlib Qt6::Test ${ARG_LIBS} mas_build_settings)
    if(ARG_SEPARATE)
        list(JOIN ARG_SEPARATE "," excluded)
        add_test(NAME ${name}
                 COMMAND ${CMAKE_COMMAND} -DMAS_TEST=$<TARGET_FILE:${name}> -DMAS_EXCLUDE=${excluded}
                         -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/MasRunTestFunctions.cmake)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set_tests_properties(${name} PROPERTIES
        SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z0-9_:]+::initTestCase\\(\\).*Totals: [0-9]+ passed, 0 failed, ")
    set(tests ${name})
    foreach(function IN LISTS ARG_SEPARATE)
        add_test(NAME ${name}_${function} COMMAND ${name} ${function})
        set_tests_properties(${name}_${function} PROPERTIES
            SKIP_REGULAR_EXPRESSION "Totals: [0-9]+ passed, 0 failed, [1-9][0-9]* skipped")
        list(APPEND tests ${name}_${function})
    endforeach()
    foreach(test IN LISTS tests)
        set_tests_properties(${test} PROPERTIES
            TIMEOUT ${ARG_TIMEOUT}
            LABELS "${ARG_LABELS}"
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MAS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    endforeach()
endfunction()

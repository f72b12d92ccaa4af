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

# mas_add_test(<name> SOURCES <files...> [LABELS <labels...>] [LIBS <targets...>] [TIMEOUT <s>])
# Builds one QtTest executable and registers it with CTest, headless.
function(mas_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LABELS;LIBS" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Mas::Mas mas_testlib Qt6::Test ${ARG_LIBS} mas_build_settings)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MAS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

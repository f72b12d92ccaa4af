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

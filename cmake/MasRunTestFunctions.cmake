# SPDX-License-Identifier: MIT
# cmake -DMAS_TEST=<QtTest executable> -DMAS_EXCLUDE=<function>[,<function>...] -P MasRunTestFunctions.cmake
#
# Runs the executable with every test function except the excluded ones, which mas_add_test
# (MasBuildSettings.cmake) registers as CTest tests of their own (SEPARATE). QtTest has no
# option to leave functions out: this asks the executable for its functions (-functions) and
# names the others on its command line, in their declared order. The output is the
# executable's own; the exit status is non-zero when it failed.
cmake_minimum_required(VERSION 3.25)
if(NOT MAS_TEST OR NOT MAS_EXCLUDE)
    message(FATAL_ERROR "usage: cmake -DMAS_TEST=<executable> -DMAS_EXCLUDE=<f1,f2,...> -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
string(REPLACE "," ";" excluded "${MAS_EXCLUDE}")

execute_process(COMMAND "${MAS_TEST}" -functions
                OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${MAS_TEST} -functions failed (${status}):\n${listing}${errors}")
endif()
# One "name()" per line.
string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_]*\\(\\)" listed "${listing}")
list(TRANSFORM listed REPLACE "\\(\\)$" "")

foreach(function IN LISTS excluded)
    if(NOT function IN_LIST listed)
        message(FATAL_ERROR "${MAS_TEST} has no test function ${function} (it has: ${listed})")
    endif()
endforeach()
set(functions ${listed})
list(REMOVE_ITEM functions ${excluded})
if(NOT functions)
    message(FATAL_ERROR "every test function of ${MAS_TEST} is excluded: nothing left to run")
endif()

# The executable writes straight to this process's stdout and stderr (CTest reads them).
execute_process(COMMAND "${MAS_TEST}" ${functions} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${MAS_TEST} failed (exit status: ${status})")
endif()

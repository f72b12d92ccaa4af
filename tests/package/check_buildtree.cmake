# SPDX-License-Identifier: MIT
# find_package(Mas) from the build tree itself, without installing: configures, builds and runs
# the consumer project with -DMas_DIR=<build>/libmas (what docs/library-guide.md and
# docs/your-own-system.md tell a plug-in author with a checkout), with the same compiler flags.
# Checks that the package found is the build tree's and that the consumer links the build's
# libmas. Run with:
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_buildtree.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(mas_dir "${BUILD_DIR}/libmas")
foreach(f MasConfig.cmake MasConfigVersion.cmake MasTargets.cmake)
    if(NOT EXISTS "${mas_dir}/${f}")
        message(FATAL_ERROR "the build tree has no ${mas_dir}/${f}")
    endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G Ninja
                        "-DMas_DIR=${mas_dir}"
                        "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring the consumer against the build tree failed: ${rc}")
endif()
# The package found is the build tree's, not an installed one.
file(STRINGS "${WORK_DIR}/build/CMakeCache.txt" found REGEX "^Mas_DIR:")
string(REGEX REPLACE "^Mas_DIR:[A-Z]+=" "" found "${found}")
file(REAL_PATH "${found}" found)
file(REAL_PATH "${mas_dir}" expected)
if(NOT found STREQUAL expected)
    message(FATAL_ERROR "the consumer found Mas in ${found}, not in the build tree ${expected}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the consumer against the build tree failed: ${rc}")
endif()
# It links the build's libmas (by its absolute path, run from the build tree's RPATH).
file(READ "${WORK_DIR}/build/build.ninja" ninja)
string(FIND "${ninja}" "${BUILD_DIR}/libmas/libmas.so" at)
if(at EQUAL -1)
    file(REAL_PATH "${BUILD_DIR}" real_build)
    string(FIND "${ninja}" "${real_build}/libmas/libmas.so" at)
endif()
if(at EQUAL -1 AND NOT WIN32)
    message(FATAL_ERROR "the consumer does not link ${BUILD_DIR}/libmas/libmas.so")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer printed: ${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the consumer built against the build tree failed: ${rc}")
endif()

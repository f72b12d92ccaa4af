# SPDX-License-Identifier: MIT
# `mas new plugin` end to end, out of the source tree, against an installed copy of this build:
# scaffold a project, build it with find_package(Mas) (same compiler flags as this build), run
# its test, open its system file in the real Inspector window (offscreen), let `mas explore`
# find the seeded bug, open the counterexample, fix the bug, rebuild, and let `mas explore`
# verify it. Run with:
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DMAS=... -DINSPECTOR=... -P check_newplugin.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(project "${WORK_DIR}/mutex")

function(run)
    cmake_parse_arguments(R "" "EXPECT;OUTPUT" "COMMAND" ${ARGN})
    execute_process(COMMAND ${R_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    TIMEOUT 600)
    if(NOT DEFINED R_EXPECT)
        set(R_EXPECT 0)
    endif()
    if(NOT rc STREQUAL R_EXPECT)
        message(FATAL_ERROR "${R_COMMAND}\nexited with ${rc}, expected ${R_EXPECT}\n${out}\n${err}")
    endif()
    if(R_OUTPUT)
        set(${R_OUTPUT} "${out}" PARENT_SCOPE)
    endif()
endfunction()

# 1. The scaffold.
run(COMMAND "${MAS}" new plugin mutex "${project}")
foreach(f CMakeLists.txt system.json README.md src/mutexagents.h src/mutexplugin.cpp tests/tst_mutex.cpp)
    if(NOT EXISTS "${project}/${f}")
        message(FATAL_ERROR "mas new plugin did not write ${f}")
    endif()
endforeach()
run(COMMAND "${MAS}" new plugin mutex "${project}" EXPECT 2) # not over an existing project
run(COMMAND "${MAS}" new plugin Bad-Name "${WORK_DIR}/bad" EXPECT 2)

# 2. Built against an installed prefix of this build, and its own test passes.
run(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
run(COMMAND ${CMAKE_COMMAND} -S "${project}" -B "${project}/build" -G Ninja
            "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
            "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}" "-DCMAKE_SHARED_LINKER_FLAGS=${CONSUMER_FLAGS}"
            "-DCMAKE_MODULE_LINKER_FLAGS=${CONSUMER_FLAGS}")
run(COMMAND ${CMAKE_COMMAND} --build "${project}/build")
run(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${project}/build" --output-on-failure)

# 3. Its system file opens in the Inspector, which steps it.
run(COMMAND "${INSPECTOR}" -platform offscreen --system "${project}/system.json" --steps 4
            --screenshot "${WORK_DIR}/system.png")
if(NOT EXISTS "${WORK_DIR}/system.png")
    message(FATAL_ERROR "the Inspector did not render the system")
endif()

# 4. mas explore finds the seeded bug and writes the counterexample, which the Inspector opens
#    (at its start) and plays forward step by step.
run(COMMAND "${MAS}" explore --system "${project}/system.json" --out "${WORK_DIR}/bug.jsonl" EXPECT 1 OUTPUT found)
if(NOT found MATCHES "violated: \"mutual exclusion\"")
    message(FATAL_ERROR "mas explore did not report the seeded bug:\n${found}")
endif()
# ... with the nodes and the field its invariant's explanation involves
if(NOT found MATCHES "involved: [^;]*: inside; [^;]*: inside")
    message(FATAL_ERROR "mas explore did not list the nodes inside:\n${found}")
endif()
file(READ "${WORK_DIR}/bug.jsonl" bug)
if(NOT bug MATCHES "\"counterexample\": \"mutual exclusion\"" OR NOT bug MATCHES "\"system_file\"")
    message(FATAL_ERROR "the counterexample does not name its property and system file")
endif()
run(COMMAND "${INSPECTOR}" -platform offscreen --session "${WORK_DIR}/bug.jsonl" --steps 40
            --screenshot "${WORK_DIR}/bug.png")

# 5. The fix (the comment in request() says how), a rebuild, and every order is verified.
file(READ "${project}/src/mutexagents.h" agents)
string(REPLACE "        if (!m_inside) {" "        if (!m_inside && (!m_wanting || from < m_id)) {" fixed "${agents}")
if(fixed STREQUAL agents)
    message(FATAL_ERROR "the seeded bug was not where the scaffold says")
endif()
file(WRITE "${project}/src/mutexagents.h" "${fixed}")
run(COMMAND ${CMAKE_COMMAND} --build "${project}/build")
run(COMMAND "${MAS}" explore --system "${project}/system.json" --out "${WORK_DIR}/none.jsonl" EXPECT 0 OUTPUT verified)
if(NOT verified MATCHES "verified")
    message(FATAL_ERROR "mas explore did not verify the fixed system:\n${verified}")
endif()
run(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${project}/build" --output-on-failure)
message(STATUS "mas new plugin: scaffolded, built, tested, stepped, bug found, fixed and verified")

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package, installs it with apt on this machine, runs the installed programs
# and purges it again, checking that nothing of it is left. Debian 12, as root; .ci/run runs it.
#
#   installer/test-deb.sh                              # builds in build/deb
#   MAS_DEB_BUILD_DIR=build/mine installer/test-deb.sh
#
# Steps: a release build of what the package holds (cmake preset "package": no tests, no
# examples, ccache), cpack (DEB and TGZ), apt-get install ./mas-inspector_*.deb (apt resolves
# the Depends), the installed mas-inspector renders a screenshot headless, the installed
# `mas host` serves the installed plug-ins' agents on 127.0.0.1 and the installed `mas call`
# calls them, then apt-get purge and a check that every file and directory of the package is
# gone. Every wait has a time limit; on failure the host is stopped and the package purged.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build_dir=${MAS_DEB_BUILD_DIR:-build/deb}
package=mas-inspector
started=$SECONDS
passed=0

log() { printf '[test-deb %4ds] %s\n' $((SECONDS - started)) "$*"; }
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() {
    printf '[test-deb %4ds] FAIL: %s\n' $((SECONDS - started)) "$*" >&2
    printf 'test-deb: %d passed, 1 failed\n' "$passed"
    exit 1
}

if [ "$(id -u)" -ne 0 ]; then
    fail "run as root: the script installs and removes a package"
fi

source installer/debian-deps.sh
mas_install_missing_packages
export DEBIAN_FRONTEND=noninteractive
apt_options=(-y -q -o DPkg::Lock::Timeout=120 --no-install-recommends)

work=$(mktemp -d /tmp/mas-test-deb.XXXXXX)
host_pid=
installed_by_us=no
cleanup() {
    local rc=$?
    if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
        kill -KILL "$host_pid" 2>/dev/null || true
    fi
    if [ "$installed_by_us" = yes ] && dpkg-query -W "$package" >/dev/null 2>&1; then
        log "cleaning up: purging $package"
        timeout 300 apt-get purge "${apt_options[@]}" "$package" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. Build the package ----
# CCACHE_BASEDIR: compile commands hash with relative paths, so another clone hits the cache.
export CCACHE_BASEDIR="$source_dir"
log "configuring $build_dir (preset package)"
cmake --preset package -B "$build_dir" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "cmake --preset package"; }
log "building"
build_start=$SECONDS
nice cmake --build "$build_dir" >"$work/build.log" 2>&1 ||
    { tail -50 "$work/build.log"; fail "the build"; }
log "built in $((SECONDS - build_start)) s"
rm -rf "$build_dir/packages"
timeout 600 cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir/packages" \
    >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(find "$source_dir/$build_dir/packages" -maxdepth 1 -name "${package}_*.deb" | head -1)
tgz=$(find "$source_dir/$build_dir/packages" -maxdepth 1 -name "${package}-*.tar.gz" | head -1)
[ -n "$deb" ] || fail "cpack made no .deb"
[ -n "$tgz" ] || fail "cpack made no .tar.gz"
depends=$(dpkg-deb --field "$deb" Depends)
log "$(basename "$deb"): $(stat -c %s "$deb") bytes; $(basename "$tgz"): $(stat -c %s "$tgz") bytes"
log "Depends: $depends"
# shlibdeps found the libraries (Qt, QCoro, Blosc), the explicit ones are there too.
for dependency in libqt6core6 libqt6widgets6 libqcoro6core0 libblosc1 libc6 \
    qt6-qpa-plugins libqt6svg6 libqt6network6; do
    grep -Eq "(^|, )$dependency( |,|$)" <<<"$depends" || fail "Depends lacks $dependency"
done
pass "package built: DEB and TGZ, Depends complete"

# The package's paths (without the leading "."), and which directories exist already.
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's#^\./#/#' -e 's#/$##' | grep -v '^/\?$' |
    sort >"$work/contents"
grep -q '^/usr/bin/mas-inspector$' "$work/contents" || fail "the package has no /usr/bin/mas-inspector"
grep -q '/mas/plugins/libgreeter.so$' "$work/contents" || fail "the package has no greeter plug-in"
grep -qxF /usr/lib/python3/dist-packages/masstep/__main__.py "$work/contents" ||
    fail "the package has no Python runner (masstep)"
for doc in README.md LICENSE deployment.md library-guide.md porting.md user-guide.md mosaik.md your-own-system.md; do
    grep -qxF "/usr/share/doc/$package/$doc" "$work/contents" || fail "the package has no /usr/share/doc/$package/$doc"
done
if dpkg-query -W "$package" >/dev/null 2>&1; then
    log "$package is installed already (an earlier run?): purging it first"
    timeout 300 apt-get purge "${apt_options[@]}" "$package" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "purging the old $package"; }
fi
: >"$work/existed"
while IFS= read -r path; do
    if [ -d "$path" ] && [ ! -L "$path" ]; then
        echo "$path" >>"$work/existed"
    elif [ -e "$path" ] || [ -L "$path" ]; then
        fail "$path exists before the installation: the test could not tell what the package left"
    fi
done <"$work/contents"

# The metadata as installed: desktop entry and AppStream, with the icons they name.
mkdir "$work/tree"
dpkg-deb --extract "$deb" "$work/tree"
desktop-file-validate "$work/tree/usr/share/applications/org.libmas.MasInspector.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate-tree --no-net "$work/tree" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; fail "appstreamcli validate-tree"; }
pass "packaged desktop entry and AppStream metadata valid"

# ---- 2. Install with apt ----
log "installing $(basename "$deb") with apt-get"
installed_by_us=yes
timeout 600 apt-get install "${apt_options[@]}" "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status}' "$package" | grep -q 'install ok installed' || fail "$package not installed"
dpkg -L "$package" | grep -v '^/\.$' | sed 's#/$##' | sort >"$work/listed"
diff -u "$work/contents" "$work/listed" >"$work/listed.diff" ||
    { cat "$work/listed.diff"; fail "dpkg -L differs from the package's contents"; }
for program in /usr/bin/mas-inspector /usr/bin/mas /usr/bin/mosaik_counter; do
    [ -x "$program" ] || fail "$program is not installed"
    ldd "$program" >"$work/ldd" 2>&1 || { cat "$work/ldd"; fail "ldd $program"; }
    if grep -q 'not found' "$work/ldd"; then
        cat "$work/ldd"
        fail "$program misses libraries"
    fi
    grep -Eq 'libmas\.so\.0 => /usr/(bin/\.\./)?lib/' "$work/ldd" ||
        { cat "$work/ldd"; fail "$program does not load the installed libmas"; }
done
pass "installed with apt; dpkg -L matches; the programs load the installed libmas"

# The installed programs run from an empty directory with a minimal environment, so nothing of
# the build tree can stand in for them.
mkdir "$work/home" "$work/run"
run_installed() {
    (cd "$work/run" && exec env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@")
}

# ---- 3. MAS Inspector, headless ----
screenshot="$work/inspector.png"
run_installed timeout -s KILL 120 /usr/bin/mas-inspector --screenshot "$screenshot" --steps 5 \
    >"$work/inspector.log" 2>&1 || { cat "$work/inspector.log"; fail "mas-inspector --screenshot"; }
[ -s "$screenshot" ] || fail "the screenshot is empty"
[ "$(head -c 8 "$screenshot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the screenshot is not a PNG"
size=$(stat -c %s "$screenshot")
[ "$size" -gt 10000 ] || fail "the screenshot is only $size bytes"
version=$(run_installed timeout 30 /usr/bin/mas-inspector --version)
[ "$version" = "mas-inspector $(dpkg-deb --field "$deb" Version)" ] ||
    fail "mas-inspector --version says \"$version\""
pass "installed mas-inspector rendered a ${size}-byte PNG headless"

# ---- 3b. The Python runner: Debian's python3 finds it; without a hub it says so and exits 2 ----
masstep_rc=0
run_installed timeout 30 /usr/bin/python3 -m masstep program.py >"$work/masstep.out" 2>"$work/masstep.err" ||
    masstep_rc=$?
[ "$masstep_rc" -eq 2 ] || { cat "$work/masstep.err"; fail "python3 -m masstep exited with $masstep_rc, not 2"; }
grep -q "masstep: no hub to connect to" "$work/masstep.err" ||
    { cat "$work/masstep.err"; fail "python3 -m masstep without a hub did not say so"; }
pass "installed Python runner: python3 -m masstep without a hub exits 2 with its message"

# ---- 4. mas host with the installed plug-ins, mas call ----
types=$(run_installed timeout 30 /usr/bin/mas host --list-agent-types 2>"$work/types.err") ||
    { cat "$work/types.err"; fail "mas host --list-agent-types"; }
for type in greeter.agents:Greeter greeter.agents:Counter mas.demos:PongerAgent; do
    grep -q "^$type"$'\t' <<<"$types" || fail "the installed plug-ins lack $type"
done
cat >"$work/run/agents.json" <<'EOF'
{
  "agents": [
    {"type": "greeter.agents:Greeter", "args": ["Hi"]},
    {"type": "greeter.agents:Counter", "kwargs": {"start": 5}},
    {"type": "mas.demos:PongerAgent"}
  ]
}
EOF
# Port 0: the host picks a free port and prints its agents' URLs. The subshell execs, so $! is
# the host's own process (as run_installed does, but not through a function, whose background
# copy would be a shell of its own). The output files exist before the host starts writing.
: >"$work/host.out"
: >"$work/host.err"
(cd "$work/run" && exec env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    /usr/bin/mas host --listen tcp://127.0.0.1:0 --config agents.json) \
    >"$work/host.out" 2>"$work/host.err" &
host_pid=$!
deadline=$((SECONDS + 30))
while [ "$(wc -l <"$work/host.out")" -lt 3 ]; do
    if ! kill -0 "$host_pid" 2>/dev/null; then
        cat "$work/host.err"
        fail "mas host exited while starting"
    fi
    [ "$SECONDS" -lt "$deadline" ] || { cat "$work/host.err"; fail "mas host printed no URLs in 30 s"; }
    sleep 0.1
done
mapfile -t urls < <(cut -d' ' -f1 "$work/host.out")
[[ "${urls[0]}" =~ ^tcp://127\.0\.0\.1:[0-9]+/0$ ]] || fail "unexpected URL \"${urls[0]}\""
grep -Eq "loaded [0-9]+ agent types from /usr/lib/[^ ]*/mas/plugins" "$work/host.err" ||
    { cat "$work/host.err"; fail "mas host did not load the installed plug-ins"; }
log "mas host serves ${urls[*]}"
call() { # call EXPECTED URL METHOD ARGS...
    local expected=$1 answer
    shift
    answer=$(run_installed timeout 30 /usr/bin/mas call "$@" --timeout 10 2>"$work/call.err") ||
        { cat "$work/call.err"; fail "mas call $*"; }
    [ "$answer" = "$expected" ] || fail "mas call $* answered \"$answer\", not \"$expected\""
}
call '"Hi, World!"' "${urls[0]}" greet '"World"'
call 7 "${urls[1]}" increment --kw by=2
call 3 "${urls[2]}" ping 3 # the demos plug-in's ponger answers the round
kill -TERM "$host_pid"
deadline=$((SECONDS + 20))
while kill -0 "$host_pid" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "mas host still runs 20 s after SIGTERM"
    sleep 0.1
done
host_rc=0
wait "$host_pid" || host_rc=$?
host_pid=
[ "$host_rc" -eq 0 ] || { cat "$work/host.err"; fail "mas host exited with $host_rc after SIGTERM"; }
pass "installed mas host served the installed plug-ins' agents; mas call got the answers"

# ---- 4b. A plug-in of one's own, against the installed package ----
# `mas new plugin` writes a CMake project; it builds with find_package(Mas) from /usr, its test
# passes, and the installed `mas explore` finds its seeded bug.
log "mas new plugin, built against the installed package"
run_installed timeout 30 /usr/bin/mas new plugin mutex "$work/run/mutex" >"$work/new.log" 2>&1 ||
    { cat "$work/new.log"; fail "mas new plugin"; }
(cd "$work/run/mutex" && timeout 600 cmake -S . -B build -G Ninja >"$work/scaffold.log" 2>&1 &&
    timeout 600 cmake --build build >>"$work/scaffold.log" 2>&1 &&
    QT_QPA_PLATFORM=offscreen timeout 300 ctest --test-dir build --output-on-failure >>"$work/scaffold.log" 2>&1) ||
    { cat "$work/scaffold.log"; fail "the scaffold does not build or test against the installed package"; }
explore_rc=0
run_installed timeout 300 /usr/bin/mas explore --system "$work/run/mutex/system.json" --out "$work/run/bug.jsonl" \
    >"$work/explore.log" 2>&1 || explore_rc=$?
[ "$explore_rc" -eq 1 ] || { cat "$work/explore.log"; fail "mas explore exited with $explore_rc, not 1 (the seeded bug)"; }
pass "mas new plugin: built against the installed package, its test passed, mas explore found its bug"

# ---- 5. Purge: nothing of the package is left ----
log "purging $package"
timeout 300 apt-get purge "${apt_options[@]}" "$package" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get purge"; }
installed_by_us=no
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q installed; then
    fail "$package is still known to dpkg"
fi
left=0
while IFS= read -r path; do
    if grep -qxF "$path" "$work/existed"; then
        continue # a directory that was there before (/usr/bin, /usr/share/icons/hicolor, ...)
    fi
    if [ -e "$path" ] || [ -L "$path" ]; then
        echo "left behind: $path" >&2
        left=$((left + 1))
    fi
done <"$work/contents"
for path in /usr/lib/*/mas /usr/include/mas /usr/lib/*/cmake/Mas /usr/share/doc/$package; do
    if [ -e "$path" ]; then
        echo "left behind: $path" >&2
        left=$((left + 1))
    fi
done
[ "$left" -eq 0 ] || fail "$left paths of the package are left after the purge"
pass "purged; none of its $(wc -l <"$work/contents") paths is left"

log "passed in $((SECONDS - started)) s"
printf 'test-deb: %d passed, 0 failed\n' "$passed"

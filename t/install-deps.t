#!/bin/sh
# scripts/install-deps.sh: what is installed is skipped silently; what is
# missing is installed with one line on the screen and apt's output in
# $BUILD/deps.log; a failing apt-get is an error that shows the log's end
# (apt-get and dpkg-query are stubs here: nothing is installed).
. "$(dirname "$0")/tap.sh"
plan 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
cat >"$tmp/bin/dpkg-query" <<'STUB'
#!/bin/sh
echo "unknown ok not-installed"
STUB
cat >"$tmp/bin/apt-get" <<'STUB'
#!/bin/sh
i=0
while [ $i -lt 300 ]; do echo "apt-get $1: line $i"; i=$((i + 1)); done
[ "$1" != install ] || [ -z "$APT_FAIL" ] || { echo "E: Unable to locate package" >&2; exit 100; }
STUB
chmod +x "$tmp/bin/dpkg-query" "$tmp/bin/apt-get"
deps() { PATH=$tmp/bin:$PATH BUILD=$tmp "$TOP/scripts/install-deps.sh" "$@"; }

BUILD=$tmp "$TOP/scripts/install-deps.sh" >"$tmp/out" 2>&1
is "$?:$(cat "$tmp/out")" "0:" "all installed: nothing to do, nothing printed"

APT_FAIL= deps >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && [ "$(wc -l <"$tmp/out")" = 1 ] && [ ! -s "$tmp/err" ] &&
	grep -q "^install-deps: installing [0-9]* Debian packages (log: $tmp/deps.log)$" "$tmp/out"
ok $? "missing packages: one line on the screen" "rc=$rc: $(cat "$tmp/out" "$tmp/err")"
grep -q 'apt-get install: line 299' "$tmp/deps.log" &&
	grep -q '^installing: .*build-essential' "$tmp/deps.log"
ok $? "... apt's output and the package list in the log"

APT_FAIL=1 deps >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q 'E: Unable to locate package' "$tmp/err"
ok $? "a failing apt-get: exit 1, the end of its log on stderr" "rc=$rc: $(cat "$tmp/err")"
grep -q "install-deps: FAILED: apt-get (full log: $tmp/deps.log)" "$tmp/err"
ok $? "... naming the full log"

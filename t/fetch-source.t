#!/bin/sh
# scripts/fetch-source.sh: the kernel version is one variable (KVER); a
# tree already fetched is reused only if it is that version; a version the
# archive does not have is refused with the versions it has and how to
# pick one (this asks Debian's archive, as every fresh make check does).
. "$(dirname "$0")/tap.sh"
plan 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() { "$TOP/scripts/fetch-source.sh" "$@" > "$tmp/out" 2>&1; }

mkdir -p "$tmp/b/src"
: > "$tmp/b/src/Makefile"
echo 7.3~rc7-1~exp1 > "$tmp/b/src/.debian-version"
fetch "$tmp/b" 7.3
ok $? "a fetched 7.3 tree is reused" "$(cat "$tmp/out")"
fetch "$tmp/b" 7.2
rc=$?
[ $rc = 1 ] && grep -q 'holds 7.3~rc7-1~exp1, not 7.2' "$tmp/out"
ok $? "a tree of another version is refused, saying which it holds" "rc=$rc: $(cat "$tmp/out")"

# the private apt lists of the build, if any, save a download
[ -d "$BUILD/apt/lists" ] && mkdir -p "$tmp/c/apt" && cp -r "$BUILD/apt/lists" "$tmp/c/apt/"
fetch "$tmp/c" 0.1
rc=$?
diag "$(cat "$tmp/out")"
[ $rc = 1 ] && grep -q 'linux-source-0.1 is in neither sid nor experimental' "$tmp/out"
ok $? "a version the archive lacks is refused (exit $rc)"
grep -q 'the archive has linux-source versions: .*7\.3' "$tmp/out"
ok $? "... with the versions it has, 7.3 among them"
grep -q 'KVER=' "$tmp/out" && [ ! -e "$tmp/c/src" ]
ok $? "... and how to pick one, leaving no tree behind"

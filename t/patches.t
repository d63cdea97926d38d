#!/bin/sh
# The series: make tree / make patches round trip is stable, and every
# patch is checkpatch --strict clean.
. "$(dirname "$0")/tap.sh"
tree=$BUILD/tree
[ -f "$tree/scripts/checkpatch.pl" ] || bail "no $tree: run make tree"
series=$(grep -v '^[[:space:]]*\(#\|$\)' "$TOP/patches/series")
plan $(($(echo "$series" | grep -c .) + 1))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$tree" format-patch -q --zero-commit --no-signature -o "$tmp" baseline..HEAD
diff -r -x series -x postings -x "cover-*.txt" -x notes "$TOP/patches" "$tmp" > "$tmp.diff" 2>&1
ok $? "tree commits export back to patches/ unchanged" "$(head -20 "$tmp.diff")"
rm -f "$tmp.diff"
# (what checkpatch() in t/tap.sh leaves out, and why, is said there)
for p in $series; do
	res=$(checkpatch "$tree" "$TOP/patches/$p")
	echo "$res" | grep -q 'total: 0 errors, 0 warnings, 0 checks'
	ok $? "checkpatch --strict: $p" "$res"
done

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
diff -r -x series -x cover-letter.txt "$TOP/patches" "$tmp" > "$tmp.diff" 2>&1
ok $? "tree commits export back to patches/ unchanged" "$(head -20 "$tmp.diff")"
rm -f "$tmp.diff"
# The baseline is Debian's source tarball, with no upstream history, so
# checkpatch cannot look up the commit a Fixes: tag names; it still checks
# the tag's form (GIT_COMMIT_ID).  The id was checked against upstream.
for p in $series; do
	res=$(cd "$tree" && perl scripts/checkpatch.pl --strict --no-tree -q \
		--ignore UNKNOWN_COMMIT_ID --terse "$TOP/patches/$p" 2>&1)
	echo "$res" | grep -q 'total: 0 errors, 0 warnings, 0 checks'
	ok $? "checkpatch --strict: $p" "$res"
done

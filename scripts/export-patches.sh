#!/bin/sh
# Export the commits of TREE after the baseline back to patches/ with
# git format-patch, and rewrite patches/series.  --zero-commit keeps the
# output independent of the commit ids, so a make tree / make patches
# round trip leaves patches/ unchanged.
# Usage: export-patches.sh TREE PATCH_DIR
set -eu
tree=$1
pdir=$(cd "$2" && pwd)
rm -f "$pdir"/[0-9][0-9][0-9][0-9]-*.patch
git -C "$tree" format-patch -q --zero-commit --no-signature \
	-o "$pdir" baseline..HEAD
(cd "$pdir" && ls [0-9][0-9][0-9][0-9]-*.patch) > "$pdir/series"
echo "export-patches: $(wc -l < "$pdir/series") patches in $pdir"

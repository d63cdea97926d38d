#!/bin/sh
# Make TREE a git work tree of SRC: the baseline as one commit (tag
# "baseline"), then every patch of patches/series applied with git am as its
# own commit.  Re-running does nothing when the tree already holds
# patches/series, and otherwise resets to the baseline and re-applies.
# Usage: make-tree.sh SRC TREE SERIES_DIR
set -eu
here=$(dirname "$0")
. "$here/lib.sh"

src=$(cd "$1" && pwd)
tree=$2
pdir=$(cd "$3" && pwd)
[ -f "$src/Makefile" ] || die "make-tree: $src is not a kernel tree"

gitc() {
	git -C "$tree" -c user.name=kallsyms-sizes -c user.email=harness@localhost \
		-c commit.gpgsign=false "$@"
}

if ! git -C "$tree" rev-parse -q --verify baseline >/dev/null 2>&1; then
	note "make-tree: copying $src to $tree"
	rm -rf "$tree"
	mkdir -p "$tree"
	# --exclude .git: a KSRC checkout brings its own history, which we
	# do not need; the baseline commit is the tree as given.
	tar -C "$src" --exclude=./.git -cf - . | tar -C "$tree" -xf -
	gitc init -q
	gitc add -A -f .
	gitc commit -q -m "baseline: $(cat "$src/.debian-version" 2>/dev/null ||
		make -s -C "$src" kernelversion)"
	gitc tag baseline
fi

# Never throw away work done in the tree: refuse when its commits are not
# what patches/ holds (run make patches first) or tracked files changed.
# (Debian's .gitignore ignores every top-level path: new files in the
# tree need "git add -f".)
if [ -z "${FORCE:-}" ] &&
   [ "$(gitc rev-parse HEAD)" != "$(gitc rev-parse baseline)" ]; then
	[ -z "$(gitc status --porcelain --untracked-files=no)" ] ||
		die "make-tree: $tree has uncommitted changes (FORCE=1 drops them)"
	chk=$(mktemp -d)
	gitc format-patch -q --zero-commit --no-signature -o "$chk" baseline..HEAD
	(cd "$chk" && ls) > "$chk.list"
	same=1
	grep -v '^[[:space:]]*\(#\|$\)' "$pdir/series" | cmp -s - "$chk.list" || same=0
	for f in "$chk"/*.patch; do
		cmp -s "$f" "$pdir/$(basename "$f")" || same=0
	done
	rm -rf "$chk" "$chk.list"
	[ $same = 1 ] ||
		die "make-tree: $tree has commits that patches/ lacks: make patches first (FORCE=1 drops them)"
	# already the series: re-applying would only touch files and
	# cost an O= rebuild of everything they reach
	note "make-tree: $tree already at patches/series: $(gitc log --oneline -1 | cut -c1-60)"
	exit 0
fi

gitc am --abort >/dev/null 2>&1 || true
gitc checkout -q -f -B series baseline
grep -v '^[[:space:]]*\(#\|$\)' "$pdir/series" | while read -r p; do
	if ! gitc am -q --keep-cr "$pdir/$p" >/dev/null 2>"$tree/.git/am.err"; then
		cat "$tree/.git/am.err" >&2
		gitc am --abort >/dev/null 2>&1 || true
		die "make-tree: $p does not apply to $src"
	fi
done
note "make-tree: $tree at $(gitc log --oneline -1 | cut -c1-70)"

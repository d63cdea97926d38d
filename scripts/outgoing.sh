#!/bin/sh
# make outgoing: the series as the mailing lists receive it, in the name of
# the user (git config user.name and user.email): the patches of
# PATCH_DIR, with the placeholder identity replaced in From:,
# Signed-off-by: and the MAINTAINERS entry, applied to the baseline of
# TREE and written with git format-patch -v REROLL, a cover letter made of
# PATCH_DIR/cover-letter.txt with the shortlog, diffstat and base-commit
# of the stamped series, and To:/Cc: from the tree's own
# scripts/get_maintainer.pl: its maintainers are To:, its reviewers and
# lists Cc: (the lists are To: where no maintainer is named), per patch,
# and the union of them on the cover letter.
# Usage: outgoing.sh TREE PATCH_DIR OUT_DIR [REROLL]
# KSRC, if a git work tree, gives the base-commit: its HEAD.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

tree=$(cd "$1" && pwd)
pdir=$(cd "$2" && pwd)
out=$3
reroll=${4:-3}
placeholder='Kallsyms Sizes <kallsyms-sizes@example.org>'

name=$(git config user.name || true)
email=$(git config user.email || true)
if [ -z "$name" ] || [ -z "$email" ]; then
	die "outgoing: no git identity to sign the patches with; set yours:
    git config --global user.name 'Your Name'
    git config --global user.email you@example.com"
fi
case "$name <$email>" in
*'<'*'<'* | *'>'*'>'* | *,*) die "outgoing: \"$name <$email>\" is not a usable identity" ;;
"$placeholder") die "outgoing: git config names the placeholder identity; set yours" ;;
esac
case $reroll in
'' | *[!0-9]*) die "outgoing: REROLL=$reroll is not a number" ;;
esac
export KSZ_ID="$name <$email>"
git -C "$tree" rev-parse -q --verify baseline >/dev/null ||
	die "outgoing: $tree has no baseline: run make tree"

work=$(mktemp -d)
trap 'git -C "$tree" worktree remove --force "$work/tree" >/dev/null 2>&1 || true
	rm -rf "$work"' EXIT
log=$work/log

# 1. stamp: the placeholder becomes the user wherever it occurs
mkdir -p "$work/stamped"
grep -v '^[[:space:]]*\(#\|$\)' "$pdir/series" | while read -r p; do
	KSZ_PH=$placeholder perl -pe 's/\Q$ENV{KSZ_PH}\E/$ENV{KSZ_ID}/g' \
		"$pdir/$p" >"$work/stamped/$p"
done

# 2. apply to the baseline: the user is the committer of what they send
git -C "$tree" worktree add -q --detach "$work/tree" baseline
(cd "$work/tree" && git am -q --whitespace=error-all "$work/stamped"/*.patch) \
	>"$log" 2>&1 || die "outgoing: the stamped series does not apply: $(cat "$log")"

# 3. format, with a cover letter and the base recorded
rm -rf "$out"
mkdir -p "$out"
git -C "$work/tree" format-patch -q -o "$out" -v "$reroll" --cover-letter \
	--thread=shallow --base=baseline baseline..HEAD
if [ -n "${KSRC:-}" ] && git -C "$KSRC" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	# the baseline is a copy of KSRC's HEAD without its history
	base=$(git -C "$KSRC" rev-parse HEAD)
	sed -i "s/^base-commit: .*/base-commit: $base/" "$out"/*.patch
fi
cover=$(ls "$out"/v"$reroll"-0000-cover-letter.patch)
subject=$(sed -n '1s/^Subject: \(\[[^]]*\] \)\{0,1\}//p' "$pdir/cover-letter.txt")
[ -n "$subject" ] || die "outgoing: $pdir/cover-letter.txt does not start with Subject:"
sed 1d "$pdir/cover-letter.txt" | sed '1{/^$/d}' >"$work/blurb"
KSZ_SUBJECT=$subject KSZ_BLURB=$work/blurb perl -0pi -e '
	open(my $f, "<", $ENV{KSZ_BLURB}) or die; local $/; my $b = <$f>;
	$b =~ s/\n+\z//;
	s/\*\*\* SUBJECT HERE \*\*\*/$ENV{KSZ_SUBJECT}/;
	s/\*\*\* BLURB HERE \*\*\*/$b/;' "$cover"

# 4. To: and Cc: from get_maintainer.pl, the sender left out
gm() {
	(cd "$work/tree" && perl scripts/get_maintainer.pl --no-git \
		--no-git-fallback --no-rolestats "$@" 2>>"$log") |
		grep -viF "<$email>" | grep -vixF "$email" || true
}
# header NAME ADDRESSES...: one folded header line, nothing if no address
header() {
	h=$1
	shift
	[ $# -gt 0 ] || return 0
	printf '%s: %s' "$h" "$1"
	shift
	for a in "$@"; do
		printf ',\n    %s' "$a"
	done
	printf '\n'
}
# add_headers FILE TO_LIST CC_LIST: before the Date: line (From: may be
# folded over two lines)
add_headers() {
	oldifs=$IFS
	IFS='
'
	# shellcheck disable=SC2086 # one address per line
	{ header To $2; header Cc $3; } >"$work/hdr"
	IFS=$oldifs
	awk -v hdr="$work/hdr" '
		!done && /^Date: / { while ((getline l < hdr) > 0) print l; done = 1 }
		{ print }' "$1" >"$1.new"
	mv "$1.new" "$1"
}
: >"$work/all-to"
: >"$work/all-cc"
for p in "$out"/v"$reroll"-[0-9][0-9][0-9][0-9]-*.patch; do
	[ "$p" != "$cover" ] || continue
	to=$(gm --no-r --no-l "$p")
	cc=$(gm --no-m --r --l "$p")
	# a file no maintainer covers (scripts/kallsyms.c): to the lists
	if [ -z "$to" ]; then
		to=$cc
		cc=
	fi
	echo "$to" >>"$work/all-to"
	echo "$cc" >>"$work/all-cc"
	add_headers "$p" "$to" "$cc"
done
to=$(grep . "$work/all-to" | sort -u)
cc=$(grep . "$work/all-cc" | sort -u | grep -vxF "$to" || true)
add_headers "$cover" "$to" "$cc"

if grep -lF "$placeholder" "$out"/*.patch; then
	die "outgoing: the placeholder identity is left in the files above"
fi
n=$(ls "$out"/*.patch | wc -l)
note "outgoing: $n messages in $out, from $name <$email>"
note "outgoing: check them, then: git send-email $out/*.patch"

#!/bin/sh
# make outgoing: the series as the trees take it, in the name of the user
# (git config user.name and user.email), split into the postings of
# PATCH_DIR/postings: each posting is written to OUT_DIR/NN-NAME with git
# format-patch (no version number: nothing was posted before), formatted
# on the baseline of TREE with the postings it needs applied first, so
# that it records base-commit: and their patches as prerequisite-patch-id:
# lines, as b4 does.  A posting of more than one patch gets a cover letter
# made of PATCH_DIR/cover-NAME.txt with the postings it needs, the
# shortlog and the diffstat.  The placeholder identity is replaced in
# From:, Signed-off-by: and MAINTAINERS.  To:/Cc: come from the tree's own
# scripts/get_maintainer.pl (maintainers To:, reviewers and lists Cc:, the
# lists To: where nobody else is) and the posting's TAKER sections; the
# cover letter gets the union of its patches'.
# Usage: outgoing.sh TREE PATCH_DIR OUT_DIR
# KSRC, if a git work tree, gives the base-commit: its HEAD.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

tree=$(cd "$1" && pwd)
pdir=$(cd "$2" && pwd)
out=$3
placeholder='Kallsyms Sizes <kallsyms-sizes@example.org>'
plan=$pdir/postings

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
export KSZ_ID="$name <$email>"
git -C "$tree" rev-parse -q --verify baseline >/dev/null ||
	die "outgoing: $tree has no baseline: run make tree"
[ -f "$plan" ] || die "outgoing: no $plan"

work=$(mktemp -d)
trap 'git -C "$tree" worktree remove --force "$work/tree" >/dev/null 2>&1 || true
	rm -rf "$work"' EXIT
log=$work/log

# 0. the plan: every patch of the series in exactly one posting, in
# order; NEEDS names earlier postings; a cover letter where one is due
grep -v '^[[:space:]]*\(#\|$\)' "$pdir/series" >"$work/series"
n=$(wc -l <"$work/series")
grep -v '^[[:space:]]*\(#\|$\)' "$plan" >"$work/plan"
awk -v n="$n" -v pdir="$pdir" '
	function fail(m) { print "outgoing: " FILENAME ":" NR ": " m; bad = 1 }
	NF != 4 { fail("want NAME PATCHES NEEDS TAKER, got: " $0); next }
	$1 in seen { fail("posting " $1 " twice") }
	{ seen[$1] = 1 }
	$2 !~ /^[0-9]+(-[0-9]+)?$/ { fail("PATCHES " $2 " is not N or FIRST-LAST"); next }
	{
		split($2, r, "-"); first = r[1] + 0; last = (2 in r) ? r[2] + 0 : first
		if (first != next_patch + 1 || last < first)
			fail($1 ": patches " $2 ", expected to start at " next_patch + 1)
		next_patch = last
		if ($3 != "-") {
			k = split($3, need, ",")
			for (i = 1; i <= k; i++)
				if (!(need[i] in done)) fail($1 " needs " need[i] ", not an earlier posting")
		}
		done[$1] = 1
		if (last > first && (getline l < (pdir "/cover-" $1 ".txt")) <= 0)
			fail($1 ": " (last - first + 1) " patches and no " pdir "/cover-" $1 ".txt")
	}
	END {
		if (!bad && next_patch != n) fail("the postings end at patch " next_patch " of " n)
		exit bad
	}' "$work/plan" >"$log" 2>&1 || die "$(cat "$log")"

# 1. stamp: the placeholder becomes the user wherever it occurs
mkdir -p "$work/stamped"
while read -r p; do
	KSZ_PH=$placeholder perl -pe 's/\Q$ENV{KSZ_PH}\E/$ENV{KSZ_ID}/g' \
		"$pdir/$p" >"$work/stamped/$p"
done <"$work/series"
# stamped I: the stamped patch number I of the series
stamped() { echo "$work/stamped/$(sed -n "${1}p" "$work/series")"; }

# field NAME COLUMN: a column of a posting's line in the plan
field() { awk -v p="$1" -v c="$2" '$1 == p { print $c }' "$work/plan"; }
# closure NAMES: the postings NAMES need, with those they need, in plan order
closure() {
	want=" $(echo "$1" | tr ',' ' ') "
	while :; do
		more=$want
		for p in $want; do
			for q in $(field "$p" 3 | tr ',' ' '); do
				[ "$q" = - ] || case $more in *" $q "*) ;; *) more="$more$q " ;; esac
			done
		done
		[ "$more" = "$want" ] && break
		want=$more
	done
	awk -v w="$want" 'index(w, " " $1 " ") { print $1 }' "$work/plan"
}
# patches NAME: the series numbers of a posting's patches
patches() {
	r=$(field "$1" 2)
	seq "${r%-*}" "${r#*-}"
}

# To:/Cc: from get_maintainer.pl, the sender left out; by the files a
# patch touches, not by words in it (N: and K: patterns match words of
# any text, the caller audit below a patch's --- included)
gm() {
	(cd "$work/tree" && perl scripts/get_maintainer.pl --no-git \
		--no-git-fallback --no-rolestats --no-keywords "$@" 2>>"$log") |
		grep -viF "<$email>" | grep -vixF "$email" || true
}
# section ROLES PREFIX: the ROLES (M, or R and L) lines of the MAINTAINERS
# sections whose titles start with PREFIX
section() {
	awk -v roles="$1" -v s="$2" '
		/^$/ { f = 0 } index($0, s) == 1 { f = 1; next }
		f && index(roles, substr($0, 1, 1)) && substr($0, 2, 1) == ":" {
			sub(/^[A-Z]:[ \t]*/, ""); print }' "$work/tree/MAINTAINERS" |
		grep -viF "<$email>" || true
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
# below_dashes FILE PATCH: FILE's text after the "---" that ends PATCH's
# message, where git am leaves it out of the commit
below_dashes() {
	KSZ_NOTE=$1 perl -0pi -e '
		open(my $f, "<", $ENV{KSZ_NOTE}) or die; local $/; my $b = <$f>;
		s/\n---\n/\n---\n$b\n/;' "$2"
}
# patch_files DIR: a posting's patches, its cover letter left out
patch_files() { ls "$1"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '/0000-cover-letter\.patch$'; }
# subject_of NAME: the subject a posting goes out under
subject_of() {
	if [ -f "$pdir/cover-$1.txt" ] && [ "$(patches "$1" | wc -l)" -gt 1 ]; then
		sed -n '1s/^Subject: //p' "$pdir/cover-$1.txt"
	else
		# the Subject: header, unfolded
		awk '/^Subject: / { s = $0; while ((getline l) > 0 && l ~ /^[ \t]/) s = s l
			print s; exit }' "$(stamped "$(patches "$1")")" |
			sed 's/^Subject: \[PATCH[^]]*\] //'
	fi
}

# base-commit: a commit others can fetch only with KSRC= a git checkout
public_base=
if [ -n "${KSRC:-}" ] && git -C "$KSRC" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	public_base=$(git -C "$KSRC" rev-parse HEAD)
fi
git -C "$tree" worktree add -q --detach "$work/tree" baseline
rm -rf "$out"
mkdir -p "$out"
i=0
while read -r post range needs taker; do
	i=$((i + 1))
	dir=$out/$(printf %02d "$i")-$post
	# 2. apply what the posting needs, then the posting: the user is
	# the committer of what they send
	git -C "$work/tree" checkout -q --detach baseline
	for q in $( [ "$needs" = - ] || closure "$needs"); do
		for k in $(patches "$q"); do stamped "$k"; done
	done >"$work/needed"
	for k in $(patches "$post"); do stamped "$k"; done >"$work/own"
	if [ -s "$work/needed" ]; then
		# shellcheck disable=SC2046 # one path per line, no spaces
		(cd "$work/tree" && git am -q --whitespace=error-all $(cat "$work/needed")) \
			>"$log" 2>&1 || die "outgoing: $post: what it needs ($needs) does not apply: $(cat "$log")"
	fi
	tip=$(git -C "$work/tree" rev-parse HEAD)
	# shellcheck disable=SC2046
	(cd "$work/tree" && git am -q --whitespace=error-all $(cat "$work/own")) \
		>"$log" 2>&1 || die "outgoing: $post does not apply on baseline + $needs: $(cat "$log")"

	# 3. format, with the base and prerequisites recorded
	count=$(wc -l <"$work/own")
	cl=
	[ "$count" -gt 1 ] && cl=--cover-letter
	git -C "$work/tree" format-patch -q -o "$dir" $cl --thread=shallow \
		--base=baseline "$tip..HEAD"
	if [ -n "$public_base" ]; then
		# the baseline is a copy of KSRC's HEAD without its history
		sed -i "s/^base-commit: .*/base-commit: $public_base/" "$dir"/*.patch
	fi
	# prerequisite-patch-id: what b4 computes of the messages of the
	# postings it needs (git patch-id --stable of each), not git's own,
	# which can differ from it where a diff heuristic differs
	if [ "$needs" != - ]; then
		for q in $(closure "$needs"); do
			for m in $(patch_files "$out"/[0-9][0-9]-"$q"); do
				git patch-id --stable <"$m" | cut -d' ' -f1
			done
		done | sed 's/^/prerequisite-patch-id: /' >"$work/ids"
		for m in "$dir"/*.patch; do
			grep -q '^base-commit: ' "$m" || continue
			KSZ_IDS=$work/ids perl -0pi -e '
				open(my $f, "<", $ENV{KSZ_IDS}) or die; local $/; my $ids = <$f>;
				s/^prerequisite-patch-id: .*\n//mg;
				s/^(base-commit: .*\n)/$1$ids/m;' "$m"
		done
	fi
	: >"$work/prereq"
	if [ "$needs" != - ]; then
		echo "This applies on top of (prerequisite-patch-id lines below):" >"$work/prereq"
		for q in $(closure "$needs"); do
			echo "- \"$(subject_of "$q")\" ($(patches "$q" | wc -l) patches)"
		done | sed 's/ (1 patches)$//' >>"$work/prereq"
	fi
	if [ -n "$cl" ]; then
		cover=$dir/0000-cover-letter.patch
		subject=$(sed -n '1s/^Subject: //p' "$pdir/cover-$post.txt")
		[ -n "$subject" ] || die "outgoing: $pdir/cover-$post.txt does not start with Subject:"
		sed 1d "$pdir/cover-$post.txt" | sed '1{/^$/d}' >"$work/blurb"
		[ -s "$work/prereq" ] && { echo; cat "$work/prereq"; } >>"$work/blurb"
		KSZ_SUBJECT=$subject KSZ_BLURB=$work/blurb perl -0pi -e '
			open(my $f, "<", $ENV{KSZ_BLURB}) or die; local $/; my $b = <$f>;
			$b =~ s/\n+\z//;
			s/\*\*\* SUBJECT HERE \*\*\*/$ENV{KSZ_SUBJECT}/;
			s/\*\*\* BLURB HERE \*\*\*/$b/;' "$cover"
	elif [ -s "$work/prereq" ]; then
		# one patch: the note goes below its "---"
		below_dashes "$work/prereq" "$(patch_files "$dir")"
	fi

	# notes below a patch's "---" (patches/notes/<patch>.md), with the
	# series' patch numbers (00NN) as the reader of this posting finds them
	for k in $(patches "$post"); do
		f=$pdir/notes/$(basename "$(stamped "$k")" .patch).md
		[ -f "$f" ] || continue
		first=$(patches "$post" | head -1)
		for q in $(awk '{ print $1 }' "$work/plan"); do
			for j in $(patches "$q"); do
				if [ "$q" = "$post" ]; then
					printf '%s\tpatch %s\n' "$j" $((j - first + 1))
				elif [ "$(patches "$q" | wc -l)" = 1 ]; then
					printf '%s\t"%s"\n' "$j" "$(subject_of "$q")"
				else
					printf '%s\tpatch %s of "%s"\n' "$j" \
						$((j - $(patches "$q" | head -1) + 1)) "$(subject_of "$q")"
				fi
			done
		done >"$work/refs"
		KSZ_REFS=$work/refs perl -pe '
			BEGIN { open(my $r, "<", $ENV{KSZ_REFS}) or die;
				while (<$r>) { chomp; my ($j, $t) = split /\t/, $_, 2; $m{$j} = $t } }
			s/\b00(\d\d)\b/exists $m{$1 + 0} ? $m{$1 + 0} : $&/ge' "$f" >"$work/note"
		below_dashes "$work/note" "$(ls "$dir"/"$(printf %04d $((k - first + 1)))"-*.patch)"
	done

	# 4. To: and Cc:, per patch and their union on the cover letter
	tto=
	tcc=
	for s in $(echo "$taker" | tr ',' ' '); do
		[ "$s" = - ] && continue
		s=$(echo "$s" | tr _ ' ')
		tto="$tto$(section M "$s")
"
		tcc="$tcc$(section RL "$s")
"
	done
	: >"$work/all-to"
	: >"$work/all-cc"
	for p in $(patch_files "$dir"); do
		to=$(printf '%s\n%s\n' "$(gm --no-r --no-l "$p")" "$tto" | grep . | awk '!s[$0]++')
		cc=$(printf '%s\n%s\n' "$(gm --no-m --r --l "$p")" "$tcc" | grep . |
			grep -vxF "$to" | awk '!s[$0]++' || true)
		# a file no maintainer covers: to the lists
		if [ -z "$to" ]; then
			to=$cc
			cc=
		fi
		echo "$to" >>"$work/all-to"
		echo "$cc" >>"$work/all-cc"
		add_headers "$p" "$to" "$cc"
	done
	if [ -n "$cl" ]; then
		to=$(grep . "$work/all-to" | awk '!s[$0]++')
		cc=$(grep . "$work/all-cc" | grep -vxF "$to" | awk '!s[$0]++' || true)
		add_headers "$cover" "$to" "$cc"
	fi
	note "outgoing: $(basename "$dir"): $count patch(es)$( [ "$needs" = - ] || echo ", after $needs")"
done <"$work/plan"

if grep -rlF "$placeholder" "$out"; then
	die "outgoing: the placeholder identity is left in the files above"
fi
note "outgoing: $i postings in $out, from $name <$email>; the posting plan is in README.md"
if [ -z "$public_base" ]; then
	note "outgoing: WARNING: base-commit: is the local baseline (Debian's source), which"
	note "outgoing: nobody else can fetch: before sending, run make outgoing KSRC=<a git"
	note "outgoing: checkout of the tree each posting goes to, at the base it applies on>"
fi
note "outgoing: check each, then send them in order, waiting for what each needs to be taken:"
note "    git send-email $out/01-*/*.patch"

#!/bin/sh
# make outgoing, as a user would run it, with a made-up identity in a
# scratch git configuration: it refuses without an identity; with one, it
# writes the postings of patches/postings, each in that identity with no
# placeholder or version number, checkpatch --strict clean, addressed to
# the maintainers and lists of its files and of its taker, with the
# base-commit and the prerequisite-patch-id lines of what it needs (as b4
# computes them), accepted by git send-email --dry-run and read back by
# b4 am; applied in order they give the very tree of the series.  The
# README's posting plan names the same postings.
. "$(dirname "$0")/tap.sh"
tree=$BUILD/tree
git -C "$tree" rev-parse -q --verify baseline >/dev/null 2>&1 ||
	bail "no $tree: run make tree"
command -v b4 >/dev/null || bail "no b4: run make deps"
tmp=$(mktemp -d)
trap 'git -C "$tree" worktree remove --force "$tmp/wt" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
# git reads only this configuration (and the work trees' own)
export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig"
: >"$tmp/gitconfig"
name="Test Developer"
email=test.developer@example.net
id="$name <$email>"
out=$tmp/out
plan_file=$TOP/patches/postings
postings=$(grep -v '^[[:space:]]*\(#\|$\)' "$plan_file")
np=$(echo "$postings" | grep -c .)
plan 19

outgoing() {
	(cd "$tmp" && "$TOP/scripts/outgoing.sh" "$tree" "$TOP/patches" "$out")
}
# dir NAME: the directory of a posting
dir() { ls -d "$out"/[0-9][0-9]-"$1"; }
# msgs NAME: its patches, not the cover letter
msgs() { ls "$(dir "$1")"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '/0000-cover-letter.patch$'; }
# count NAME: its number of patches, from the plan
count() {
	r=$(echo "$postings" | awk -v p="$1" '$1 == p { print $2 }')
	echo $((${r#*-} - ${r%-*} + 1))
}
# headers FILE NAME: the addresses of a (folded) header
headers() {
	awk -v h="$2:" '/^$/ { exit } $1 == h { f = 1; sub(/^[^:]*: */, ""); print; next }
		f && /^[ \t]/ { print; next } { f = 0 }' "$1" | tr ',' '\n' |
		sed 's/^[[:space:]]*//; /^$/d'
}
# section_m TITLE-PREFIX: the maintainers of a MAINTAINERS section
section_m() {
	awk -v s="$1" 'index($0, s) == 1 { f = 1; next } f && /^$/ { exit }
		f && /^M:/ { sub(/^M:[ \t]*/, ""); print }' "$tree/MAINTAINERS"
}

msg=$(outgoing 2>&1)
rc=$?
[ $rc != 0 ] && echo "$msg" | grep -q 'git config --global user.email'
ok $? "no identity: refused, saying how to set one (exit $rc)" "$msg"

git config --global user.name "$name"
git config --global user.email "$email"
msg=$(outgoing 2>&1)
ok $? "with an identity: outgoing succeeds" "$msg"

bad=
i=0
echo "$postings" | while read -r post range needs taker; do
	i=$((i + 1))
	d=$out/$(printf %02d $i)-$post
	n=$(count "$post")
	[ -d "$d" ] || { echo "$post: no $d"; continue; }
	got=$(ls "$d" | grep -vc '^0000-cover-letter.patch$')
	[ "$got" = "$n" ] || echo "$post: $got patches, not $n"
	[ "$n" -gt 1 ] && [ ! -f "$d/0000-cover-letter.patch" ] && echo "$post: no cover letter"
	[ "$n" = 1 ] && [ -f "$d/0000-cover-letter.patch" ] && echo "$post: a cover letter for one patch"
done >"$tmp/layout"
[ "$(ls "$out" | wc -l)" = "$np" ] || echo "$(ls "$out" | wc -l) directories, not $np" >>"$tmp/layout"
[ ! -s "$tmp/layout" ]
ok $? "$np postings, as patches/postings lists them, a cover letter where more than one patch" \
	"$(cat "$tmp/layout")"

left=$(grep -rl 'kallsyms-sizes@example.org\|Kallsyms Sizes <' "$out")
[ -z "$left" ]
ok $? "no placeholder identity left" "$left"

bad=
for p in "$out"/*/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	d=$(dirname "$p")
	n=$(ls "$d" | grep -vc '^0000-cover-letter.patch$')
	if [ "$n" = 1 ]; then pre='\[PATCH\]'; else pre="\\[PATCH [0-9]*/$n\\]"; fi
	grep -qx "From: $id" "$p" && grep -qx "Signed-off-by: $id" "$p" &&
		grep -q "^Subject: $pre " "$p" || bad="$bad $p"
done
[ -z "$bad" ]
ok $? "every patch: From: and Signed-off-by: $id; [PATCH] or [PATCH k/n], no version" "$bad"

grep -qx "+M:	$id" "$(dir core)"/*-MAINTAINERS-*.patch &&
	! grep -q '^+T:' "$(dir core)"/*-MAINTAINERS-*.patch
ok $? "the core's MAINTAINERS entry names $id as maintainer, without a tree"

# base-commit and prerequisites: the baseline, and the patch-ids b4
# would compute of what each posting needs (transitively), in order
base=$(git -C "$tree" rev-parse baseline)
bad=
for post in $(echo "$postings" | awk '{ print $1 }'); do
	last=$(ls "$(dir "$post")"/*.patch | head -1)
	grep -qx "base-commit: $base" "$last" || bad="$bad [$post: base-commit]"
	want=$(awk -v p="$post" '
		{ need[$1] = $3; order[++n] = $1 }
		END {
			w[p] = 1
			for (changed = 1; changed; ) {
				changed = 0
				for (q in w) { k = split(need[q], a, ",")
					for (i = 1; i <= k; i++) if (a[i] != "-" && !(a[i] in w)) { w[a[i]] = 1; changed = 1 } }
			}
			for (i = 1; i <= n; i++) if (order[i] != p && order[i] in w) print order[i]
		}' <<EOF
$postings
EOF
)
	ids=$(for q in $want; do for m in $(msgs "$q"); do
		git patch-id --stable <"$m" | cut -d' ' -f1; done; done)
	got=$(sed -n 's/^prerequisite-patch-id: //p' "$last")
	[ "$ids" = "$got" ] || bad="$bad [$post: prerequisites of$(echo " $want" | tr '\n' ' ')]"
done
[ -z "$bad" ]
ok $? "every posting: base-commit of the baseline, prerequisite-patch-id of what it needs" "$bad"

res=
for p in "$out"/*/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	r=$(checkpatch "$tree" "$p")
	echo "$r" | grep -q 'total: 0 errors, 0 warnings, 0 checks' || res="$res$r
"
done
[ -z "$res" ]
ok $? "checkpatch --strict clean on every stamped patch" "$res"

p1=$(msgs ftrace-fix)
want=$(section_m 'FUNCTION HOOKS (FTRACE)')
miss=$(echo "$want" | while read -r a; do headers "$p1" To | grep -qxF "$a" || echo "$a"; done)
[ -n "$want" ] && [ -z "$miss" ] &&
	headers "$p1" Cc | grep -qx 'linux-trace-kernel@vger.kernel.org' &&
	grep -q '^Fixes: [0-9a-f]\{12\} ("' "$p1" && grep -qx 'Cc: stable@vger.kernel.org' "$p1"
ok $? "the ftrace fix: To: FTRACE's maintainers, Cc: linux-trace-kernel, Fixes: and Cc: stable" \
	"missing: $miss"

# the taker's maintainers on every message of a posting
takers() {
	post=$1
	sec=$2
	want=$(section_m "$sec")
	[ -n "$want" ] || { echo "no section $sec"; return; }
	for p in $(ls "$(dir "$post")"/*.patch); do
		echo "$want" | while read -r a; do
			headers "$p" To | grep -qxF "$a" || echo "$(basename "$p"): no $a"
		done
	done
}
miss="$(takers kallsyms-input 'KERNEL BUILD')$(takers core 'MODULE SUPPORT')"
[ -z "$miss" ]
ok $? "takers: scripts/kallsyms to Kbuild's maintainers, the core to the modules maintainers" "$miss"

bad=
for post in $(echo "$postings" | awk '{ print $1 }'); do
	c=$(dir "$post")/0000-cover-letter.patch
	[ -f "$c" ] || continue
	all=$(for p in $(msgs "$post"); do headers "$p" To; headers "$p" Cc; done | sort -u)
	cov=$( (headers "$c" To; headers "$c" Cc) | sort -u)
	[ -n "$all" ] && [ "$all" = "$cov" ] || bad="$bad $post"
done
[ -z "$bad" ]
ok $? "cover letters: To:/Cc: the union of their patches'" "$bad"

bad=
for d in "$out"/*/; do
	n=$(ls "$d" | wc -l)
	se=$(cd "$tmp" && git send-email --dry-run --confirm=never "$d"*.patch </dev/null 2>&1)
	[ "$(echo "$se" | grep -c '^Dry-OK')" = "$n" ] || bad="$bad $(basename "$d")"
done
[ -z "$bad" ]
ok $? "git send-email --dry-run accepts every message of every posting" "$bad"

# b4 reads each posting back; applied in order they give the tree of the
# series, but for the identity in MAINTAINERS
git -C "$tree" worktree add -q --detach "$tmp/wt" baseline
: >"$tmp/b4.log"
for d in "$out"/*/; do
	rm -rf "$tmp/b4"
	mkdir -p "$tmp/b4"
	cat "$d"*.patch >"$tmp/posting.mbox"
	(cd "$tmp/wt" && b4 -q am -m - -o "$tmp/b4" <"$tmp/posting.mbox" &&
		git am -q "$tmp"/b4/*.mbx) >>"$tmp/b4.log" 2>&1 || {
		echo "$(basename "$d") failed" >>"$tmp/b4.log"
		break
	}
done
! grep -q ' failed$' "$tmp/b4.log"
ok $? "b4 am reads every posting, git am applies them in order" "$(tail -5 "$tmp/b4.log")"
head=$(git -C "$tree" rev-parse HEAD)
d=$(git -C "$tmp/wt" diff --stat HEAD "$head" -- . ':!MAINTAINERS')
m=$(git -C "$tmp/wt" diff -U0 HEAD "$head" -- MAINTAINERS |
	sed -n 's/^[-+]\([^-+]\)/\1/p' | sort -u)
want=$(printf 'M:\t%s\nM:\t%s\n' "$id" 'Kallsyms Sizes <kallsyms-sizes@example.org>' | sort -u)
[ -z "$d" ] && [ "$m" = "$want" ]
ok $? "the tree b4 gives is the series' tree, but for the identity in MAINTAINERS" "$d
$m"

# the core's cover letter: what reviewers ask first, short enough to read
cover=$(dir core)/0000-cover-letter.patch
words=$(sed 1d "$TOP/patches/cover-core.txt" | wc -w)
lnk='https://lore.kernel.org/all/CAHk-=wii_nN1X4O9=nztJy3rexKp9w5Gsp=J5kZ43Hekja+Omg@mail.gmail.com/'
miss=
for s in "$lnk" 'kunit.py run --kunitconfig=kernel' 'Not run' 'bytes per symbol' \
	'links exactly as many times' 'audited' 'Routing' 'This applies on top of' \
	"$name ($(count core)):"; do
	grep -qF -- "$s" "$cover" || miss="$miss [$s]"
done
[ "$words" -le 900 ] && [ -z "$miss" ]
ok $? "core cover letter: $words words (<= 900); proposal, encoding, how to test, not run, routing, prerequisites, shortlog" \
	"missing:$miss"
emit=$(ls "$(dir core)"/0001-*.patch)
grep -qx 'Suggested-by: Linus Torvalds <torvalds@linux-foundation.org>' "$emit" &&
	grep -qxF "Link: $lnk" "$emit"
ok $? "the table Linus Torvalds proposed: Suggested-by: and Link: to the proposal"

# the audit goes with the patch that changes the reported sizes, its patch
# numbers as a reader of that posting finds them
a=$(grep -l '^Audit of the callers of the lookups' "$out"/*/*.patch)
audit() { sed -n '/^Audit of the callers/,/^diff --git/p' "$a"; }
[ "$(echo "$a" | grep -c .)" = 1 ] && echo "$a" | grep -q '/[0-9][0-9]-core/' &&
	! audit | grep -q '\b00[0-9][0-9]\b' && audit | grep -q '(patch 9, patch 10;' &&
	! audit | grep -q '.\{81\}'
ok $? "the caller audit is below the --- of the core's size patch, in that posting's numbers, in 80 columns" "$a"

# the README's posting plan: one line per posting, in order, with its patches
readme=$(sed -n '/^## Posting plan/,/^## /p' "$TOP/README.md" |
	sed -n 's/^| *\([0-9]*\) *| *`\([a-z0-9-]*\)` *| *\([0-9-]*\) *|.*/\1 \2 \3/p')
planned=$(echo "$postings" | awk '{ print NR, $1, $2 }')
is "$readme" "$planned" "README's posting plan lists the postings of patches/postings, in order"

# one posting per tree: a standalone fix first, the follow-ups after the core
first=$(echo "$postings" | awk 'NR == 1 { print $1 }')
later=$(echo "$postings" | awk '$3 ~ /core/ { print $1 }' | tr '\n' ' ')
[ "$first" = ftrace-fix ] && [ -n "$later" ]
ok $? "the ftrace fix goes first; after the core: $later"

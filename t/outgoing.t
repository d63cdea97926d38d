#!/bin/sh
# make outgoing, as a user would run it, with a made-up identity in a
# scratch git configuration: it refuses without an identity; with one, the
# directory it writes carries that identity and no placeholder, is
# checkpatch --strict clean, addresses each patch to the maintainers and
# lists that MAINTAINERS gives for its files, is accepted by
# git send-email --dry-run, and is read back by b4 am into the very tree
# of the series.
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
n=$(grep -c '^[0-9]' "$TOP/patches/series")
plan 15

# outgoing: run it from outside any git work tree, as make does from a clone
outgoing() {
	(cd "$tmp" && "$TOP/scripts/outgoing.sh" "$tree" "$TOP/patches" "$out" 3)
}

msg=$(outgoing 2>&1)
rc=$?
[ $rc != 0 ] && echo "$msg" | grep -q 'git config --global user.email'
ok $? "no identity: refused, saying how to set one (exit $rc)" "$msg"

git config --global user.name "$name"
git config --global user.email "$email"
msg=$(outgoing 2>&1)
ok $? "with an identity: outgoing succeeds" "$msg"
cover=$out/v3-0000-cover-letter.patch
is "$(ls "$out" | grep -c '^v3-[0-9]\{4\}-.*\.patch$')" $((n + 1)) \
	"$n patches and a cover letter, named v3-NNNN"

left=$(grep -l 'kallsyms-sizes@example.org\|Kallsyms Sizes <' "$out"/*)
[ -z "$left" ]
ok $? "no placeholder identity left" "$left"

bad=
for p in "$out"/v3-0*.patch; do
	[ "$p" = "$cover" ] && continue
	grep -qx "From: $id" "$p" && grep -qx "Signed-off-by: $id" "$p" &&
		grep -q "^Subject: \[PATCH v3 [0-9]*/$n\] " "$p" || bad="$bad $p"
done
[ -z "$bad" ]
ok $? "every patch: From: and Signed-off-by: $id, [PATCH v3 NN/$n]" "$bad"
grep -q "^+M:	$id\$" "$out"/v3-0*.patch
ok $? "the MAINTAINERS entry names $id"

base=$(git -C "$tree" rev-parse baseline)
grep -qx "base-commit: $base" "$cover"
ok $? "cover letter: base-commit of the baseline ($base)"

res=
for p in "$out"/v3-0*.patch; do
	[ "$p" = "$cover" ] && continue
	r=$(checkpatch "$tree" "$p")
	echo "$r" | grep -q 'total: 0 errors, 0 warnings, 0 checks' ||
		res="$res$r
"
done
[ -z "$res" ]
ok $? "checkpatch --strict clean on the stamped patches" "$res"

# the maintainers of a section, from MAINTAINERS itself
section_m() {
	awk -v s="$1" '$0 == s { f = 1; next } f && /^$/ { exit }
		f && /^M:/ { sub(/^M:[ \t]*/, ""); print }' "$tree/MAINTAINERS"
}
# headers FILE NAME: the addresses of a (folded) header
headers() {
	awk -v h="$2:" '/^$/ { exit } $1 == h { f = 1; sub(/^[^:]*: */, ""); print; next }
		f && /^[ \t]/ { print; next } { f = 0 }' "$1" | tr ',' '\n' |
		sed 's/^[[:space:]]*//; /^$/d'
}
p1=$(ls "$out"/v3-0001-*.patch)
want=$(section_m 'FUNCTION HOOKS (FTRACE)')
miss=$(echo "$want" | while read -r a; do
	headers "$p1" To | grep -qxF "$a" || echo "$a"; done)
[ -n "$want" ] && [ -z "$miss" ] &&
	headers "$p1" Cc | grep -qx 'linux-trace-kernel@vger.kernel.org'
ok $? "patch 1 (ftrace): To: the FTRACE maintainers, Cc: linux-trace-kernel" \
	"missing: $miss
$(headers "$p1" To; headers "$p1" Cc)"

all=$(for p in "$out"/v3-0*.patch; do
	[ "$p" = "$cover" ] || { headers "$p" To; headers "$p" Cc; }; done | sort -u)
cov=$( (headers "$cover" To; headers "$cover" Cc) | sort -u)
[ -n "$all" ] && [ "$all" = "$cov" ]
ok $? "cover letter: To:/Cc: is the union of the patches' ($(echo "$all" | wc -l) addresses)" \
	"$(echo "$all" | grep -vxF "$cov")"

se=$(cd "$tmp" && git send-email --dry-run --confirm=never "$out"/*.patch \
	</dev/null 2>&1)
rc=$?
[ $rc = 0 ] && [ "$(echo "$se" | grep -c '^Dry-OK')" = $((n + 1)) ]
ok $? "git send-email --dry-run accepts all $((n + 1)) messages" \
	"exit $rc; $(echo "$se" | tail -5)"

# b4 reads the series back; applied to the baseline it is the tree of the
# series, but for the identity in MAINTAINERS
git -C "$tree" worktree add -q --detach "$tmp/wt" baseline
mkdir -p "$tmp/b4"
cat "$out"/*.patch >"$tmp/series.mbox"
(cd "$tmp/wt" && b4 -q am -m - -o "$tmp/b4" <"$tmp/series.mbox") \
	>"$tmp/b4.log" 2>&1 &&
	(cd "$tmp/wt" && git am -q "$tmp"/b4/*.mbx) >>"$tmp/b4.log" 2>&1
ok $? "b4 am reads the series, git am applies it" "$(tail -5 "$tmp/b4.log")"
head=$(git -C "$tree" rev-parse HEAD)
d=$(git -C "$tmp/wt" diff --stat HEAD "$head" -- . ':!MAINTAINERS')
m=$(git -C "$tmp/wt" diff -U0 HEAD "$head" -- MAINTAINERS |
	sed -n 's/^[-+]\([^-+]\)/\1/p' | sort -u)
want=$(printf 'M:\t%s\nM:\t%s\n' "$id" 'Kallsyms Sizes <kallsyms-sizes@example.org>' |
	sort -u)
[ -z "$d" ] && [ "$m" = "$want" ]
ok $? "the tree b4 gives is the series' tree, but for the identity in MAINTAINERS" \
	"$d
$m"

# what reviewers ask first: whose idea, where it was proposed, prior art,
# the link-pass invariant, what changed, which tree takes what
p3=$(ls "$out"/v3-0003-*.patch)
lnk='Link: https://lore.kernel.org/all/CAHk-=wii_nN1X4O9=nztJy3rexKp9w5Gsp=J5kZ43Hekja+Omg@mail.gmail.com/'
grep -qx 'Suggested-by: Linus Torvalds <torvalds@linux-foundation.org>' "$p3" &&
	grep -qxF "$lnk" "$p3"
ok $? "patch 3, the table Linus Torvalds proposed: Suggested-by: and Link: to the proposal"
miss=
for s in 'Prior art' 'kallmodsyms' 'sorttable' 'Changes since v1' \
	'Which tree' 'link pass' 'bytes per symbol' 'On an x86_64 defconfig' \
	"$lnk" "$name ($n):"; do
	grep -qiF "$s" "$cover" || miss="$miss [$s]"
done
[ -z "$miss" ]
ok $? "cover letter: proposal, prior art, invariant, bytes per symbol, changes, trees, shortlog" "missing:$miss"

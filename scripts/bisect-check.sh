#!/bin/sh
# make bisect-check: every prefix of the series builds and boots.
# Checks out each commit of the tree after the baseline
# in a second work tree, builds it with configs/test.config in one O=
# directory (incremental from commit to commit) and boots it with the
# test initramfs; a boot is good when the guest reaches KSZ-END.  Not part
# of the tests (one build per patch); run it before sending the series.
# BISECT_ONLY="5 16" checks only those patches (by number), for example
# the ones changed since a full run: each still builds its whole commit.
# Environment: BUILD (set by the Makefile).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
. "$here/lib.sh"
: "${BUILD:?}"
tree=$BUILD/tree
wt=$BUILD/bisect-tree
out=$BUILD/out-bisect
logs=$BUILD/bisect
mkdir -p "$logs"

[ -d "$tree/.git" ] || die "bisect-check: no $tree (make tree)"
[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" baseline
commits=$(git -C "$tree" rev-list --reverse baseline..series)
n=$(echo "$commits" | grep -c .)
i=0
failed=0
for c in $commits; do
	i=$((i + 1))
	if [ -n "${BISECT_ONLY:-}" ]; then
		case " $BISECT_ONLY " in *" $i "*) ;; *) continue ;; esac
	fi
	subject=$(git -C "$tree" log -1 --format=%s "$c")
	note "bisect-check $i/$n: $subject (log: $logs/$i.log)"
	git -C "$wt" checkout -q --detach "$c"
	if ! "$here/build-kernel.sh" "$wt" "$out" "$top/configs/test.config" \
		>"$logs/$i.log" 2>&1; then
		note "bisect-check $i/$n: BUILD FAILED, see $logs/$i.log and $out/build.log"
		failed=$((failed + 1))
		continue
	fi
	"$here/make-initramfs.sh" "$logs/$i.cpio" "$out" "$BUILD/guest" \
		"$BUILD/bin/holes" >>"$logs/$i.log" 2>&1
	"$here/boot.sh" "$out/arch/x86/boot/bzImage" "$logs/$i.cpio" \
		"$logs/$i.console" || true
	rm -rf "$logs/$i.cpio" "$logs/$i.cpio.d"
	st=$(cat "$logs/$i.console.status")
	[ "$st" = ok ] || { failed=$((failed + 1)); st="BOOT FAILED: $st"; }
	note "bisect-check $i/$n: built, boot $st (console: $logs/$i.console)"
done
[ $failed = 0 ] || die "bisect-check: $failed of $n commits failed"
note "bisect-check: all ${BISECT_ONLY:+of patches $BISECT_ONLY of the }$n commits build and boot"

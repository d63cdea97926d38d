# TAP helpers for the tests (POSIX sh; source it).  BUILD comes from the
# Makefile; default to the usual place when a test is run by hand.
: "${BUILD:=$(cd "$(dirname "$0")/.." && pwd)/build}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
tap_n=0

plan() { echo "1..$1"; }

# ok COND_STATUS DESCRIPTION [what was expected / what was seen]
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		[ -n "${3:-}" ] && echo "$3" | sed 's/^/# /'
	fi
	return 0
}

# is GOT WANT DESCRIPTION
is() {
	[ "$1" = "$2" ]
	ok $? "$3" "expected: $2
     got: $1"
}

diag() { echo "$*" | sed 's/^/# /'; }

bail() {
	echo "Bail out! $*"
	exit 1
}

# console LOG: fail clearly when the boot that should have made LOG failed
need_boot() {
	[ -f "$1.status" ] || bail "no boot log $1: run make check (or scripts/prepare.sh)"
}

# both guests' boots (need_boot of each)
need_boots() {
	need_boot "$BUILD/boot/base.log"
	need_boot "$BUILD/boot/patched.log"
}

# the test module ksz_noreturn.ko, built against the patched kernel, in
# $ko, and its symbol table (readelf -sW) in $tmp/syms; $tmp goes on exit
ksz_module_syms() {
	ko=$BUILD/out-patched/ksz-mod/ksz_noreturn.ko
	[ -f "$ko" ] || bail "no $ko: run make check"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	readelf -sW "$ko" > "$tmp/syms" || bail "readelf -s $ko failed"
}

# The Debian fixture (shared material, not part of this repository).
. "$TOP/scripts/lib.sh"
fixture=$(find_fixture)

# checkpatch TREE PATCH: checkpatch --strict of TREE on PATCH (an absolute
# path), terse.  One message type is left out: UNKNOWN_COMMIT_ID, as a
# Debian source tree has no upstream history to look a Fixes: id up in
# (checkpatch still checks the tag's form; the id was checked upstream).
checkpatch() {
	(cd "$1" && perl scripts/checkpatch.pl --strict --no-tree -q \
		--ignore UNKNOWN_COMMIT_ID --terse "$2" 2>&1)
}

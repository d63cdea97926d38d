#!/bin/sh
# Every C file the series touches is sparse-clean (make C=2) and W=1
# warning-free, measured against the same files of the unpatched source:
# a warning the baseline already has is not the series' (listed, not
# failed); a new one fails.  Host code (scripts/kallsyms.c) gets the
# host warnings.  Line numbers are dropped, as the patches shift them.
. "$(dirname "$0")/tap.sh"
tree=$BUILD/tree
src=${SRC:-$BUILD/src}
sparse=$BUILD/bin/sparse
[ -x "$sparse" ] || bail "no $sparse: run make check (scripts/fetch-sparse.sh)"
[ -d "$tree/.git" ] || bail "no $tree: run make tree"
plan 5

# arch/ files of other architectures cannot be built here: listed, and
# left to the cross builds of make matrix
files=$(git -C "$tree" diff --name-only baseline -- '*.c' |
	grep -v '^\(scripts\|tools\)/' | grep -v '^arch/' ; true)
other=$(git -C "$tree" diff --name-only baseline -- 'arch/*.c' | grep -v '^arch/x86/' ; true)
files="$files $(git -C "$tree" diff --name-only baseline -- 'arch/x86/*.c')"
[ -z "$other" ] || diag "not built on x86_64, not checked here:" $other
# what the normal build linked (vmlinux.a) or built as a module; not the
# .o files, which the checks below make for any file they are given
linked=$(cd "$BUILD/out-patched" && ar t vmlinux.a && cat modules.order)
objs=
extra=
for f in $files; do
	o=${f%.c}.o
	if echo "$linked" | grep -qx "$o"; then
		objs="$objs $o"
	else
		extra="$extra $o"
	fi
done
diag "checking:$objs"

# Files the test kernel does not build (KASAN's report code) are checked
# in a configuration of their own, test.config + configs/static-extra.config,
# prepared but not linked: only those files are compiled.
# prep SRCDIR OUTDIR: configure and prepare OUTDIR for that
prep() {
	mkdir -p "$2"
	{ make -s -C "$1" O="$2" tinyconfig &&
	  "$1/scripts/kconfig/merge_config.sh" -m -O "$2" "$2/.config" \
		"$TOP/configs/test.config" "$TOP/configs/static-extra.config" &&
	  make -s -C "$1" O="$2" olddefconfig &&
	  make -s -C "$1" O="$2" -j"$(nproc)" prepare; } >"$2/prepare.log" 2>&1
}
if [ -n "$extra" ]; then
	prep "$src" "$BUILD/out-static-base" && prep "$tree" "$BUILD/out-static-patched" ||
		bail "cannot prepare the static-check build, see $BUILD/out-static-*/prepare.log"
fi
diag "checking with configs/static-extra.config:${extra:- nothing}"

# normalize SRCDIR < compiler output: "file: warning/error text", sorted
normalize() {
	tr -d '\r' | grep -E '(warning|error):' |
		sed -E "s|^$1/||; s|:[0-9]+(:[0-9]+)?:|:|" | sort
}
# checks NAME SRCDIR OUTDIR OBJ...: rebuild the objects with sparse and
# W=1; raw output in $BUILD/static-NAME.log, normalized in .txt
checks() {
	n=$1
	s=$2
	o=$3
	shift 3
	# W=1 warnings come only from a compile: force one
	for f in "$@"; do
		rm -f "$o/$f"
	done
	make -s -C "$s" O="$o" C=2 CHECK="$sparse" W=1 "$@" \
		>"$BUILD/static-$n.log" 2>&1
	r=$?
	normalize "$s" <"$BUILD/static-$n.log" >"$BUILD/static-$n.txt"
	return $r
}
base_objs=
for o in $objs; do
	[ -f "$src/${o%.o}.c" ] && base_objs="$base_objs $o"
done
checks base "$src" "$BUILD/out-base" $base_objs
checks patched "$tree" "$BUILD/out-patched" $objs
r=$?
! grep -q 'is not available or not up to date' "$BUILD/static-patched.log"
r=$(($? | r))
if [ -n "$extra" ]; then
	base_extra=
	for o in $extra; do
		[ -f "$src/${o%.o}.c" ] && base_extra="$base_extra $o"
	done
	checks extra-base "$src" "$BUILD/out-static-base" $base_extra
	checks extra-patched "$tree" "$BUILD/out-static-patched" $extra
	r=$(($? | r))
fi
# each extra file must be one that configuration builds: the checks above
# compiled it (they remove each object first)
missing=
for o in $extra; do
	[ -f "$BUILD/out-static-patched/$o" ] || missing="$missing ${o%.o}.c"
done
[ -z "$missing" ]
ok $? "every touched kernel C file is built by the test config or configs/static-extra.config:" \
	"built by neither:$missing"
if [ -n "$extra" ]; then
	cat "$BUILD/static-extra-base.txt" >>"$BUILD/static-base.txt"
	cat "$BUILD/static-extra-patched.txt" >>"$BUILD/static-patched.txt"
	sort -o "$BUILD/static-base.txt" "$BUILD/static-base.txt"
	sort -o "$BUILD/static-patched.txt" "$BUILD/static-patched.txt"
fi
ok $r "sparse $("$sparse" --version) checked every touched file" \
	"$(tail -5 "$BUILD/static-patched.log" "$BUILD/static-extra-patched.log" 2>/dev/null)"
new=$(comm -13 "$BUILD/static-base.txt" "$BUILD/static-patched.txt")
[ -z "$new" ]
ok $? "no new sparse or W=1 diagnostic in the touched files" "$new"
diag "diagnostics the baseline has too: $(grep -c . <"$BUILD/static-base.txt")"

# host NAME SRCDIR: scripts/kallsyms.c with the usual host warnings
host() {
	${HOSTCC:-cc} -fsyntax-only -Wall -Wextra -Wmissing-prototypes \
		-Wstrict-prototypes -I"$2/scripts/include" \
		"$2/scripts/kallsyms.c" >"$BUILD/static-host-$1.log" 2>&1
	r=$?
	normalize "$2" <"$BUILD/static-host-$1.log" >"$BUILD/static-host-$1.txt"
	return $r
}
host base "$src"
host patched "$tree"
ok $? "scripts/kallsyms.c compiles" "$(tail -5 "$BUILD/static-host-patched.log")"
new=$(comm -13 "$BUILD/static-host-base.txt" "$BUILD/static-host-patched.txt")
[ -z "$new" ]
ok $? "no new host warning (-Wall -Wextra) in scripts/kallsyms.c" "$new"

#!/bin/sh
# scripts/faddr2line must accept a "func+off/size" entry whose size is the
# ELF size, as the patched kernel prints it.  A host object with debug info
# and aligned functions has padding, so the ELF size of f1 differs from the
# distance to f2 (what the unpatched script expects).
. "$(dirname "$0")/tap.sh"
plan 8
tree=$BUILD/tree
[ -x "$tree/scripts/faddr2line" ] || bail "no $tree: run make tree"
tmp=$(mktemp -d) || bail "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
git -C "$tree" show baseline:scripts/faddr2line >"$tmp/faddr2line.base" ||
	bail "no baseline commit in $tree"

cat >"$tmp/f.c" <<'EOF'
int g;
void f1(void) { g++; asm volatile(".globl f1_inner\nf1_inner:"); g += 3; }
void f2(void) { g += 2; }
EOF
cc -O2 -g -falign-functions=64 -c -o "$tmp/f.o" "$tmp/f.c" || bail "cc failed"

# independent truth: nm's size for f1 and the distance to f2
eval "$(nm -S "$tmp/f.o" | awk '$4 == "f1" { print "a1=0x" $1 "; s1=0x" $2 }
				$4 == "f2" { print "a2=0x" $1 }')"
inner=0x$(nm "$tmp/f.o" | awk '$3 == "f1_inner" { print $1 }')
elf=$(printf 0x%x $((s1)))
dist=$(printf 0x%x $((a2 - a1)))
[ "$elf" != "$dist" ]
ok $? "f1's ELF size $elf differs from the distance to f2 ($dist)"

run() { bash "$1" "$tmp/f.o" "$2" 2>&1; }
out=$(run "$tree/scripts/faddr2line" "f1+0x1/$elf")
case $out in *"f1 at "*f.c:2*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line resolves f1+0x1/$elf (ELF size)" "$out"
out=$(run "$tree/scripts/faddr2line" "f1+0x1/$dist")
case $out in *"f1 at "*f.c:2*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line still resolves f1+0x1/$dist (older kernels)" "$out"
out=$(run "$tmp/faddr2line.base" "f1+0x1/$elf")
case $out in *"size mismatch"*) r=0 ;; *) r=1 ;; esac
ok $r "unpatched faddr2line skips f1+0x1/$elf (the reason for the patch)" "$out"
# a label nested in f1: the patched kernel gives it the rest of f1 as size
rest=$(printf 0x%x $((a1 + s1 - inner)))
out=$(run "$tree/scripts/faddr2line" "f1_inner+0x1/$rest")
case $out in *mismatch*) r=1 ;; *" at "*f.c:2*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line resolves f1_inner+0x1/$rest (nested label)" "$out"
big=$(printf 0x%x $((a2 - inner + 16)))
out=$(run "$tree/scripts/faddr2line" "f1_inner+0x1/$big")
case $out in *"size mismatch"*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line skips f1_inner+0x1/$big (larger than any extent)" "$out"
# an address in the padding after f1 prints as f1+off/size with off past
# the ELF size: the offset is bounded by the distance to f2, not by the size
pad=$(printf 0x%x $((s1 + 2)))
out=$(run "$tree/scripts/faddr2line" "f1+$pad/$elf")
case $out in *mismatch*) r=1 ;; *"f1+$pad/"*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line resolves f1+$pad/$elf (in the padding after f1)" "$out"
far=$(printf 0x%x $((a2 - a1 + 1)))
out=$(run "$tree/scripts/faddr2line" "f1+$far/$elf")
case $out in *"size mismatch"*) r=0 ;; *) r=1 ;; esac
ok $r "patched faddr2line skips f1+$far/$elf (past the next symbol)" "$out"

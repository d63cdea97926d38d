# kallsyms-sizes harness.  The targets are thin: each calls one script.
#   make demo       fetch, patch, build, boot both kernels; show a hole side by side
#   make check      the same, then make matrix for arm64 and x86_64 clang,
#                   then run the tests under prove
#   make tree       git work tree of the source with patches/series applied
#   make patches    export the tree's commits back to patches/
#   make map-check [MAP=file] check the series' size table on an nm -n -S listing
#                   (default: the Debian fixture, see find_fixture in scripts/lib.sh)
#   make bench      memory, lookup speed and build cost, patched/unpatched
#   make defconfig-bytes  bytes per symbol of the size tables on an x86_64
#                   defconfig (builds the unpatched defconfig, ~30 min)
#   make matrix [MATRIX="arm64 ..."]  both kernels on every architecture and
#                   toolchain of configs/matrix/targets: build, decode, relink, boot
#   make bisect-check  every prefix of the series builds and boots
#   make outgoing      the postings of patches/postings, in your git identity, with
#                   To:/Cc: from get_maintainer.pl, in build/outgoing
# KSRC=/path/to/linux uses that tree instead of Debian's linux-source-$(KVER)
# (7.3, from Debian experimental; KVER=x.y picks another version).

KSRC ?=
KVER ?= 7.3
BUILD ?= $(if $(KSRC),$(CURDIR)/build/ksrc,$(CURDIR)/build)
SRC := $(if $(KSRC),$(KSRC),$(BUILD)/src)
export KSRC KVER BUILD SRC

CFLAGS_HOST := -O2 -Wall -Wextra
MAP ?=

.PHONY: kunit-qemu all demo check bench matrix bisect-check tree patches outgoing map-check defconfig-bytes tools deps prepare clean

all: demo

deps:
	@scripts/install-deps.sh

tools: $(BUILD)/bin/holes $(BUILD)/bin/sizes-decode $(BUILD)/guest/kprobe-try \
	$(BUILD)/guest/read-time

$(BUILD)/bin/%: tools/%.c tools/nm-line.h
	@mkdir -p $(@D)
	@echo "tools: cc $(notdir $<) -> $@"
	@$(CC) $(CFLAGS_HOST) -o $@ $< -lelf -lm

$(BUILD)/guest/%: guest/%.c
	@mkdir -p $(@D)
	@echo "tools: cc -static $(notdir $<) -> $@"
	@$(CC) $(CFLAGS_HOST) -static -o $@ $<

prepare: deps tools
	@scripts/prepare.sh

demo: prepare
	@scripts/demo.sh

# make check's share of make matrix (t/matrix.t reads it): arm64 built and
# booted, x86_64 with clang ThinLTO and kCFI built and decoded
CHECK_MATRIX := arm64 x86_64-clang

check: prepare
	@scripts/kunit.sh $(BUILD)/tree $(BUILD)/kunit-uml $(BUILD)/kunit-uml.log
	@scripts/install-deps.sh matrix
	@MATRIX="$(CHECK_MATRIX)" MATRIX_TSV=$(BUILD)/matrix/ci.tsv scripts/matrix.sh
	prove --failures t/

# the KUnit suite through kunit.py under QEMU, x86_64 and arm64 (make
# check runs it on UML)
kunit-qemu: deps tree
	@scripts/install-deps.sh matrix
	@for a in x86_64 arm64; do \
		scripts/kunit.sh $(BUILD)/tree $(BUILD)/kunit-$$a $(BUILD)/kunit-$$a.log $$a; \
		grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete|exit status' $(BUILD)/kunit-$$a.log; \
	done

bench: prepare
	@scripts/bench.sh

matrix: deps tools tree
	@scripts/install-deps.sh matrix
	@scripts/matrix.sh

bisect-check: prepare
	@scripts/bisect-check.sh

tree: deps
	@if [ -z "$(KSRC)" ]; then scripts/fetch-source.sh $(BUILD) $(KVER); fi
	@scripts/make-tree.sh $(SRC) $(BUILD)/tree patches

patches:
	@scripts/export-patches.sh $(BUILD)/tree patches

outgoing: tree
	@scripts/outgoing.sh $(BUILD)/tree patches $(BUILD)/outgoing

map-check: deps $(BUILD)/bin/sizes-decode
	@scripts/map-check.sh $(BUILD)/tree "$(MAP)" $(BUILD)/map-check

defconfig-bytes: deps tree $(BUILD)/bin/sizes-decode
	@scripts/defconfig-bytes.sh $(SRC) $(BUILD)/tree $(BUILD)/defconfig

clean:
	rm -rf $(BUILD)/bin $(BUILD)/guest $(BUILD)/boot

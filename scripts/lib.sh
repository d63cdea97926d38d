# Shared helpers for the harness scripts (POSIX sh; source it).

# Seconds since the harness started (HARNESS_T0 is exported by the first caller).
: "${HARNESS_T0:=$(date +%s)}"
export HARNESS_T0

elapsed() {
	s=$(($(date +%s) - HARNESS_T0))
	printf '%d:%02d' $((s / 60)) $((s % 60))
}

# note MSG: one progress line with the elapsed time, on stderr so that
# TAP on stdout stays clean.
note() {
	printf '[%s] %s\n' "$(elapsed)" "$*" >&2
}

# run_logged LOG CMD...: run CMD with all output in LOG; on failure show
# the tail of LOG and where the whole of it is.
run_logged() {
	log=$1
	shift
	mkdir -p "$(dirname "$log")"
	if ! "$@" >"$log" 2>&1; then
		tail -n 25 "$log" >&2
		echo "FAILED: $* (full log: $log)" >&2
		return 1
	fi
}

die() {
	echo "error: $*" >&2
	exit 1
}

# find_fixture: the path of the Debian symbol-table fixture (shared
# material, not in this repository): $FIXTURE if set, else next to the
# repository, else /work/shared; nothing when there is none.
find_fixture() {
	for f in "${FIXTURE:-}" \
		"$(cd "$(dirname "$0")/.." && pwd)/../shared/fixtures/debian-7.2.13-cloud-amd64.nm.xz" \
		/work/shared/fixtures/debian-7.2.13-cloud-amd64.nm.xz; do
		[ -n "$f" ] && [ -f "$f" ] && { echo "$f"; return; }
	done
}

# guest_section NAME: the lines of a guest console (stdin) between
# guest/init's KSZ-NAME-BEGIN and KSZ-NAME-END markers, CRs dropped
guest_section() {
	tr -d '\r' | awk -v b="KSZ-$1-BEGIN" -v e="KSZ-$1-END" '
		$0 == b { f = 1; next } index($0, e) == 1 { f = 0 } f'
}

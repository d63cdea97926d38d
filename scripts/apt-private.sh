# A private apt configuration for Debian sid and experimental under $apt
# (source it after setting apt=DIR): its own sources list, lists, cache and
# status, so nothing under /etc/apt or the system's package state is touched.
# (experimental: linux-source-7.3, the series' base, is only there; sid
# stays for sparse's source package.)
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
[ -f "$apt/status" ] || : > "$apt/status"
cat > "$apt/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian experimental main
LIST

# apt-get and apt-cache with every path pointing under $apt
aptopts() {
	cmd=$1
	shift
	"$cmd" -q \
		-o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::Etc::Preferences=/dev/null \
		-o Dir::Etc::PreferencesParts=/dev/null \
		-o Dir::State::Lists="$apt/lists" \
		-o Dir::State::status="$apt/status" \
		-o Dir::Cache="$apt/cache" \
		-o Debug::NoLocking=1 \
		"$@"
}
aptget() { aptopts apt-get "$@"; }

# apt_update WHO [always]: refresh the private lists, unless they are
# there already and "always" is not given
apt_update() {
	[ "${2:-}" != always ] && ls "$apt"/lists/*_Sources* >/dev/null 2>&1 &&
		ls "$apt"/lists/*experimental*Packages* >/dev/null 2>&1 &&
		return 0
	echo "$1: apt-get update (sid and experimental, private lists in $apt)"
	aptget update >"$apt/update.log" 2>&1 || {
		echo "$1: apt-get update failed, see $apt/update.log" >&2
		exit 1
	}
}

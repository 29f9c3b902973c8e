# Shared helpers for the project's bash scripts. Source it; it defines functions only.

log() { printf '\033[1m[precis]\033[0m %s\n' "$*" >&2; }
die() { printf '[precis] error: %s\n' "$*" >&2; exit 1; }

# Run as root: directly when we are root (CI, these machines), through sudo otherwise.
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

# Emscripten 3.1.6 from Debian needs Debian's node modules (acorn) on node's search path.
use_emscripten() { export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}; }

# A throwaway apt configuration (its own lists and cache under DIR) so that we can fetch from another
# suite or deb-src without touching /etc/apt. Usage: scratch_apt DIR "deb-line"...; then "${APT_SCRATCH[@]}".
scratch_apt() {
  local dir=$1; shift
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/parts"
  printf '%s\n' "$@" > "$dir/sources.list"
  APT_SCRATCH=(-o APT::Sandbox::User=root -o "Dir::Etc::sourcelist=$dir/sources.list" -o "Dir::Etc::sourceparts=$dir/parts"
               -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache")
  apt-get "${APT_SCRATCH[@]}" update -qq
}
DEBIAN_MIRROR=http://deb.debian.org/debian
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

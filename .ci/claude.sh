#!/usr/bin/env bash
# CI: installs Claude Code (@anthropic-ai/claude-code, ~235 MB) into a cache directory outside
# the repo, reusing it when the cached version is the wanted one, and prints the path of its
# `claude` binary on stdout (for CLAUDE_BIN; test/e2e/claude-code.test.ts runs it). Progress goes
# to stderr. Non-zero, with nothing on stdout, if the install fails or the binary does not run.
set -euo pipefail

# The version the ready pattern and the e2e test were verified with (docs/claude-code.md);
# the test also passed with 2.1.332; check a newer one (the screen text it draws) before pinning it.
version="${AGENTMUX_CLAUDE_VERSION:-2.1.197}"
dir="${AGENTMUX_CLAUDE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/agentmux-ci/claude}"
bin="$dir/node_modules/.bin/claude"

works() { [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null | cut -d' ' -f1)" = "$version" ]; }

if works; then
  echo "== claude: reusing $dir ($("$bin" --version))" >&2
else
  echo "== claude: installing @anthropic-ai/claude-code@$version into $dir" >&2
  mkdir -p "$dir"
  # --prefix without a package.json of its own would walk up to an enclosing project: give it one.
  [ -f "$dir/package.json" ] || echo '{"name":"agentmux-ci-claude","private":true}' >"$dir/package.json"
  npm install --no-save --no-audit --no-fund --prefix "$dir" "@anthropic-ai/claude-code@$version" >&2
  if ! works; then
    echo "claude.sh: $bin is missing, does not run, or is not $version after the install" >&2
    exit 1
  fi
  echo "== claude: installed $("$bin" --version)" >&2
fi
echo "$bin"

# Shared by dcr's Git hooks. Sourced, not run. POSIX sh.
# dcr_run finds the dcr command: $DCR_BIN, the project's node_modules, the package these hooks
# came with, dcr's own checkout, or PATH (named apart from `dcr` so that `command -v dcr` finds
# only a real command). When dcr cannot run, the hook says so in one line and lets the commit
# or push through, as for an unreachable registry; DCR_STRICT=1 stops it instead.

dcr_skip() {
  # HUSKY=0 turns off all husky hooks; DCR_SKIP=1 turns off only dcr's.
  [ "${DCR_SKIP:-0}" = "1" ] || [ "${HUSKY:-}" = "0" ]
}

# dcr_prose_only: every path the commit being made changes (both sides of a rename) is prose
# that dcr never reads: src/detect/changes/unread.ts's PROSE less what an extractor may claim
# (test/check/hooks.test.ts keeps the two lists in step). Neither `validate --staged` nor
# `check --staged` would then read a file, so the hook ends without starting Node. A path git
# quotes (odd characters) never counts as prose.
dcr_prose_only() {
  changed=$(git -c core.quotePath=false diff --cached --name-only --no-renames 2>/dev/null) || return 1
  [ -z "$changed" ] && return 0
  ! printf '%s\n' "$changed" | grep -qviE '\.(md|markdown|rst|txt|adoc|html?|ipynb|tsv|lock|log|svg)$'
}

# dcr_missing WHAT: one line per hook run, then pass (0) or, with DCR_STRICT=1, stop (1).
dcr_missing() {
  if [ "${DCR_STRICT:-0}" = "1" ]; then
    outcome="this hook stops (DCR_STRICT=1)"
  else
    outcome="this hook checked nothing"
  fi
  if [ -z "${dcr_said:-}" ]; then
    dcr_said=1
    echo "dcr: $1, so $outcome; install it with \`npm install\` (in dcr's own repository \`npm run build\`), or skip dcr's hooks with DCR_SKIP=1." >&2
  fi
  [ "${DCR_STRICT:-0}" != "1" ]
}

# dcr_own DIR: DIR is dcr's package or checkout, built.
dcr_own() {
  [ -f "$1/dist/cli/bin.js" ] && grep -q '"name": "data-contract-registry"' "$1/package.json" 2>/dev/null
}

dcr_run() {
  top=$(git rev-parse --show-toplevel 2>/dev/null) || top=.
  here=$(dirname "$0")/..
  if [ -n "${DCR_BIN:-}" ] && [ ! -f "$DCR_BIN" ]; then
    dcr_missing "DCR_BIN names $DCR_BIN, which does not exist"
  elif ! command -v node >/dev/null 2>&1; then
    dcr_missing "node is not on this hook's PATH (dcr runs on Node.js 20 or later)"
  elif [ -n "${DCR_BIN:-}" ]; then
    node "$DCR_BIN" "$@"
  elif [ -x "$top/node_modules/.bin/dcr" ]; then
    "$top/node_modules/.bin/dcr" "$@"
  elif dcr_own "$here"; then
    node "$here/dist/cli/bin.js" "$@"
  elif dcr_own "$top"; then
    node "$top/dist/cli/bin.js" "$@"
  elif command -v dcr >/dev/null 2>&1; then
    command dcr "$@"
  else
    dcr_missing "the dcr command is not installed here (not in node_modules/.bin, not on PATH)"
  fi
}

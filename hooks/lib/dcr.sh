# Shared by dcr's Git hooks. Sourced, not run. POSIX sh.
# dcr_run finds the dcr command: $DCR_BIN, the project's node_modules, dcr's own checkout, or PATH
# (named apart from `dcr` so that `command -v dcr` finds only a real command).

dcr_skip() {
  # HUSKY=0 turns off all husky hooks; DCR_SKIP=1 turns off only dcr's.
  [ "${DCR_SKIP:-0}" = "1" ] || [ "${HUSKY:-}" = "0" ]
}

dcr_run() {
  top=$(git rev-parse --show-toplevel 2>/dev/null) || top=.
  if [ -n "${DCR_BIN:-}" ]; then
    node "$DCR_BIN" "$@"
  elif [ -x "$top/node_modules/.bin/dcr" ]; then
    "$top/node_modules/.bin/dcr" "$@"
  elif [ -f "$top/dist/cli/bin.js" ] && grep -q '"name": "data-contract-registry"' "$top/package.json" 2>/dev/null; then
    node "$top/dist/cli/bin.js" "$@"
  elif command -v dcr >/dev/null 2>&1; then
    command dcr "$@"
  else
    echo "dcr: the dcr command was not found, so this hook checked nothing." >&2
    echo "hint: run \`npm install\` (or \`npm run build\` in dcr's own repository)." >&2
    return 0
  fi
}

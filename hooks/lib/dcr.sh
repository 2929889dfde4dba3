# Shared by dcr's Git hooks. Sourced, not run. POSIX sh.
# dcr_run finds the dcr command: $DCR_BIN, the project's node_modules, the package these hooks
# came with, dcr's own checkout, or PATH (named apart from `dcr` so that `command -v dcr` finds
# only a real command). When dcr cannot run, the hook says so in one line and lets the commit
# or push through, as for an unreachable registry; DCR_STRICT=1 stops it instead.

dcr_skip() {
  # HUSKY=0 turns off all husky hooks; DCR_SKIP=1 turns off only dcr's.
  [ "${DCR_SKIP:-0}" = "1" ] || [ "${HUSKY:-}" = "0" ]
}

# dcr_nothing_to_read: neither `validate --staged` nor `check --staged` would read a file of the
# commit being made, so the hook ends without starting Node (which alone costs about 100 ms).
# It holds when every path the commit changes (both sides of a rename) is
# - prose that dcr never reads: src/detect/changes/unread.ts's PROSE less what an extractor
#   may claim; or
# - application code whose text alone decides whether dcr reads it (no extractor claims it by
#   its path; no path under a db/ folder), and whose staged and committed texts hold none of
#   the signs dcr looks for: the ORM extractors' signs (src/detect/extractors/lazy.ts) and
#   the signature of schema code (unread.ts), as PCRE (GNU grep -P). Each `\s` becomes
#   `[\s\x80-\xff]` so that a space outside ASCII still counts, and in the C locale `\b`
#   and `-i` mean what they mean in JavaScript; grep reads the texts as one record (-z), so a
#   sign may span lines as it may for dcr.
# test/check/hooks.test.ts keeps these lists in step with dcr's own and runs the grep over
# both corpora. Anything else runs dcr: a path git quotes, a blob over 2 MiB (dcr says it
# skipped it), anything but a blob (a submodule), a configuration that may set maxFileBytes or
# include, a grep without -P (exit 2). DCR_TRACE=1 says when the shell ended the hook.
dcr_prose='[.](md|markdown|rst|txt|adoc|html?|ipynb|tsv|lock|log|svg)$'
dcr_code='[.](py|[cm]?[jt]sx?|go|java|kts?|scala|rs|swift|c|h|cc|cpp|hpp|rb|vue|svelte|css|scss|sass|less|dart|lua|sh)$'
dcr_signs='\bmigrations\b|models\.Model|from django\.db import models|alembic|\brevision\b|\bMigrationInterface\b|\bQueryRunner\b|@Entity[\s\x80-\xff]*\(|queryInterface|sequelize|DataTypes|\bup\b|\b(exports\.up|function[\s\x80-\xff]+up|up[\s\x80-\xff]*[:=(])|\b(?:create|alter|drop|rename|truncate)[\s\x80-\xff]+(?:(?:temporary|temp|unlogged|materialized|or[\s\x80-\xff]+replace)[\s\x80-\xff]+)*(?:table|view|index|column)\b|\bmigrationBuilder[\s\x80-\xff]*\.|->addSql[\s\x80-\xff]*\(|\bSchema::(?:create|table|drop|rename)\b|\bop[\s\x80-\xff]*\.[\s\x80-\xff]*(?:add_column|drop_column|create_table|drop_table|alter_column|create_index|execute)\b|\bknex\.schema\b|\bqueryInterface[\s\x80-\xff]*\.|\bqueryRunner[\s\x80-\xff]*\.[\s\x80-\xff]*query[\s\x80-\xff]*\(|\b(?:create_table|add_column|remove_column|rename_column|change_column|drop_table)\b|\bmigrations\.(?:CreateModel|AddField|RemoveField|AlterField|RenameField|DeleteModel|RunSQL)\b'
dcr_nothing_to_read() {
  dcr_unread_commit || return 1
  [ "${DCR_TRACE:-0}" = "1" ] && echo "dcr trace: nothing in this commit that dcr reads; Node not started" >&2
  return 0
}
dcr_unread_commit() {
  raw=$(git -c core.quotePath=false diff --cached --raw --no-renames --no-abbrev 2>/dev/null) || return 1
  [ -z "$raw" ] && return 0
  # Each line is `:old-mode new-mode old-oid new-oid status<TAB>path`. Prints the blob ids whose
  # texts decide, or `dcr` when a path or the configuration needs dcr whatever the texts.
  oids=$(printf '%s\n' "$raw" | awk -F '\t' -v prose="$dcr_prose" -v code="$dcr_code" '
    BEGIN {
      split("dcr.config.yaml dcr.config.yml package.json", config, " ")
      for (i in config) while ((getline line < config[i]) > 0)
        if (line ~ /maxFileBytes|include/) { print "dcr"; exit }
    }
    tolower($2) ~ prose { next }
    $2 ~ /^"/ || $2 !~ code || $2 ~ /(^|\/)db\// { print "dcr"; exit }
    { split($1, f, " "); if (f[3] !~ /^0+$/) print f[3]; if (f[4] !~ /^0+$/) print f[4] }' 2>/dev/null) || return 1
  case $oids in *dcr*) return 1 ;; "") return 0 ;; esac
  # One search over every text (git's header lines too: a blob of 1,000,000 bytes or more, or
  # anything but a blob, also means dcr has something to say; so does a failed cat-file).
  printf '%s\n' "$oids" | { git cat-file --batch 2>/dev/null || echo dcr-cat-file-failed; } |
    LC_ALL=C grep -qzPi -e "dcr-cat-file-failed|(?m:^[0-9a-f]{40,64} (?:blob [0-9]{7,}|(?!blob )[a-z]+(?: [0-9]+)?)$)|$dcr_signs" 2>/dev/null
  [ $? -eq 1 ]
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
  # git runs a hook at the top of the work tree; asked only when run from elsewhere
  if [ -e .git ]; then
    top=$PWD
  else
    top=$(git rev-parse --show-toplevel 2>/dev/null) || top=.
  fi
  here=${dcr_here:-.}/..
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

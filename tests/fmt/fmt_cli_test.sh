#!/usr/bin/env bash
# End-to-end tests of `award fmt`: standard input, --check exit codes, and the
# atomic rewrite (a new file renamed over the old; a failed write leaves the
# old file as it was and names it).
# Usage: fmt_cli_test.sh AWARD_BINARY SOURCE_DIR
set -u
AWARD=$1
SRC=$2
cd "$SRC"
TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP"; rm -rf "$TMP"' EXIT
pass=0
fail=0

check() {  # check NAME EXPECTED_EXIT COMMAND...  (stdout in $TMP/out, stderr in $TMP/err)
  local name=$1 want=$2
  shift 2
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $got, expected $want"; cat "$TMP/out" "$TMP/err" | sed 's/^/    /' | head -20
  fi
}
ok() {  # ok NAME CONDITION...
  local name=$1
  shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name"; fi
}
contains() {  # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $2 lacks: $3"; sed 's/^/    /' "$2" | head -20
  fi
}

UGLY='policy  t-1 "t" {issuer "x"}
use applicant
article 第一条 "" { award quality "质量奖" for organization { cycle 1 years } }
article 第十条 "" {   require   legal_person   // kept
}
'
printf '%s' "$UGLY" >"$TMP/ugly.award"
"$AWARD" fmt <"$TMP/ugly.award" >"$TMP/canonical.award" 2>/dev/null

# Standard input to standard output.
check "stdin prints the layout" 0 "$AWARD" fmt <"$TMP/ugly.award"
contains "stdin output" "$TMP/out" "  require legal_person // kept"
check "stdin --check, would change" 1 "$AWARD" fmt --check <"$TMP/ugly.award"
check "stdin --check, canonical" 0 "$AWARD" fmt --check <"$TMP/canonical.award"

# --check names the files that would change and changes nothing.
cp "$TMP/ugly.award" "$TMP/a.award"
cp "$TMP/canonical.award" "$TMP/b.award"
check "--check with a file to change" 1 "$AWARD" fmt --check "$TMP/a.award" "$TMP/b.award"
ok "--check names the file that would change" test "$(cat "$TMP/out")" = "$TMP/a.award"
contains "--check summary" "$TMP/err" "1 file would change, 1 unchanged"
ok "--check leaves the file alone" cmp -s "$TMP/a.award" "$TMP/ugly.award"
check "--check on canonical files" 0 "$AWARD" fmt --check "$TMP/b.award"
check "--check on the canonical 大庆 policies" 0 "$AWARD" fmt --check policies/daqing-2018.award policies/daqing-2018-zh.award

# Rewriting: a new file is renamed over the old one, with the old one's mode.
chmod 640 "$TMP/a.award"
before=$(stat -c %i "$TMP/a.award")
check "fmt rewrites" 0 "$AWARD" fmt "$TMP/a.award"
contains "fmt summary" "$TMP/err" "1 file formatted, 0 unchanged"
ok "the file is in the canonical layout" cmp -s "$TMP/a.award" "$TMP/canonical.award"
ok "the file was replaced by rename (new inode)" test "$(stat -c %i "$TMP/a.award")" != "$before"
ok "the mode is kept" test "$(stat -c %a "$TMP/a.award")" = 640
ok "no temporary file is left" test "$(ls -A "$TMP" | grep -c fmt-)" = 0
check "fmt is stable" 0 "$AWARD" fmt "$TMP/a.award"
contains "nothing to do" "$TMP/err" "0 files formatted, 1 unchanged"

# A symbolic link is written through, not replaced.
cp "$TMP/ugly.award" "$TMP/target.award"
ln -s target.award "$TMP/link.award"
check "fmt through a link" 0 "$AWARD" fmt "$TMP/link.award"
ok "the link stays a link" test -L "$TMP/link.award"
ok "its target is formatted" cmp -s "$TMP/target.award" "$TMP/canonical.award"

# A write that fails half-way (the file-size limit stands in for a full disk):
# the original is intact, the file is named, the exit code is 1.
mkdir "$TMP/full"
cp "$TMP/ugly.award" "$TMP/full/p.award"
# one block (1024 bytes in bash's ulimit) is less than the formatted file
printf '// %01500d\n' 0 >>"$TMP/full/p.award"
cp "$TMP/full/p.award" "$TMP/full.orig"
check "a failing write exits 1" 1 bash -c "trap '' XFSZ; ulimit -f 1; exec \"\$0\" fmt \"\$1\"" "$AWARD" "$TMP/full/p.award"
contains "the failing file is named" "$TMP/err" "$TMP/full/p.award left unchanged"
ok "the original is intact after a failing write" cmp -s "$TMP/full/p.award" "$TMP/full.orig"
ok "no temporary file after a failing write" test "$(ls -A "$TMP/full")" = p.award

# An unwritable directory: no temporary file can be made; nothing changes.
mkdir "$TMP/ro"
cp "$TMP/ugly.award" "$TMP/ro/p.award"
chmod 755 "$TMP"
chmod 644 "$TMP/ro/p.award"
chmod 555 "$TMP/ro"
as_user=()
if [ "$(id -u)" = 0 ]; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
check "an unwritable directory exits 1" 1 "${as_user[@]}" "$AWARD" fmt "$TMP/ro/p.award"
contains "the file in it is named" "$TMP/err" "$TMP/ro/p.award left unchanged"
ok "the original is intact in an unwritable directory" cmp -s "$TMP/ro/p.award" "$TMP/ugly.award"

# A file that does not parse is not touched.
printf 'policy x "t" {}\narticle 第一条 { require }\n' >"$TMP/bad.award"
cp "$TMP/bad.award" "$TMP/bad.orig"
check "a file with syntax errors exits 1" 1 "$AWARD" fmt "$TMP/bad.award"
contains "its error is shown" "$TMP/err" "error[E100]"
ok "it is left alone" cmp -s "$TMP/bad.award" "$TMP/bad.orig"

# Mixed keyword sets are refused like any parse error.
printf 'policy x "t" {}\nuse applicant\narticle 第一条 "" { require legal_person 并且 legal_person }\n' >"$TMP/mixed.award"
check "mixed keywords exit 1" 1 "$AWARD" fmt "$TMP/mixed.award"
contains "mixed keywords are E107" "$TMP/err" "error[E107]: Chinese keyword \`并且\` in a file written with English keywords"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

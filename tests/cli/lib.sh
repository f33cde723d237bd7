# Shared by the command-line test scripts: a temporary folder, the counts, and
# the assertions. Source it after setting the script's own arguments.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

check() {  # check NAME EXPECTED_EXIT COMMAND...  (stdout+stderr in $TMP/out; 60 s at most)
  local name=$1 want=$2
  shift 2
  timeout 60 "$@" >"$TMP/out" 2>&1
  local got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $got, expected $want"; head -c 2000 "$TMP/out" | sed 's/^/    /'
  fi
}
contains() {  # contains NAME TEXT  (in $TMP/out of the last check)
  if grep -qF -- "$2" "$TMP/out"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: output lacks: $2"; head -c 2000 "$TMP/out" | sed 's/^/    /'
  fi
}
lacks() {  # lacks NAME TEXT
  if grep -qF -- "$2" "$TMP/out"; then
    fail=$((fail + 1)); echo "FAIL $1: output has: $2"; head -c 2000 "$TMP/out" | sed 's/^/    /'
  else pass=$((pass + 1)); fi
}

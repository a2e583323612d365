#!/bin/sh
# Lints every template with ctemplate's own parser (TAP output): a template
# that does not parse, or lacks auto-escaping, fails here before start-up.
dir=${VIEWS_DIR:?VIEWS_DIR is not set}
lint=${TPL_LINT:-ctemplate-make_tpl_varnames_h}
n=0
fail=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
set -- "$dir"/*.tpl
echo "1..$(($# * 2))"
for f in "$@"; do
	name=$(basename "$f")
	n=$((n + 1))
	if "$lint" -n -q -t"$dir" -o"$out" "$name" >"$out/log" 2>&1; then
		echo "ok $n - $name parses"
	else
		echo "not ok $n - $name parses"
		sed 's/^/# /' "$out/log"
		fail=1
	fi
	n=$((n + 1))
	if head -n 1 "$f" | grep -q '^{{%AUTOESCAPE context="[A-Z]*"}}'; then
		echo "ok $n - $name turns on auto-escaping"
	else
		echo "not ok $n - $name turns on auto-escaping"
		fail=1
	fi
done
exit $fail

#!/usr/bin/env bash
# Restore the inputs of a real extraction set (other people's pages, not committed unless their
# licence allows it) from fetched repository snapshots, and copy the cases next to them.
# Fetch each repo in SET/inputs.tsv first (fetch tool, github:owner/name), then:
#   MIRROR_ROOT=<folder holding the owner+name snapshots> benchmarks/extract/restore.sh SET [OUT]
# SET is a set folder (e.g. benchmarks/extract/dev) holding inputs.tsv and cases/NN-name/{gold.json,source.txt}.
# OUT defaults to SET itself; give another folder (e.g. ../extract-dev beside the project) to keep the
# checkout clean: the cases are then copied there with their gold.json and source.txt, ready for score.py.
# An input already committed in the case folder (permissive licence) is checked, not fetched again.
set -eu
[ $# -ge 1 ] || { echo "usage: MIRROR_ROOT=... $0 SET [OUT]"; exit 2; }
set_dir=$(cd "$1" && pwd)
out=${2:-$set_dir}
[ -f "$set_dir/inputs.tsv" ] || { echo "$set_dir/inputs.tsv: not a set folder"; exit 2; }
if [ "$out" != "$set_dir" ]; then mkdir -p "$out/cases" && cp -r "$set_dir"/cases/* "$out/cases/"; chmod -R u+w "$out"; fi
[ -w "$out/cases" ] || { echo "cannot write to $out/cases: pass a writable folder as the second argument"; exit 2; }
ok=0; bad=0
while IFS=$'\t' read -r case repo commit path saved sha; do
  case $case in \#*|'') continue;; esac
  dest="$out/cases/$case/$saved"
  if [ -f "$dest" ] && echo "$sha  $dest" | sha256sum -c --quiet - 2>/dev/null; then ok=$((ok+1)); continue; fi
  g=""
  for h in $(find "${MIRROR_ROOT:?set MIRROR_ROOT to the folder that holds the fetched snapshots (owner+name)}/${repo/\//+}" -maxdepth 3 -name HEAD 2>/dev/null); do
    [ -d "$(dirname "$h")/objects" ] && { g=$(dirname "$h"); break; }
  done
  if [ -z "$g" ]; then echo "missing snapshot: $repo (fetch github:$repo)"; bad=$((bad+1)); continue; fi
  git --git-dir="$g" show "$commit:$path" > "$dest" 2>/dev/null || { echo "cannot read $repo $commit:$path"; bad=$((bad+1)); continue; }
  echo "$sha  $dest" | sha256sum -c --quiet - && ok=$((ok+1)) || bad=$((bad+1))
done < "$set_dir/inputs.tsv"
echo "restored $ok, failed $bad into $out/cases"

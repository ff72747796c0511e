#!/usr/bin/env bash
# Cold, whole-process comparison of `kelpie kustomize build` with `kubectl kustomize`, interleaved
# so that both see the same load: ROUNDS rounds of one kubectl run and KELPIE_RUNS kelpie runs.
# Usage: benchmarks/scripts/kustomize-cold.sh [SERVICES] [ROUNDS] [KELPIE_RUNS]
# Needs python3 and the shared tree generator (../shared/bench/gen_kustomize_tree.py); kubectl is
# optional (without it only kelpie is timed).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services="${1:-50}"; rounds="${2:-3}"; runs="${3:-3}"
gen="$repo/../shared/bench/gen_kustomize_tree.py"
[ -f "$gen" ] || { echo "the shared tree generator is not there: $gen" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 "$gen" --services "$services" --overlays 5 --out "$work/tree" >/dev/null
dir="$work/tree/clusters/all"
"$repo/kelpie" kustomize build "$dir" >/dev/null   # builds the jar and the class-data archive if needed
have_kubectl=false; command -v kubectl >/dev/null && have_kubectl=true
: > "$work/kelpie.t"; : > "$work/kubectl.t"
for r in $(seq 1 "$rounds"); do
  if $have_kubectl; then
    /usr/bin/time -f "%e %M" -a -o "$work/kubectl.t" kubectl kustomize "$dir" > "$work/kubectl.yaml"
  fi
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -a -o "$work/kelpie.t" "$repo/kelpie" kustomize build "$dir" > "$work/kelpie.yaml"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
k=$(cut -d' ' -f1 "$work/kelpie.t" | median)
echo "kelpie:  $(cut -d' ' -f1 "$work/kelpie.t" | sort -n | tr '\n' ' ')s; median $k s; peak RSS $(cut -d' ' -f2 "$work/kelpie.t" | sort -n | tail -1) KB"
if $have_kubectl; then
  c=$(cut -d' ' -f1 "$work/kubectl.t" | median)
  echo "kubectl: $(cut -d' ' -f1 "$work/kubectl.t" | sort -n | tr '\n' ' ')s; median $c s; peak RSS $(cut -d' ' -f2 "$work/kubectl.t" | sort -n | tail -1) KB"
  echo "ratio of the medians: $(echo "scale=1; $c / $k" | bc)"
  cmp -s "$work/kelpie.yaml" "$work/kubectl.yaml" && echo "output: byte-identical" || echo "output: differs"
fi
echo "load $(cut -d' ' -f1 /proc/loadavg)"

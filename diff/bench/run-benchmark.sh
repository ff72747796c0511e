#!/usr/bin/env bash
# Runs the diff module's JMH benchmarks (ThreeWayDiffBenchmark by default) on the test classpath.
# Usage: diff/bench/run-benchmark.sh [JMH options, e.g. -wi 2 -i 3 -f 1]
#        diff/bench/run-benchmark.sh --ratio [COUNT [ROUNDS]]   (interleaved diff/parse ratio)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && mvn -B -q -o -pl diff -am test-compile -DskipTests >&2)
(cd "$root" && mvn -B -q -o -pl diff dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$here/target/bench-classpath.txt" >&2)
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench-classpath.txt")"
if [ "${1:-}" = "--ratio" ]; then
  shift
  exec java -Xmx2g -cp "$cp" dev.kelpie.diff.bench.DiffVsParseRatio "$@"
fi
exec java -cp "$cp" org.openjdk.jmh.Main "${@:-ThreeWayDiffBenchmark}"

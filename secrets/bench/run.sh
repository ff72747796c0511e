#!/bin/sh
# Runs the sealed-secrets throughput benchmark (a plain main under src/test, not part of mvn verify).
# Usage, from the repository root: secrets/bench/run.sh [number-of-SealedSecrets-for-the-transformer]
# Pin to one core for single-thread figures: taskset -c 0 secrets/bench/run.sh
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl secrets -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="secrets/target/test-classes:secrets/target/classes:core/target/classes:diff/target/classes:$(cat secrets/target/bench.classpath)"
exec java -cp "$CP" -Dorg.slf4j.simpleLogger.log.dev.kelpie.secrets=info -Dkelpie.shared.dir="$(pwd)/../shared" dev.kelpie.secrets.bench.SealedSecretsBench "$@"

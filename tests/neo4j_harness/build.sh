#!/usr/bin/env bash
# Fetch the Neo4j test harness jars into lib/ and compile the launcher into target/classes.
# Idempotent: each step runs only when its output is missing or older than its input.
# Needs Java 17+ and Maven (Maven Central, or a warm ~/.m2). Run from anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Two test runs starting at once must not fetch into the same lib/ together.
mkdir -p target
exec 9>target/.build.lock
if command -v flock >/dev/null 2>&1; then flock 9; fi

SRC=src/main/java/org/stratgraph/harness/Launcher.java
CLASS=target/classes/org/stratgraph/harness/Launcher.class

if [[ ! -f lib/.complete || pom.xml -nt lib/.complete ]]; then
    rm -rf lib
    mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=lib
    touch lib/.complete
fi

if [[ ! -f "$CLASS" || "$SRC" -nt "$CLASS" || lib/.complete -nt "$CLASS" ]]; then
    mkdir -p target/classes
    javac --release 17 -cp 'lib/*' -d target/classes "$SRC"
fi

# The classpath to run it with:  java -cp "$(pwd)/target/classes:$(pwd)/lib/*" org.stratgraph.harness.Launcher

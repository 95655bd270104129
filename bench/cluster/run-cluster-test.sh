#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 (one Master, two Workers with one core each), built from the
# project's own jars, no Spark download. It runs the quarterly job on fixtures/inbox on the cluster through
# bin/outcomes, again in local mode, and once more through spark-submit with the thin jar
# (jobs/target/outcomes-spark.jar) on a class path like a Spark distribution's (Spark's own older
# commons-compress and commons-io, no POI); then it checks that the three publications hold the same rows,
# that tasks really ran on both workers' executors, and reads the cluster's Parquet with DuckDB.
#
# Usage: bench/cluster/run-cluster-test.sh            (after ./mvnw package or verify; builds if the jars are missing)
# Env:   OUTCOMES_KEEP_CLUSTER_WORK=1  keep the work folder (logs, outputs) for inspection
#        OUTCOMES_SKIP_DUCKDB=1       skip the DuckDB reader (it needs node and npm install in bench/cluster)
#        OUTCOMES_SKIP_THIN_JAR=1     skip the spark-submit run with the thin jar
# Exit:  0 all checks passed; 1 a check failed (the logs are printed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="$ROOT/jobs/target"
LIB="$TARGET/lib"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/outcomes-cluster.XXXXXX")"
GROUPS_TO_STOP=()
T0=$(date +%s)

say() { printf '[cluster-test %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

cleanup() {
  local status=$?
  for pg in "${GROUPS_TO_STOP[@]}"; do
    kill -TERM -- "-$pg" 2>/dev/null || true
  done
  # executors are children of the workers, in the same process groups; give them a moment, then insist
  sleep 1
  for pg in "${GROUPS_TO_STOP[@]}"; do
    kill -KILL -- "-$pg" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    echo "--- cluster test FAILED; logs follow ($WORK) ---" >&2
    for f in "$WORK"/*.log; do
      [ -f "$f" ] && { echo "=== $f (last 30 lines)" >&2; tail -n 30 "$f" >&2; }
    done
  fi
  if [ "${OUTCOMES_KEEP_CLUSTER_WORK:-}" = "1" ]; then
    echo "work folder kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "cluster test: $*" >&2; exit 1; }

# run_group LOG CMD...: starts CMD in a process group of its own, output to LOG, so that cleanup can stop it
# and everything it started whatever happens; its pid (also its group id) is left in STARTED
run_group() {
  local log="$1"
  shift
  setsid "$@" > "$log" 2>&1 &
  STARTED=$!
  GROUPS_TO_STOP+=("$STARTED")
}

# --- build (CI has just run ./mvnw verify, so this is normally a no-op) -----------------------------------
if [ ! -f "$TARGET/outcomes.jar" ] || [ ! -f "$TARGET/outcomes-spark.jar" ] || [ ! -d "$LIB" ] \
    || [ ! -f "$TARGET/test-classes/uk/neighbourhood/outcomes/job/PublishedTablesComparer.class" ]; then
  say "building the jars"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl jobs -am)
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OPENS="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/pom.xml")"
[ -n "$OPENS" ] || fail "cannot read spark.jvm.opens from pom.xml"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_for FILE PATTERN SECONDS
wait_for() {
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  fail "timed out after $3 s waiting for '$2' in $1"
}

# --- a SPARK_HOME made of the runtime class path ----------------------------------------------------------
SPARK_HOME="$WORK/spark-home"
mkdir -p "$SPARK_HOME/jars"
ln -s "$LIB"/*.jar "$SPARK_HOME/jars/"
: > "$SPARK_HOME/RELEASE"
export SPARK_HOME SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
# every JVM, the executors the workers launch included, inherits the Java 17 flags Spark needs
export JDK_JAVA_OPTIONS="$OPENS"

# the same --today for every run, so plausibility checks cannot differ between them
RUN_ARGS=(--inbox "$ROOT/fixtures/inbox" --today 2026-01-15 -q)

# --- the same job in local mode, and through spark-submit with the thin jar, while the cluster starts and works
say "run 2: bin/outcomes run --master local[2]"
T2=$(date +%s)
OUTCOMES_SKIP_BUILD=1 run_group "$WORK/run-local.log" \
  "$ROOT/bin/outcomes" run --master 'local[2]' --out "$WORK/out-local" "${RUN_ARGS[@]}"
LOCAL_PID=$STARTED

if [ "${OUTCOMES_SKIP_THIN_JAR:-}" != "1" ]; then
  # what a Spark 3.5 distribution provides: our runtime jars less everything the thin jar carries, and
  # Spark's own older commons-compress and commons-io in place of the ones POI 5.5 needs
  PLATFORM="$WORK/platform/jars"
  mkdir -p "$PLATFORM"
  for jar in "$LIB"/*.jar; do
    case "$(basename "$jar")" in
      poi-*|xmlbeans-*|SparseBitSet-*|curvesapi-*|commons-compress-*|commons-io-*|commons-csv-*|commons-math3-*) ;;
      picocli-*|juniversalchardet-*|snakeyaml-*|progressbar-*|jline-*) ;;
      *) ln -s "$jar" "$PLATFORM/" ;;
    esac
  done
  M2="${MAVEN_REPO:-$HOME/.m2/repository}"
  for gav in org.apache.commons:commons-compress:1.23.0 commons-io:commons-io:2.16.1; do
    IFS=: read -r group artifact version <<< "$gav"
    jar="$M2/${group//.//}/$artifact/$version/$artifact-$version.jar"
    if [ ! -f "$jar" ]; then
      (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="$gav" -Dtransitive=false) > "$WORK/fetch.log" 2>&1 \
        || fail "cannot fetch $gav for the platform class path"
    fi
    ln -s "$jar" "$PLATFORM/"
  done
  say "run 3: spark-submit outcomes-spark.jar --master local[2] on a Spark-only class path (commons-compress 1.23.0, commons-io 2.16.1, no POI)"
  T3=$(date +%s)
  run_group "$WORK/run-thin.log" "$JAVA" -cp "$PLATFORM/*" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
    --conf spark.driver.host=127.0.0.1 --class uk.neighbourhood.outcomes.cli.OutcomesCommand \
    "$TARGET/outcomes-spark.jar" run --out "$WORK/out-thin" "${RUN_ARGS[@]}"
  THIN_PID=$STARTED
fi

MASTER_PORT=$(free_port)
MASTER="spark://127.0.0.1:$MASTER_PORT"
say "starting the master on $MASTER"
run_group "$WORK/master.log" "$JAVA" -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port 0
wait_for "$WORK/master.log" "I have been elected leader" 90

for w in 1 2; do
  mkdir -p "$WORK/worker$w"
  run_group "$WORK/worker$w.log" "$JAVA" -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$WORK/worker$w" "$MASTER"
done
wait_for "$WORK/worker1.log" "Successfully registered with master" 90
wait_for "$WORK/worker2.log" "Successfully registered with master" 90
say "two workers registered"

# --- the job on the cluster -------------------------------------------------------------------------------
# wait for both executors before the first task, so the scheduler cannot give all the work to one of them
CLUSTER_OPTS="-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=768m \
  -Dspark.scheduler.minRegisteredResourcesRatio=1.0 -Dspark.scheduler.maxRegisteredResourcesWaitingTime=60s"
say "run 1: bin/outcomes run --master $MASTER"
T1=$(date +%s)
OUTCOMES_SKIP_BUILD=1 OUTCOMES_JAVA_OPTS="$CLUSTER_OPTS" run_group "$WORK/run-cluster.log" \
  "$ROOT/bin/outcomes" run --master "$MASTER" --out "$WORK/out-cluster" "${RUN_ARGS[@]}"
wait "$STARTED" || fail "the cluster run failed"
CLUSTER_SECONDS=$(( $(date +%s) - T1 ))
say "run 1 done in ${CLUSTER_SECONDS}s: $(grep -m1 '^Run ' "$WORK/run-cluster.log")"

# proof that the work ran in the workers' executors: each executor's own log lists the tasks it finished
EXECUTORS_WITH_TASKS=0
for w in 1 2; do
  for log in "$WORK/worker$w"/app-*/*/stderr; do
    [ -f "$log" ] || continue
    n=$(grep -c "Finished task" "$log" || true)
    say "  worker$w executor $(basename "$(dirname "$log")"): $n tasks finished"
    [ "$n" -gt 0 ] && EXECUTORS_WITH_TASKS=$((EXECUTORS_WITH_TASKS + 1))
  done
done
[ "$EXECUTORS_WITH_TASKS" -ge 2 ] || fail "expected tasks on two executors, found $EXECUTORS_WITH_TASKS"
grep -q "outcomes.jar" "$WORK"/worker*/app-*/*/stderr || fail "the executors did not fetch outcomes.jar (spark.jars)"

wait "$LOCAL_PID" || fail "the local run failed"
LOCAL_SECONDS=$(( $(date +%s) - T2 ))
say "run 2 (local) done after ${LOCAL_SECONDS}s"
if [ -n "${THIN_PID:-}" ]; then
  wait "$THIN_PID" || fail "the spark-submit run with the thin jar failed"
  THIN_SECONDS=$(( $(date +%s) - T3 ))
  grep -q '"master" : "local\[2\]"' "$WORK"/out-thin/runs/*.json || fail "the thin-jar run did not use spark-submit's master"
  ls "$WORK"/out-thin/excel/*/national-summary.xlsx > /dev/null || fail "the thin-jar run wrote no Excel reports"
  say "run 3 (thin jar) done after ${THIN_SECONDS}s"
fi

# --- the executors drew the same workbooks -----------------------------------------------------------------
# every workbook is written inside a task, so on the cluster they come from the executors' JVMs
workbooks() { (cd "$1/excel" && find . -name '*.xlsx' | sort); }
[ -n "$(workbooks "$WORK/out-cluster")" ] || fail "the cluster run wrote no Excel workbooks"
diff <(workbooks "$WORK/out-local") <(workbooks "$WORK/out-cluster") > /dev/null \
  || fail "the cluster run wrote other workbooks than the local run"
say "the cluster wrote the same $(workbooks "$WORK/out-cluster" | wc -l) workbooks as the local run"

# --- same rows everywhere ---------------------------------------------------------------------------------
say "comparing the published tables"
OTHERS=("$WORK/out-cluster")
[ -d "$WORK/out-thin" ] && OTHERS+=("$WORK/out-thin")
"$JAVA" -cp "$TARGET/test-classes:$TARGET/classes:$LIB/*" uk.neighbourhood.outcomes.job.PublishedTablesComparer \
  "$WORK/out-local" "${OTHERS[@]}" 2> "$WORK/compare.log" | sed 's/^/  /' \
  || fail "the publications differ"

# --- a reader that is not Spark ---------------------------------------------------------------------------
if [ "${OUTCOMES_SKIP_DUCKDB:-}" != "1" ]; then
  command -v node > /dev/null || fail "node not found (set OUTCOMES_SKIP_DUCKDB=1 to skip the DuckDB reader)"
  if [ ! -d "$ROOT/bench/cluster/node_modules/@duckdb/node-api" ]; then
    say "installing @duckdb/node-api"
    (cd "$ROOT/bench/cluster" && npm ci --no-audit --no-fund) > "$WORK/npm.log" 2>&1 \
      || fail "npm ci in bench/cluster failed (set OUTCOMES_SKIP_DUCKDB=1 to skip the DuckDB reader)"
  fi
  say "DuckDB reads the cluster's publication"
  node "$ROOT/bench/cluster/duckdb-read.mjs" "$WORK/out-cluster" | sed 's/^/  /' \
    || fail "DuckDB could not read the publication as expected"
fi

say "PASSED: cluster run ${CLUSTER_SECONDS}s on 2 executors ($MASTER), local run ${LOCAL_SECONDS}s${THIN_SECONDS:+, thin-jar spark-submit ${THIN_SECONDS}s}; total $(( $(date +%s) - T0 ))s"

#!/usr/bin/env bash
# delta4j against Delta Kernel and Delta Standalone, in one run (issue 3). Writes docs/BENCHMARKS.md.
#
#   bench/run.sh [--quick] [--tables a,b,c,d] [--workloads W1,W2] [--checkpointer delta4j|kernel]
#                [--no-smoke] [--same-jvm | --no-same-jvm] [--merge RESULTS.jsonl]
#
#   --quick          tables 10x smaller (a-10k, b-1k-commits, c-100k-v2, d-1m-rows), shorter warm-up
#   --tables         which synthetic tables to run (default a,b,c,d); (d) is the scan table
#   --workloads      which workloads to run (default all): open-list, open-version,
#                    open-partition-filter, checkpoint-parquet, scan-sum, append-1m; a table none of
#                    them uses is not generated, e.g. --workloads append-1m needs no table; none: no
#                    workload (and no smoke rows)
#   --merge          also report an earlier run's results (its RESULT lines and the table
#                    descriptors in the tables/ directory next to it) for the tables and smoke
#                    rows this run does not measure, e.g. --tables d --merge bench/out/results.jsonl
#   --checkpointer   who writes table (a)'s classic checkpoint: delta4j's DeltaTable.checkpoint()
#                    (default) or Kernel's Table.checkpoint. Table (c) needs a V2 checkpoint with
#                    sidecars, which only delta4j's writer makes. A table whose checkpoint writer is
#                    not available is skipped, and the report says so.
#   --no-smoke       leave out the open-list rows on the shared tables written by Delta Lake
#   --same-jvm       only the same-JVM comparison: delta4j and Kernel listing the files of every
#                    shared table written by Delta Lake, in turns in one JVM (about 2-3 minutes;
#                    with --merge, the other sections come from the earlier run)
#   --no-same-jvm    leave the same-JVM comparison out (the default runs it after everything else)
#
# See bench/README.md for what each step does. Everything it makes goes to bench/out/ (gitignored);
# generated tables are kept there and made again only when missing.
set -euo pipefail
if [ -z "${LC_ALL:-}${LANG:-}" ] || [ "${LANG:-}" = "C" ] || [ "${LANG:-}" = "POSIX" ]; then export LC_ALL=C.UTF-8; fi

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
out="$bench/out"
tables_dir="$out/tables"
command_line="bench/run.sh${*:+ $*}"

quick=false
table_ids="a,b,c,d"
ALL_WORKLOADS="open-list,open-version,open-partition-filter,checkpoint-parquet,scan-sum,append-1m"
workloads="$ALL_WORKLOADS"
merge=""
checkpointer="delta4j"
smoke=true
same_jvm=true
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --tables) table_ids="$2"; shift ;;
    --checkpointer) checkpointer="$2"; shift ;;
    --no-smoke) smoke=false ;;
    --same-jvm) same_jvm=true; workloads=none; table_ids="" ;;
    --no-same-jvm) same_jvm=false ;;
    --merge) merge="$2"; shift ;;
    --workloads) workloads="$2"; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$merge" ]; then
  [ -f "$merge" ] || { echo "run.sh: --merge $merge: no such file" >&2; exit 2; }
  merge="$(cd "$(dirname "$merge")" && pwd)/$(basename "$merge")"
fi
case "$checkpointer" in delta4j|kernel) ;; *) echo "run.sh: --checkpointer is delta4j or kernel" >&2; exit 2 ;; esac
[ "$workloads" = none ] && workloads=""
IFS=',' read -r -a chosen <<< "$workloads"
for w in "${chosen[@]}"; do
  case ",$ALL_WORKLOADS," in *",$w,"*) ;; *) echo "run.sh: unknown workload $w (one of $ALL_WORKLOADS)" >&2; exit 2 ;; esac
done
selected() { case ",$workloads," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
table_selected() { # table id: whether a selected workload runs on it
  case "$1" in
    d) selected scan-sum ;;
    *) selected open-list || selected open-version || selected open-partition-filter || selected checkpoint-parquet ;;
  esac
}

# Every library runs in its own JVM with these same flags.
JVM_FLAGS=(-Xms2g -Xmx6g -XX:+UseG1GC)
if $quick; then
  quick_flag=(--quick); WARMUP=5; WARMUP_S=5; RUNS=10; BUDGET=15
else
  quick_flag=(); WARMUP=5; WARMUP_S=10; RUNS=10; BUDGET=30
fi
SMOKE_WARMUP_S=3
SMOKE_TABLES=(
  kernel/basic-with-checkpoint
  kernel/basic-dv-with-checkpoint
  delta-golden/basic-with-inserts-deletes-checkpoint
  delta-golden/multi-part-checkpoint
  delta-golden/v2-checkpoint-parquet
  spark/partitioned-table-with-dv-large
)
shared="${DELTA4J_SHARED:-$repo/../shared}"
shared_golden="$shared/golden"
# The same-JVM comparison: a warm-up over all the tables, then per table a few warm-up rounds and
# up to SAMEJVM_RUNS measured ones (each delta4j then Kernel), SAMEJVM_BUDGET s at most once 3 are
# done; SAMEJVM_COLD fresh JVMs per library for the cold time. Most tables take a few ms.
SAMEJVM_WARMUP_S=10; SAMEJVM_TABLE_WARMUP=2; SAMEJVM_RUNS=7; SAMEJVM_BUDGET=2; SAMEJVM_COLD=3

mkdir -p "$out" "$tables_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$out/results-$stamp.jsonl"
: > "$results"
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
start_seconds=$SECONDS

# --- build -----------------------------------------------------------------------------------
# One reactor (bench/pom.xml) builds the library from this checkout and the runners; the
# delta4j runner takes the library jar from the reactor, so nothing is installed anywhere.
log "building (mvn -f bench/pom.xml package, log in bench/out/build.log)"
if ! (cd "$repo" && mvn -B -f bench/pom.xml -Dmaven.test.skip=true package > "$out/build.log" 2>&1); then
  tail -40 "$out/build.log" >&2
  echo "run.sh: build failed (bench/out/build.log)" >&2
  exit 1
fi
cp_of() { echo "$bench/$1-runner/target/classes:$(cat "$bench/$1-runner/target/classpath.txt")"; }
D4J_CP="$(cp_of delta4j)"; KERNEL_CP="$(cp_of kernel)"; STANDALONE_CP="$(cp_of standalone)"
SAMEJVM_CP="$(cp_of samejvm)"
HARNESS_CP="$bench/harness/target/classes"
d4j()        { java "${JVM_FLAGS[@]}" -cp "$D4J_CP" "$@"; }
kernel()     { java "${JVM_FLAGS[@]}" -cp "$KERNEL_CP" "$@"; }
standalone() { java "${JVM_FLAGS[@]}" -cp "$STANDALONE_CP" "$@"; }
samejvm()    { java "${JVM_FLAGS[@]}" -cp "$SAMEJVM_CP" "$@"; }

prop() { sed -n "s/^$2=//p" "$1"; } # descriptor file, key

skip_table() { # name, reason
  log "SKIPPING table $1: $2"
  printf 'RESULT {"workload":"*","library":"*","table":"%s","status":"skipped","error":"%s"}\n' "$1" "$2" >> "$results"
}

# --- tables ----------------------------------------------------------------------------------
delta4j_can_checkpoint=false
if d4j io.delta4j.bench.Delta4jCheckpoint probe; then delta4j_can_checkpoint=true; fi

ready_tables=()
IFS=',' read -r -a ids <<< "$table_ids"
for id in "${ids[@]}"; do
  name="$(d4j io.delta4j.bench.GenerateTables name "$id" "${quick_flag[@]}")"
  case "$id" in
    a) kind=classic; writer="$checkpointer" ;;
    b) kind=none; writer=none ;;
    c) kind=v2; writer=delta4j ;;
    d) kind=none; writer=none ;;
    *) echo "run.sh: unknown table $id (a, b, c or d)" >&2; exit 2 ;;
  esac
  if ! table_selected "$id"; then log "table $name: not needed by --workloads $workloads"; continue; fi
  props="$tables_dir/$name.properties"
  if [ -f "$props" ] && [ -f "$tables_dir/$name.verified" ] \
     && grep -qx "checkpointWriter=$writer" "$props"; then
    log "table $name: present (checkpoint written by $writer)"
    ready_tables+=("$name"); continue
  fi
  if [ "$writer" = delta4j ] && ! $delta4j_can_checkpoint; then
    skip_table "$name" "needs DeltaTable.checkpoint() ($kind checkpoint), which this delta4j build does not have yet (checkpoint writer not merged)"
    continue
  fi
  log "table $name: generating"
  rm -f "$props" "$tables_dir/$name.verified"
  d4j io.delta4j.bench.GenerateTables head "$id" "$tables_dir" "${quick_flag[@]}"
  if [ "$kind" != none ]; then
    # The head stage wrote versions 0 .. the one to checkpoint.
    ckpt_version=$(( $(ls "$tables_dir/$name/_delta_log" | grep -c '\.json$') - 1 ))
    if [ "$writer" = delta4j ]; then
      d4j io.delta4j.bench.Delta4jCheckpoint "$tables_dir/$name" --version "$ckpt_version" --kind "$kind"
    else
      kernel io.delta4j.bench.KernelRunner checkpoint "$tables_dir/$name" "$ckpt_version" 2> >(grep -v '^SLF4J' >&2)
    fi
  fi
  d4j io.delta4j.bench.GenerateTables tail "$id" "$tables_dir" "${quick_flag[@]}" --checkpoint-writer "$writer"
  verify_args=(--expect-version "$(prop "$props" latestVersion)" --expect-files "$(prop "$props" files)"
    --version "$(prop "$props" middleVersion)" --expect-middle-files "$(prop "$props" middleFiles)")
  if [ -n "$(prop "$props" filterColumn)" ]; then
    verify_args+=(--filter-column "$(prop "$props" filterColumn)" --filter-value "$(prop "$props" filterValue)"
      --expect-filter-files "$(prop "$props" filterFiles)")
  fi
  if [ -n "$(prop "$props" rows)" ]; then # table d: Kernel scans it and must count and sum the same
    verify_args+=(--expect-rows "$(prop "$props" rows)" --sum-column "$(prop "$props" sumColumn)"
      --expect-sum "$(prop "$props" sum)")
  fi
  if ! kernel io.delta4j.bench.KernelRunner verify "$tables_dir/$name" "${verify_args[@]}" \
      2> >(grep -v '^SLF4J' >&2); then
    echo "run.sh: Kernel does not read table $name as generated (see above); not benchmarking a table the peers disagree on" >&2
    exit 1
  fi
  touch "$tables_dir/$name.verified"
  ready_tables+=("$name")
done

# --- workloads -------------------------------------------------------------------------------
# Others may share this machine (builds, test runs). Before each runner, wait until other
# processes use less than a quarter of it, at most QUIET_MAX_S per runner and QUIET_TOTAL_S in
# all; each runner also measures the share it saw, and the report marks the busy ones.
QUIET_MAX_S=60; QUIET_TOTAL_S=$($quick && echo 120 || echo 300); quiet_waited=0
busy_percent() { # of all cores over one second, from /proc/stat
  local a b
  read -r -a a < /proc/stat; sleep 1; read -r -a b < /proc/stat
  local busy=$(( (b[1]+b[2]+b[3]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[6]+a[7]+a[8]) ))
  local idle=$(( (b[4]+b[5]) - (a[4]+a[5]) ))
  echo $(( 100 * busy / (busy + idle + 1) ))
}
wait_quiet() {
  [ -r /proc/stat ] || return 0
  local waited=0 pct
  while pct=$(busy_percent) && [ "$pct" -ge 25 ] && [ "$waited" -lt "$QUIET_MAX_S" ] \
        && [ "$quiet_waited" -lt "$QUIET_TOTAL_S" ]; do
    [ "$waited" -eq 0 ] && log "machine busy (${pct}% used by others); waiting up to ${QUIET_MAX_S} s"
    sleep 4; waited=$((waited + 5)); quiet_waited=$((quiet_waited + 5))
  done
}

wrong=0
run_one() { # library, workload, table dir, label, extra args...
  local library="$1" workload="$2" dir="$3" label="$4"; shift 4
  local main line status=0
  local group="$workload"
  case "$workload" in append-1m*) group=append-1m ;; esac # its variants are part of it
  selected "$group" || return 0
  wait_quiet
  case "$library" in
    delta4j) main=(d4j io.delta4j.bench.Delta4jRunner) ;;
    kernel) main=(kernel io.delta4j.bench.KernelRunner) ;;
    standalone) main=(standalone io.delta4j.bench.StandaloneRunner) ;;
  esac
  line="$("${main[@]}" "$workload" "$dir" --label "$label" --warmup "$WARMUP" --warmup-s "$WARMUP_S" \
            --runs "$RUNS" --budget-s "$BUDGET" "$@" 2>> "$out/runners.log" | grep '^RESULT ')" || status=$?
  if [ -z "$line" ]; then
    line="RESULT {\"workload\":\"$workload\",\"library\":\"$library\",\"table\":\"$label\",\"status\":\"error\",\"error\":\"the runner printed no result (exit $status); see bench/out/runners.log\"}"
  fi
  echo "$line" >> "$results"
  case "$line" in *'"status":"wrong"'*) wrong=1; log "WRONG ANSWER: $line" ;; esac
  log "$(echo "$line" | sed -E 's/.*"workload":"([^"]*)","library":"([^"]*)".*"status":"([^"]*)"(.*"medianMs":([0-9.]+))?.*/\2 \1: \3 \5 ms/') on $label"
}

for name in "${ready_tables[@]}"; do
  p="$tables_dir/$name.properties"
  dir="$tables_dir/$name"
  if [ -n "$(prop "$p" rows)" ]; then
    # Table (d): a full scan counting the rows and summing one column; every library must find
    # the generator's count and sum (a different one is a wrong answer and fails the run).
    for library in delta4j kernel standalone; do
      run_one "$library" scan-sum "$dir" "$name" --sum-column "$(prop "$p" sumColumn)" \
        --expect-rows "$(prop "$p" rows)" --expect-sum "$(prop "$p" sum)" \
        --expect-version "$(prop "$p" latestVersion)" --heap false
    done
    continue
  fi
  for library in delta4j kernel standalone; do
    run_one "$library" open-list "$dir" "$name" \
      --expect-files "$(prop "$p" files)" --expect-version "$(prop "$p" latestVersion)"
    run_one "$library" open-version "$dir" "$name" --version "$(prop "$p" middleVersion)" \
      --expect-files "$(prop "$p" middleFiles)" --expect-version "$(prop "$p" middleVersion)"
    run_one "$library" open-partition-filter "$dir" "$name" \
      --filter-column "$(prop "$p" filterColumn)" --filter-value "$(prop "$p" filterValue)" \
      --expect-files "$(prop "$p" filterFiles)" --expect-version "$(prop "$p" latestVersion)"
  done
  if [ "$(prop "$p" checkpointVersion)" -ge 0 ]; then
    # The floor of (c)'s target: parquet-hadoop alone reading the checkpoint's add column.
    run_one delta4j checkpoint-parquet "$dir" "$name" --checkpoint-version "$(prop "$p" checkpointVersion)" \
      --expect-files "$(prop "$p" checkpointFiles)" --expect-version "$(prop "$p" checkpointVersion)" --heap false
  fi
done

# One transaction appending 1M generated rows to a fresh table (the same rows for both writers);
# delta4j gets them as Row.of(...) and, in a second case, as Maps; Kernel writes snappy like
# delta4j and, in a second case, with its default (uncompressed). Standalone writes no data files.
if selected append-1m; then
  append_dir="$out/append"
  # A run takes seconds, not milliseconds: twice the budget, for a few warm-up runs (the JIT) and
  # enough measured ones for a median.
  append_expect=(--rows 1000000 --expect-rows 1000000 --sum-column id --expect-sum 499999500000 --expect-version 1
    --budget-s $((BUDGET * 2)))
  run_one delta4j append-1m "$append_dir/delta4j" append-1m "${append_expect[@]}" --heap false
  run_one delta4j append-1m-maps "$append_dir/delta4j-maps" append-1m "${append_expect[@]}" --heap false
  run_one kernel append-1m "$append_dir/kernel" append-1m "${append_expect[@]}" --heap false
  run_one kernel append-1m-uncompressed "$append_dir/kernel-uncompressed" append-1m "${append_expect[@]}" --heap false
  run_one standalone append-1m "$append_dir/standalone" append-1m --heap false
  # The table delta4j wrote last must read back in Kernel as written.
  if [ -d "$append_dir/delta4j/table/_delta_log" ] && ! kernel io.delta4j.bench.KernelRunner verify \
      "$append_dir/delta4j/table" --expect-version 1 --expect-rows 1000000 --sum-column id \
      --expect-sum 499999500000 2> >(grep -v '^SLF4J' >&2); then
    echo "run.sh: Kernel does not read the table delta4j's append-1m wrote as written (see above)" >&2
    exit 1
  fi
fi

if $smoke && selected open-list; then
  for t in "${SMOKE_TABLES[@]}"; do
    if [ ! -d "$shared_golden/$t/_delta_log" ]; then log "smoke table $t not found under $shared_golden"; continue; fi
    for library in delta4j kernel standalone; do
      run_one "$library" open-list "$shared_golden/$t" "$t" --heap false --warmup-s "$SMOKE_WARMUP_S"
    done
  done
fi

# delta4j and Kernel in one JVM on every shared table Delta Lake wrote: all of golden/, and the
# tables of kernel-rs-data/ and dat/ whose commits name Spark or Databricks (SameJvmCompare picks
# them). A table on which they list different files is a wrong answer.
same_jvm_note=""
if $same_jvm; then
  if [ ! -d "$shared_golden" ]; then
    log "same JVM: $shared_golden not found; skipped"
    same_jvm_note="not run: $shared_golden not found"
  else
    delta_written=()
    for d in "$shared/kernel-rs-data" "$shared/dat"; do [ -d "$d" ] && delta_written+=("$d"); done
    wait_quiet
    log "same JVM: delta4j and Kernel listing the shared tables written by Delta Lake (log in bench/out/runners.log)"
    same_jvm_start=$SECONDS; same_jvm_status=0
    same_jvm_out="$out/same-jvm-$stamp.txt"
    samejvm io.delta4j.bench.SameJvmCompare "$shared_golden" \
      --delta-written "$(IFS=','; echo "${delta_written[*]}")" --warmup-s "$SAMEJVM_WARMUP_S" \
      --table-warmup "$SAMEJVM_TABLE_WARMUP" --runs "$SAMEJVM_RUNS" --budget-s "$SAMEJVM_BUDGET" \
      --cold-jvms "$SAMEJVM_COLD" > "$same_jvm_out" 2>> "$out/runners.log" || same_jvm_status=$?
    grep '^RESULT ' "$same_jvm_out" >> "$results" || true
    same_jvm_note="$(( SECONDS - same_jvm_start )) s"
    case "$same_jvm_status" in
      0) ;;
      2) wrong=1; log "WRONG ANSWER: delta4j and Kernel list different files (see the report's same-JVM section)" ;;
      *) log "same JVM: failed (exit $same_jvm_status); see bench/out/runners.log"
         same_jvm_note="$same_jvm_note, failed (exit $same_jvm_status; see bench/out/runners.log)" ;;
    esac
    log "same JVM: $(grep -c '"status":"ok"' "$same_jvm_out" || true) lines ok in $same_jvm_note"
  fi
fi

# --- report ----------------------------------------------------------------------------------
machine="$out/machine-$stamp.txt"
{
  echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:    $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src pom.xml bench 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpus:      $(nproc) ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))"
  echo "memory:    $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "jdk:       $(java -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
  echo "jvm flags: ${JVM_FLAGS[*]} (each library in its own JVM)"
  echo "runs:      warm-up at least $WARMUP runs and ${WARMUP_S} s (${SMOKE_WARMUP_S} s for the smoke rows), then $RUNS measured runs; per workload"
  echo "           warm-up stops after $((BUDGET / 2)) s and measured runs after ${BUDGET} s once 3 are done (slow cases get fewer runs)"
  if [ -n "$same_jvm_note" ] && [ -z "${same_jvm_note##not run*}" ]; then
    echo "same JVM:  $same_jvm_note"
  elif [ -n "$same_jvm_note" ]; then
    echo "same JVM:  warm-up passes over all tables for ${SAMEJVM_WARMUP_S} s, then per table up to $SAMEJVM_TABLE_WARMUP warm-up and"
    echo "           $SAMEJVM_RUNS measured rounds (${SAMEJVM_BUDGET} s budget); cold: $SAMEJVM_COLD fresh JVMs per library; took $same_jvm_note"
  fi
  echo "libraries: delta4j 0.1.0-SNAPSHOT (this checkout); Delta Kernel 4.4.0 (api + defaults, Hadoop 3.4.2);"
  echo "           Delta Standalone 3.3.2 (Hadoop 3.3.4, parquet-hadoop 1.12.3)"
  echo "wall time: $(( (SECONDS - start_seconds) / 60 )) min $(( (SECONDS - start_seconds) % 60 )) s for this run (table generation included when it happened;"
  echo "           ${quiet_waited} s of it waiting for other processes to quiet down)"
} > "$machine"
mkdir -p "$repo/docs"
report_results="$results"; report_tables="$tables_dir"
if [ -n "$merge" ]; then
  # The earlier run's lines first, this run's last: Report keeps the last line for each
  # (workload, library, table), so this run replaces what it measured again.
  report_results="$out/results-$stamp-merged.jsonl"
  cat "$merge" "$results" > "$report_results"
  report_tables="$(dirname "$merge")/tables,$tables_dir"
  echo "merged:    with the results of ${merge#$repo/} for what this run did not measure (that run's own" >> "$machine"
  echo "           machine facts and times are not repeated here)" >> "$machine"
fi
cp "$report_results" "$out/results.jsonl.tmp" && mv "$out/results.jsonl.tmp" "$out/results.jsonl"
java -cp "$HARNESS_CP" io.delta4j.bench.Report --results "$report_results" --tables "$report_tables" --machine "$machine" \
  --command "$command_line" --notes "$repo/docs/benchmarks-notes.md" --out "$repo/docs/BENCHMARKS.md"
log "wrote docs/BENCHMARKS.md (results in ${results#$repo/}) in $(( SECONDS - start_seconds )) s"
if [ "$wrong" -ne 0 ]; then
  echo "run.sh: a library listed a wrong number of files or version, or scanned a wrong count or sum, or delta4j and" \
    "Kernel listed different files of a shared table (see the report's footnotes and its same-JVM section)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Cold start of `fwkit plan` on the shipped cluster profile against a hello-world console app built
# with the same settings (Directory.Build.props): both published in Release, framework-dependent,
# or both Native AOT for linux-x64 with NATIVE=1; each run a new process. Uses hyperfine when it is
# installed (apt-get install hyperfine), else a timed loop. With NATIVE=1 SCALE=1 it then runs the scaled
# cases of benchmarks/scale.sh (10k/100k peers, 20k/60k-rule dumps, 200k-line descriptions, 1,000 hosts) on the
# same native binary, as ratios against the shipped cases in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-$(mktemp -d)}"
runs="${RUNS:-40}"
if [ "${NATIVE:-0}" = "1" ]; then
  build=(-r linux-x64 -p:PublishAot=true)
else
  build=(--self-contained false)
fi
dotnet publish src/FirewallKit.Cli -c Release "${build[@]}" -p:PackAsTool=false -o "$out/fwkit" >/dev/null
dotnet publish benchmarks/HelloWorld -c Release "${build[@]}" -o "$out/hello" >/dev/null

fwkit=("$out/fwkit/fwkit" plan --profile profiles/cluster.json)
hello=("$out/hello/hello")

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 5 --runs "$runs" --shell=none --export-markdown "$out/coldstart.md" \
    -n hello-world "${hello[*]}" \
    -n "fwkit plan (cluster.json)" "${fwkit[*]}"
  cat "$out/coldstart.md"
else
  time_runs() {
    local total=0
    for _ in $(seq 5); do "$@" >/dev/null; done
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
      total=$((total + end - start))
    done
    echo "$((total / runs / 1000000)) ms"
  }
  echo "hello-world: $(time_runs "${hello[@]}")"
  echo "fwkit plan (cluster.json): $(time_runs "${fwkit[@]}")"
fi

if [ "${NATIVE:-0}" = "1" ] && [ "${SCALE:-0}" = "1" ]; then
  FWKIT_BIN="$out/fwkit" benchmarks/scale.sh "$out"
fi

#!/usr/bin/env bash
# Scale benchmark (issue 23): fwkit's Native AOT binary on the scaled inputs against the shipped cases,
# each a whole process, all in one run of this script, printed as a table of ratios against the goals.
#
#   benchmarks/scale.sh [OUTPUT_DIR]              publish fwkit and the hello-world with Native AOT, then measure
#   FWKIT_BIN=DIR benchmarks/scale.sh [OUTPUT_DIR] measure an fwkit already published in DIR (say, an older commit's)
#
# Needs hyperfine and GNU time (apt-get install hyperfine time). RUNS sets the runs of the short cases (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-$(mktemp -d)}"
runs="${RUNS:-30}"
mkdir -p "$out"
if [ -z "${FWKIT_BIN:-}" ]; then
  dotnet publish src/FirewallKit.Cli -c Release -r linux-x64 -p:PublishAot=true -p:PackAsTool=false -o "$out/fwkit" >/dev/null
  FWKIT_BIN="$out/fwkit"
fi
if [ ! -x "$out/hello/hello" ]; then
  dotnet publish benchmarks/HelloWorld -c Release -r linux-x64 -p:PublishAot=true -o "$out/hello" >/dev/null
fi
if [ ! -f "$out/inputs/dump-20000-rules.txt" ]; then
  dotnet run -c Release --project benchmarks/FirewallKit.Benchmarks -- generate "$out/inputs" >/dev/null
fi

fwkit="$FWKIT_BIN/fwkit"
in="$out/inputs"
shipped_dump=tests/FirewallKit.Tests/Audit/Dumps/block-others-5200-missing.txt

# name|runs|command (audit and flows exit 1 when they find something, which is what they measure here)
cases=(
  "hello-world|$runs|$out/hello/hello"
  "plan shipped|$runs|$fwkit plan --profile profiles/cluster.json"
  "plan json shipped|$runs|$fwkit plan --profile profiles/cluster.json --format json"
  "plan json 10k peers|$runs|$fwkit plan --profile $in/cluster-10000.json --format json"
  "plan json 100k peers|5|$fwkit plan --profile $in/cluster-100000.json --format json"
  "validate shipped|$runs|$fwkit validate --profile profiles/cluster.json"
  "validate 10k peers|$runs|$fwkit validate --profile $in/cluster-10000.json"
  "audit 56 rules|$runs|$fwkit audit --rules $shipped_dump --profile profiles/cluster.json"
  "audit 5k rules|10|$fwkit audit --rules $in/dump-5000-rules.txt --profile profiles/cluster.json"
  "audit 20k rules|5|$fwkit audit --rules $in/dump-20000-rules.txt --profile profiles/cluster.json"
  "audit description 25k lines|5|$fwkit audit --rules $in/dump-description-25000-lines.txt --profile profiles/cluster.json"
  "audit description 50k lines|5|$fwkit audit --rules $in/dump-description-50000-lines.txt --profile profiles/cluster.json"
  "audit description 100k lines|5|$fwkit audit --rules $in/dump-description-100000-lines.txt --profile profiles/cluster.json"
  "audit description 200k lines|5|$fwkit audit --rules $in/dump-description-200000-lines.txt --profile profiles/cluster.json"
  "audit 15k rules on one port|3|$fwkit audit --rules $in/dump-15000-on-one-port.txt --profile profiles/cluster.json"
  "audit 30k rules on one port|3|$fwkit audit --rules $in/dump-30000-on-one-port.txt --profile profiles/cluster.json"
  "audit 60k rules on one port|3|$fwkit audit --rules $in/dump-60000-on-one-port.txt --profile profiles/cluster.json"
  "flows shipped|$runs|$fwkit flows --profile profiles/multi-server.json"
  "flows 250 hosts|3|$fwkit flows --profile $in/deployment-250.json"
  "flows 500 hosts|3|$fwkit flows --profile $in/deployment-500.json"
  "flows 1000 hosts|3|$fwkit flows --profile $in/deployment-1000.json"
)

results="$out/results.tsv"
: >"$results"
for case in "${cases[@]}"; do
  IFS='|' read -r name n command <<<"$case"
  hyperfine -N -i --warmup 2 --runs "$n" --style none --export-json "$out/case.json" "$command" >/dev/null 2>&1
  # Peak resident memory of one more run, by GNU time.
  peak=$( (/usr/bin/time -f '%M' $command >/dev/null 2>"$out/time.err" || true); tail -1 "$out/time.err")
  python3 - "$out/case.json" "$name" "$peak" >>"$results" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{r['mean']}\t{r['stddev'] or 0}\t{r['min']}\t{len(r['times'])}\t{sys.argv[3]}")
EOF
done

# The plan JSON's size, for the write rate: plan --format json does what validate does, then writes the JSON.
$fwkit plan --profile "$in/cluster-10000.json" --format json >"$out/plan-10000.json"
json_bytes=$(stat -c %s "$out/plan-10000.json")
# Flows between hosts grow with the square of the hosts (every PAS server reaches every other): linear means per flow.
for hosts in 250 500 1000; do
  ($fwkit flows --profile "$in/deployment-$hosts.json" --format json || true) | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["flows"]))' >"$out/flows-$hosts.count"
done

python3 - "$results" "$json_bytes" "$fwkit" "$out" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, mean, sd, low, n, peak = line.rstrip("\n").split("\t")
    rows[name] = dict(mean=float(mean), sd=float(sd), min=float(low), n=int(n), peak=int(peak) / 1024)
json_bytes = int(sys.argv[2])

print(f"fwkit: {sys.argv[3]}\n")
print("| case | runs | mean | σ | min | peak RSS |")
print("|---|---:|---:|---:|---:|---:|")
for name, r in rows.items():
    print(f"| {name} | {r['n']} | {r['mean']*1000:.1f} ms | {r['sd']*1000:.1f} | {r['min']*1000:.1f} ms | {r['peak']:.1f} MiB |")

def ratio(a, b): return rows[a]["mean"] / rows[b]["mean"]
write_s = rows["plan json 10k peers"]["mean"] - rows["validate 10k peers"]["mean"]
rate = json_bytes / write_s / 1e6 if write_s > 0 else float("inf")
d = [rows[f"audit description {k}k lines"]["mean"] for k in (25, 50, 100, 200)]
p = [rows[f"audit {k}k rules on one port"]["mean"] for k in (15, 30, 60)]
f = [rows[f"flows {k} hosts"]["mean"] for k in (250, 500, 1000)]
flow_counts = [int(open(f"{sys.argv[4]}/flows-{k}.count").read()) for k in (250, 500, 1000)]
per_flow = [t / c * 1e6 for t, c in zip(f, flow_counts)]
goals = [
    ("plan --format json, 10,000 peers ÷ shipped", f"{ratio('plan json 10k peers', 'plan json shipped'):.1f}×", "≤ 3×", ratio('plan json 10k peers', 'plan json shipped') <= 3),
    ("peak memory, plan --format json, 10,000 peers", f"{rows['plan json 10k peers']['peak']:.1f} MiB", "≤ 40 MiB", rows['plan json 10k peers']['peak'] <= 40),
    ("validate, 10,000 peers ÷ shipped", f"{ratio('validate 10k peers', 'validate shipped'):.1f}×", "≤ 2×", ratio('validate 10k peers', 'validate shipped') <= 2),
    (f"writing the 10,000-peer plan JSON ({json_bytes/1e6:.1f} MB; plan json − validate)", f"{rate:.0f} MB/s", "≥ 200 MB/s", rate >= 200),
    ("audit, 20,000-rule dump ÷ 56-rule dump", f"{ratio('audit 20k rules', 'audit 56 rules'):.1f}×", "≤ 10×", ratio('audit 20k rules', 'audit 56 rules') <= 10),
    ("audit, description 25k / 50k / 100k / 200k lines", " / ".join(f"{x:.2f} s" for x in d), "200k ≤ 1 s, linear", d[3] <= 1 and d[3] / d[1] <= 4 * 1.5),
    ("audit, rules on one port 15k / 30k / 60k", " / ".join(f"{x:.2f} s" for x in p), "60k ≤ 2 s, linear", p[2] <= 2 and p[2] / p[0] <= 4 * 1.5),
    ("cold start, plan (shipped) ÷ hello-world", f"{ratio('plan shipped', 'hello-world'):.2f}×", "≤ 1.5×", ratio('plan shipped', 'hello-world') <= 1.5),
    ("flows 250 / 500 / 1,000 hosts", " / ".join(f"{x:.2f} s" for x in f), "1,000 ≤ 2 s", f[2] <= 2),
    (f"flows, time per flow checked ({' / '.join(f'{c:,}' for c in flow_counts)} flows)", " / ".join(f"{x:.1f} µs" for x in per_flow), "linear: the largest no dearer per flow than 1.5× the smallest", per_flow[2] <= 1.5 * per_flow[0]),
]
print("\n| goal | measured | target | |")
print("|---|---|---|---|")
for what, measured, target, met in goals:
    print(f"| {what} | {measured} | {target} | {'met' if met else '**missed**'} |")
EOF

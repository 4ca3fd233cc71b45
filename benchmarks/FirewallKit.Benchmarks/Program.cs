using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using FirewallKit.Benchmarks;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;

// `generate DIR` writes the scaled inputs of benchmarks/scale.sh;
// `stats` prints what each plan emits (rules, address entries) with one timed run per size;
// anything else goes to BenchmarkDotNet (e.g. --filter '*', --job short).
if (args is ["generate", var directory])
{
    ScaleInputs.Write(directory);
    return 0;
}

if (args is ["stats", ..])
{
    var catalog = CatalogLoader.LoadEmbedded();
    Console.WriteLine("| peers | peer entries after merging | rules | address entries in rules | largest rule | one plan (ms) |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    foreach (var peers in new[] { 3, 1_000, 10_000, 100_000 })
    {
        var profile = PeerProfiles.Cluster(catalog, peers);
        RulePlanner.Plan(catalog, profile); // warm up
        var watch = Stopwatch.StartNew();
        var plan = RulePlanner.Plan(catalog, profile);
        watch.Stop();
        var merged = AddressSet.Union(profile.Peers.Select(p => p.Addresses)).EntryCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {peers:N0} | {merged:N0} | {plan.Rules.Count:N0} | {plan.Rules.Sum(r => r.RemoteAddresses.EntryCount):N0} | {plan.Rules.Max(r => r.RemoteAddresses.EntryCount):N0} | {watch.Elapsed.TotalMilliseconds:F1} |"));
    }

    return 0;
}

// Short runs on one core: the machine is shared, and the targets are stated for one core.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithAffinity(1).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly).Run(args, config);
return 0;

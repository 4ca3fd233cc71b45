using BenchmarkDotNet.Attributes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;

namespace FirewallKit.Benchmarks;

/// <summary>Exporting the 10,000-peer plan (planned once in setup).</summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private RulePlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = CatalogLoader.LoadEmbedded();
        _plan = RulePlanner.Plan(catalog, PeerProfiles.Cluster(catalog, 10_000));
    }

    [Benchmark]
    public string PowerShell() => new PowerShellPlanExporter().Export(_plan, new Provenance("fwkit export --format powershell"));

    [Benchmark]
    public string Json() => new JsonPlanExporter().Export(_plan);
}

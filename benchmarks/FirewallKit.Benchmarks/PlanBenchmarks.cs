using BenchmarkDotNet.Attributes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Benchmarks;

/// <summary>Planning the shipped cluster profile with 3 to 100,000 peers (the profile is loaded in setup).</summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private PortCatalog _catalog = null!;
    private DeploymentProfile _profile = null!;

    [Params(3, 1_000, 10_000, 100_000)]
    public int Peers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogLoader.LoadEmbedded();
        _profile = PeerProfiles.Cluster(_catalog, Peers);
    }

    [Benchmark]
    public RulePlan Plan() => RulePlanner.Plan(_catalog, _profile);
}

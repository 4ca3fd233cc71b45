using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;

namespace FirewallKit.Tests.Support;

/// <summary>
/// The plan of a cluster profile with 5,000 client addresses (1.7 MB as JSON, well over what fwkit
/// once read back), planned once for all the tests that need one that large.
/// </summary>
public static class LargePlan
{
    private static readonly Lazy<RulePlan> Planned = new(() => ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients(ClientAddresses()).Plan());

    private static readonly Lazy<string> Exported = new(() => new JsonPlanExporter().Export(Planned.Value));

    public static RulePlan Plan => Planned.Value;

    public static string Json => Exported.Value;

    /// <summary>5,000 IPv4 addresses no two of which merge into a range: 10.0.0.5, 10.0.2.5, ... 10.49.198.5.</summary>
    private static string[] ClientAddresses() => [.. Enumerable.Range(0, 5000).Select(i => $"10.{i / 100}.{2 * (i % 100)}.5")];
}

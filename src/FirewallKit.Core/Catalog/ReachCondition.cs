
namespace FirewallKit.Core.Catalog;

/// <summary>When a flow exists: every condition given must hold.</summary>
public sealed record ReachCondition(Topology? Topology = null, string? Feature = null, string? FeatureOff = null)
{
    public static readonly ReachCondition Always = new();

    public bool Holds(Topology topology, Func<string, bool> isOn) =>
        (Topology is null || Topology == topology)
        && (Feature is null || isOn(Feature))
        && (FeatureOff is null || !isOn(FeatureOff));

    /// <summary>The conditions in words, for a reason that says why a flow is not there: "a cluster, 'pdg' on".</summary>
    public string Describe() => string.Join(", ", new[]
    {
        Topology is { } topology ? "a " + CatalogTerms.TopologyProse(topology) : null,
        Feature is { } feature ? $"'{feature}' on" : null,
        FeatureOff is { } off ? $"'{off}' off" : null,
    }.OfType<string>());
}

namespace FirewallKit.Core.Catalog;

/// <summary>When a flow exists: every condition given must hold.</summary>
public sealed record ReachCondition(Topology? Topology = null, string? Feature = null, string? FeatureOff = null)
{
    public static readonly ReachCondition Always = new();
}

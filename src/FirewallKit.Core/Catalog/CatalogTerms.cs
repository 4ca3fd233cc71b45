using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Catalog;

/// <summary>The catalog's words (topology, port role) as text and back, exactly as documented.</summary>
public static class CatalogTerms
{
    public static readonly IReadOnlyList<string> TopologyNames = ["single", "cluster"];
    public static readonly IReadOnlyList<string> RoleNames = ["client", "cluster", "localIpc", "admin", "optional"];

    public static string Topology(Topology topology) => TopologyNames[(int)topology];

    public static bool TryTopology(string text, out Topology topology) =>
        RuleTerms.TryOneOf(text, TopologyNames, [Catalog.Topology.Single, Catalog.Topology.Cluster], StringComparison.Ordinal, out topology);

    /// <summary>For people: "single server" or "cluster".</summary>
    public static string TopologyProse(Topology topology) => topology == Catalog.Topology.Cluster ? "cluster" : "single server";

    public static string Role(PortRole role) => RoleNames[(int)role];

    public static bool TryRole(string text, out PortRole role) =>
        RuleTerms.TryOneOf(text, RoleNames, Enum.GetValues<PortRole>(), StringComparison.Ordinal, out role);
}

using System.Diagnostics.CodeAnalysis;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using DecisionKind = FirewallKit.Core.Plan.Decision;
using EnforcementMode = FirewallKit.Core.Profiles.Enforcement;
using TopologyKind = FirewallKit.Core.Catalog.Topology;

namespace FirewallKit.Core.Vocabulary;

/// <summary>
/// The one place each enum becomes text and text becomes the enum again. Windows' own words
/// (protocol, firewall profile, action) are read in any case, as Windows reads them; the words of
/// fwkit's JSON files (topology, enforcement, role, decision) are read exactly as documented.
/// </summary>
public static class Terms
{
    public static readonly IReadOnlyList<string> TopologyNames = ["single", "cluster"];
    public static readonly IReadOnlyList<string> EnforcementNames = ["strict", "allowOnly"];
    public static readonly IReadOnlyList<string> RoleNames = ["client", "cluster", "localIpc", "admin", "optional"];
    public static readonly IReadOnlyList<string> FirewallProfileNames = ["Domain", "Private", "Public"];

    private static readonly FirewallProfiles[] EachProfile = [FirewallProfiles.Domain, FirewallProfiles.Private, FirewallProfiles.Public];

    public static string Protocol(TransportProtocol protocol) => protocol == TransportProtocol.Tcp ? "TCP" : "UDP";

    public static bool TryProtocol(string text, out TransportProtocol protocol) =>
        TryOneOf(text, ["TCP", "UDP"], [TransportProtocol.Tcp, TransportProtocol.Udp], StringComparison.OrdinalIgnoreCase, out protocol);

    /// <summary>Windows' spelling, in Domain, Private, Public order.</summary>
    public static IReadOnlyList<string> Profiles(FirewallProfiles profiles) =>
        [.. EachProfile.Where(p => profiles.HasFlag(p)).Select(p => FirewallProfileNames[Array.IndexOf(EachProfile, p)])];

    /// <summary>One of Domain, Private and Public, in any case.</summary>
    public static bool TryProfile(string text, out FirewallProfiles profile) =>
        TryOneOf(text, FirewallProfileNames, EachProfile, StringComparison.OrdinalIgnoreCase, out profile);

    public static string Action(RuleAction action) => action == RuleAction.Allow ? "Allow" : "Block";

    public static bool TryAction(string text, out RuleAction action) =>
        TryOneOf(text, ["Allow", "Block"], [RuleAction.Allow, RuleAction.Block], StringComparison.Ordinal, out action);

    public static string Direction(RuleDirection direction) => "Inbound";

    public static bool TryDirection(string text, out RuleDirection direction) =>
        TryOneOf(text, ["Inbound"], [RuleDirection.Inbound], StringComparison.Ordinal, out direction);

    public static string Decision(Decision decision) => decision switch
    {
        DecisionKind.Open => "open",
        DecisionKind.Restricted => "restricted",
        DecisionKind.Closed => "closed",
        _ => "no-rule",
    };

    public static string Topology(Topology topology) => TopologyNames[(int)topology];

    public static bool TryTopology(string text, out Topology topology) =>
        TryOneOf(text, TopologyNames, [TopologyKind.Single, TopologyKind.Cluster], StringComparison.Ordinal, out topology);

    /// <summary>For people: "single server" or "cluster".</summary>
    public static string TopologyProse(Topology topology) => topology == TopologyKind.Cluster ? "cluster" : "single server";

    public static string Enforcement(Enforcement enforcement) => EnforcementNames[(int)enforcement];

    public static bool TryEnforcement(string text, out Enforcement enforcement) =>
        TryOneOf(text, EnforcementNames, [EnforcementMode.Strict, EnforcementMode.AllowOnly], StringComparison.Ordinal, out enforcement);

    /// <summary>For people: "strict" or "allow-only".</summary>
    public static string EnforcementProse(Enforcement enforcement) => enforcement == EnforcementMode.Strict ? "strict" : "allow-only";

    public static string Role(PortRole role) => RoleNames[(int)role];

    public static bool TryRole(string text, out PortRole role) =>
        TryOneOf(text, RoleNames, Enum.GetValues<PortRole>(), StringComparison.Ordinal, out role);

    private static bool TryOneOf<T>(string text, IReadOnlyList<string> names, IReadOnlyList<T> values, StringComparison comparison, [MaybeNullWhen(false)] out T value)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(text, names[i], comparison))
            {
                value = values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}

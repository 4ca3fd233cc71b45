using FirewallKit.Core.Addresses;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support.NetSecurity;
using NS = Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity;

namespace FirewallKit.Tests.Support;

/// <summary>Plans and comparisons the export tests share.</summary>
public static class ExportTestPlans
{
    public static readonly string[] ShippedProfiles = ["single-server.json", "cluster.json", "pdg-disabled.json", "multi-server.json"];

    public static RulePlan Shipped(string profile) => ShippedPlans.Of(profile);

    public static string Script(RulePlan plan) => new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell);

    /// <summary>A rule as the store should hold it after the script ran, compared by meaning (addresses as sets).</summary>
    public sealed record Expected(string Name, string DisplayName, string Description, string Group, string Enabled, string Profile, string Action, string Protocol, string Ports, AddressSet Addresses);

    public static IReadOnlyList<Expected> FromPlan(RulePlan plan) =>
        [.. plan.Rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new Expected(
            r.Name,
            r.DisplayName,
            r.Description,
            r.Group,
            r.Enabled ? "True" : "False",
            ((NS.Profile)(int)r.Profiles).ToString(),
            RuleTerms.Action(r.Action),
            RuleTerms.Protocol(r.Protocol),
            string.Join(",", r.LocalPorts.ToTokens()),
            r.RemoteAddresses))];

    public static IReadOnlyList<Expected> FromStore(IEnumerable<FakeRule> rules) =>
        [.. rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new Expected(
            r.Name,
            r.DisplayName,
            r.Description,
            r.Group,
            r.Enabled.ToString(),
            r.Profile.ToString(),
            r.Action.ToString(),
            r.Protocol,
            string.Join(",", r.LocalPort),
            AddressSet.Parse(r.RemoteAddress)))];

    /// <summary>A planned rule as the store would hold it, to seed a store with.</summary>
    public static FakeRule AsStored(FirewallRule rule) => new(
        rule.Name,
        rule.DisplayName,
        rule.Description,
        rule.Group,
        rule.Enabled ? NS.Enabled.True : NS.Enabled.False,
        (NS.Profile)(int)rule.Profiles,
        NS.Direction.Inbound,
        rule.Action == RuleAction.Allow ? NS.Action.Allow : NS.Action.Block,
        RuleTerms.Protocol(rule.Protocol),
        rule.LocalPorts.ToTokens(),
        rule.RemoteAddresses.ToTokens());
}

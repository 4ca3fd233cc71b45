using System.Globalization;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Registry;
using FirewallKit.Core.Rules;

namespace FirewallKit.Windows;

/// <summary>
/// The live firewall as the COM API shows it (every rule Windows enforces, from every store), with what only the
/// registry says: the store each rule came from (the local store's and Group Policy's <c>FirewallRules</c> keys) and,
/// for every profile, whether Group Policy merges local rules (<c>AllowLocalPolicyMerge</c>). So a local rule, fwkit's
/// own block-others included, does not count where Group Policy ignores local rules. A COM rule is tagged with a store
/// only when exactly one store holds a rule of the same name, group, direction, action, protocol and ports; built-in
/// rules, whose registry names are indirect strings (<c>@FirewallAPI.dll,-28502</c>), and rules of other stores
/// (dynamic, MDM) stay <see cref="RuleStore.Unknown"/> and count as applying, as before.
/// </summary>
public sealed class RegistryStoreRuleSource(IRuleSource comView, IRegistryValues registry) : IRuleSource
{
    public ObservedFirewall Read()
    {
        var com = comView.Read();
        var values = new List<RegistryValue>();
        values.AddRange(registry.Read(FirewallPolicyKeys.GroupPolicy));
        values.AddRange(registry.Read(FirewallPolicyKeys.Local));
        var stored = FirewallRegistry.Read(com.Source, "registry", values);

        var stores = stored.Rules
            .Where(r => !r.DisplayName.StartsWith('@'))
            .ToLookup(Signature);
        var tagged = com.Rules.Select(rule => stores[Signature(rule)].Select(r => r.Store).Distinct().ToList() is [var only] ? rule with { Store = only } : rule).ToList();

        var profiles = com.Profiles.Select(state =>
            stored.Profiles.FirstOrDefault(p => p.Profile == state.Profile && p.Known) is { } fromRegistry
                ? state with { AllowLocalRules = state.AllowLocalRules && fromRegistry.AllowLocalRules }
                : state).ToList();

        var local = tagged.Count(r => r.Store == RuleStore.Local);
        var groupPolicy = tagged.Count(r => r.Store == RuleStore.GroupPolicy);
        var notes = com.Notes.Where(n => n is not (ComRuleSource.StoreUnknownNote or ComRuleSource.MergeKnownForActiveProfilesNote)).ToList();
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"stores from the registry: {local} local and {groupPolicy} Group Policy rules matched; {tagged.Count - local - groupPolicy} others (built-in rules named by resource, other stores) count as applying; the registry holds {stored.Rules.Count} rule strings, the COM view {com.Rules.Count} rules"));
        notes.AddRange(stored.Notes.Where(n => n.StartsWith("rule strings of grammar", StringComparison.Ordinal)));
        return com with { Rules = tagged, Profiles = profiles, Notes = notes, Format = com.Format + "+registry" };
    }

    private static (string, string, Core.RuleWords.RuleDirection, Core.RuleWords.RuleAction, string, string) Signature(StoredRule rule) =>
        (rule.DisplayName, rule.Group, rule.Direction, rule.Action, rule.Protocol.ToString(), string.Join(",", rule.LocalPorts.ToTokens()));
}

using System.Globalization;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The firewall that registry values describe, whichever file held them (a Registry.pol, a <c>.wfw</c> hive, a
/// <c>.reg</c> export): every REG_SZ under a key named <c>FirewallRules</c> is a rule string named by its ID, and the
/// DWORDs under <c>DomainProfile</c>, <c>PrivateProfile</c> (<c>StandardProfile</c>) and <c>PublicProfile</c> are the
/// profiles' settings. A rule under <c>Software\Policies</c> comes from Group Policy; elsewhere from the local store.
/// </summary>
public static class FirewallRegistry
{
    public static ObservedFirewall Read(string file, string format, IReadOnlyList<RegistryValue> values)
    {
        var errors = new InputErrors(file);
        var rules = new List<StoredRule>();
        var unread = new Dictionary<string, (int Rules, string First)>(StringComparer.Ordinal);
        var versions = new SortedSet<RuleStringVersion>();
        foreach (var value in values.Where(v => v.KeyName.Equals(FirewallPolicyKeys.RulesKeyName, StringComparison.OrdinalIgnoreCase)))
        {
            // "**del.Name" and "**delvals." are Registry.pol's deletion records, not rules.
            if (value.Name.StartsWith("**", StringComparison.Ordinal) || value.Text is not { } text)
            {
                continue;
            }

            var where = $"{value.Location} ({value.Key}\\{value.Name})".TrimStart(' ');
            if (RuleStringCodec.Read(value.Name, text, errors, where) is not { } read)
            {
                continue;
            }

            versions.Add(read.Version);
            rules.Add(read.Rule with { Store = StoreOf(value.Key), Location = where });
            foreach (var key in read.Unread.Select(f => f.Key).Distinct())
            {
                unread[key] = unread.TryGetValue(key, out var seen) ? (seen.Rules + 1, seen.First) : (1, read.Rule.Label);
            }
        }

        errors.ThrowIfAny();
        var notes = new List<string>();
        if (versions.Count > 0)
        {
            notes.Add($"rule strings of grammar {string.Join(", ", versions)} ([MS-GPFAS] 2.2.2.19)");
        }

        if (unread.Count > 0)
        {
            notes.Add("fields fwkit does not interpret were kept as written and not counted (they can only narrow a rule, or say on which Windows it applies): "
                + string.Join("; ", unread.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} in {u.Value.Rules.ToString(CultureInfo.InvariantCulture)} rule{(u.Value.Rules == 1 ? string.Empty : "s")} (first {u.Value.First})")));
        }

        var profiles = DumpProfiles.Complete(Profiles(values), notes, "the DomainProfile, PrivateProfile and PublicProfile keys");
        return new ObservedFirewall(file, format, rules, profiles, notes);
    }

    private static RuleStore StoreOf(string key) =>
        key.StartsWith(@"Software\Policies", StringComparison.OrdinalIgnoreCase) || key.Contains(@"\Software\Policies\", StringComparison.OrdinalIgnoreCase)
            ? RuleStore.GroupPolicy
            : RuleStore.Local;

    private static List<ProfileState> Profiles(IReadOnlyList<RegistryValue> values)
    {
        var states = new List<ProfileState>();
        foreach (var (keyName, profile) in FirewallPolicyKeys.ProfileKeys)
        {
            // Group Policy's value of a setting overrides the local store's, so it is taken last.
            var settings = values.Where(v => v.KeyName.Equals(keyName, StringComparison.OrdinalIgnoreCase) && v.Number is not null)
                .OrderBy(v => StoreOf(v.Key) == RuleStore.GroupPolicy)
                .GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Number!.Value, StringComparer.OrdinalIgnoreCase);
            if (!settings.TryGetValue(FirewallPolicyKeys.EnableFirewall, out var enabled))
            {
                continue;
            }

            states.Add(new ProfileState(
                profile,
                enabled != 0,
                settings.TryGetValue(FirewallPolicyKeys.DefaultInboundAction, out var inbound) && inbound == 0 ? RuleAction.Allow : RuleAction.Block,
                !(settings.TryGetValue(FirewallPolicyKeys.DoNotAllowExceptions, out var shields) && shields != 0),
                !(settings.TryGetValue(FirewallPolicyKeys.AllowLocalPolicyMerge, out var merge) && merge == 0),
                Known: true));
        }

        return states;
    }
}

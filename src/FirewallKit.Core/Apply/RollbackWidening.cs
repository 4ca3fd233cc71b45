using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Apply;

/// <summary>
/// What a rollback would open that the current plan does not: per port, protocol and firewall profile, the
/// addresses the backup's rules let in (allow rules, less what certain block rules keep out) beyond those the plan's
/// rules let in. A block rule with any extra field (a program, a remote port, ...) is not counted as blocking, since it
/// may not match; so a forged backup cannot open a port by narrowing a block rule.
/// </summary>
public static class RollbackWidening
{
    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    /// <param name="plan">The current plan's rules; null when no profile was given, so every allow rule counts as opening.</param>
    public static IReadOnlyList<string> Compute(IReadOnlyList<FirewallRule> backup, IReadOnlyList<FirewallRule>? plan)
    {
        var found = new List<string>();
        var targets = backup
            .Where(r => r.Enabled && r.Action == RuleAction.Allow)
            .SelectMany(r => r.LocalPorts.Numbers.Intervals.SelectMany(i => Enumerable.Range(i.Start, i.End - i.Start + 1)).Select(p => (r.Protocol, Port: p)))
            .Distinct()
            .OrderBy(t => t.Port).ThenBy(t => t.Protocol);
        foreach (var (protocol, port) in targets)
        {
            foreach (var profile in EachProfile)
            {
                var opened = Reach(backup, protocol, port, profile);
                var intended = plan is null ? AddressSet.Empty : Reach(plan, protocol, port, profile);
                var literals = AddressSet.FromRanges(opened.Except(intended).Ranges);
                var keywords = opened.Keywords.Where(k => !intended.Keywords.Contains(k)).Select(k => k.ToString()).ToList();
                if (literals.IsEmpty && keywords.Count == 0)
                {
                    continue;
                }

                var who = string.Join(", ", new[] { literals.IsEmpty ? null : AddressText.Of(literals) }.Concat(keywords).OfType<string>());
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{RuleTerms.Protocol(protocol)} {port} in {profile}: {who}"));
            }
        }

        return found;
    }

    private static AddressSet Reach(IReadOnlyList<FirewallRule> rules, TransportProtocol protocol, int port, NetworkProfiles profile)
    {
        bool Applies(FirewallRule r) => r.Enabled && r.Protocol == protocol && (r.Profiles & profile) != 0 && r.LocalPorts.Contains(port);
        var allowed = AddressSet.Union([AddressSet.Empty, .. rules.Where(r => Applies(r) && r.Action == RuleAction.Allow).Select(r => r.RemoteAddresses)]);
        var blocked = AddressSet.Union([AddressSet.Empty, .. rules.Where(r => Applies(r) && r.Action == RuleAction.Block && r.ExtraFields.Count == 0).Select(r => r.RemoteAddresses)]);
        return allowed.Except(blocked);
    }
}

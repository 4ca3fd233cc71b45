using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Engine;

/// <summary>
/// Answers "would this inbound connection get through?" for a rule set, the way Windows Firewall
/// decides: loopback is never filtered; a matching block rule wins over every allow rule; a
/// matching allow rule lets it in; otherwise the profile's default inbound action (block) applies.
/// Keywords (LocalSubnet, DNS, RPC, ...) are resolved by the machine at run time, so a match that
/// hangs on one is reported as <see cref="ConnectionOutcome.DependsOnMachine"/> rather than guessed.
/// </summary>
public sealed class ConnectionEvaluator
{
    public const string DefaultInboundAction = "default inbound action (block)";
    public const string LoopbackReason = "loopback is not filtered";

    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    private readonly IReadOnlyList<CompiledRule> _rules;

    public ConnectionEvaluator(IEnumerable<FirewallRule> rules)
    {
        // Disabled and outbound rules never decide an inbound connection.
        _rules = [.. rules.Where(r => r.Enabled && r.Direction == RuleDirection.Inbound).Select(CompiledRule.Of)];
    }

    public static ConnectionVerdict Evaluate(IEnumerable<FirewallRule> rules, ConnectionQuery query, NetworkProfiles profile) =>
        new ConnectionEvaluator(rules).Evaluate(query, profile);

    /// <summary>The verdict for one firewall profile (Domain, Private or Public).</summary>
    public ConnectionVerdict Evaluate(ConnectionQuery query, NetworkProfiles profile)
    {
        if (profile is not (NetworkProfiles.Domain or NetworkProfiles.Private or NetworkProfiles.Public))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Ask about one firewall profile at a time.");
        }

        if (Loopback.Addresses.Contains(query.Source))
        {
            return new ConnectionVerdict(ConnectionOutcome.Allowed, null, LoopbackReason);
        }

        var family = query.Family;
        var source = query.Source.ToString();
        (CompiledRule Rule, string Condition)? maybeBlock = null;
        (CompiledRule Rule, string Condition)? maybeAllow = null;
        CompiledRule? allow = null;
        foreach (var rule in _rules.Where(r => (r.Rule.Profiles & profile) != 0 && r.Rule.Protocol == query.Protocol))
        {
            var match = rule.Matches(query.Source, family, query.Port, source);
            if (match.Kind == MatchKind.No)
            {
                continue;
            }

            if (rule.Rule.Action == RuleAction.Block)
            {
                if (match.Kind == MatchKind.Yes)
                {
                    return new ConnectionVerdict(ConnectionOutcome.Blocked, rule.Rule, RuleText(rule.Rule));
                }

                maybeBlock ??= (rule, match.Condition!);
            }
            else if (match.Kind == MatchKind.Yes)
            {
                allow ??= rule;
            }
            else
            {
                maybeAllow ??= (rule, match.Condition!);
            }
        }

        if (maybeBlock is { } block && (allow is not null || maybeAllow is not null))
        {
            var allowText = allow is not null ? RuleText(allow.Rule) + " lets it in" : $"{RuleText(maybeAllow!.Value.Rule.Rule)} lets it in only if {maybeAllow.Value.Condition}";
            return new ConnectionVerdict(
                ConnectionOutcome.DependsOnMachine,
                block.Rule.Rule,
                $"{allowText}, unless {RuleText(block.Rule.Rule)} matches, which it does if {block.Condition}; only the machine can resolve that");
        }

        if (allow is not null)
        {
            return new ConnectionVerdict(ConnectionOutcome.Allowed, allow.Rule, RuleText(allow.Rule));
        }

        if (maybeAllow is { } conditional)
        {
            return new ConnectionVerdict(
                ConnectionOutcome.DependsOnMachine,
                conditional.Rule.Rule,
                $"{RuleText(conditional.Rule.Rule)} lets it in only if {conditional.Condition}, which only the machine can resolve; otherwise {DefaultInboundAction}");
        }

        return new ConnectionVerdict(ConnectionOutcome.Blocked, null, DefaultInboundAction);
    }

    /// <summary>
    /// The verdict for <paramref name="only"/>, or for each of Domain, Private and Public with
    /// the profiles that agree grouped together (one group when the answer does not depend on the profile).
    /// </summary>
    public IReadOnlyList<ProfileVerdict> EvaluateEachProfile(ConnectionQuery query, NetworkProfiles? only = null)
    {
        if (only is { } profile)
        {
            return [new ProfileVerdict(profile, Evaluate(query, profile))];
        }

        var groups = new List<ProfileVerdict>();
        foreach (var each in EachProfile)
        {
            var verdict = Evaluate(query, each);
            var index = groups.FindIndex(g => g.Verdict.Outcome == verdict.Outcome && g.Verdict.Reason == verdict.Reason);
            if (index >= 0)
            {
                groups[index] = groups[index] with { Profiles = groups[index].Profiles | each };
            }
            else
            {
                groups.Add(new ProfileVerdict(each, verdict));
            }
        }

        return groups;
    }

    public static string RuleText(FirewallRule rule) => $"rule {rule.Name} ({rule.Action})";

    private enum MatchKind
    {
        No,
        Maybe,
        Yes,
    }

    private readonly record struct Match(MatchKind Kind, string? Condition)
    {
        public static readonly Match No = new(MatchKind.No, null);
        public static readonly Match Yes = new(MatchKind.Yes, null);
    }

    private sealed record CompiledRule(FirewallRule Rule, AddressSet Remote, PortSet Ports)
    {
        public static CompiledRule Of(FirewallRule rule) => new(rule, rule.RemoteAddresses, rule.LocalPorts);

        public Match Matches(System.Net.IPAddress address, IpFamily family, int port, string source)
        {
            var portMatch = Ports.Contains(port)
                ? Match.Yes
                : Ports.Keywords.Length > 0
                    ? new Match(MatchKind.Maybe, string.Create(CultureInfo.InvariantCulture, $"port {port} is one of {string.Join(", ", Ports.Keywords.Select(PortSet.Spelling))}"))
                    : Match.No;
            if (portMatch.Kind == MatchKind.No)
            {
                return Match.No;
            }

            var addressMatch = MatchAddress(address, family, source);
            if (addressMatch.Kind == MatchKind.No)
            {
                return Match.No;
            }

            var conditions = new[] { portMatch.Condition, addressMatch.Condition }.Where(c => c is not null).ToList();
            return conditions.Count == 0 ? Match.Yes : new Match(MatchKind.Maybe, string.Join(" and ", conditions));
        }

        private Match MatchAddress(System.Net.IPAddress address, IpFamily family, string source)
        {
            // Contains is a binary search over the merged ranges: rules may hold 1000 of them.
            if (Remote.Contains(address))
            {
                return Match.Yes;
            }

            // LocalSubnet4 can never hold an IPv6 address; plain LocalSubnet may hold either.
            var possible = Remote.Keywords.Where(k => k.CanHold(family)).ToList();
            return possible.Count == 0
                ? Match.No
                : new Match(MatchKind.Maybe, $"{source} is in {string.Join(" or ", possible)}");
        }
    }
}

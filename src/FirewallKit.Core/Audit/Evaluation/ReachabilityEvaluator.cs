using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Decides who can reach a port the way Windows Firewall does, per profile: a profile that is off admits
/// everything; BlockInboundAlways admits nothing; otherwise a matching block rule wins over every allow rule,
/// a matching allow rule lets the rest in, and the profile's default inbound action decides for everyone else.
/// Rules that are disabled, outbound, for other profiles, or from the local store under a Group Policy that does
/// not honour local rules are ignored. What cannot be decided offline is kept apart as a condition: an allow rule
/// under a condition may let traffic in (it widens <see cref="Reachability.Possible"/> only), a block rule under a
/// condition may keep it out (it narrows <see cref="Reachability.Certain"/> only). Port keywords (RPC, IPHTTPS, ...)
/// name the machine's own services and never match a product port.
/// </summary>
public sealed class ReachabilityEvaluator(ObservedFirewall firewall)
{
    private readonly IReadOnlyList<StoredRule> _inbound = [.. firewall.Rules.Where(r => r.Direction == RuleDirection.Inbound)];

    public Reachability Evaluate(AuditTarget target, NetworkProfiles profile)
    {
        if (profile is not (NetworkProfiles.Domain or NetworkProfiles.Private or NetworkProfiles.Public))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Evaluate one firewall profile at a time.");
        }

        var state = firewall.StateOf(profile);
        var everyone = AuditSets.Everyone;
        var name = RuleTerms.Profiles(profile)[0];
        if (!state.Enabled)
        {
            return Whole(profile, everyone, RuleEffectKind.ProfileOff, $"the {name} profile being off (Windows filters nothing)");
        }

        if (!state.AllowInboundRules)
        {
            return Whole(profile, AddressSet.Empty, RuleEffectKind.BlocksAllInbound, $"the {name} profile blocking all inbound connections, allow rules included");
        }

        var matches = new List<Match>();
        var effects = new List<RuleEffect>();
        foreach (var rule in _inbound)
        {
            if (!rule.Protocol.Carries(target.Protocol) || !rule.LocalPorts.Contains(target.Port) || Conditions(rule, target) is not { } conditions)
            {
                continue;
            }

            var ignored = !rule.Enabled ? "disabled"
                : (rule.Profiles & profile) == 0 ? $"not in the {name} profile"
                : rule.Store == RuleStore.Local && !state.AllowLocalRules ? "a local rule, and Group Policy does not honour local rules in this profile"
                : null;
            if (ignored is not null)
            {
                // Only unconditional rules are named: a disabled rule for one program says nothing about this port.
                if (conditions.Count == 0)
                {
                    effects.Add(new RuleEffect(RuleEffectKind.Ignored, rule.Label, rule.Location, AuditSets.Filtered(rule.RemoteAddresses), rule.RemoteAddresses.Keywords, [], $"{rule.Action} rule, ignored: {ignored}"));
                }

                continue;
            }

            matches.Add(new Match(rule, conditions));
        }

        var blocks = matches.Where(m => m.Rule.Action == RuleAction.Block).ToList();
        var allows = matches.Where(m => m.Rule.Action == RuleAction.Allow).ToList();
        var bypasses = matches.Where(m => m.Rule.Action == RuleAction.Bypass).ToList();
        var certainBlock = Union(blocks.Where(m => m.Certain));
        var possibleBlock = Union(blocks);
        var possibleBypass = Union(bypasses);

        // What block rules leave: an allow rule's keyword can let in none of what they keep out for certain.
        var unblocked = everyone.Except(certainBlock);
        AddressSet certain, possible;
        var mayAlsoReach = new List<KeywordAudience>();
        if (state.DefaultInboundAction == RuleAction.Allow)
        {
            certain = AddressSet.Any.Except(possibleBlock);
            possible = AddressSet.Any.Except(certainBlock);
        }
        else
        {
            certain = Union(allows.Where(m => m.Certain)).Except(possibleBlock);
            possible = Union(allows).Except(certainBlock).Union(possibleBypass);
            if (!unblocked.IsEmpty)
            {
                mayAlsoReach.AddRange(allows.SelectMany(m => m.Rule.RemoteAddresses.Keywords.Select(k => new KeywordAudience(k, unblocked, m.Rule.Label))));
            }
        }

        // Bypass rules admit authenticated peers past block rules.
        mayAlsoReach.AddRange(bypasses.SelectMany(m => m.Rule.RemoteAddresses.Keywords.Select(k => new KeywordAudience(k, everyone, m.Rule.Label))));
        certain = certain.Except(OutsideRules.Addresses);
        possible = possible.Except(OutsideRules.Addresses);
        var mayBeKeptOut = blocks
            .SelectMany(m => m.Rule.RemoteAddresses.Keywords.Select(k => new KeywordAudience(k, certain, m.Rule.Label)))
            .Where(a => !a.Within.IsEmpty)
            .ToList();

        foreach (var block in blocks)
        {
            effects.Add(new RuleEffect(
                block.Certain ? RuleEffectKind.KeepsOut : RuleEffectKind.MayKeepOut,
                block.Rule.Label, block.Rule.Location, AuditSets.Filtered(block.Rule.RemoteAddresses), block.Rule.RemoteAddresses.Keywords, block.Conditions));
        }

        foreach (var allow in allows.Concat(bypasses))
        {
            var admitted = AuditSets.Filtered(allow.Rule.RemoteAddresses);
            if (allow.Rule.Action == RuleAction.Allow)
            {
                admitted = admitted.Except(certainBlock);
            }

            var keywordsCount = allow.Rule.RemoteAddresses.HasKeywords && (allow.Rule.Action == RuleAction.Bypass || !unblocked.IsEmpty);
            var kind = admitted.IsEmpty && !keywordsCount ? RuleEffectKind.Overruled
                : allow.Certain ? RuleEffectKind.LetsIn
                : RuleEffectKind.MayLetIn;
            effects.Add(new RuleEffect(
                kind, allow.Rule.Label, allow.Rule.Location, admitted, allow.Rule.RemoteAddresses.Keywords, allow.Conditions,
                kind == RuleEffectKind.Overruled ? "block rules keep out every address it allows" : null));
        }

        if (state.DefaultInboundAction == RuleAction.Allow)
        {
            effects.Add(new RuleEffect(RuleEffectKind.DefaultAllows, null, null, everyone.Except(certainBlock), [], [], $"the {name} profile's default inbound action, Allow"));
        }
        else
        {
            var rest = everyone.Except(possible).Except(possibleBlock);
            if (!rest.IsEmpty)
            {
                effects.Add(new RuleEffect(RuleEffectKind.DefaultBlocks, null, null, rest, [], [], $"the {name} profile's default inbound action, Block (no rule matches)"));
            }
        }

        return new Reachability(profile, certain, possible, mayAlsoReach, mayBeKeptOut, [.. effects.OrderBy(e => e.Kind == RuleEffectKind.Ignored)]);
    }

    private static Reachability Whole(NetworkProfiles profile, AddressSet addresses, RuleEffectKind kind, string reason) =>
        new(profile, addresses, addresses, [], [], [new RuleEffect(kind, null, null, addresses, [], [], reason)]);

    private static AddressSet Union(IEnumerable<Match> matches) => AddressSet.Union([AddressSet.Empty, .. matches.Select(m => AuditSets.Literals(m.Rule.RemoteAddresses))]);

    /// <summary>
    /// The conditions under which the rule matches traffic to the target, as sentences; none when it always does;
    /// null when it certainly does not (another program, another local address).
    /// </summary>
    private static List<string>? Conditions(StoredRule rule, AuditTarget target)
    {
        var conditions = new List<string>();
        var listener = target.Listener;
        if (!rule.RemotePorts.IsAny)
        {
            conditions.Add($"only from remote ports {rule.RemotePorts}");
        }

        if (!rule.LocalAddresses.IsAny)
        {
            var bound = listener?.LocalAddress;
            if (bound is not null && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any) && !rule.LocalAddresses.HasKeywords)
            {
                if (!rule.LocalAddresses.Contains(bound))
                {
                    return null;
                }
            }
            else
            {
                conditions.Add($"only to local addresses {rule.LocalAddresses}");
            }
        }

        if (rule.Program is { } program)
        {
            if (listener?.Program is { } actual)
            {
                if (!SamePath(program, actual))
                {
                    return null;
                }
            }
            else
            {
                conditions.Add($"only if the listener is {program} (which program listens is not known)");
            }
        }

        if (rule.Service is { } service)
        {
            if (listener?.Service is { } actual)
            {
                if (service != "*" && !string.Equals(service, actual, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
            else
            {
                conditions.Add(service == "*"
                    ? "only if the listener is a service (which service listens is not known)"
                    : $"only if the listener is the service {service} (which service listens is not known)");
            }
        }

        // A Store app's rule matches only that app's traffic; the listener's package is never known here.
        if ((rule.Package ?? rule.PackageFamilyName) is { } package)
        {
            conditions.Add($"only if the listener is the app package {package} (which package listens is not known)");
        }

        if (rule.InterfaceTypes != InterfaceTypes.Any)
        {
            conditions.Add($"only on {rule.InterfaceTypes} interfaces");
        }

        if (rule.Action != RuleAction.Block && (rule.RequiresAuthentication || rule.Action == RuleAction.Bypass))
        {
            conditions.Add($"only for IPsec-authenticated peers (Security {rule.Security})");
        }

        return conditions;
    }

    /// <summary>Windows compares program paths case-insensitively; %SystemRoot% and %windir% are the usual spellings of C:\Windows.</summary>
    private static bool SamePath(string rule, string actual)
    {
        static string Normal(string path) => path
            .Replace("%SystemRoot%", @"C:\Windows", StringComparison.OrdinalIgnoreCase)
            .Replace("%windir%", @"C:\Windows", StringComparison.OrdinalIgnoreCase)
            .Replace('/', '\\');
        return string.Equals(Normal(rule), Normal(actual), StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Match(StoredRule Rule, IReadOnlyList<string> Conditions)
    {
        public bool Certain => Conditions.Count == 0;
    }
}

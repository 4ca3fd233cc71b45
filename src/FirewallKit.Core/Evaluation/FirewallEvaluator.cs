using System.Globalization;
using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// Windows Firewall's decision on inbound traffic, stated once for every question fwkit asks: who can reach a
/// port (<c>fwkit audit</c>) and whether one connection gets through (<c>fwkit check</c>, read off the same
/// reachability). Per profile: loopback is never filtered; a profile that is off admits everything;
/// BlockInboundAlways admits nothing; otherwise a matching block rule wins over every allow rule, a matching
/// allow rule lets the rest in, and the profile's default inbound action decides for everyone else. Rules that
/// are disabled, outbound, for other profiles, or from the local store under a Group Policy that does not honour
/// local rules are ignored. What cannot be decided offline (the listening program or service, remote ports, local
/// addresses, interface types, IPsec, keywords the machine resolves) is a condition: an allow rule under a
/// condition may let traffic in (it widens <see cref="Reachability.Possible"/> only), a block rule under a
/// condition may keep it out (it narrows <see cref="Reachability.Certain"/> only).
/// </summary>
public sealed class FirewallEvaluator
{
    public const string DefaultInboundAction = "default inbound action (block)";
    public const string LoopbackReason = "loopback is not filtered";

    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    private readonly IReadOnlyList<StoredRule> _inbound;
    private readonly IReadOnlyList<ProfileState> _profiles;

    /// <param name="rules">The rules as Windows holds them; outbound ones never decide an inbound connection.</param>
    /// <param name="profiles">
    /// The profiles' state as read from a machine or a dump; a profile not given has Windows' defaults (on,
    /// default inbound action Block, local rules honoured), which is what a plan is checked against.
    /// </param>
    public FirewallEvaluator(IEnumerable<StoredRule> rules, IReadOnlyList<ProfileState>? profiles = null)
    {
        _inbound = [.. rules.Where(r => r.Direction == RuleDirection.Inbound)];
        _profiles = profiles ?? [];
    }

    /// <summary>Planned rules (a plan, a rule file) as Windows would hold them, on a machine in Windows' default profile state.</summary>
    public static FirewallEvaluator Of(IEnumerable<FirewallRule> rules) => new(rules.Select(r => r.ToStored()));

    public static ConnectionVerdict Evaluate(IEnumerable<FirewallRule> rules, ConnectionQuery query, NetworkProfiles profile) =>
        Of(rules).Evaluate(query, profile);

    /// <summary>How <c>fwkit check</c> names a rule in its reasons.</summary>
    public static string RuleText(StoredRule rule) => $"rule {rule.Id ?? rule.DisplayName} ({rule.Action})";

    /// <summary>Who can reach a product's port in one profile. Port keywords (RPC, IPHTTPS, ...) name the machine's own services and never match a product's port.</summary>
    public Reachability Evaluate(AuditTarget target, NetworkProfiles profile) => Reach(target, profile, _inbound, portKeywordsMayMatch: false);

    /// <summary>
    /// Who can reach each of many ports in each of <paramref name="profiles"/>, by profile and then in the order of
    /// <paramref name="targets"/>: the same answers as <see cref="Evaluate(AuditTarget, NetworkProfiles)"/> for each,
    /// from one sweep over the rules (<see cref="PortSweep"/>) that hands each port only the rules naming it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Reachability>> Evaluate(IReadOnlyList<AuditTarget> targets, IReadOnlyList<NetworkProfiles> profiles)
    {
        foreach (var profile in profiles)
        {
            RequireOneProfile(profile);
        }

        var byPort = PortSweep.RulesByPort(_inbound, targets.Select(t => t.Port));
        return [.. profiles.Select(p => (IReadOnlyList<Reachability>)[.. targets.Select(t => Reach(t, p, byPort[t.Port], portKeywordsMayMatch: false))])];
    }

    /// <summary>
    /// Whether one connection gets through in one profile (Domain, Private or Public): the source's place in
    /// the reachability of its port decides the outcome, the rules whose effects hold the source name the reason.
    /// The port asked about may be one the machine assigns, so a port keyword (RPC, ...) may match it.
    /// </summary>
    public ConnectionVerdict Evaluate(ConnectionQuery query, NetworkProfiles profile)
    {
        RequireOneProfile(profile);
        if (Loopback.Addresses.Contains(query.Source))
        {
            return new ConnectionVerdict(ConnectionOutcome.Allowed, null, LoopbackReason);
        }

        // Only rules that may hold the source can decide for it. Leaving the others out changes nothing for this
        // address and keeps the set algebra small: a plan's block-everyone-else rules hold up to 1000 ranges each.
        var family = query.Family;
        var rules = _inbound.Where(r => r.RemoteAddresses.Contains(query.Source) || r.RemoteAddresses.Keywords.Any(k => k.CanHold(family))).ToList();
        var reach = Reach(new AuditTarget(query.Port, query.Protocol), profile, rules, portKeywordsMayMatch: true);
        return Verdict(reach, query);
    }

    /// <summary>
    /// The answer for one port in one profile for every source at once: the same verdicts as
    /// <see cref="Evaluate(ConnectionQuery, NetworkProfiles)"/>, which narrows the rules to those that may hold its one
    /// source first. The rules that cannot hold a source never decide for it, so evaluating them all once gives each
    /// source the same sets, the same first rule of each kind and so the same reason.
    /// </summary>
    public PortAnswer ForPort(int port, TransportProtocol protocol, NetworkProfiles profile)
    {
        RequireOneProfile(profile);
        return new PortAnswer(port, protocol, Reach(new AuditTarget(port, protocol), profile, _inbound, portKeywordsMayMatch: true));
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

    private static void RequireOneProfile(NetworkProfiles profile)
    {
        if (profile is not (NetworkProfiles.Domain or NetworkProfiles.Private or NetworkProfiles.Public))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Evaluate one firewall profile at a time.");
        }
    }

    private ProfileState StateOf(NetworkProfiles profile) => ProfileState.Of(_profiles, profile);

    /// <summary>
    /// One source's verdict, read off the reachability of its port: in <see cref="Reachability.Certain"/> and no
    /// keyword may keep it out, it is allowed; outside <see cref="Reachability.Possible"/> and no keyword may let it
    /// in, it is blocked; otherwise the machine decides. The reason names the first rule of each kind that holds it.
    /// </summary>
    internal static ConnectionVerdict Verdict(Reachability reach, ConnectionQuery query)
    {
        if (reach.Effects.FirstOrDefault(e => e.Kind is RuleEffectKind.ProfileOff or RuleEffectKind.BlocksAllInbound) is { } whole)
        {
            return new ConnectionVerdict(whole.Kind == RuleEffectKind.ProfileOff ? ConnectionOutcome.Allowed : ConnectionOutcome.Blocked, null, whole.Reason!);
        }

        var source = query.Source;
        var family = query.Family;
        var certain = reach.Certain.Contains(source) && !reach.MayBeKeptOut.Any(Holds);
        var possible = reach.Possible.Contains(source) || reach.MayAlsoReach.Any(Holds) || reach.Certain.Contains(source);
        var outcome = certain ? ConnectionOutcome.Allowed : possible ? ConnectionOutcome.DependsOnMachine : ConnectionOutcome.Blocked;

        StoredRule? block = null;
        StoredRule? allow = null;
        (StoredRule Rule, string Condition)? maybeBlock = null;
        (StoredRule Rule, string Condition)? maybeAllow = null;
        foreach (var effect in reach.Effects)
        {
            if (effect.Stored is not { } rule || effect.Kind == RuleEffectKind.Ignored || Condition(rule, effect.Conditions, source, family) is not { } condition)
            {
                continue;
            }

            var blocks = effect.Kind is RuleEffectKind.KeepsOut or RuleEffectKind.MayKeepOut;
            if (condition.Length == 0)
            {
                if (blocks)
                {
                    block ??= rule;
                }
                else
                {
                    allow ??= rule;
                }
            }
            else if (blocks)
            {
                maybeBlock ??= (rule, condition);
            }
            else
            {
                maybeAllow ??= (rule, condition);
            }
        }

        var defaultAllows = reach.Effects.FirstOrDefault(e => e.Kind == RuleEffectKind.DefaultAllows);
        switch (outcome)
        {
            case ConnectionOutcome.Allowed:
                return allow is not null
                    ? new ConnectionVerdict(ConnectionOutcome.Allowed, allow, RuleText(allow))
                    : new ConnectionVerdict(ConnectionOutcome.Allowed, null, defaultAllows?.Reason ?? DefaultInboundAction);
            case ConnectionOutcome.Blocked:
                return block is not null
                    ? new ConnectionVerdict(ConnectionOutcome.Blocked, block, RuleText(block))
                    : new ConnectionVerdict(ConnectionOutcome.Blocked, null, DefaultInboundAction);
        }

        var otherwise = defaultAllows?.Reason ?? DefaultInboundAction;
        if (maybeBlock is { } keptOut && (allow is not null || maybeAllow is not null || defaultAllows is not null))
        {
            var allowText = allow is not null ? RuleText(allow) + " lets it in"
                : maybeAllow is { } letIn ? $"{RuleText(letIn.Rule)} lets it in only {letIn.Condition}"
                : otherwise + " lets it in";
            return new ConnectionVerdict(
                ConnectionOutcome.DependsOnMachine,
                keptOut.Rule,
                $"{allowText}, unless {RuleText(keptOut.Rule)} matches, which it does {keptOut.Condition}; only the machine can resolve that");
        }

        if (maybeAllow is { } conditional)
        {
            return new ConnectionVerdict(
                ConnectionOutcome.DependsOnMachine,
                conditional.Rule,
                $"{RuleText(conditional.Rule)} lets it in only {conditional.Condition}, which only the machine can resolve; otherwise {otherwise}");
        }

        return new ConnectionVerdict(ConnectionOutcome.DependsOnMachine, null, "rules apply under conditions only the machine can resolve");

        bool Holds(KeywordAudience audience) => audience.Keyword.CanHold(family) && audience.Within.Contains(source);
    }

    /// <summary>
    /// When the rule matches the source, as the tail of "lets it in only ...": empty when it always does,
    /// null when it never does. The port and address clauses read "if ..."; the rule's other conditions
    /// ("from remote ports 80") read as the audit words them, after its "only".
    /// </summary>
    private static string? Condition(StoredRule rule, IReadOnlyList<string> conditions, IPAddress source, IpFamily family)
    {
        string? addressClause = null;
        // Contains is a binary search over the merged ranges: rules may hold 1000 of them.
        if (!rule.RemoteAddresses.Contains(source))
        {
            // LocalSubnet4 can never hold an IPv6 address; plain LocalSubnet may hold either.
            var possible = rule.RemoteAddresses.Keywords.Where(k => k.CanHold(family)).ToList();
            if (possible.Count == 0)
            {
                return null;
            }

            addressClause = $"{source} is in {string.Join(" or ", possible)}";
        }

        if (addressClause is null && conditions.Count == 0)
        {
            return string.Empty;
        }

        var ifClauses = conditions.Where(c => c.StartsWith(PortKeywordCondition, StringComparison.Ordinal)).Select(c => c["if ".Length..]).ToList();
        if (addressClause is not null)
        {
            ifClauses.Add(addressClause);
        }

        var others = conditions.Where(c => !c.StartsWith(PortKeywordCondition, StringComparison.Ordinal)).Select(c => c.StartsWith("only ", StringComparison.Ordinal) ? c["only ".Length..] : c);
        return string.Join(" and ", [.. ifClauses.Count > 0 ? ["if " + string.Join(" and ", ifClauses)] : Array.Empty<string>(), .. others]);
    }

    /// <summary>How a port keyword's condition starts; only <c>fwkit check</c>'s question lets a port keyword match.</summary>
    private const string PortKeywordCondition = "if port ";

    private Reachability Reach(AuditTarget target, NetworkProfiles profile, IReadOnlyList<StoredRule> rules, bool portKeywordsMayMatch)
    {
        RequireOneProfile(profile);
        var state = StateOf(profile);
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
        foreach (var rule in rules)
        {
            if (!rule.Protocol.Carries(target.Protocol) || Conditions(rule, target, portKeywordsMayMatch) is not { } conditions)
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
                    effects.Add(new RuleEffect(RuleEffectKind.Ignored, rule.Label, rule.Location, AuditSets.Filtered(rule.RemoteAddresses), rule.RemoteAddresses.Keywords, [], $"{rule.Action} rule, ignored: {ignored}") { Stored = rule });
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
            possible = AddressSet.Any.Except(certainBlock).Union(possibleBypass);
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
                block.Rule.Label, block.Rule.Location, AuditSets.Filtered(block.Rule.RemoteAddresses), block.Rule.RemoteAddresses.Keywords, block.Conditions)
            {
                Stored = block.Rule,
            });
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
                kind == RuleEffectKind.Overruled ? "block rules keep out every address it allows" : null)
            {
                Stored = allow.Rule,
            });
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
    /// null when it certainly does not (another port, program or local address). A port keyword matches only when
    /// <paramref name="portKeywordsMayMatch"/>, and then under a condition.
    /// </summary>
    private static List<string>? Conditions(StoredRule rule, AuditTarget target, bool portKeywordsMayMatch)
    {
        var conditions = new List<string>();
        if (!rule.LocalPorts.Contains(target.Port))
        {
            if (!portKeywordsMayMatch || rule.LocalPorts.Keywords.Length == 0)
            {
                return null;
            }

            conditions.Add(string.Create(CultureInfo.InvariantCulture, $"{PortKeywordCondition}{target.Port} is one of {string.Join(", ", rule.LocalPorts.Keywords.Select(PortSet.Spelling))}"));
        }

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

        if (rule.InterfaceTypes != InterfaceTypes.Any)
        {
            conditions.Add($"only on {rule.InterfaceTypes} interfaces");
        }

        if (!rule.ScopesKnown)
        {
            conditions.Add("only if its program, service and interface scopes, which the dump does not show, let it match");
        }

        // Scopes Windows decides from the receiving app, its user or the interface: none is known offline.
        if (rule.Interfaces.Count > 0)
        {
            conditions.Add($"only on the interfaces {string.Join(", ", rule.Interfaces)}");
        }

        if ((rule.Package ?? rule.PackageFamilyName) is { } package)
        {
            conditions.Add($"only for the app package {package}");
        }
        else if (rule.Owner is { } owner)
        {
            conditions.Add($"only for apps of the user {owner}");
        }

        if (rule.LocalUsers is { } localUsers)
        {
            conditions.Add($"only for the local users {localUsers}");
        }

        if (rule.RemoteUsers is { } remoteUsers)
        {
            conditions.Add($"only for the remote users {remoteUsers}");
        }

        if (rule.RemoteMachines is { } remoteMachines)
        {
            conditions.Add($"only from the remote computers {remoteMachines}");
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

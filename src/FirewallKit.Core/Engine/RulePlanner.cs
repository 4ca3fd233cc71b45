using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Engine;

/// <summary>
/// Catalog + profile in, rule plan out. Pure and deterministic: the same inputs give the same
/// rules, names and order, which is what lets apply and export diff by name.
/// </summary>
public static class RulePlanner
{
    /// <summary>[MS-FASP] caps every address list of a rule at 1000 entries.</summary>
    public const int MaxAddressesPerRule = 1000;

    /// <param name="machineSubnets">
    /// The subnets of the machine the plan is applied on, given only by <c>fwkit apply</c> and <c>verify</c>:
    /// LocalSubnet then becomes literal ranges, enforced like any other set. Without them (plan, export),
    /// a LocalSubnet the profile's <c>localSubnets</c> does not spell out stays a keyword, and the plan says so.
    /// </param>
    /// <param name="host">
    /// The server of the deployment the plan is for: a port opens only when the host runs a role the catalog
    /// says serves it, and every other port is closed and blocked. Without it, the plan serves every host: a
    /// port opens when any server runs a role that serves it (every role when a server names none).
    /// </param>
    public static RulePlan Plan(PortCatalog catalog, DeploymentProfile profile, AddressSet? machineSubnets = null, Peer? host = null)
    {
        var warnings = new List<PlanWarning>();
        var runs = RolesRun(profile, host);
        // Entries that share an audience share its address set (and so its formatted tokens).
        var audiences = new Dictionary<string, AddressSet>(StringComparer.Ordinal);
        var shared = new SharedAddressSets();
        var site = AudienceResolver.SiteSubnets(profile, machineSubnets);
        var states = catalog.Entries.Select(e => Resolve(e, profile, runs, site, audiences, shared)).Where(s => s.Ports.Count > 0).ToList();
        states.AddRange(MovedAway(catalog, profile));

        var rows = states
            .SelectMany(s => s.Ports.Select(port => (port, s)))
            .GroupBy(x => x.port)
            .OrderBy(g => g.Key)
            .SelectMany(g => DecidePort(g.Key, g.Select(x => x.s).ToList(), profile, warnings, shared))
            .SelectMany(r => WithoutUnmanaged(r, profile))
            .ToList();

        var rules = new List<FirewallRule>();
        var decisions = new List<PortDecision>();
        // Ports of one entry with the same outcome (48300, 49300, 50300) share their rules.
        foreach (var group in rows.GroupBy(r => r.GroupKey))
        {
            var groupRules = BuildRules(group.ToList(), catalog, profile, shared);
            rules.AddRange(groupRules);
            decisions.AddRange(group.Select(r => r.Decision with { Rules = groupRules.Select(x => x.Name).ToList() }));
        }

        foreach (var unmanaged in profile.UnmanagedPorts)
        {
            var decision = Unmanaged(unmanaged, catalog, profile, warnings);
            var at = decisions.FindIndex(d => !d.Port.Numbers.IsEmpty && d.Port.Numbers.Intervals[0].Start > unmanaged.Port);
            decisions.Insert(at < 0 ? decisions.Count : at, decision);
        }

        if (catalog.Ephemeral is { } ephemeral)
        {
            decisions.Add(new PortDecision(
                PortSet.Parse(string.Create(CultureInfo.InvariantCulture, $"{ephemeral.Above + 1}-{PortRange.Max}")),
                null,
                [],
                Decision.NoRule,
                [],
                AddressSet.Empty,
                string.Create(CultureInfo.InvariantCulture, $"not listed, above {ephemeral.Above}: temporary local IPC whose numbers change; no rule (loopback is not filtered)"),
                []));
            foreach (var (id, port) in profile.PortOverrides.Where(o => o.Value > ephemeral.Above))
            {
                warnings.Add(new PlanWarning("override-in-ephemeral-range", string.Create(CultureInfo.InvariantCulture, $"'{id}' is moved to {port}, inside the range above {ephemeral.Above} that the product uses for temporary local IPC; a collision would stop the service from starting.")));
            }
        }

        AddEntryWarnings(states, profile, warnings);
        if (profile.LocalRules == GroupPolicyLocalRules.Ignore)
        {
            warnings.Add(new PlanWarning(
                "local-rules-ignored",
                "groupPolicy.localRules is 'ignore': where the registry-pol or gpo-backup export is applied, Windows ignores every rule of the machine's own store in "
                + string.Join(", ", RuleTerms.Profiles(profile.NetworkProfiles))
                + ": installers' allow rules, and also the built-in rules enabled locally (Remote Desktop, File and Printer Sharing, Windows Remote Management), rules made when a program first listens, and the rules of fwkit apply and of the PowerShell and netsh scripts. Only Group Policy's rules count: the GPO must carry every rule the servers need, management access first."));
        }

        AddProfileWarnings(catalog, profile, states, host, warnings);
        return new RulePlan(
            new PlanSource(catalog.Product, catalog.Id, catalog.CatalogVersion, catalog.Origin, profile.Name, profile.Source, profile.ProductVersion, profile.Topology, profile.Enforcement, profile.RuleGroup, catalog.RuleNamePrefix) { Host = host?.Name },
            rules,
            decisions,
            warnings,
            PlanHash.Of(rules))
        {
            ResolvedAtApply = [.. states
                .Where(s => s.Active)
                .SelectMany(s => s.Sources)
                .Where(x => x.Addresses.Keywords.Any(AudienceResolver.IsLocalSubnet))
                .Select(x => x.Reach.From)
                .Distinct()
                .Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The roles whose ports may open: the host's, or every server's when each names its roles; empty means every role.</summary>
    private static RolesRun RolesRun(DeploymentProfile profile, Peer? host) =>
        host is not null ? new RolesRun(host.Roles, host.Name)
        : profile.Peers.Count > 0 && profile.Peers.All(p => p.Roles.Count > 0) ? new RolesRun([.. profile.Peers.SelectMany(p => p.Roles).Distinct(StringComparer.Ordinal)], null)
        : new RolesRun([], null);

    private static EntryState Resolve(CatalogEntry entry, DeploymentProfile profile, RolesRun runs, AddressSet? site, Dictionary<string, AddressSet> audiences, SharedAddressSets shared)
    {
        var ports = profile.PortOverrides.TryGetValue(entry.Id, out var moved) ? [moved] : entry.Ports;
        if (entry.IsDeprecatedAt(profile.ProductVersion))
        {
            return new EntryState(entry, ports, false, $"deprecated as of {entry.DeprecatedIn!.ToString(3)}", []);
        }

        if (entry.Feature is { } feature && !profile.IsOn(feature))
        {
            return new EntryState(entry, ports, false, $"feature '{feature}' is off", []);
        }

        if (!entry.IsServedBy(runs.Roles))
        {
            var served = string.Join(", ", entry.ServedBy);
            return new EntryState(entry, ports, false, runs.Host is { } name ? $"served by {served}, which host '{name}' does not run" : $"served by {served}, which no server of the deployment runs", []);
        }

        var sources = entry.ReachedBy
            .Where(r => AudienceResolver.Holds(r.When, profile))
            .Select(r => (r, Audience(r.From)))
            .Where(x => !x.Item2.IsEmpty)
            .ToList();
        return new EntryState(entry, ports, true, null, sources);

        AddressSet Audience(string from)
        {
            if (!audiences.TryGetValue(from, out var set))
            {
                var resolved = AudienceResolver.Resolve(from, profile);
                // A profile may name loopback or '::' (say 127.0.0.1 among the admins): no rule can or needs to.
                set = shared.Intern(OutsideRules.Without(site is null ? resolved : AudienceResolver.WithLocalSubnet(resolved, site)));
                audiences[from] = set;
            }

            return set;
        }
    }

    /// <summary>
    /// The default ports of entries an override moved: nothing listens there any more, but a foreign
    /// allow rule would still let the network in, so each keeps a row (saying where the service went) and is blocked.
    /// </summary>
    private static IEnumerable<EntryState> MovedAway(PortCatalog catalog, DeploymentProfile profile) =>
        catalog.Entries
            .Where(e => profile.PortOverrides.ContainsKey(e.Id))
            .Select(e => (Entry: e, To: profile.PortOverrides[e.Id]))
            .Select(x => new EntryState(
                x.Entry,
                [.. x.Entry.Ports.Where(p => p != x.To)],
                false,
                string.Create(CultureInfo.InvariantCulture, $"moved to {x.To} (portOverrides.{x.Entry.Id})"),
                []))
            .Where(s => s.Ports.Count > 0);

    /// <summary>
    /// A row less what the profile leaves to other software (<c>unmanagedPorts</c>): gone when it covers the row's
    /// protocol, narrowed to the other protocol when it takes one of a closed port's two.
    /// </summary>
    private static IEnumerable<Row> WithoutUnmanaged(Row row, DeploymentProfile profile)
    {
        var protocol = row.Decision.Protocol;
        if (profile.UnmanagedPorts.FirstOrDefault(u => u.Covers(row.Port, protocol)) is not { } unmanaged)
        {
            yield return row;
        }
        else if (protocol is null && unmanaged.Protocol is { } taken)
        {
            var other = taken == TransportProtocol.Tcp ? TransportProtocol.Udp : TransportProtocol.Tcp;
            yield return row with { Decision = row.Decision with { Protocol = other }, GroupKey = row.GroupKey with { Protocol = other } };
        }
    }

    private static PortDecision Unmanaged(UnmanagedPort unmanaged, PortCatalog catalog, DeploymentProfile profile, List<PlanWarning> warnings)
    {
        var entries = catalog.Entries
            .Where(e => (profile.PortOverrides.TryGetValue(e.Id, out var moved) ? [moved] : e.Ports).Contains(unmanaged.Port))
            .Where(e => unmanaged.Protocol is null || unmanaged.Protocol == e.Protocol)
            .Select(e => e.Id)
            .ToList();
        var port = string.Create(CultureInfo.InvariantCulture, $"{(unmanaged.Protocol is { } p ? RuleTerms.Protocol(p) : "TCP and UDP")} {unmanaged.Port}");
        if (entries.Count > 0)
        {
            warnings.Add(new PlanWarning(
                "unmanaged-product-port",
                $"{port} is left to {unmanaged.Owner} (unmanagedPorts), but the catalog says {catalog.Product} listens there ({string.Join(", ", entries)}): fwkit neither opens nor blocks it, so other rules decide who reaches the product on it."));
        }

        return new PortDecision(
            PortSet.Of(unmanaged.Port),
            unmanaged.Protocol,
            entries,
            Decision.NoRule,
            [],
            AddressSet.Empty,
            $"unmanaged: belongs to {unmanaged.Owner} on this host (unmanagedPorts); fwkit neither opens nor blocks it" + (entries.Count > 0 ? $", though the catalog lists it ({string.Join(", ", entries)})" : string.Empty),
            []);
    }

    /// <summary>Rows with equal keys share rules; the allowed set compares by meaning, without formatting it.</summary>
    private sealed record Row(int Port, PortDecision Decision, AddressSet Allowed, string DisplayName, CatalogEntry Lead, RowKey GroupKey);

    /// <summary>What rows must share to share rules; a null protocol is both TCP and UDP.</summary>
    private readonly record struct RowKey(string Entries, TransportProtocol? Protocol, Decision Decision, AddressSet Allowed);

    /// <summary>
    /// One row per protocol the catalog lists the number for. The vendor table names no protocol, so a
    /// closed port is closed to TCP and UDP alike (loopback is not filtered, so it costs nothing), unless
    /// the catalog lists the number for the other protocol too; an allowed port stays on its entry's protocol.
    /// </summary>
    private static List<Row> DecidePort(int port, List<EntryState> states, DeploymentProfile profile, List<PlanWarning> warnings, SharedAddressSets shared)
    {
        var byProtocol = states.GroupBy(s => s.Entry.Protocol).OrderBy(g => g.Key).ToList();
        var rows = byProtocol.Select(g => Decide(port, g.Key, [.. g], profile, warnings, shared)).ToList();
        return byProtocol.Count == 1 && rows[0].Decision.Decision == Decision.Closed
            ? [rows[0] with { Decision = rows[0].Decision with { Protocol = null }, GroupKey = rows[0].GroupKey with { Protocol = null } }]
            : rows;
    }

    private static Row Decide(int port, TransportProtocol protocol, List<EntryState> states, DeploymentProfile profile, List<PlanWarning> warnings, SharedAddressSets shared)
    {
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var label = $"{RuleTerms.Protocol(protocol)} {portText}";
        var active = states.Where(s => s.Active).ToList();
        var lead = (active.FirstOrDefault() ?? states[0]).Entry;
        var entryIds = states.Select(s => s.Entry.Id).ToList();

        if (states.Count > 1)
        {
            var inactive = states.Where(s => !s.Active).Select(s => $"{s.Entry.Id} ({s.InactiveReason})");
            warnings.Add(new PlanWarning(
                "port-listed-twice",
                $"{label} has {states.Count} catalog entries ({string.Join(", ", entryIds)}); resolved by the active ones: "
                + (active.Count == 0 ? "none, so it is closed" : string.Join(", ", active.Select(s => s.Entry.Id)))
                + (inactive.Any() ? "; not active: " + string.Join(", ", inactive) : string.Empty) + "."));
        }

        var sources = active.SelectMany(s => s.Sources).ToList();
        var allowed = shared.Union(sources.Select(x => (x.Reach.From, x.Addresses)).ToList());
        var allowedFrom = sources.Select(x => new AllowedSource(x.Reach.From, x.Reach.Flow, x.Addresses)).ToList();

        Decision decision;
        string reason;
        if (active.Count == 0)
        {
            decision = Decision.Closed;
            reason = $"{RoleText(lead.Role)}, {string.Join("; ", states.Select(s => s.InactiveReason).Distinct())}: blocked";
        }
        else if (allowed.IsEmpty)
        {
            decision = Decision.Closed;
            reason = ClosedReason(active, profile, warnings, label);
        }
        else
        {
            decision = allowed.IsAny ? Decision.Open : Decision.Restricted;
            reason = RoleText(lead.Role) + ": " + string.Join("; ", sources.Select(x => x.Reach.Flow));
        }

        var row = new PortDecision(PortSet.Of(port), protocol, entryIds, decision, allowedFrom, allowed, reason, []);
        var key = new RowKey(string.Join("+", entryIds), protocol, decision, allowed);
        return new Row(port, row, allowed, lead.DisplayName, lead, key);
    }

    private static string ClosedReason(List<EntryState> active, DeploymentProfile profile, List<PlanWarning> warnings, string label)
    {
        var entry = active[0].Entry;
        switch (entry.Role)
        {
            case PortRole.LocalIpc:
                return "local IPC only: closed to the network (loopback is not filtered, so local use keeps working)";
            case PortRole.Cluster when profile.Topology == Topology.Single:
                return "cluster port on a single server: used for local IPC only, closed to the network";
            case PortRole.Admin:
                return "admin port with no admin addresses in the profile: closed to the network, use it on the server itself";
        }

        var audiences = entry.ReachedBy.Where(r => AudienceResolver.Holds(r.When, profile)).Select(r => r.From).Distinct().ToList();
        if (audiences.Count == 0)
        {
            var needs = entry.ReachedBy.Select(r => $"{r.From} only with {r.When.Describe()}").Distinct().ToList();
            return RoleText(entry.Role) + ": no flow reaches it in this deployment"
                + (needs.Count > 0 ? $" ({string.Join("; ", needs)})" : string.Empty)
                + ", closed to the network";
        }

        var message = $"{label} ({entry.DisplayName}) would be reached by {string.Join(", ", audiences)}, but the profile gives no addresses for them, so it is closed";
        warnings.Add(new PlanWarning("empty-audience", message + "."));
        return $"{RoleText(entry.Role)}: {string.Join(", ", audiences)} not given in the profile, closed to the network";
    }

    private static List<FirewallRule> BuildRules(List<Row> rows, PortCatalog catalog, DeploymentProfile profile, SharedAddressSets shared)
    {
        TransportProtocol[] protocols = rows[0].Decision.Protocol is { } one ? [one] : [TransportProtocol.Tcp, TransportProtocol.Udp];
        return [.. protocols.SelectMany(protocol => BuildRules(rows, protocol, catalog, profile, shared))];
    }

    private static List<FirewallRule> BuildRules(List<Row> rows, TransportProtocol protocol, PortCatalog catalog, DeploymentProfile profile, SharedAddressSets shared)
    {
        var first = rows[0];
        var decision = first.Decision;
        var ports = rows.Select(r => r.Port.ToString(CultureInfo.InvariantCulture)).ToList();
        var localPorts = PortSet.Of(rows.Select(r => r.Port));
        var label = $"{RuleTerms.Protocol(protocol)} {string.Join(", ", ports)}";
        var baseName = $"{catalog.RuleNamePrefix}-{RuleTerms.Protocol(protocol).ToLowerInvariant()}-{ports[0]}";
        var displayBase = $"{first.DisplayName} ({label})";
        var vendorText = first.Lead.Vendor is { } vendor
            ? $"{vendor.Description.TrimEnd('.')}. Owner: {vendor.Owner}."
            : first.Lead.Note ?? string.Empty;
        var description = $"{vendorText} Decision: {decision.Reason}. {RuleText.ManagedMarker} (profile '{profile.Name}'); changes made by hand are overwritten.";

        FirewallRule Rule(string name, string displayName, RuleAction action, AddressSet remote) => new()
        {
            Name = name,
            DisplayName = displayName,
            Description = description,
            Group = profile.RuleGroup,
            Action = action,
            Protocol = protocol,
            LocalPorts = localPorts,
            RemoteAddresses = remote,
            Profiles = profile.NetworkProfiles,
        };

        var rules = new List<FirewallRule>();
        switch (decision.Decision)
        {
            case Decision.Closed:
                rules.Add(Rule(baseName + "-block", displayBase + " – blocked", RuleAction.Block, AddressSet.Any));
                break;
            case Decision.Open:
                rules.Add(Rule(baseName + "-allow", displayBase, RuleAction.Allow, AddressSet.Any));
                break;
            case Decision.Restricted:
                rules.AddRange(Chunked(first.Allowed, baseName + "-allow", displayBase, RuleAction.Allow, Rule));
                if (profile.Enforcement == Enforcement.Strict && !first.Allowed.HasKeywords)
                {
                    var others = shared.Others(first.Allowed, OutsideRules.Addresses);
                    // Nothing left to block (the allowed set is everything but loopback and '::'): an empty
                    // address list means Any to Windows, so the rule would block the allowed too.
                    if (!others.IsEmpty)
                    {
                        rules.AddRange(Chunked(others, baseName + "-block-others", displayBase + " – block everyone else", RuleAction.Block, Rule));
                    }
                }

                break;
        }

        return rules;
    }

    private static IEnumerable<FirewallRule> Chunked(AddressSet set, string name, string displayName, RuleAction action, Func<string, string, RuleAction, AddressSet, FirewallRule> rule)
    {
        var chunks = set.Chunk(MaxAddressesPerRule);
        for (var i = 0; i < chunks.Count; i++)
        {
            yield return i == 0
                ? rule(name, displayName, action, chunks[i])
                : rule(string.Create(CultureInfo.InvariantCulture, $"{name}-{i + 1}"), string.Create(CultureInfo.InvariantCulture, $"{displayName} [part {i + 1}]"), action, chunks[i]);
        }
    }

    private static void AddEntryWarnings(List<EntryState> states, DeploymentProfile profile, List<PlanWarning> warnings)
    {
        if (profile.Placeholders.Count > 0)
        {
            warnings.Add(new PlanWarning(
                "placeholder-address",
                $"{string.Join(", ", profile.Placeholders)} {(profile.Placeholders.Count == 1 ? "is a documentation address" : "are documentation addresses")} ({DocumentationRanges.Names}), which fwkit init writes as placeholders; replace them with the real addresses: apply and export refuse the profile until then."));
        }

        foreach (var state in states.Where(s => s.Active && s.Entry.Unconfirmed && s.Sources.Count > 0))
        {
            warnings.Add(new PlanWarning("unconfirmed", $"{state.Entry.Id}: {state.Entry.Note}"));
        }

        if (profile.Enforcement == Enforcement.Strict)
        {
            foreach (var state in states.Where(s => s.Active))
            {
                foreach (var (reach, addresses) in state.Sources.Where(x => x.Addresses.HasKeywords))
                {
                    var port = $"{RuleTerms.Protocol(state.Entry.Protocol)} {string.Join(", ", state.Ports)}";
                    var keywords = string.Join(", ", addresses.Keywords);
                    warnings.Add(new PlanWarning(
                        "keyword-not-enforced",
                        addresses.Keywords.All(AudienceResolver.IsLocalSubnet)
                            ? $"{port} is allowed from {keywords} ({reach.From}). `fwkit apply` resolves it into the subnets of the machine's up interfaces and blocks everyone else, but an exported script keeps the keyword, which has no complement a block rule could name, so there strict mode cannot close {port} to other networks. Name the site's subnets in addresses.localSubnets to enforce it in scripts too."
                            : $"{port} is allowed from {keywords} ({reach.From}); a keyword has no complement a block rule could name, so strict mode cannot close {port} to other networks. Name the site's subnets in addresses.{reach.From} to block the rest."));
                }
            }
        }
        else
        {
            warnings.Add(new PlanWarning(
                "allow-only",
                "enforcement is allowOnly: restricted ports get no block rule for other addresses, so a broad allow rule (such as one a product installer adds for its program) still lets anyone in."));
        }
    }

    /// <summary>Words for risky values that are not wrong: a version the catalog predates, a wide audience, a set nothing uses.</summary>
    private static void AddProfileWarnings(PortCatalog catalog, DeploymentProfile profile, List<EntryState> states, Peer? host, List<PlanWarning> warnings)
    {
        if (catalog.IsNewerThanKnown(profile.ProductVersion))
        {
            warnings.Add(new PlanWarning(
                "version-newer-than-catalog",
                $"productVersion {profile.ProductVersion.ToString(3)} is newer than the newest version the catalog knows ({catalog.NewestKnownVersion.ToString(3)}, catalog {catalog.CatalogVersion}): ports added, moved or retired since then are not in it. Compare the vendor's port table for {profile.ProductVersion.ToString(3)} with `fwkit catalog`."));
        }

        string PortsOpenedFor(Func<string, bool> audience) => string.Join(", ", states
            .Where(s => s.Active && s.Sources.Any(x => audience(x.Reach.From)))
            .SelectMany(s => s.Ports.Select(p => (s.Entry.Protocol, Port: p)))
            .Distinct()
            .OrderBy(x => x.Port)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{RuleTerms.Protocol(x.Protocol)} {x.Port}")));

        void Wide(string who, List<AddressRange> wide, Func<string, bool> audience)
        {
            foreach (var range in wide)
            {
                var ports = PortsOpenedFor(audience);
                if (ports.Length > 0)
                {
                    warnings.Add(new PlanWarning(
                        "wide-audience",
                        string.Create(CultureInfo.InvariantCulture, $"{who} holds {range}, wider than a /{(range.Family == IpFamily.V4 ? profile.WideAudiencePrefix.Ipv4 : profile.WideAudiencePrefix.Ipv6)}: it opens {ports} to every address in it. List the hosts' own addresses, or raise wideAudiencePrefix if the range is meant.")));
                }
            }
        }

        foreach (var peer in profile.Peers)
        {
            if (WideRanges(peer.Addresses, profile.WideAudiencePrefix) is { } wide)
            {
                Wide($"peer '{peer.Name}'", wide, ReachesPeer(peer));
            }
        }

        foreach (var name in new[] { Audience.Admins, Audience.LoadBalancers })
        {
            if (WideRanges(profile.AddressSet(name), profile.WideAudiencePrefix) is { } wide)
            {
                Wide($"addresses.{name}", wide, from => from == name);
            }
        }

        // On one host a set may serve only other hosts' roles; the deployment's plan says when no host uses it.
        if (host is not null)
        {
            return;
        }

        foreach (var name in new[] { Audience.Admins, Audience.LoadBalancers, Audience.Printers })
        {
            if (profile.AddressSet(name).IsEmpty || states.Any(s => s.Active && s.Sources.Any(x => x.Reach.From == name)))
            {
                continue;
            }

            var closed = states
                .Where(s => s.Entry.ReachedBy.Any(r => r.From == name))
                .Select(s => $"{string.Join(", ", s.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)))} ({s.Entry.Id}: {s.InactiveReason ?? "its flow's condition does not hold in this deployment"})")
                .Distinct()
                .ToList();
            warnings.Add(new PlanWarning(
                "unused-set",
                $"addresses.{name} is given, but no port of this deployment is open to it"
                + (closed.Count > 0 ? $": {string.Join("; ", closed)}" : string.Empty)
                + $". Switch on what it is for, or remove addresses.{name}."));
        }
    }

    /// <summary>Whether an audience (<c>peers</c>, <c>peers:ROLE</c>) takes in the peer.</summary>
    private static Func<string, bool> ReachesPeer(Peer peer) =>
        from => from == Audience.Peers || (from.StartsWith(Audience.PeerRolePrefix, StringComparison.Ordinal) && peer.HasRole(from[Audience.PeerRolePrefix.Length..]));

    /// <summary>The set's ranges wider than the limit, or null when none is: every peer is asked, and most are one address.</summary>
    private static List<AddressRange>? WideRanges(AddressSet set, WideAudiencePrefix limit)
    {
        List<AddressRange>? wide = null;
        foreach (var interval in set.V4.Intervals)
        {
            if (AddressRange.Of(interval) is var range && IsWide(range, limit))
            {
                (wide ??= []).Add(range);
            }
        }

        foreach (var interval in set.V6.Intervals)
        {
            if (AddressRange.Of(interval) is var range && IsWide(range, limit))
            {
                (wide ??= []).Add(range);
            }
        }

        return wide;
    }

    private static bool IsWide(AddressRange range, WideAudiencePrefix limit)
    {
        var (bits, prefix) = range.Family == IpFamily.V4 ? (32, limit.Ipv4) : (128, limit.Ipv6);
        return prefix > 0 && range.End - range.Start >= UInt128.One << (bits - prefix);
    }

    public static string RoleText(PortRole role) => role switch
    {
        PortRole.Client => "client-facing",
        PortRole.Cluster => "cluster",
        PortRole.LocalIpc => "local IPC",
        PortRole.Admin => "admin",
        _ => "optional",
    };
}

using System.Globalization;
using System.Text.Json;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Profiles;

/// <summary>Reads a profile and validates it strictly against the catalog it will be planned with.</summary>
public static class ProfileLoader
{
    private static readonly string[] TopFields =
        ["$schema", "name", "description", "productVersion", "topology", "peers", "addresses", "features", "portOverrides", "firewallProfiles", "ruleGroup", "enforcement", "groupPolicy", "wideAudiencePrefix", "unmanagedPorts"];

    private static readonly string[] PeerFields = ["name", "addresses", "roles"];

    private static readonly string[] WideAudienceFields = ["ipv4", "ipv6"];

    private static readonly string[] UnmanagedPortFields = ["port", "protocol", "owner"];

    private static readonly Dictionary<string, AddressSet> AddressDefaults = new(StringComparer.Ordinal)
    {
        [Audience.Clients] = AddressSet.Any,
        [Audience.Admins] = AddressSet.Empty,
        [Audience.LoadBalancers] = AddressSet.Empty,
        [Audience.LocalSubnets] = AddressSet.Of(AddressKeyword.LocalSubnet),
        [Audience.Printers] = AddressSet.Empty,
    };

    /// <summary>Profiles validated against <paramref name="catalog"/>, the catalog they will be planned with.</summary>
    public static JsonFileReader<DeploymentProfile> Reader(PortCatalog catalog) => new((file, root) => Read(file, root, catalog));

    private static DeploymentProfile Read(string file, JsonElement root, PortCatalog catalog)
    {
        var errors = new InputErrors(file);
        var placeholders = new List<string>();
        var top = JsonObjectReader.Open(root, "$", errors, TopFields, "a profile");
        if (top is null)
        {
            errors.ThrowIfAny();
        }

        var name = top!.String("name", maxLength: TextLimits.Name) ?? Path.GetFileNameWithoutExtension(file);
        if (RuleText.IsRefused(name))
        {
            errors.Add("$.name", "the name contains '|', which Windows Firewall rejects in rule descriptions", "remove the '|' character");
        }

        var description = top.String("description");

        var version = new Version(0, 0, 0);
        if (top.String("productVersion", required: true, fix: "add \"productVersion\": \"5.1.2\" (the installed product's version)") is { } versionText
            && !ProductVersion.TryParse(versionText, out version!))
        {
            errors.Add("$.productVersion", $"'{versionText}' is not a version", "write it as major.minor.patch, such as \"5.1.2\"");
            version = new Version(0, 0, 0);
        }

        var topology = Topology.Single;
        var topologyText = top.String("topology", required: true, fix: "add \"topology\": \"single\" or \"cluster\"");
        if (topologyText is not null)
        {
            if (!CatalogTerms.TryTopology(topologyText, out topology))
            {
                errors.Add("$.topology", $"unknown topology '{topologyText}'", Suggest.Fix(topologyText, CatalogTerms.TopologyNames, "topologies"));
            }
        }

        var peers = ReadPeers(top, catalog, errors, placeholders);
        CheckPeersAreNotEveryone(peers, errors);
        if (topology == Topology.Cluster && !top.Has("peers"))
        {
            errors.Add("$.peers", "a cluster needs its peers", "list every server of the deployment, this one included: \"peers\": [ { \"name\": \"app1\", \"addresses\": [\"10.0.0.11\"] }, { \"name\": \"app2\", \"addresses\": [\"10.0.0.12\"] } ]");
        }
        else if (topology == Topology.Cluster && top.Raw("peers") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() == 0)
        {
            errors.Add("$.peers", "the peer list is empty, so the cluster ports would be open to nobody", "list every server of the deployment, this one included, or set \"topology\": \"single\"");
        }
        else if (topology == Topology.Single && peers.Count > 0)
        {
            errors.Add("$.peers", "peers are only used in a cluster", "set \"topology\": \"cluster\", or remove \"peers\"");
        }

        var addressSets = ReadAddressSets(top, errors, placeholders);
        CheckAudiencesAreNotEveryone(addressSets, catalog, errors);
        var features = ReadFeatures(top, catalog, errors);
        var overrides = ReadPortOverrides(top, catalog, features, errors);
        CheckSwitchedOnFeaturesReachSomeone(catalog, version, topology, features, addressSets, overrides, errors);
        var firewallProfiles = ReadFirewallProfiles(top, errors);

        var group = top.String("ruleGroup", maxLength: TextLimits.Name) ?? catalog.DefaultRuleGroup;
        if (!RuleText.IsValidGroup(group))
        {
            errors.Add("$.ruleGroup", "the rule group must be non-empty text without '|'", $"use a name such as \"{catalog.DefaultRuleGroup}\"");
        }
        else if (RuleText.IsResourceReference(group))
        {
            errors.Add("$.ruleGroup", RuleText.ResourceReferenceProblem, RuleText.ResourceReferenceFix);
        }

        var enforcement = Enforcement.Strict;
        if (top.String("enforcement") is { } enforcementText)
        {
            if (!ProfileTerms.TryEnforcement(enforcementText, out enforcement))
            {
                errors.Add("$.enforcement", $"unknown enforcement mode '{enforcementText}'", Suggest.Fix(enforcementText, ProfileTerms.EnforcementNames, "modes"));
            }
        }

        var localRules = ReadLocalRules(top, errors);
        var wide = ReadWideAudiencePrefix(top, errors);
        var unmanaged = ReadUnmanagedPorts(top, errors);

        errors.ThrowIfAny();
        return new DeploymentProfile
        {
            Name = name,
            Description = description,
            Source = file,
            ProductVersion = version,
            Topology = topology,
            Peers = peers,
            AddressSets = addressSets,
            Features = features,
            PortOverrides = overrides,
            NetworkProfiles = firewallProfiles,
            RuleGroup = group,
            Enforcement = enforcement,
            LocalRules = localRules,
            WideAudiencePrefix = wide,
            UnmanagedPorts = unmanaged,
            Placeholders = placeholders,
        };
    }

    /// <summary><c>"groupPolicy": { "localRules": "merge" | "ignore" }</c>; without it the Group Policy exports hold rules only.</summary>
    private static GroupPolicyLocalRules ReadLocalRules(JsonObjectReader top, InputErrors errors)
    {
        if (top.Object("groupPolicy", ["localRules"], "the Group Policy settings") is not { } groupPolicy)
        {
            return GroupPolicyLocalRules.NotManaged;
        }

        var text = groupPolicy.String("localRules", required: true, fix: "add \"localRules\": \"merge\" or \"ignore\"");
        switch (text)
        {
            case "merge":
                return GroupPolicyLocalRules.Merge;
            case "ignore":
                return GroupPolicyLocalRules.Ignore;
            case null:
                return GroupPolicyLocalRules.NotManaged;
            default:
                errors.Add(groupPolicy.Path + ".localRules", $"unknown value '{text}'", "use \"merge\" (local rules still apply) or \"ignore\" (only Group Policy's rules apply; docs/gpo.md says what that switches off)");
                return GroupPolicyLocalRules.NotManaged;
        }
    }

    private static List<Peer> ReadPeers(JsonObjectReader top, PortCatalog catalog, InputErrors errors, List<string> placeholders)
    {
        var peers = new List<Peer>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reader in top.ObjectArray("peers", PeerFields, "a peer"))
        {
            var name = reader.String("name", required: true, fix: "give the peer a name, such as its host name", maxLength: TextLimits.Name) ?? string.Empty;
            if (name.Length > 0 && !names.Add(name))
            {
                errors.Add(reader.Path + ".name", $"the peer name '{name}' is used twice", "give every peer its own name");
            }

            var tokens = reader.StringArray("addresses", required: true, fix: "add \"addresses\": [\"10.0.0.12\"]") ?? [];
            if (tokens.Count == 0 && reader.Has("addresses"))
            {
                errors.Add(reader.Path + ".addresses", "the peer has no address", "add at least one IPv4 or IPv6 address");
            }

            var addresses = ParseAddresses(tokens, reader, "addresses", errors, forPeer: true, placeholders);
            var roles = reader.StringArray("roles") ?? [];
            for (var i = 0; i < roles.Count; i++)
            {
                if (catalog.ServerRoles.All(r => r.Name != roles[i]))
                {
                    errors.Add(JsonObjectReader.Index(reader.Path + ".roles", i), $"unknown server role '{roles[i]}'", Suggest.Fix(roles[i], catalog.ServerRoles.Select(r => r.Name), "roles"));
                }
            }

            peers.Add(new Peer(name, addresses, roles.Count == 0 ? [] : [.. roles.Distinct(StringComparer.Ordinal)]));
        }

        return peers;
    }

    /// <summary>Each peer's /0 is refused where it is written; this catches subnets that add up to everything (0.0.0.0/1 + 128.0.0.0/1).</summary>
    private static void CheckPeersAreNotEveryone(List<Peer> peers, InputErrors errors) =>
        CheckNotEveryone(
            AddressSet.Union(peers.Select(p => p.Addresses)),
            "$.peers",
            "the peers",
            "the cluster ports",
            "list each peer's own addresses, not subnets that add up to the whole address space",
            errors);

    /// <summary>
    /// An audience that stands for particular hosts (admins, load balancers, printers, the site's subnets)
    /// must not be everyone: not Any, and not entries that together cover a whole address family (loopback
    /// aside, since it is never filtered). Clients may be everyone: that is what a public print service is.
    /// </summary>
    private static void CheckAudiencesAreNotEveryone(Dictionary<string, AddressSet> sets, PortCatalog catalog, InputErrors errors)
    {
        foreach (var name in Audience.RestrictedAddressSets.Where(sets.ContainsKey))
        {
            var ports = catalog.Entries
                .Where(e => e.ReachedBy.Any(r => r.From == name))
                .SelectMany(e => e.Ports.Select(p => $"{RuleTerms.Protocol(e.Protocol)} {p.ToString(CultureInfo.InvariantCulture)}"))
                .Distinct()
                .ToList();
            CheckNotEveryone(
                sets[name],
                $"$.addresses.{name}",
                $"the entries of addresses.{name}",
                ports.Count == 0 ? "its ports" : string.Join(", ", ports),
                $"list the {name} hosts' own addresses or subnets, not Any or ranges that add up to the whole address space",
                errors);
        }
    }

    private static void CheckNotEveryone(AddressSet set, string path, string who, string ports, string fix, InputErrors errors)
    {
        // Computed with the set's IntervalSets: Any, or a family whose complement (loopback and '::' aside, which
        // no rule names) is empty.
        var covered = set.Union(OutsideRules.Addresses);
        if (covered.IsAny)
        {
            errors.Add(path, $"together {who} cover every address (Any), which would open {ports} to everyone", fix);
            return;
        }

        foreach (var (all, family) in new[] { (covered.V4.IsAll, "IPv4"), (covered.V6.IsAll, "IPv6") }.Where(f => f.Item1))
        {
            errors.Add(path, $"together {who} cover every {family} address, which would open {ports} to everyone", fix);
        }
    }

    /// <summary>The address sets, defaults filled in; a set with an invalid entry (already an error) is left out.</summary>
    private static Dictionary<string, AddressSet> ReadAddressSets(JsonObjectReader top, InputErrors errors, List<string> placeholders)
    {
        var result = new Dictionary<string, AddressSet>(StringComparer.Ordinal);
        var reader = top.Object("addresses", Audience.AddressSets, "the address sets");
        foreach (var (name, defaults) in AddressDefaults)
        {
            if (reader?.Raw(name) is not { } raw)
            {
                result[name] = defaults;
            }
            else if (reader.StringArray(name) is { } tokens)
            {
                var set = ParseAddresses(tokens, reader, name, errors, forPeer: false, placeholders);
                var whole = raw.ValueKind == JsonValueKind.Array && raw.GetArrayLength() == tokens.Count;
                if (whole && tokens.All(t => AddressParser.TryParse(t, out _, out _)))
                {
                    result[name] = set;
                }
            }
        }

        return result;
    }

    /// <param name="owner">The object holding the list as <paramref name="field"/>: the path is spelt only for an error or a placeholder (a profile may list thousands of peers).</param>
    private static AddressSet ParseAddresses(IReadOnlyList<string> tokens, JsonObjectReader owner, string field, InputErrors errors, bool forPeer, List<string> placeholders)
    {
        if (tokens.Count == 1)
        {
            return Accept(0, out var one) ? AddressSet.Of(one) : AddressSet.Empty;
        }

        var valid = new List<AddressToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Accept(i, out var token))
            {
                valid.Add(token);
            }
        }

        return AddressSet.Of(valid);

        bool Accept(int i, out AddressToken token)
        {
            if (!AddressParser.TryParse(tokens[i], out token, out var reason))
            {
                errors.Add(ItemPath(i), AddressParser.Describe(tokens[i], reason), forPeer ? AddressParser.LiteralForms : AddressParser.AcceptedForms);
            }
            else if (token.Range is { IsIPv4Mapped: true } mapped)
            {
                errors.Add(ItemPath(i), $"'{tokens[i]}' is an IPv4-mapped IPv6 address, which Windows does not match against IPv4 clients (it filters IPv4 traffic by IPv4 addresses)",
                    $"write {mapped.MappedToIPv4()}");
            }
            else if (forPeer && token.Keyword is not null)
            {
                errors.Add(ItemPath(i), $"'{tokens[i]}' is a keyword; a peer must be literal addresses", "list the peer's IPv4 or IPv6 addresses: a keyword would open the cluster ports to machines that are not peers");
            }
            else if (forPeer && token.Range is { } range && range == AddressRange.All(range.Family))
            {
                errors.Add(ItemPath(i), $"'{tokens[i]}' is every address, which would open the cluster ports to everyone", "list the peer's own addresses");
            }
            else
            {
                if (token.Range is { } placeholder && DocumentationRanges.Contain(placeholder))
                {
                    placeholders.Add(ItemPath(i));
                }

                return true;
            }

            return false;
        }

        string ItemPath(int i) => JsonObjectReader.Index(JsonObjectReader.Child(owner.Path, field), i);
    }

    private static Dictionary<string, bool> ReadFeatures(JsonObjectReader top, PortCatalog catalog, InputErrors errors)
    {
        var result = catalog.Features.ToDictionary(f => f.Name, f => f.Default, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in top.Properties("features"))
        {
            var path = JsonObjectReader.Child("$.features", name);
            if (!result.ContainsKey(name))
            {
                errors.Add(path, $"unknown feature '{name}'", Suggest.Fix(name, catalog.Features.Select(f => f.Name), "features"));
                continue;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(path, $"expected true or false but found {JsonObjectReader.Describe(value)}", "write true or false without quotes");
                continue;
            }

            result[name] = value.GetBoolean();
            given.Add(name);
        }

        foreach (var feature in catalog.Features.Where(f => result[f.Name]))
        {
            foreach (var required in feature.Requires.Where(r => !result[r]))
            {
                errors.Add(
                    JsonObjectReader.Child("$.features", feature.Name),
                    $"'{feature.Name}' needs '{required}', which is off",
                    $"switch on \"{required}\", or switch off \"{feature.Name}\"");
            }
        }

        return result;
    }

    private static Dictionary<string, int> ReadPortOverrides(JsonObjectReader top, PortCatalog catalog, Dictionary<string, bool> features, InputErrors errors)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var configurable = catalog.Entries.Where(e => e.Configurable).Select(e => e.Id).ToList();
        foreach (var (id, value) in top.Properties("portOverrides"))
        {
            var path = JsonObjectReader.Child("$.portOverrides", id);
            var entry = catalog.FindEntry(id);
            if (entry is null)
            {
                errors.Add(path, $"unknown catalog entry '{id}'", Suggest.Fix(id, configurable, "configurable entries"));
                continue;
            }

            if (!entry.Configurable)
            {
                errors.Add(path, $"the vendor does not document '{id}' as configurable", $"remove it; the configurable entries are: {string.Join(", ", configurable)}");
                continue;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port))
            {
                errors.Add(path, $"expected a port number but found {JsonObjectReader.Describe(value)}", "write a number without quotes, such as 8090");
                continue;
            }

            if (!PortRange.Contains(port))
            {
                errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"port {port} is out of range"), "use a port number from 1 to 65535");
                continue;
            }

            result[id] = port;
        }

        // A moved port must not land on a port number another entry uses, whatever its protocol: a closed
        // port is blocked for TCP and UDP alike (5200's two rows are the vendor's, not a collision).
        foreach (var (id, port) in result)
        {
            var other = catalog.Entries.FirstOrDefault(e => e.Id != id && EffectivePorts(e, result).Contains(port));
            if (other is not null)
            {
                errors.Add(
                    JsonObjectReader.Child("$.portOverrides", id),
                    string.Create(CultureInfo.InvariantCulture, $"port {port} collides with '{other.Id}' ({other.DisplayName}), which uses it too"),
                    "choose a port that no other catalog entry or override uses");
            }
        }

        foreach (var entry in catalog.Entries.Where(e => e.Ports.Count == 0 && e.Feature is not null && features.GetValueOrDefault(e.Feature) && !result.ContainsKey(e.Id)))
        {
            errors.Add(
                JsonObjectReader.Child("$.portOverrides", entry.Id),
                $"'{entry.Feature}' is on but '{entry.Id}' has no default port",
                $"add \"portOverrides\": {{ \"{entry.Id}\": <the port it listens on> }}");
        }

        return result;
    }

    /// <summary>
    /// A feature switched on whose ports only address sets reach, all of them left empty, would open
    /// nothing: the profile forgot who uses it (AJP without load balancers, Brother BSI without printers).
    /// </summary>
    private static void CheckSwitchedOnFeaturesReachSomeone(
        PortCatalog catalog, Version version, Topology topology, Dictionary<string, bool> features, Dictionary<string, AddressSet> sets, Dictionary<string, int> overrides, InputErrors errors)
    {
        bool IsOn(string feature) => features.GetValueOrDefault(feature);
        foreach (var byFeature in catalog.Entries.Where(e => e.Feature is { } f && IsOn(f) && !e.IsDeprecatedAt(version)).GroupBy(e => e.Feature!))
        {
            var flows = byFeature.SelectMany(e => e.ReachedBy.Where(r => r.When.Holds(topology, IsOn)).Select(r => (Entry: e, r.From))).ToList();
            // An audience that is not an address set (peers), or a set that could not be read (already an error), is not known to be empty.
            if (flows.Count == 0 || flows.Any(f => !sets.TryGetValue(f.From, out var set) || !set.IsEmpty))
            {
                continue;
            }

            var audiences = flows.Select(f => f.From).Distinct().ToList();
            var ports = flows.Select(f => f.Entry).Distinct()
                .SelectMany(e => EffectivePorts(e, overrides).Select(p => $"{RuleTerms.Protocol(e.Protocol)} {p.ToString(CultureInfo.InvariantCulture)}"))
                .ToList();
            errors.Add(
                JsonObjectReader.Child("$.features", byFeature.Key),
                $"'{byFeature.Key}' is on, but {(ports.Count > 0 ? string.Join(", ", ports) : "its port")} is reached only from {string.Join(" and ", audiences.Select(a => "addresses." + a))}, which the profile leaves empty",
                $"give the addresses, such as \"addresses\": {{ \"{audiences[0]}\": [ \"10.40.0.0/24\" ] }}, or switch off \"{byFeature.Key}\"");
        }
    }

    private static IReadOnlyList<int> EffectivePorts(CatalogEntry entry, Dictionary<string, int> overrides) =>
        overrides.TryGetValue(entry.Id, out var port) ? [port] : entry.Ports;

    private static List<UnmanagedPort> ReadUnmanagedPorts(JsonObjectReader top, InputErrors errors)
    {
        var result = new List<UnmanagedPort>();
        foreach (var reader in top.ObjectArray("unmanagedPorts", UnmanagedPortFields, "an unmanaged port"))
        {
            var port = reader.Int("port", required: true, fix: "add \"port\": 80, the port the other software listens on");
            var owner = reader.String("owner", required: true, fix: "add \"owner\": the software the port belongs to, such as \"IIS\"");
            TransportProtocol? protocol = null;
            if (reader.String("protocol") is { } text)
            {
                if (RuleTerms.TryProtocol(text, out var parsed))
                {
                    protocol = parsed;
                }
                else
                {
                    errors.Add(reader.Path + ".protocol", $"unknown protocol '{text}'", "use TCP or UDP, or leave it out for both");
                }
            }

            if (port is { } number && !PortRange.Contains(number))
            {
                errors.Add(reader.Path + ".port", string.Create(CultureInfo.InvariantCulture, $"port {number} is out of range"), "use a port number from 1 to 65535");
            }
            else if (owner is not null && (owner.Trim().Length == 0 || RuleText.IsRefused(owner)))
            {
                errors.Add(reader.Path + ".owner", "the owner must be non-empty text without '|'", "name the software, such as \"IIS\"");
            }
            else if (port is { } valid && owner is not null)
            {
                if (result.Any(u => u.Covers(valid, protocol)))
                {
                    errors.Add(reader.Path, string.Create(CultureInfo.InvariantCulture, $"port {valid} is listed twice"), "list each port once (leave out protocol for TCP and UDP)");
                }

                result.Add(new UnmanagedPort(valid, protocol, owner));
            }
        }

        return result;
    }

    private static WideAudiencePrefix ReadWideAudiencePrefix(JsonObjectReader top, InputErrors errors)
    {
        if (top.Object("wideAudiencePrefix", WideAudienceFields, "the wide-audience prefix lengths") is not { } reader)
        {
            return WideAudiencePrefix.Default;
        }

        int Length(string field, int max, int fallback)
        {
            var value = reader.Int(field) ?? fallback;
            if (value < 0 || value > max)
            {
                errors.Add(JsonObjectReader.Child(reader.Path, field), string.Create(CultureInfo.InvariantCulture, $"{value} is not a prefix length"), string.Create(CultureInfo.InvariantCulture, $"use a number from 0 to {max}, such as {fallback}"));
                return fallback;
            }

            return value;
        }

        return new WideAudiencePrefix(Length("ipv4", 32, WideAudiencePrefix.Default.Ipv4), Length("ipv6", 128, WideAudiencePrefix.Default.Ipv6));
    }

    private static NetworkProfiles ReadFirewallProfiles(JsonObjectReader top, InputErrors errors)
    {
        var names = top.StringArray("firewallProfiles");
        if (names is null)
        {
            return NetworkProfiles.All;
        }

        var result = NetworkProfiles.None;
        for (var i = 0; i < names.Count; i++)
        {
            var path = JsonObjectReader.Index("$.firewallProfiles", i);
            if (!RuleTerms.TryProfile(names[i], out var profile))
            {
                errors.Add(path, $"unknown firewall profile '{names[i]}'", Suggest.Fix(names[i], RuleTerms.NetworkProfileNames, "profiles"));
            }
            else if ((result & profile) != 0)
            {
                errors.Add(path, $"'{names[i]}' is listed twice", "list each profile once");
            }
            else
            {
                result |= profile;
            }
        }

        if (names.Count == 0)
        {
            errors.Add("$.firewallProfiles", "no firewall profile is listed, so the rules would apply nowhere", "list one or more of Domain, Private, Public, or remove the field to use all three");
        }

        return result;
    }
}

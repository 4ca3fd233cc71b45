using System.Globalization;
using System.Text;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.RuleStrings;

/// <summary>
/// A <see cref="StoredRule"/> as the rule string of [MS-GPFAS] 2.2.2.19, which Windows stores for every rule (local or
/// Group Policy) and which Registry.pol and <c>.wfw</c> exports carry: <c>v2.10|Action=Allow|Dir=In|...|</c>. The rule's
/// ID is not in the string: it is the registry value's name. Each key belongs to one field of <see cref="RuleFields"/>
/// (its <c>RuleString</c> spelling); this class says how each field's value is spelled under its keys and from which
/// grammar version. Writing picks the lowest version that carries every field written; reading takes every version
/// from v2.0 on and keeps the keys it does not interpret as <see cref="RuleStringReading.Unread"/>.
/// </summary>
public static class RuleStringCodec
{
    public const string AcceptedForm = "a rule string of [MS-GPFAS] 2.2.2.19: v2.NN|Key=Value|...| as Windows writes it";

    private static readonly RuleStringVersion V20 = RuleStringVersion.V2_0;
    private static readonly RuleStringVersion V210 = RuleStringVersion.V2_10;
    private static readonly RuleStringVersion V220 = RuleStringVersion.V2_20;

    /// <summary>Each field's writer, in the order Windows writes the keys.</summary>
    private static readonly (RuleField Field, Func<StoredRule, IEnumerable<RuleStringToken>> Write)[] Writers =
    [
        (RuleFields.Action, s => [new("Action", s.Action switch { RuleAction.Allow => "Allow", RuleAction.Block => "Block", _ => "ByPass" }, V20)]),
        (RuleFields.OverrideBlockRules, _ => []), // Action=ByPass, written with the action.
        (RuleFields.Enabled, s => [new("Active", s.Enabled ? "TRUE" : "FALSE", V20)]),
        (RuleFields.Direction, s => [new("Dir", s.Direction == RuleDirection.Inbound ? "In" : "Out", V20)]),
        (RuleFields.Protocol, s => s.Protocol.Number is { } n ? [new("Protocol", n.ToString(CultureInfo.InvariantCulture), V20)] : []),
        (RuleFields.Profiles, s => s.Profiles == NetworkProfiles.All ? [] : RuleTerms.Profiles(s.Profiles).Select(p => new RuleStringToken("Profile", p, V20))),
        (RuleFields.LocalPorts, s => Ports(s.LocalPorts, local: true)),
        (RuleFields.RemotePorts, s => Ports(s.RemotePorts, local: false)),
        (RuleFields.LocalAddresses, s => Addresses(s.LocalAddresses, "LA")),
        (RuleFields.RemoteAddresses, s => Addresses(s.RemoteAddresses, "RA")),
        (RuleFields.Program, s => Text("App", s.Program, V20)),
        (RuleFields.Service, s => Text("Svc", s.Service, V20)),
        (RuleFields.Interfaces, s => s.Interfaces.Select(i => new RuleStringToken("IF", i, V20))),
        (RuleFields.InterfaceTypes, s => InterfaceTypeTokens(s.InterfaceTypes)),
        (RuleFields.IcmpTypes, s => Icmp(s)),
        (RuleFields.DisplayName, s => [new("Name", s.DisplayName, V20)]),
        (RuleFields.Description, s => Text("Desc", s.Description, V20)),
        (RuleFields.PackageFamilyName, s => Text("PFN", s.PackageFamilyName, V220)),
        (RuleFields.Owner, s => Text("LUOwn", s.Owner, V220)),
        (RuleFields.Package, s => Text("AppPkgId", s.Package, V220)),
        (RuleFields.LocalUsers, s => Text("LUAuth", s.LocalUsers, V220)),
        (RuleFields.RemoteUsers, s => Text("RUAuth", s.RemoteUsers, V20)),
        (RuleFields.RemoteMachines, s => Text("RMAuth", s.RemoteMachines, V20)),
        (RuleFields.Group, s => Text("EmbedCtxt", s.Group, V20)),
        (RuleFields.EdgeTraversal, s => s.EdgeTraversal switch
        {
            EdgeTraversal.Allow => [new("Edge", "TRUE", V20)],
            EdgeTraversal.DeferToApp => [new("Defer", "App", V210)],
            EdgeTraversal.DeferToUser => [new("Defer", "User", V210)],
            _ => [],
        }),
        (RuleFields.Security, s => s.Security switch
        {
            RuleSecurity.Authenticate => [new("Security", "Authenticate", V20)],
            RuleSecurity.AuthenticateEncrypt => [new("Security", "AuthenticateEncrypt", V20)],
            RuleSecurity.AuthenticateNoEncapsulation => [new("Security", "Authenticate", V20), new("Security2_9", "An-NoEncap", V210)],
            RuleSecurity.AuthenticateDynamicEncryption => [new("Security", "AuthenticateEncrypt", V20), new("Security2", "AuthDynEnc", V210)],
            _ => [],
        }),
    ];

    /// <summary>Each key's reader: what it adds to the rule, or the problem with its value.</summary>
    private static readonly Dictionary<string, (RuleField Field, Func<RuleStringParts, string, string?> Read)> Readers = new(StringComparer.Ordinal)
    {
        ["Action"] = (RuleFields.Action, (p, v) => Set(v, ["Allow", "Block", "ByPass"], [RuleAction.Allow, RuleAction.Block, RuleAction.Bypass], a => p.Action = a)),
        ["Active"] = (RuleFields.Enabled, (p, v) => Set(v, ["TRUE", "FALSE"], [true, false], a => p.Enabled = a)),
        ["Dir"] = (RuleFields.Direction, (p, v) => Set(v, ["In", "Out"], [RuleDirection.Inbound, RuleDirection.Outbound], d => p.Direction = d)),
        ["Protocol"] = (RuleFields.Protocol, (p, v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 ? Done(() => p.Protocol = new IpProtocol(n)) : "is not a protocol number 0-255"),
        ["Profile"] = (RuleFields.Profiles, (p, v) => RuleTerms.TryProfile(v, out var one) ? Done(() => p.Profiles |= one) : "is not Domain, Private or Public"),
        ["LPort"] = (RuleFields.LocalPorts, (p, v) => Add(p.LocalPorts, v)),
        ["LPort2_10"] = (RuleFields.LocalPorts, (p, v) => Add(p.LocalPorts, v)),
        ["LPort2_20"] = (RuleFields.LocalPorts, (p, v) => Add(p.LocalPorts, v)),
        ["RPort"] = (RuleFields.RemotePorts, (p, v) => Add(p.RemotePorts, v)),
        ["RPort2_10"] = (RuleFields.RemotePorts, (p, v) => Add(p.RemotePorts, v is "IPTLSOut" or "IPHTTPSOut" ? "IPHTTPS" : v)),
        ["LA4"] = (RuleFields.LocalAddresses, (p, v) => Add(p.LocalAddresses, v)),
        ["LA6"] = (RuleFields.LocalAddresses, (p, v) => Add(p.LocalAddresses, v)),
        ["RA4"] = (RuleFields.RemoteAddresses, (p, v) => RemoteAddress(p, v, IpFamily.V4, newer: false)),
        ["RA6"] = (RuleFields.RemoteAddresses, (p, v) => RemoteAddress(p, v, IpFamily.V6, newer: false)),
        ["RA42"] = (RuleFields.RemoteAddresses, (p, v) => RemoteAddress(p, v, IpFamily.V4, newer: true)),
        ["RA62"] = (RuleFields.RemoteAddresses, (p, v) => RemoteAddress(p, v, IpFamily.V6, newer: true)),
        ["App"] = (RuleFields.Program, (p, v) => Keep(p, "App", v)),
        ["Svc"] = (RuleFields.Service, (p, v) => Keep(p, "Svc", v)),
        ["IF"] = (RuleFields.Interfaces, (p, v) => Add(p.Interfaces, v)),
        ["IFType"] = (RuleFields.InterfaceTypes, (p, v) => RuleTerms.TryInterfaceTypes(v, out var t) ? Done(() => p.InterfaceTypes |= t) : "is not Lan, Wireless or RemoteAccess"),
        ["ICMP4"] = (RuleFields.IcmpTypes, (p, v) => Add(p.Icmp, v)),
        ["ICMP6"] = (RuleFields.IcmpTypes, (p, v) => Add(p.Icmp, v)),
        ["Name"] = (RuleFields.DisplayName, (p, v) => Keep(p, "Name", v)),
        ["Desc"] = (RuleFields.Description, (p, v) => Keep(p, "Desc", v)),
        ["EmbedCtxt"] = (RuleFields.Group, (p, v) => Keep(p, "EmbedCtxt", v)),
        ["PFN"] = (RuleFields.PackageFamilyName, (p, v) => Keep(p, "PFN", v)),
        ["LUOwn"] = (RuleFields.Owner, (p, v) => Keep(p, "LUOwn", v)),
        ["AppPkgId"] = (RuleFields.Package, (p, v) => Keep(p, "AppPkgId", v)),
        ["LUAuth"] = (RuleFields.LocalUsers, (p, v) => Keep(p, "LUAuth", v)),
        ["RUAuth"] = (RuleFields.RemoteUsers, (p, v) => Keep(p, "RUAuth", v)),
        ["RMAuth"] = (RuleFields.RemoteMachines, (p, v) => Keep(p, "RMAuth", v)),
        ["Edge"] = (RuleFields.EdgeTraversal, (p, v) => Set(v, ["TRUE", "FALSE"], [EdgeTraversal.Allow, EdgeTraversal.Block], e => p.EdgeTraversal = e)),
        ["Defer"] = (RuleFields.EdgeTraversal, (p, v) => Set(v, ["App", "User"], [EdgeTraversal.DeferToApp, EdgeTraversal.DeferToUser], e => p.EdgeTraversal = e)),
        ["Security"] = (RuleFields.Security, (p, v) => Done(() => p.Security = v == "AuthenticateEncrypt" ? RuleSecurity.AuthenticateEncrypt : RuleSecurity.Authenticate)),
        ["Security2_9"] = (RuleFields.Security, (p, v) => Done(() => p.Security = v == "An-NoEncap" ? RuleSecurity.AuthenticateNoEncapsulation : Required(p.Security))),
        ["Security2"] = (RuleFields.Security, (p, v) => Done(() => p.Security = v.Contains("Dyn", StringComparison.Ordinal) ? RuleSecurity.AuthenticateDynamicEncryption : Required(p.Security))),
    };

    /// <summary>The keys this codec reads, by field: each field's <c>RuleString</c> spelling in <see cref="RuleFields"/> lists the same.</summary>
    public static IReadOnlyDictionary<RuleField, IReadOnlyList<string>> KeysByField { get; } =
        Readers.GroupBy(r => r.Value.Field).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Key)]);

    /// <summary>The fields that have a writer, in the order their keys are written.</summary>
    public static IReadOnlyList<RuleField> WrittenFields { get; } = [.. Writers.Select(w => w.Field)];

    /// <summary>Why the rule cannot be written as a rule string, or null when it can.</summary>
    public static RuleStringRefusal? Refusal(StoredRule rule)
    {
        foreach (var (field, text) in new[] { (RuleFields.DisplayName, rule.DisplayName), (RuleFields.Description, rule.Description), (RuleFields.Group, rule.Group), (RuleFields.Program, rule.Program ?? string.Empty), (RuleFields.Service, rule.Service ?? string.Empty) })
        {
            if (text.Contains('|', StringComparison.Ordinal))
            {
                return new(field, $"'{text}' has a '|', which ends a field of the rule string: the grammar has no escape for it");
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                return new(field, "the text has a NUL character, which ends a registry string");
            }
        }

        if (rule.LocalAddresses.HasKeywords)
        {
            return new(RuleFields.LocalAddresses, "local addresses cannot be keywords in a rule string (LA4 and LA6 take addresses only)");
        }

        if (rule.RemoteAddresses.Keywords.Any(k => k.IsAny))
        {
            return new(RuleFields.RemoteAddresses, "'Any' cannot be listed with other addresses: a rule for every address has no RA4 or RA6");
        }

        return null;
    }

    /// <summary>The rule string of <paramref name="rule"/>, in the lowest version that carries its fields.</summary>
    /// <exception cref="ArgumentException">The rule has a <see cref="Refusal"/>; check it first.</exception>
    public static string Write(StoredRule rule)
    {
        if (Refusal(rule) is { } refusal)
        {
            throw new ArgumentException($"{refusal.Field.Name}: {refusal.Problem}", nameof(rule));
        }

        var tokens = Writers.SelectMany(w => w.Write(rule)).ToList();
        var version = tokens.Aggregate(V20, (v, t) => RuleStringVersion.Max(v, t.Since));
        var text = new StringBuilder(version.ToString()).Append('|');
        foreach (var token in tokens)
        {
            text.Append(token.Key).Append('=').Append(token.Value).Append('|');
        }

        return text.ToString();
    }

    /// <summary>
    /// The rule in <paramref name="text"/>, whose ID is <paramref name="id"/> (its registry value name), or null when it is
    /// not a rule string; the problems are added to <paramref name="errors"/> at <paramref name="where"/>.
    /// </summary>
    public static RuleStringReading? Read(string id, string text, InputErrors errors, string where)
    {
        var fields = text.Split('|');
        var version = fields[0].StartsWith('v') ? RuleStringVersion.TryParse(fields[0]) : null;
        if (version is null || version.Major != 2)
        {
            errors.Add(where, $"rule '{id}' does not start with a grammar version such as v2.10 but with '{Shorten(fields[0])}'", "give " + AcceptedForm);
            return null;
        }

        var parts = new RuleStringParts();
        var unread = new List<RuleStringField>();
        var problems = false;
        // The string ends with '|', so the last piece is empty; an empty piece elsewhere is a stray '|'.
        for (var i = 1; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Length == 0)
            {
                if (i == fields.Length - 1)
                {
                    continue;
                }

                errors.Add(where, $"rule '{id}' has an empty field (two '|' in a row) after '{Shorten(fields[i - 1])}'", "give " + AcceptedForm);
                problems = true;
                continue;
            }

            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(where, $"rule '{id}' has a field without a key: '{Shorten(field)}'", "give " + AcceptedForm + " (a '|' in a name or description cannot be carried)");
                problems = true;
                continue;
            }

            var key = field[..equals];
            var value = field[(equals + 1)..];
            if (!Readers.TryGetValue(key, out var reader))
            {
                unread.Add(new RuleStringField(key, value));
                continue;
            }

            if (reader.Read(parts, value) is { } problem)
            {
                errors.Add(where, $"rule '{id}': {key}='{Shorten(value)}' {problem}", "give " + AcceptedForm);
                problems = true;
            }
        }

        if (parts.Action is null || parts.Direction is null)
        {
            errors.Add(where, $"rule '{id}' has no {(parts.Action is null ? "Action" : "Dir")} field", "give " + AcceptedForm + "; every rule has Action= and Dir=");
            return null;
        }

        var rule = Build(id, parts, errors, where);
        return problems || rule is null ? null : new RuleStringReading(rule, version, ValueList.Create<RuleStringField>([.. unread]));
    }

    private static StoredRule? Build(string id, RuleStringParts parts, InputErrors errors, string where)
    {
        if (!TryPorts(parts.LocalPorts, out var localPorts) || !TryPorts(parts.RemotePorts, out var remotePorts))
        {
            errors.Add(where, $"rule '{id}' has a port that is not a number, a range or a port keyword", "give " + AcceptedForm);
            return null;
        }

        if (!AddressSet.TryParse(parts.LocalAddresses, out var localAddresses) || !AddressSet.TryParse(parts.RemoteAddresses, out var remoteRanges))
        {
            errors.Add(where, $"rule '{id}' has an address that is not an address, a subnet, a range or a keyword", "give " + AcceptedForm);
            return null;
        }

        var keywords = parts.RemoteKeywords
            .GroupBy(k => k.Name)
            .Select(g => new AddressKeyword(g.Key, g.Select(k => k.Family).Distinct().Count() == 2 ? null : g.First().Family));
        var remote = parts.RemoteAddresses.Count == 0 && parts.RemoteKeywords.Count == 0
            ? AddressSet.Any
            : AddressSet.Of([.. remoteRanges.Ranges.Select(r => new AddressToken(r, null)), .. keywords.Select(k => new AddressToken(null, k))]);
        string? Text(string key) => parts.Text.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return new StoredRule
        {
            Id = id,
            DisplayName = parts.Text.TryGetValue("Name", out var name) ? name : id,
            Description = Text("Desc") ?? string.Empty,
            Group = Text("EmbedCtxt") ?? string.Empty,
            Enabled = parts.Enabled,
            Direction = parts.Direction!.Value,
            Action = parts.Action!.Value,
            Protocol = parts.Protocol,
            LocalPorts = localPorts,
            RemotePorts = remotePorts,
            LocalAddresses = localAddresses.IsEmpty ? AddressSet.Any : localAddresses,
            RemoteAddresses = remote,
            IcmpTypes = parts.Icmp.Count == 0 ? null : string.Join(",", parts.Icmp),
            Program = Text("App"),
            Service = Text("Svc"),
            Package = Text("AppPkgId"),
            PackageFamilyName = Text("PFN"),
            Owner = Text("LUOwn"),
            LocalUsers = Text("LUAuth"),
            RemoteUsers = Text("RUAuth"),
            RemoteMachines = Text("RMAuth"),
            Interfaces = ValueList.Create<string>([.. parts.Interfaces]),
            InterfaceTypes = parts.InterfaceTypes,
            EdgeTraversal = parts.EdgeTraversal,
            Security = parts.Security,
            Profiles = parts.Profiles == NetworkProfiles.None ? NetworkProfiles.All : parts.Profiles,
        };
    }

    /// <summary>No port field is any port.</summary>
    private static bool TryPorts(List<string> tokens, out PortSet ports)
    {
        ports = PortSet.Any;
        return tokens.Count == 0 || PortSet.TryParse(tokens, out ports!);
    }

    private static IEnumerable<RuleStringToken> Ports(PortSet ports, bool local)
    {
        if (ports.IsAny)
        {
            yield break;
        }

        var key = local ? "LPort" : "RPort";
        foreach (var range in ports.Numbers.Intervals)
        {
            yield return range.IsSingle
                ? new(key, range.Start.ToString(CultureInfo.InvariantCulture), V20)
                : new(key + "2_10", string.Create(CultureInfo.InvariantCulture, $"{range.Start}-{range.End}"), V210);
        }

        foreach (var keyword in ports.Keywords)
        {
            yield return keyword switch
            {
                PortKeyword.IpHttps => new(key + "2_10", local ? "IPHTTPSIn" : "IPHTTPSOut", V210),
                PortKeyword.PlayToDiscovery => new(key + "2_20", "Ply2Disc", V220),
                _ => new(key, PortSet.Spelling(keyword), V20),
            };
        }
    }

    /// <summary>Addresses in the forms Windows writes: a single address bare, an IPv4 subnet with its mask, an IPv6 one with its prefix length, else a range.</summary>
    private static IEnumerable<RuleStringToken> Addresses(AddressSet addresses, string prefix)
    {
        if (addresses.IsAny)
        {
            yield break;
        }

        foreach (var range in addresses.Ranges)
        {
            var key = prefix + (range.Family == IpFamily.V4 ? "4" : "6");
            yield return new(key, Format(range), V20);
        }

        // The basic keywords first, as older Windows reads them; then RA42/RA62.
        foreach (var keyword in addresses.Keywords.OrderBy(k => RuleStringKeywords.Of(k.Name).Newer))
        {
            var (spelling, since, newer) = RuleStringKeywords.Of(keyword.Name);
            foreach (var family in keyword.Family is { } only ? [only] : new[] { IpFamily.V4, IpFamily.V6 })
            {
                yield return new(prefix + (family == IpFamily.V4 ? "4" : "6") + (newer ? "2" : string.Empty), spelling, since);
            }
        }
    }

    private static string Format(AddressRange range)
    {
        if (range.Start == range.End)
        {
            return AddressRange.FormatAddress(range.Family, range.Start);
        }

        if (range.PrefixLength() is { } length && length > 0)
        {
            var start = AddressRange.FormatAddress(range.Family, range.Start);
            return range.Family == IpFamily.V4
                ? start + "/" + AddressRange.FormatAddress(IpFamily.V4, (UInt128)(uint.MaxValue << (32 - length)))
                : start + "/" + length.ToString(CultureInfo.InvariantCulture);
        }

        return AddressRange.FormatAddress(range.Family, range.Start) + "-" + AddressRange.FormatAddress(range.Family, range.End);
    }

    private static IEnumerable<RuleStringToken> InterfaceTypeTokens(InterfaceTypes types) =>
        types == InterfaceTypes.Any
            ? []
            : RuleTerms.InterfaceTypes(types).Split(',').Select(t => new RuleStringToken("IFType", t, V20));

    private static IEnumerable<RuleStringToken> Icmp(StoredRule rule) =>
        rule.IcmpTypes is { Length: > 0 } types
            ? types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new RuleStringToken(rule.Protocol.Number == 58 ? "ICMP6" : "ICMP4", t, V20))
            : [];

    private static IEnumerable<RuleStringToken> Text(string key, string? value, RuleStringVersion since) =>
        value is { Length: > 0 } ? [new(key, value, since)] : [];

    private static string? RemoteAddress(RuleStringParts parts, string value, IpFamily family, bool newer)
    {
        if (RuleStringKeywords.Find(value, newer) is { } keyword)
        {
            parts.RemoteKeywords.Add((keyword, family));
            return null;
        }

        if (newer)
        {
            return "is not an address keyword of RA42 or RA62 (IntrAnet, IntErnet, Ply2Renders, RmtIntrAnet, CaptivePortal)";
        }

        parts.RemoteAddresses.Add(value);
        return null;
    }

    private static RuleSecurity Required(RuleSecurity current) => current == RuleSecurity.NotRequired ? RuleSecurity.Authenticate : current;

    private static string? Set<T>(string value, IReadOnlyList<string> names, IReadOnlyList<T> values, Action<T> set)
    {
        if (!RuleTerms.TryOneOf(value, names, values, StringComparison.OrdinalIgnoreCase, out var found))
        {
            return "is not one of " + string.Join(", ", names);
        }

        set(found);
        return null;
    }

    private static string? Add(List<string> list, string value)
    {
        list.Add(value);
        return null;
    }

    private static string? Keep(RuleStringParts parts, string key, string value)
    {
        parts.Text[key] = value;
        return null;
    }

    private static string? Done(Action action)
    {
        action();
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

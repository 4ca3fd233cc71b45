using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;
using NS = Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity;

namespace FirewallKit.Tests.Support.NetSecurity;

/// <summary>One rule as the firewall service keeps it: addresses and ports already in read-back form.</summary>
public sealed record FakeRule(
    string Name,
    string DisplayName,
    string Description,
    string Group,
    NS.Enabled Enabled,
    NS.Profile Profile,
    NS.Direction Direction,
    NS.Action Action,
    string Protocol,
    IReadOnlyList<string> LocalPort,
    IReadOnlyList<string> RemoteAddress)
{
    // The conditions fwkit never sets: on a rule fwkit owns, anything but these defaults is drift.
    public string Program { get; init; } = "Any";

    public string Package { get; init; } = string.Empty;

    public string Service { get; init; } = "Any";

    public IReadOnlyList<string> LocalAddress { get; init; } = ["Any"];

    public IReadOnlyList<string> RemotePort { get; init; } = ["Any"];

    public IReadOnlyList<string> IcmpType { get; init; } = ["Any"];

    public IReadOnlyList<string> InterfaceAlias { get; init; } = ["Any"];

    public NS.InterfaceType InterfaceType { get; init; } = NS.InterfaceType.Any;

    public NS.Authentication Authentication { get; init; } = NS.Authentication.NotRequired;

    public NS.Encryption Encryption { get; init; } = NS.Encryption.NotRequired;

    public bool OverrideBlockRules { get; init; }

    public string LocalUser { get; init; } = "Any";

    public string RemoteUser { get; init; } = "Any";

    public string RemoteMachine { get; init; } = "Any";

    public NS.EdgeTraversal EdgeTraversalPolicy { get; init; } = NS.EdgeTraversal.Block;

    public string Owner { get; init; } = string.Empty;
}

/// <summary>
/// The in-memory firewall behind the stub NetSecurity cmdlets (NetSecurityStub.ps1): policy stores
/// by name, Group Policy sessions with the real cache-then-overwrite semantics of Open-/Save-NetGPO,
/// and values handed back the way Windows hands them back (a /24 as 10.0.1.0/255.255.255.0, a /32
/// as the bare address, IPv6 compressed, keywords in canonical spelling).
/// </summary>
public sealed class FakeFirewall
{
    public const string RuleTypeName = "Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule";
    private const string RuleTypeNameFull = "Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/MSFT_NetFirewallRule";

    private readonly Dictionary<string, Dictionary<string, FakeRule>> _stores = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PersistentStore"] = new(StringComparer.OrdinalIgnoreCase),
    };

    private readonly Dictionary<string, (string Store, Dictionary<string, FakeRule> Rules)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Every change, in order: "New PersistentStore fwkit-...".</summary>
    public List<string> Changes { get; } = [];

    /// <summary>Times a Group Policy Object was written: by a direct -PolicyStore write or by Save-NetGPO.</summary>
    public int GpoWrites { get; private set; }

    /// <summary>New-NetFirewallRule of this rule name fails as it does without elevation.</summary>
    public string? FailOnNew { get; init; }

    public void AddGpo(string name) => _stores[name] = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<FakeRule> Rules(string store = "PersistentStore") => [.. Store(store).Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    public void Seed(FakeRule rule, string store = "PersistentStore") => Store(store)[rule.Name] = ReadBack(rule);

    // ----- called by the stub cmdlets -----

    public Dictionary<string, FakeRule> Store(string name) =>
        _stores.TryGetValue(name, out var store) ? store : throw new ArgumentException($"The policy store '{name}' does not exist.");

    public IEnumerable<PSObject> Find(string store, string[] patterns, string property) =>
        Store(store).Values.Where(r => patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase).IsMatch(property == "Group" ? r.Group : r.Name))).Select(r => ToObject(store, r));

    /// <summary>Patterns without wildcards that match no rule: each is an ObjectNotFound error on Windows.</summary>
    public IEnumerable<ErrorRecord> NotFound(string store, string[] patterns, string property, string cmdlet)
    {
        foreach (var pattern in patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p)))
        {
            var value = WildcardPattern.Unescape(pattern);
            var found = Store(store).Values.Any(r => string.Equals(property == "Group" ? r.Group : r.Name, value, StringComparison.OrdinalIgnoreCase));
            if (!found)
            {
                var cimProperty = property == "Name" ? "InstanceID" : "RuleGroup";
                yield return new ErrorRecord(
                    new ItemNotFoundException($"No MSFT_NetFirewallRule objects found with property '{cimProperty}' equal to '{value}'.  Verify the value of the property and retry."),
                    $"CmdletizationQuery_NotFound_{cimProperty},{cmdlet}",
                    ErrorCategory.ObjectNotFound,
                    value);
            }
        }
    }

    public PSObject[] All(string store) => [.. Store(store).Values.Select(r => ToObject(store, r))];

    /// <summary>New-NetFirewallRule with its bound parameters, into a store or a GPO session.</summary>
    public void New(System.Collections.IDictionary bound)
    {
        var rule = Apply(new FakeRule(
            bound["Name"] as string ?? "{" + Guid.NewGuid() + "}",
            (string)bound["DisplayName"]!,
            string.Empty,
            bound["Group"] as string ?? string.Empty,
            NS.Enabled.True,
            NS.Profile.Any,
            NS.Direction.Inbound,
            NS.Action.Allow,
            "Any",
            ["Any"],
            ["Any"]), bound, ["Name", "DisplayName", "Group", "PolicyStore", "GPOSession"]);
        if (bound["GPOSession"] is string session)
        {
            var (store, rules) = _sessions.TryGetValue(session, out var s) ? s : throw new ArgumentException($"Unknown GPO session '{session}'.");
            Create(rules, store + " (session)", rule, direct: false);
        }
        else
        {
            var store = bound["PolicyStore"] as string ?? "PersistentStore";
            Create(Store(store), store, rule, direct: true);
        }
    }

    /// <summary>Set-NetFirewallRule's value parameters applied to one rule.</summary>
    public void Set(string store, string name, System.Collections.IDictionary bound)
    {
        var rules = Store(store);
        rules[name] = ReadBack(Apply(rules[name], bound, ["Name", "PolicyStore"]));
        Changed($"Set {store} {name}", store);
    }

    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    private static FakeRule Apply(FakeRule rule, System.Collections.IDictionary bound, string[] selectors)
    {
        foreach (string key in bound.Keys)
        {
            var value = bound[key];
            rule = key switch
            {
                "NewDisplayName" or "DisplayName" => rule with { DisplayName = (string)value! },
                "Description" => rule with { Description = (string)value! },
                "Enabled" => rule with { Enabled = (NS.Enabled)value! },
                "Profile" => rule with { Profile = (NS.Profile)value! },
                "Direction" => rule with { Direction = (NS.Direction)value! },
                "Action" => rule with { Action = (NS.Action)value! },
                "Protocol" => rule with { Protocol = ((string)value!).ToUpperInvariant() },
                "LocalPort" => rule with { LocalPort = (string[])value! },
                "RemoteAddress" => rule with { RemoteAddress = (string[])value! },
                "Program" => rule with { Program = (string)value! },
                "Package" => rule with { Package = (string)value! },
                "Service" => rule with { Service = (string)value! },
                "LocalAddress" => rule with { LocalAddress = (string[])value! },
                "RemotePort" => rule with { RemotePort = (string[])value! },
                "IcmpType" => rule with { IcmpType = (string[])value! },
                "InterfaceAlias" => rule with { InterfaceAlias = [.. ((WildcardPattern[])value!).Select(PatternText)] },
                "InterfaceType" => rule with { InterfaceType = (NS.InterfaceType)value! },
                "Authentication" => rule with { Authentication = (NS.Authentication)value! },
                "Encryption" => rule with { Encryption = (NS.Encryption)value! },
                "OverrideBlockRules" => rule with { OverrideBlockRules = (bool)value! },
                "LocalUser" => rule with { LocalUser = (string)value! },
                "RemoteUser" => rule with { RemoteUser = (string)value! },
                "RemoteMachine" => rule with { RemoteMachine = (string)value! },
                "EdgeTraversalPolicy" => rule with { EdgeTraversalPolicy = (NS.EdgeTraversal)value! },
                "Owner" => rule with { Owner = (string)value! },
                _ when selectors.Contains(key, StringComparer.OrdinalIgnoreCase) || CommonParameters.Contains(key) => rule,
                _ => throw new NotSupportedException($"The stub does not model -{key}."),
            };
        }

        return rule;
    }

    // -InterfaceAlias is typed WildcardPattern[]; the service is handed the text it was made from,
    // which WildcardPattern keeps in a non-public property.
    private static string PatternText(WildcardPattern pattern) =>
        (string)typeof(WildcardPattern).GetProperty("Pattern", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(pattern)!;

    public void Remove(string store, string name)
    {
        Store(store).Remove(name);
        Changed($"Remove {store} {name}", store);
    }

    public string OpenGpo(string store)
    {
        if (!store.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{store}' is not a Group Policy Object.");
        }

        var session = "GPOSession:" + _sessions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sessions[session] = (store, new Dictionary<string, FakeRule>(Store(store), StringComparer.OrdinalIgnoreCase));
        return session;
    }

    /// <summary>Writes the session's copy over the GPO, overwriting changes made since it was opened (as Save-NetGPO does).</summary>
    public void SaveGpo(string session)
    {
        var (store, rules) = _sessions.TryGetValue(session, out var s) ? s : throw new ArgumentException($"Unknown GPO session '{session}'.");
        _stores[store] = new Dictionary<string, FakeRule>(rules, StringComparer.OrdinalIgnoreCase);
        GpoWrites++;
        Changes.Add($"Save {store}");
    }

    /// <summary>A NetSecurity stub's run: which cmdlet, in which parameter set, naming which -PolicyStore (null: none).</summary>
    public sealed record CmdletCall(string Cmdlet, string ParameterSet, string? PolicyStore);

    /// <summary>Every NetSecurity cmdlet the stubs ran, in order (a pipeline counts once per object it handles).</summary>
    public List<CmdletCall> Calls { get; } = [];

    public void Called(string cmdlet, string parameterSet, System.Collections.IDictionary bound) =>
        Calls.Add(new CmdletCall(cmdlet, parameterSet, bound["PolicyStore"] as string));

    /// <summary>The filter classes of a rule as the filter cmdlets hand them back, by the stub's name for each kind.</summary>
    private static readonly Dictionary<string, (string CimClass, Func<FakeRule, Dictionary<string, object>> Values)> FilterKinds = new(StringComparer.Ordinal)
    {
        ["Port"] = ("MSFT_NetProtocolPortFilter", r => new()
        {
            ["Protocol"] = r.Protocol,
            ["LocalPort"] = r.LocalPort.ToArray(),
            ["RemotePort"] = r.RemotePort.ToArray(),
            ["IcmpType"] = r.IcmpType.ToArray(),
            ["DynamicTarget"] = NS.DynamicTransport.Any,
        }),
        ["Address"] = ("MSFT_NetAddressFilter", r => new()
        {
            ["LocalAddress"] = r.LocalAddress.ToArray(),
            ["RemoteAddress"] = r.RemoteAddress.ToArray(),
            ["LocalIP"] = r.LocalAddress.ToArray(),
            ["RemoteIP"] = r.RemoteAddress.ToArray(),
        }),
        ["Application"] = ("MSFT_NetApplicationFilter", r => new()
        {
            ["Program"] = r.Program,
            ["Package"] = r.Package,
        }),
        ["Service"] = ("MSFT_NetServiceFilter", r => new()
        {
            ["Service"] = r.Service,
        }),
        ["Interface"] = ("MSFT_NetInterfaceFilter", r => new()
        {
            ["InterfaceAlias"] = r.InterfaceAlias.ToArray(),
        }),
        ["InterfaceType"] = ("MSFT_NetInterfaceTypeFilter", r => new()
        {
            ["InterfaceType"] = r.InterfaceType,
        }),
        ["Security"] = ("MSFT_NetNetworkLayerSecurityFilter", r => new()
        {
            ["Authentication"] = r.Authentication,
            ["Encryption"] = r.Encryption,
            ["OverrideBlockRules"] = r.OverrideBlockRules,
            ["LocalUser"] = r.LocalUser,
            ["RemoteUser"] = r.RemoteUser,
            ["RemoteMachine"] = r.RemoteMachine,
        }),
    };

    /// <summary>The filter of one kind that belongs to a rule object (the ByAssociatedNetFirewallRule set): read from the store the rule came from.</summary>
    public PSObject Filter(string kind, PSObject rule)
    {
        var name = (string)rule.Properties["Name"].Value;
        var store = (string)rule.Properties["PolicyStoreSource"].Value;
        var stored = Store(store).GetValueOrDefault(name) ?? throw new ArgumentException($"The rule '{name}' no longer exists in {store}.");
        return ToFilter(kind, stored);
    }

    /// <summary>Every filter of one kind in a store (the GetAll set), each with its rule's InstanceID, as -All hands them back.</summary>
    public PSObject[] Filters(string kind, string store) => [.. Store(store).Values.Select(r => ToFilter(kind, r))];

    // ----- the firewall service's checks and read-back forms -----

    private void Create(Dictionary<string, FakeRule> rules, string store, FakeRule rule, bool direct)
    {
        if (rule.Name == FailOnNew)
        {
            throw new UnauthorizedAccessException("Access is denied.");
        }

        if (rules.ContainsKey(rule.Name))
        {
            throw new IOException("Cannot create a file when that file already exists.");
        }

        rules[rule.Name] = ReadBack(rule);
        Changes.Add($"New {store} {rule.Name}");
        if (direct && store.Contains('\\', StringComparison.Ordinal))
        {
            GpoWrites++;
        }
    }

    private void Changed(string change, string store)
    {
        Changes.Add(change);
        if (store.Contains('\\', StringComparison.Ordinal))
        {
            GpoWrites++;
        }
    }

    private static FakeRule ReadBack(FakeRule rule)
    {
        if (rule.Protocol is not ("TCP" or "UDP"))
        {
            throw new ArgumentException($"The protocol '{rule.Protocol}' is not modelled; ports need TCP or UDP.");
        }

        foreach (var port in rule.LocalPort)
        {
            if (port != "Any" && !port.Split('-').All(p => int.TryParse(p, out var n) && n is >= 0 and <= 65535))
            {
                throw new ArgumentException($"The port '{port}' is invalid.");
            }
        }

        foreach (var token in rule.RemoteAddress.Where(t => !AddressKeyword.TryParse(t, out _)))
        {
            // [MS-FASP] 2.2.6, 2.2.10: no IPv6 address, range end or subnet may be '::' or '::1'; Windows answers
            // 0xD000000D (see the COM fake), so New-NetFirewallRule fails the same way.
            if (token.Split('/')[0].Split('-').Select(IPAddress.Parse).Any(a => a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.IPv6Loopback)))
            {
                throw new ArgumentException($"The address '{token}' is invalid: it uses the IPv6 unspecified or loopback address.");
            }
        }

        return rule with
        {
            RemoteAddress = [.. rule.RemoteAddress.Select(ReadBackAddress)],
            LocalAddress = [.. rule.LocalAddress.Select(ReadBackAddress)],
        };
    }

    /// <summary>How Get-NetFirewallAddressFilter shows an address that was written in <paramref name="token"/>'s form.</summary>
    public static string ReadBackAddress(string token)
    {
        if (AddressKeyword.TryParse(token, out var keyword))
        {
            return keyword.ToString();
        }

        if (token.Contains('-', StringComparison.Ordinal))
        {
            var ends = token.Split('-').Select(e => IPAddress.Parse(e).ToString());
            return string.Join("-", ends);
        }

        var parts = token.Split('/');
        var address = IPAddress.Parse(parts[0]);
        var bits = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = parts.Length == 1 ? bits : parts[1].Contains('.', StringComparison.Ordinal) ? MaskBits(IPAddress.Parse(parts[1])) : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        if (prefix == bits)
        {
            return address.ToString();
        }

        if (bits == 128)
        {
            return $"{address}/{prefix}";
        }

        // IPv4 subnets come back in mask form with the host bits cleared, whatever was written.
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        var value = BitConverter.ToUInt32([.. address.GetAddressBytes().Reverse()]);
        return $"{ToIPv4(value & mask)}/{ToIPv4(mask)}";
    }

    private static int MaskBits(IPAddress mask) => mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b));

    private static IPAddress ToIPv4(uint value) => new([.. BitConverter.GetBytes(value).Reverse()]);

    private static PSObject ToObject(string store, FakeRule rule)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, RuleTypeNameFull);
        o.TypeNames.Insert(0, RuleTypeName);
        o.Properties.Add(new PSNoteProperty("Name", rule.Name));
        // The CIM key of MSFT_NetFirewallRule; -Name (alias ID) selects by it.
        o.Properties.Add(new PSNoteProperty("InstanceID", rule.Name));
        o.Properties.Add(new PSNoteProperty("DisplayName", rule.DisplayName));
        o.Properties.Add(new PSNoteProperty("Description", rule.Description));
        o.Properties.Add(new PSNoteProperty("DisplayGroup", rule.Group));
        o.Properties.Add(new PSNoteProperty("Group", rule.Group));
        o.Properties.Add(new PSNoteProperty("Enabled", rule.Enabled));
        o.Properties.Add(new PSNoteProperty("Profile", rule.Profile));
        o.Properties.Add(new PSNoteProperty("Direction", rule.Direction));
        o.Properties.Add(new PSNoteProperty("Action", rule.Action));
        o.Properties.Add(new PSNoteProperty("EdgeTraversalPolicy", rule.EdgeTraversalPolicy));
        o.Properties.Add(new PSNoteProperty("Owner", rule.Owner));
        o.Properties.Add(new PSNoteProperty("PrimaryStatus", NS.PrimaryStatus.OK));
        o.Properties.Add(new PSNoteProperty("Status", "The rule was parsed successfully from the store. (65536)"));
        // Real rule objects carry their store too; the filter cmdlets read the rule from there.
        o.Properties.Add(new PSNoteProperty("PolicyStoreSource", store));
        return o;
    }

    private static PSObject ToFilter(string kind, FakeRule rule)
    {
        var (cimClass, values) = FilterKinds.TryGetValue(kind, out var k) ? k : throw new ArgumentException($"No filter kind '{kind}'.");
        var o = new PSObject();
        o.TypeNames.Insert(0, "Microsoft.Management.Infrastructure.CimInstance#" + cimClass);
        // A filter's CIM InstanceID is its rule's: that is how a filter read with -All is matched to its rule.
        o.Properties.Add(new PSNoteProperty("InstanceID", rule.Name));
        foreach (var (key, value) in values(rule))
        {
            o.Properties.Add(new PSNoteProperty(key, value));
        }

        return o;
    }
}

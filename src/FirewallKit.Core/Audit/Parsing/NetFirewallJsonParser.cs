using System.Globalization;
using System.Text.Json;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Reads the JSON that docs/audit.md's PowerShell one-liner writes: <c>{ "Rules": [...], "Profiles": [...] }</c>,
/// one object per inbound rule of the active store with its port, address, application, service, interface-type
/// and security filters folded in. The one-liner writes enum values as their names; a hand-made dump that kept
/// ConvertTo-Json's numbers is read too where the CIM classes document the numbers (Enabled, Direction, Action,
/// Profile, EdgeTraversalPolicy). Lists may be arrays, single strings, or Windows PowerShell 5.1's
/// <c>{"value": [...], "Count": n}</c> wrapping. Fields the audit does not use are ignored.
/// </summary>
public static class NetFirewallJsonParser
{
    public const string Format = "powershell-json";

    private const string UseOneLiner = "save the dump again with the PowerShell one-liner in docs/audit.md, which writes every field by name";

    public static ObservedFirewall Parse(string file, byte[] utf8)
    {
        using var document = JsonInput.Parse(file, utf8);
        var lines = JsonLineMap.Build(utf8);
        var errors = new InputErrors(file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Rules", out var rulesElement))
        {
            throw new InputException(file, lines.Locate("$"), "the file has no \"Rules\" list", UseOneLiner);
        }

        var rules = new List<StoredRule>();
        var index = 0;
        foreach (var element in Items(rulesElement))
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.Rules[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(lines.Locate(path), "expected a rule object", UseOneLiner);
                continue;
            }

            rules.Add(ReadRule(new Fields(element, path, lines, errors)));
        }

        var profiles = new List<ProfileState>();
        if (root.TryGetProperty("Profiles", out var profilesElement))
        {
            index = 0;
            foreach (var element in Items(profilesElement))
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"$.Profiles[{index++}]");
                if (element.ValueKind == JsonValueKind.Object && ReadProfile(new Fields(element, path, lines, errors)) is { } profile)
                {
                    profiles.Add(profile);
                }
                else if (element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(lines.Locate(path), "expected a profile object", UseOneLiner);
                }
            }
        }

        errors.ThrowIfAny();
        var notes = new List<string>();
        MappedAddressNotes.Add(rules, notes);
        return new ObservedFirewall(file, Format, rules, DumpProfiles.Complete(profiles, notes, "the \"Profiles\" part of the one-liner in docs/audit.md"), notes);
    }

    private static StoredRule ReadRule(Fields fields)
    {
        var name = fields.Text("Name", required: true) ?? string.Empty;
        var displayName = fields.Text("DisplayName") ?? name;
        var group = fields.Text("DisplayGroup") is { Length: > 0 } displayGroup ? displayGroup : fields.Text("Group") ?? string.Empty;
        var enabled = fields.Enum("Enabled", true, ("True", 1, true), ("False", 2, false));
        var direction = fields.Enum("Direction", true, ("Inbound", 1, RuleDirection.Inbound), ("Outbound", 2, RuleDirection.Outbound));
        var action = fields.Enum("Action", true, ("Allow", 2, RuleAction.Allow), ("AllowBypass", 3, RuleAction.Bypass), ("Block", 4, RuleAction.Block));
        // PowerShell reads an authenticated-bypass rule back as Action Allow with the security filter's
        // OverrideBlockRules True (New-NetFirewallRule -OverrideBlockRules); CIM's Action says AllowBypass.
        if (action == RuleAction.Allow && fields.Has("OverrideBlockRules") && fields.Enum("OverrideBlockRules", false, ("False", null, false), ("True", null, true)))
        {
            action = RuleAction.Bypass;
        }
        var edge = fields.Has("EdgeTraversalPolicy")
            ? fields.Enum("EdgeTraversalPolicy", false, ("Block", 0, EdgeTraversal.Block), ("Allow", 1, EdgeTraversal.Allow), ("DeferToUser", 2, EdgeTraversal.DeferToUser), ("DeferToApp", 3, EdgeTraversal.DeferToApp))
            : EdgeTraversal.Block;
        var profileText = fields.Scalar("Profile", required: true);
        var profiles = profileText is null ? NetworkProfiles.All : DumpValues.Profiles(profileText);
        if (profiles is null)
        {
            fields.Error("Profile", $"'{profileText}' is not a list of firewall profiles", DumpValues.ProfileForms);
        }

        var store = fields.Has("PolicyStoreSourceType")
            ? fields.Enum("PolicyStoreSourceType", false, ("Local", null, RuleStore.Local), ("GroupPolicy", null, RuleStore.GroupPolicy),
                ("Dynamic", null, RuleStore.Other), ("Generated", null, RuleStore.Other), ("Hardcoded", null, RuleStore.Other),
                ("MDM", null, RuleStore.Other), ("None", null, RuleStore.Unknown))
            : RuleStore.Unknown;
        var interfaceText = fields.Scalar("InterfaceType") ?? "Any";
        var interfaces = DumpValues.InterfaceTypes(interfaceText);
        if (interfaces is null)
        {
            fields.Error("InterfaceType", $"'{interfaceText}' is not an interface type", "use Any, Wired, Wireless or RemoteAccess (" + UseOneLiner + ")");
        }

        var authentication = fields.Scalar("Authentication") ?? "NotRequired";
        return new StoredRule
        {
            Id = name,
            DisplayName = displayName,
            Description = fields.Text("Description") ?? string.Empty,
            Group = group,
            Enabled = enabled,
            Direction = direction,
            Action = action,
            Protocol = DumpValues.Protocol(fields.Scalar("Protocol", required: true) ?? "Any", fields.Errors, fields.Locate("Protocol")),
            LocalPorts = DumpValues.Ports(fields.List("LocalPort"), fields.Errors, fields.Locate("LocalPort")),
            RemotePorts = DumpValues.Ports(fields.List("RemotePort"), fields.Errors, fields.Locate("RemotePort")),
            LocalAddresses = DumpValues.Addresses(fields.List("LocalAddress"), fields.Errors, fields.Locate("LocalAddress")),
            RemoteAddresses = DumpValues.Addresses(fields.List("RemoteAddress"), fields.Errors, fields.Locate("RemoteAddress")),
            Program = DumpValues.Program(fields.Text("Program")),
            Service = DumpValues.Program(fields.Text("Service")),
            Package = DumpValues.Program(fields.Text("Package")),
            Owner = DumpValues.Program(fields.Text("Owner")),
            LocalUsers = DumpValues.Program(fields.Text("LocalUser")),
            RemoteUsers = DumpValues.Program(fields.Text("RemoteUser")),
            RemoteMachines = DumpValues.Program(fields.Text("RemoteMachine")),
            Interfaces = ValueList.Create<string>([.. fields.List("InterfaceAlias").Where(alias => !string.Equals(alias, "Any", StringComparison.OrdinalIgnoreCase))]),
            Profiles = profiles ?? NetworkProfiles.All,
            EdgeTraversal = edge,
            InterfaceTypes = interfaces ?? InterfaceTypes.Any,
            Security = DumpValues.Security(authentication, fields.Scalar("Encryption")),
            Store = store,
            Location = fields.Locate(null),
        };
    }

    private static ProfileState? ReadProfile(Fields fields)
    {
        var nameText = fields.Scalar("Name", required: true);
        var profile = nameText is null ? null : DumpValues.Profiles(nameText);
        if (nameText is not null && profile is not (NetworkProfiles.Domain or NetworkProfiles.Private or NetworkProfiles.Public))
        {
            fields.Error("Name", $"'{nameText}' is not Domain, Private or Public", UseOneLiner);
            return null;
        }

        // NotConfigured in the active store means no policy set it, so Windows' default holds.
        var enabled = fields.Enum("Enabled", true, ("True", null, true), ("False", null, false), ("NotConfigured", null, true));
        var inbound = fields.Has("DefaultInboundAction")
            ? fields.Enum("DefaultInboundAction", false, ("Allow", 2, RuleAction.Allow), ("Block", 4, RuleAction.Block), ("NotConfigured", null, RuleAction.Block))
            : RuleAction.Block;
        var allowInbound = !fields.Has("AllowInboundRules") || fields.Enum("AllowInboundRules", false, ("True", null, true), ("False", null, false), ("NotConfigured", null, true));
        var allowLocal = !fields.Has("AllowLocalFirewallRules") || fields.Enum("AllowLocalFirewallRules", false, ("True", null, true), ("False", null, false), ("NotConfigured", null, true));
        return profile is null ? null : new ProfileState(profile.Value, enabled, inbound, allowInbound, allowLocal, Known: true);
    }

    /// <summary>An array, a single value, or 5.1's <c>{"value": [...], "Count": n}</c>.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object when element.TryGetProperty("value", out var inner) && inner.ValueKind == JsonValueKind.Array => inner.EnumerateArray(),
        JsonValueKind.Null => [],
        _ => [element],
    };

    /// <summary>Typed access to one object's fields; problems become errors at the field's path and line.</summary>
    private sealed class Fields(JsonElement element, string path, JsonLineMap lines, InputErrors errors)
    {
        public InputErrors Errors => errors;

        public string Locate(string? name) => lines.Locate(name is null ? path : $"{path}.{name}");

        public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public void Error(string name, string message, string fix) => errors.Add(Locate(name), message, fix);

        public string? Text(string name, bool required = false)
        {
            var value = Scalar(name, required);
            if (value is { Length: > TextLimits.Description })
            {
                // Names go into every row of the audit's table: a huge one would cost its length times the ports.
                errors.Add(Locate(name), string.Create(CultureInfo.InvariantCulture, $"\"{name}\" is {value.Length:N0} characters long, more than the {TextLimits.Description:N0} allowed"), UseOneLiner);
                return null;
            }

            return value;
        }

        /// <summary>A string, number or boolean as text; null when absent.</summary>
        public string? Scalar(string name, bool required = false)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    errors.Add(Locate(null), $"the rule has no \"{name}\"", UseOneLiner);
                }

                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.True or JsonValueKind.False:
                    return value.GetBoolean() ? "True" : "False";
                case JsonValueKind.Array when value.GetArrayLength() == 1:
                    return value[0].ValueKind == JsonValueKind.String ? value[0].GetString() : value[0].GetRawText();
                default:
                    errors.Add(Locate(name), $"expected a single value but found {value.ValueKind.ToString().ToLowerInvariant()}", UseOneLiner);
                    return null;
            }
        }

        public IReadOnlyList<string> List(string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return [];
            }

            var items = new List<string>();
            foreach (var item in Items(value))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    items.Add(item.GetString()!);
                }
                else if (item.ValueKind == JsonValueKind.Number)
                {
                    items.Add(item.GetRawText());
                }
                else
                {
                    errors.Add(Locate(name), $"expected strings but found {item.ValueKind.ToString().ToLowerInvariant()}", UseOneLiner);
                }
            }

            return items;
        }

        /// <summary>An enum written by name, or by the number the CIM class documents (null where no number is documented).</summary>
        public T Enum<T>(string name, bool required, params (string Name, int? Number, T Value)[] choices)
        {
            var text = Scalar(name, required);
            if (text is null)
            {
                return choices[0].Value;
            }

            foreach (var (choice, number, value) in choices)
            {
                if (string.Equals(text, choice, StringComparison.OrdinalIgnoreCase)
                    || (number is not null && text == number.Value.ToString(CultureInfo.InvariantCulture)))
                {
                    return value;
                }
            }

            var documented = choices.Where(c => c.Number is not null).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} = {c.Number}")).ToList();
            var forms = string.Join(", ", choices.Select(c => c.Name))
                + (documented.Count > 0 ? $" (or the CIM numbers {string.Join(", ", documented)})" : string.Empty);
            errors.Add(Locate(name), $"'{text}' is not a value of {name}", $"use {forms}; {UseOneLiner}");
            return choices[0].Value;
        }
    }
}

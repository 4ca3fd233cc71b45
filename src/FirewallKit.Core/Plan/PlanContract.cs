using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Core.Plan;

/// <summary>
/// The plan as the documented, versioned JSON contract (<see cref="RulePlan.ContractVersion"/>) that
/// export, apply and outside tools build on, written and read here only. Field names and forms are
/// the contract; add fields freely, but rename or remove only with a new contract version. Rules are
/// read from any fwkit document that carries them in this form (a plan, an export, a backup),
/// every field validated as strictly as a profile.
/// </summary>
public static class PlanContract
{
    /// <summary>The <c>rules</c> array of a plan, an export or a backup.</summary>
    public static readonly JsonFileReader<IReadOnlyList<FirewallRule>> RuleReader = new(ReadRules);

    private const string RuleSetFix = "use a file written by `fwkit plan` or `fwkit export` in the JSON format, or a backup from `fwkit apply`";

    public static string Write(RulePlan plan) => JsonOutput.Write(ToJson(plan));

    public static JsonObject ToJson(RulePlan plan) => new()
    {
        ["contract"] = RulePlan.ContractVersion,
        ["hash"] = plan.Hash,
        ["source"] = new JsonObject
        {
            ["product"] = plan.Source.Product,
            ["catalog"] = plan.Source.CatalogId,
            ["catalogVersion"] = plan.Source.CatalogVersion,
            ["profile"] = plan.Source.ProfileName,
            ["productVersion"] = plan.Source.ProductVersion.ToString(3),
            ["topology"] = Terms.Topology(plan.Source.Topology),
            ["enforcement"] = Terms.Enforcement(plan.Source.Enforcement),
            ["ruleGroup"] = plan.Source.RuleGroup,
        },
        ["rules"] = new JsonArray([.. plan.Rules.Select(RuleToJson)]),
        ["ports"] = new JsonArray([.. plan.Ports.Select(PortToJson)]),
        ["warnings"] = new JsonArray([.. plan.Warnings.Select(w => (JsonNode)new JsonObject { ["code"] = w.Code, ["message"] = w.Message })]),
        ["resolvedAtApply"] = JsonOutput.Strings(plan.ResolvedAtApply),
    };

    /// <summary>
    /// A rule's <see cref="FirewallRule.ExtraFields"/>, written only when it has some: a planned
    /// rule never does, a backup of a hand-edited rule does, so a rollback restores the edit.
    /// </summary>
    public const string ExtraFields = "extraFields";

    private static readonly string[] RuleFields = [.. RuleField.All, ExtraFields];

    public static JsonObject RuleToJson(FirewallRule rule)
    {
        var json = RulePlanFieldsToJson(rule);
        if (rule.ExtraFields.Count > 0)
        {
            json[ExtraFields] = new JsonObject([.. rule.ExtraFields.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]);
        }

        return json;
    }

    private static JsonObject RulePlanFieldsToJson(FirewallRule rule) => new()
    {
        [RuleField.Name] = rule.Name,
        [RuleField.DisplayName] = rule.DisplayName,
        [RuleField.Description] = rule.Description,
        [RuleField.Group] = rule.Group,
        [RuleField.Direction] = Terms.Direction(rule.Direction),
        [RuleField.Action] = Terms.Action(rule.Action),
        [RuleField.Protocol] = Terms.Protocol(rule.Protocol),
        [RuleField.LocalPorts] = JsonOutput.Strings(rule.LocalPorts.ToTokens()),
        [RuleField.RemoteAddresses] = JsonOutput.Strings(rule.RemoteAddresses.ToTokens()),
        [RuleField.Profiles] = JsonOutput.Strings(Terms.Profiles(rule.Profiles)),
        [RuleField.Enabled] = rule.Enabled,
    };

    private static JsonObject PortToJson(PortDecision port) => new()
    {
        ["port"] = port.Port,
        ["protocol"] = port.Protocol is { } protocol ? Terms.Protocol(protocol) : "Any",
        ["entries"] = JsonOutput.Strings(port.Entries),
        ["decision"] = Terms.Decision(port.Decision),
        ["allowedFrom"] = new JsonArray([.. port.AllowedFrom.Select(a => (JsonNode)new JsonObject
        {
            ["audience"] = a.Audience,
            ["flow"] = a.Flow,
            ["addresses"] = JsonOutput.Strings(a.Addresses.ToTokens()),
        })]),
        ["reason"] = port.Reason,
        ["rules"] = JsonOutput.Strings(port.Rules),
    };

    /// <summary>The rules of <paramref name="root"/>'s <c>rules</c> array; every invalid field is an error of <paramref name="file"/>.</summary>
    public static IReadOnlyList<FirewallRule> ReadRules(string file, JsonElement root)
    {
        var errors = new InputErrors(file);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
        {
            throw new InputException(file, "$.rules", "the file has no \"rules\" array", RuleSetFix);
        }

        var rules = new List<FirewallRule>();
        var index = 0;
        foreach (var element in rulesElement.EnumerateArray())
        {
            var reader = JsonObjectReader.Open(element, JsonObjectReader.Index("$.rules", index++), errors, RuleFields, "a rule");
            if (reader is not null)
            {
                rules.Add(ReadRule(reader));
            }
        }

        errors.ThrowIfAny();
        return rules;
    }

    private static FirewallRule ReadRule(JsonObjectReader reader)
    {
        var path = reader.Path;
        var errors = reader.Errors;
        var action = RuleAction.Block;
        if (reader.String(RuleField.Action, required: true) is { } actionText && !Terms.TryAction(actionText, out action))
        {
            errors.Add(path + ".action", $"unknown value '{actionText}'", "use \"Allow\" or \"Block\"");
        }

        var protocol = TransportProtocol.Tcp;
        if (reader.String(RuleField.Protocol, required: true) is { } protocolText && !Terms.TryProtocol(protocolText, out protocol))
        {
            errors.Add(path + ".protocol", $"unknown value '{protocolText}'", "use \"TCP\" or \"UDP\"");
        }

        var direction = reader.String(RuleField.Direction) ?? "Inbound";
        if (!Terms.TryDirection(direction, out _))
        {
            errors.Add(path + ".direction", $"'{direction}' is not supported", "fwkit manages inbound rules only: use \"Inbound\"");
        }

        return new FirewallRule
        {
            Name = reader.String(RuleField.Name, required: true, maxLength: TextLimits.Name) ?? string.Empty,
            DisplayName = reader.String(RuleField.DisplayName, required: true, maxLength: TextLimits.Name) ?? string.Empty,
            Description = reader.String(RuleField.Description) ?? string.Empty,
            Group = reader.String(RuleField.Group, maxLength: TextLimits.Name) ?? string.Empty,
            Action = action,
            Protocol = protocol,
            LocalPorts = ReadPorts(reader),
            RemoteAddresses = ReadAddresses(reader),
            Profiles = ReadProfiles(reader),
            Enabled = reader.Bool(RuleField.Enabled) ?? true,
            ExtraFields = ReadExtraFields(reader),
        };
    }

    private static ValueMap<string, string> ReadExtraFields(JsonObjectReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in reader.Properties(ExtraFields))
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                fields[name] = value.GetString()!;
            }
            else
            {
                reader.Errors.Add(JsonObjectReader.Child(JsonObjectReader.Child(reader.Path, ExtraFields), name), $"expected a string but found {JsonObjectReader.Describe(value)}", "write the value as the firewall reads it, in quotes");
            }
        }

        return fields;
    }

    private static FirewallProfiles ReadProfiles(JsonObjectReader reader)
    {
        var profiles = FirewallProfiles.None;
        foreach (var name in reader.StringArray(RuleField.Profiles, required: true) ?? [])
        {
            if (Terms.TryProfile(name, out var profile))
            {
                profiles |= profile;
            }
            else
            {
                reader.Errors.Add(reader.Path + ".profiles", $"unknown firewall profile '{name}'", "use Domain, Private and Public");
            }
        }

        return profiles;
    }

    /// <summary>An empty list is what Windows stores as Any, for ports and addresses alike.</summary>
    private static PortSet ReadPorts(JsonObjectReader reader)
    {
        var tokens = reader.StringArray(RuleField.LocalPorts, required: true) ?? [];
        if (tokens.Count == 0)
        {
            return PortSet.Any;
        }

        if (PortSet.TryParse(tokens, out var ports))
        {
            return ports;
        }

        reader.Errors.Add(reader.Path + ".localPorts", $"'{string.Join(",", tokens)}' is not a list of ports", "use port numbers from 1 to 65535, ranges such as 5000-5010, or Any");
        return PortSet.Any;
    }

    private static AddressSet ReadAddresses(JsonObjectReader reader)
    {
        var tokens = reader.StringArray(RuleField.RemoteAddresses, required: true) ?? [];
        var parsed = new List<AddressToken>();
        foreach (var token in tokens)
        {
            if (AddressParser.TryParse(token, out var one, out var reason))
            {
                parsed.Add(one);
            }
            else
            {
                reader.Errors.Add(reader.Path + ".remoteAddresses", AddressParser.Describe(token, reason), AddressParser.AcceptedForms);
            }
        }

        return tokens.Count == 0 ? AddressSet.Any : AddressSet.Of(parsed);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

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

    public static string Write(RulePlan plan) => JsonOutput.Write(writer => Write(writer, plan));

    /// <summary>The plan as UTF-8 JSON, written as it goes: a plan of thousands of peers is megabytes.</summary>
    public static void Write(RulePlan plan, Stream output) => JsonOutput.Write(output, writer => Write(writer, plan));

    /// <remarks><c>source.host</c> is written only for a plan made for one server of the deployment (<c>--host</c>).</remarks>
    private static void Write(Utf8JsonWriter writer, RulePlan plan)
    {
        writer.WriteStartObject();
        writer.WriteString("contract", RulePlan.ContractVersion);
        writer.WriteString("hash", plan.Hash);
        writer.WriteStartObject("source");
        writer.WriteString("product", plan.Source.Product);
        writer.WriteString("catalog", plan.Source.CatalogId);
        writer.WriteString("catalogVersion", plan.Source.CatalogVersion);
        writer.WriteString("profile", plan.Source.ProfileName);
        writer.WriteString("productVersion", plan.Source.ProductVersion.ToString(3));
        writer.WriteString("topology", CatalogTerms.Topology(plan.Source.Topology));
        writer.WriteString("enforcement", ProfileTerms.Enforcement(plan.Source.Enforcement));
        writer.WriteString("ruleGroup", plan.Source.RuleGroup);
        if (plan.Source.Host is { } host)
        {
            writer.WriteString("host", host);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("rules");
        foreach (var rule in plan.Rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("ports");
        foreach (var port in plan.Ports)
        {
            WritePort(writer, port);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in plan.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", warning.Code);
            writer.WriteString("message", warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("resolvedAtApply");
        JsonOutput.WriteStrings(writer, plan.ResolvedAtApply);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A rule's <see cref="FirewallRule.ExtraFields"/>, written only when it has some: a planned
    /// rule never does, a backup of a hand-edited rule does, so a rollback restores the edit.
    /// </summary>
    public const string ExtraFields = "extraFields";

    private static readonly string[] RuleKeys = [.. Rules.RuleFields.Planned.Select(field => field.Name), ExtraFields];

    /// <summary>One rule as the plan contract holds it, in a plan, an export or a backup.</summary>
    public static void WriteRule(Utf8JsonWriter writer, FirewallRule rule)
    {
        var stored = rule.ToStored();
        writer.WriteStartObject();
        foreach (var field in Rules.RuleFields.Planned)
        {
            writer.WritePropertyName(field.Name);
            field.WriteJson!(writer, stored);
        }

        if (rule.ExtraFields.Count > 0)
        {
            writer.WriteStartObject(ExtraFields);
            foreach (var (name, text) in rule.ExtraFields.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePort(Utf8JsonWriter writer, PortDecision port)
    {
        writer.WriteStartObject();
        writer.WriteString("port", port.PortText);
        writer.WriteString("protocol", port.Protocol is { } protocol ? RuleTerms.Protocol(protocol) : "Any");
        writer.WritePropertyName("entries");
        JsonOutput.WriteStrings(writer, port.Entries);
        writer.WriteString("decision", PlanTerms.Decision(port.Decision));
        writer.WriteStartArray("allowedFrom");
        foreach (var source in port.AllowedFrom)
        {
            writer.WriteStartObject();
            writer.WriteString("audience", source.Audience);
            writer.WriteString("flow", source.Flow);
            writer.WritePropertyName("addresses");
            JsonOutput.WriteStrings(writer, source.Addresses.ToTokens());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("reason", port.Reason);
        writer.WritePropertyName("rules");
        JsonOutput.WriteStrings(writer, port.Rules);
        writer.WriteEndObject();
    }

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
            var reader = JsonObjectReader.Open(element, JsonObjectReader.Index("$.rules", index++), errors, RuleKeys, "a rule");
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
        if (reader.String(RuleFields.Action.Name, required: true) is { } actionText && !RuleTerms.TryAction(actionText, out action))
        {
            errors.Add(path + ".action", $"unknown value '{actionText}'", "use \"Allow\" or \"Block\"");
        }

        var protocol = TransportProtocol.Tcp;
        if (reader.String(RuleFields.Protocol.Name, required: true) is { } protocolText && !RuleTerms.TryProtocol(protocolText, out protocol))
        {
            errors.Add(path + ".protocol", $"unknown value '{protocolText}'", "use \"TCP\" or \"UDP\"");
        }

        var direction = reader.String(RuleFields.Direction.Name) ?? "Inbound";
        if (!RuleTerms.TryDirection(direction, out _))
        {
            errors.Add(path + ".direction", $"'{direction}' is not supported", "fwkit manages inbound rules only: use \"Inbound\"");
        }

        return new FirewallRule
        {
            Name = reader.String(RuleFields.Name.Name, required: true, maxLength: TextLimits.Name) ?? string.Empty,
            DisplayName = reader.String(RuleFields.DisplayName.Name, required: true, maxLength: TextLimits.Name) ?? string.Empty,
            Description = reader.String(RuleFields.Description.Name) ?? string.Empty,
            Group = reader.String(RuleFields.Group.Name, maxLength: TextLimits.Name) ?? string.Empty,
            Action = action,
            Protocol = protocol,
            LocalPorts = ReadPorts(reader),
            RemoteAddresses = ReadAddresses(reader),
            Profiles = ReadProfiles(reader),
            Enabled = reader.Bool(RuleFields.Enabled.Name) ?? true,
            ExtraFields = ReadExtraFields(reader),
        };
    }

    private static ValueMap<string, string> ReadExtraFields(JsonObjectReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var probe = new StoredRule { DisplayName = string.Empty, Action = RuleAction.Allow };
        foreach (var (name, value) in reader.Properties(ExtraFields))
        {
            var path = JsonObjectReader.Child(JsonObjectReader.Child(reader.Path, ExtraFields), name);
            if (RuleFields.FindCondition(name) is not { } field)
            {
                reader.Errors.Add(path, $"'{name}' is not a rule condition fwkit reads", "remove it, or use one of " + string.Join(", ", RuleFields.Conditions.Select(c => c.Name)));
            }
            else if (value.ValueKind != JsonValueKind.String)
            {
                reader.Errors.Add(path, $"expected a string but found {JsonObjectReader.Describe(value)}", "write the value as the firewall reads it, in quotes");
            }
            else if (field.Write(probe, value.GetString()!) is null)
            {
                reader.Errors.Add(path, $"'{value.GetString()}' is not a value of {name}", "write the value as fwkit wrote it when it read the rule");
            }
            else
            {
                fields[name] = value.GetString()!;
            }
        }

        return fields;
    }

    private static NetworkProfiles ReadProfiles(JsonObjectReader reader)
    {
        var profiles = NetworkProfiles.None;
        foreach (var name in reader.StringArray(RuleFields.Profiles.Name, required: true) ?? [])
        {
            if (RuleTerms.TryProfile(name, out var profile))
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
        var tokens = reader.StringArray(RuleFields.LocalPorts.Name, required: true) ?? [];
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
        var tokens = reader.StringArray(RuleFields.RemoteAddresses.Name, required: true) ?? [];
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

using System.Text.Json;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Plan;

/// <summary>
/// Reads the <c>rules</c> array of any fwkit JSON document that carries rules in the plan
/// contract's form (a plan from <c>plan --format json</c>, an export, a backup from apply),
/// validating every field as strictly as a profile.
/// </summary>
public static class RuleSetReader
{
    private static readonly string[] RuleFields =
        ["name", "displayName", "description", "group", "direction", "action", "protocol", "localPorts", "remoteAddresses", "profiles", "enabled"];

    public static IReadOnlyList<FirewallRule> Load(string path)
    {
        using var document = JsonInput.Read(path);
        return Read(path, document.RootElement);
    }

    public static IReadOnlyList<FirewallRule> Parse(string file, byte[] json)
    {
        using var document = JsonInput.Parse(file, json);
        return Read(file, document.RootElement);
    }

    public static IReadOnlyList<FirewallRule> Read(string file, JsonElement root)
    {
        var errors = new InputErrors(file);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
        {
            throw new InputException(file, "$.rules", "the file has no \"rules\" array", "use a file written by `fwkit plan --format json`, `fwkit export --format json` or a backup from `fwkit apply`");
        }

        var rules = new List<FirewallRule>();
        var index = 0;
        foreach (var element in rulesElement.EnumerateArray())
        {
            var path = JsonObjectReader.Index("$.rules", index++);
            var reader = JsonObjectReader.Open(element, path, errors, RuleFields, "a rule");
            if (reader is null)
            {
                continue;
            }

            var action = reader.String("action", required: true) switch
            {
                "Allow" => RuleAction.Allow,
                "Block" => RuleAction.Block,
                null => RuleAction.Block,
                var other => Invalid(errors, path + ".action", other, "use \"Allow\" or \"Block\"", RuleAction.Block),
            };
            var protocol = reader.String("protocol", required: true) switch
            {
                "TCP" => TransportProtocol.Tcp,
                "UDP" => TransportProtocol.Udp,
                null => TransportProtocol.Tcp,
                var other => Invalid(errors, path + ".protocol", other, "use \"TCP\" or \"UDP\"", TransportProtocol.Tcp),
            };
            var direction = reader.String("direction") ?? "Inbound";
            if (direction != "Inbound")
            {
                errors.Add(path + ".direction", $"'{direction}' is not supported", "fwkit manages inbound rules only: use \"Inbound\"");
            }

            var profiles = FirewallProfiles.None;
            foreach (var name in reader.StringArray("profiles", required: true) ?? [])
            {
                if (Enum.TryParse<FirewallProfiles>(name, out var profile) && profile is FirewallProfiles.Domain or FirewallProfiles.Private or FirewallProfiles.Public)
                {
                    profiles |= profile;
                }
                else
                {
                    errors.Add(path + ".profiles", $"unknown firewall profile '{name}'", "use Domain, Private and Public");
                }
            }

            var remote = reader.StringArray("remoteAddresses", required: true) ?? [];
            foreach (var token in remote)
            {
                try
                {
                    Addresses.AddressParser.Parse(token);
                }
                catch (Addresses.AddressParseException ex)
                {
                    errors.Add(path + ".remoteAddresses", ex.Message, Addresses.AddressParser.AcceptedForms);
                }
            }

            rules.Add(new FirewallRule(
                reader.String("name", required: true) ?? string.Empty,
                reader.String("displayName", required: true) ?? string.Empty,
                reader.String("description") ?? string.Empty,
                reader.String("group") ?? string.Empty,
                RuleDirection.Inbound,
                action,
                protocol,
                reader.StringArray("localPorts", required: true) ?? [],
                remote,
                profiles,
                reader.Bool("enabled") ?? true));
        }

        errors.ThrowIfAny();
        return rules;
    }

    private static T Invalid<T>(InputErrors errors, string path, string value, string fix, T fallback)
    {
        errors.Add(path, $"unknown value '{value}'", fix);
        return fallback;
    }
}

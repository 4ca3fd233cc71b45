using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Audit;

/// <summary>
/// Writes rules as the two dumps docs/audit.md describes: netsh's verbose text (labels padded to column 38, a
/// line of 70 dashes, fields netsh has nothing for left out, <c>Ok.</c>), and the PowerShell one-liner's JSON.
/// fwkit's own rules come from the real plan, so the saved dumps stay what the plan writes.
/// </summary>
internal static class DumpWriter
{
    public static DumpRule FromPlan(FirewallRule rule) => new(
        rule.Name, rule.DisplayName, rule.Group,
        string.Join(",", RuleTerms.Profiles(rule.Profiles)),
        RuleTerms.Protocol(rule.Protocol),
        string.Join(",", rule.LocalPorts.ToTokens()),
        string.Join(",", rule.RemoteAddresses.ToTokens()),
        RuleTerms.Action(rule.Action),
        rule.Enabled,
        Description: rule.Description);

    public static string Netsh(IEnumerable<DumpRule> rules, IEnumerable<DumpProfile>? profiles = null)
    {
        var text = new StringBuilder();
        if (profiles is not null)
        {
            foreach (var profile in profiles)
            {
                text.Append('\n').Append(profile.Name).Append(" Profile Settings:\n").Append(new string('-', 70)).Append('\n');
                Setting(text, "State", profile.On ? "ON" : "OFF");
                Setting(text, "Firewall Policy", profile.Inbound == "Allow" ? "AllowInbound,AllowOutbound" : "BlockInbound,AllowOutbound");
                Setting(text, "LocalFirewallRules", profile.LocalRules ? "N/A (GPO-store only)" : "Disable");
                Setting(text, "LocalConSecRules", "N/A (GPO-store only)");
                Setting(text, "InboundUserNotification", "Disable");
                text.Append("\nLogging:\n");
                Setting(text, "LogAllowedConnections", "Disable");
                Setting(text, "FileName", @"%systemroot%\system32\LogFiles\Firewall\pfirewall.log");
                text.Append('\n');
            }

            text.Append("Ok.\n\n");
        }

        foreach (var rule in rules)
        {
            text.Append('\n');
            Field(text, "Rule Name", rule.Name);
            text.Append(new string('-', 70)).Append('\n');
            if (rule.Description is not null)
            {
                Field(text, "Description", rule.Description);
            }

            Field(text, "Enabled", rule.Enabled ? "Yes" : "No");
            Field(text, "Direction", "In");
            Field(text, "Profiles", rule.Profiles);
            Field(text, "Grouping", rule.Group);
            Field(text, "LocalIP", "Any");
            Field(text, "RemoteIP", string.Join(",", rule.RemoteIp.Split(',').Select(NetshAddress)));
            Field(text, "Protocol", rule.Protocol);
            if (rule.IcmpTypes is not null)
            {
                text.Append(new string(' ', 38)).Append("Type    Code\n");
                text.Append(new string(' ', 38)).Append(rule.IcmpTypes).Append('\n');
            }

            if (rule.Protocol is "TCP" or "UDP")
            {
                Field(text, "LocalPort", rule.LocalPort ?? "Any");
                Field(text, "RemotePort", rule.RemotePort ?? "Any");
            }

            Field(text, "Edge traversal", "No");
            if (rule.Program is not null)
            {
                Field(text, "Program", rule.Program);
            }

            if (rule.Service is not null)
            {
                Field(text, "Service", rule.Service);
            }

            Field(text, "InterfaceTypes", "Any");
            Field(text, "Security", "NotRequired");
            Field(text, "Rule source", rule.Store);
            Field(text, "Action", rule.Action);
        }

        return text.Append("Ok.\n\n").ToString();
    }

    /// <param name="numericEnums">Write enums as ConvertTo-Json does without the one-liner's string conversion (CIM numbers).</param>
    public static string PowerShell(IEnumerable<DumpRule> rules, IEnumerable<DumpProfile>? profiles, bool numericEnums = false)
    {
        JsonNode Enum(string name, int number) => numericEnums ? JsonValue.Create(number) : JsonValue.Create(name);

        var ruleArray = new JsonArray();
        foreach (var rule in rules)
        {
            var profileNames = rule.Profiles.Split(',');
            var profileBits = profileNames.Sum(p => p switch { "Domain" => 1, "Private" => 2, _ => 4 });
            ruleArray.Add(new JsonObject
            {
                ["Name"] = rule.Id,
                ["DisplayName"] = rule.Name,
                ["Group"] = rule.ResourceGroup ?? rule.Group,
                ["DisplayGroup"] = rule.Group,
                ["Enabled"] = Enum(rule.Enabled ? "True" : "False", rule.Enabled ? 1 : 2),
                ["Direction"] = Enum("Inbound", 1),
                ["Action"] = Enum(rule.Action, rule.Action == "Allow" ? 2 : 4),
                ["Profile"] = Enum(string.Join(", ", profileNames), profileBits),
                ["EdgeTraversalPolicy"] = Enum("Block", 0),
                ["PolicyStoreSourceType"] = rule.Store == "Group Policy" ? "GroupPolicy" : "Local",
                ["Protocol"] = rule.Protocol,
                ["LocalPort"] = Strings(PowerShellPorts(rule.Protocol is "TCP" or "UDP" ? rule.LocalPort ?? "Any" : "Any")),
                ["RemotePort"] = Strings((rule.RemotePort ?? "Any").Split(',')),
                ["LocalAddress"] = Strings(["Any"]),
                ["RemoteAddress"] = Strings(rule.RemoteIp.Split(',').Select(PowerShellAddress)),
                ["Program"] = rule.Program ?? "Any",
                ["Service"] = rule.Service ?? "Any",
                ["InterfaceType"] = "Any",
                ["Authentication"] = "NotRequired",
            });
        }

        var root = new JsonObject { ["Rules"] = ruleArray };
        if (profiles is not null)
        {
            root["Profiles"] = new JsonArray([.. profiles.Select(p => (JsonNode)new JsonObject
            {
                ["Name"] = p.Name,
                ["Enabled"] = p.On ? "True" : "False",
                ["DefaultInboundAction"] = p.Inbound == "Allow" ? "Allow" : "NotConfigured",
                ["AllowInboundRules"] = "NotConfigured",
                ["AllowLocalFirewallRules"] = p.LocalRules ? "NotConfigured" : "False",
            })]);
        }

        // ConvertTo-Json's layout: four-space indent, CRLF on Windows; the reader must not care.
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static IEnumerable<string> PowerShellPorts(string netsh) => netsh.Split(',').Select(p => p switch
    {
        "RPC-EPMap" => "RPCEPMap",
        "IPHTTPS" => "IPHTTPSIn",
        _ => p,
    });

    /// <summary>netsh prints a single IPv4 address with its /32.</summary>
    private static string NetshAddress(string token) =>
        token.Contains('.', StringComparison.Ordinal) && !token.Contains('/', StringComparison.Ordinal) && !token.Contains('-', StringComparison.Ordinal) ? token + "/32" : token;

    /// <summary>Get-NetFirewallAddressFilter reads IPv4 subnets back in mask form.</summary>
    private static string PowerShellAddress(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || token.Contains(':', StringComparison.Ordinal))
        {
            return token;
        }

        var bits = int.Parse(token[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return $"{token[..slash]}/{mask >> 24}.{(mask >> 16) & 255}.{(mask >> 8) & 255}.{mask & 255}";
    }

    private static void Field(StringBuilder text, string label, string value) =>
        text.Append((label + ":").PadRight(38)).Append(value).Append('\n');

    private static void Setting(StringBuilder text, string name, string value) =>
        text.Append(name.PadRight(38)).Append(value).Append('\n');
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>Writes an <see cref="AuditReport"/> as the <c>fwkit.audit/1</c> JSON contract documented in docs/audit.md.</summary>
public static class AuditJsonWriter
{
    public static string Write(AuditReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("contract", AuditReport.ContractVersion);
            json.WriteString("verdict", Verdict(report.Verdict));
            json.WriteStartObject("rules");
            json.WriteString("source", report.RulesSource);
            json.WriteString("format", report.RulesFormat);
            json.WriteNumber("count", report.RuleCount);
            json.WriteEndObject();
            if (report.PlanProfile is null)
            {
                json.WriteNull("plan");
            }
            else
            {
                json.WriteStartObject("plan");
                json.WriteString("profile", report.PlanProfile);
                json.WriteString("hash", report.PlanHash);
                Strings(json, "firewallProfiles", RuleTerms.Profiles(report.PlanFirewallProfiles));
                json.WriteEndObject();
            }

            json.WriteStartArray("firewallProfiles");
            foreach (var state in report.NetworkProfiles)
            {
                json.WriteStartObject();
                json.WriteString("name", ProfileName(state.Profile));
                json.WriteBoolean("enabled", state.Enabled);
                json.WriteString("defaultInboundAction", state.DefaultInboundAction.ToString());
                json.WriteBoolean("allowInboundRules", state.AllowInboundRules);
                json.WriteBoolean("allowLocalRules", state.AllowLocalRules);
                json.WriteBoolean("known", state.Known);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("ports");
            foreach (var port in report.Ports)
            {
                WritePort(json, port);
            }

            json.WriteEndArray();
            Strings(json, "notes", report.Notes);
            json.WriteEndObject();
        }

        return EscapeBidirectionalControls(Encoding.UTF8.GetString(stream.ToArray())) + "\n";
    }

    private static void WritePort(Utf8JsonWriter json, PortAudit port)
    {
        json.WriteStartObject();
        json.WriteNumber("port", port.Port);
        json.WriteString("protocol", RuleTerms.Protocol(port.Protocol));
        json.WriteString("origin", port.Origin);
        json.WriteString("verdict", Verdict(port.Verdict));
        Strings(json, "entries", port.Entries);
        if (port.Intended is { } intended)
        {
            json.WriteStartObject("intended");
            json.WriteString("decision", PlanTerms.Decision(intended.Decision));
            Strings(json, "addresses", Tokens(intended.Addresses, intended.Keywords));
            Strings(json, "planRules", intended.PlanRules);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("intended");
        }

        if (port.Listener is { } listener)
        {
            json.WriteStartObject("listener");
            json.WriteString("localAddress", listener.LocalAddress.ToString());
            WriteNullable(json, "program", listener.Program);
            WriteNullable(json, "service", listener.Service);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("listener");
        }

        json.WriteStartArray("profiles");
        foreach (var profile in port.Profiles)
        {
            WriteProfile(json, profile);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProfile(Utf8JsonWriter json, ProfileAudit audit)
    {
        var reach = audit.Reach;
        json.WriteStartObject();
        json.WriteString("name", ProfileName(audit.Profile));
        json.WriteString("verdict", Verdict(audit.Verdict));
        json.WriteStartObject("reachableFrom");
        json.WriteBoolean("exact", reach.IsExact);
        Strings(json, "certain", Tokens(reach.Certain, []));
        Strings(json, "possible", Tokens(reach.Possible, []));
        Audiences(json, "mayAlsoReach", reach.MayAlsoReach);
        Audiences(json, "mayBeKeptOut", reach.MayBeKeptOut);
        json.WriteEndObject();
        json.WriteStartArray("decidedBy");
        foreach (var effect in reach.Effects)
        {
            json.WriteStartObject();
            json.WriteString("effect", Kebab(effect.Kind.ToString()));
            WriteNullable(json, "rule", effect.Rule);
            WriteNullable(json, "location", effect.Location);
            Strings(json, "addresses", Tokens(effect.Addresses, effect.Keywords));
            Strings(json, "conditions", effect.Conditions);
            WriteNullable(json, "reason", effect.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in audit.Findings)
        {
            json.WriteStartObject();
            json.WriteString("kind", Kebab(finding.Kind.ToString()));
            json.WriteBoolean("certain", finding.Certain);
            Strings(json, "addresses", Tokens(finding.Addresses, []));
            Strings(json, "keywords", finding.Keywords.Select(k => k.ToString()));
            Strings(json, "rules", finding.Rules);
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Audiences(Utf8JsonWriter json, string name, IReadOnlyList<KeywordAudience> audiences)
    {
        json.WriteStartArray(name);
        foreach (var audience in audiences)
        {
            json.WriteStartObject();
            json.WriteString("keyword", audience.Keyword.ToString());
            Strings(json, "within", Tokens(audience.Within, []));
            json.WriteString("rule", audience.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string ProfileName(NetworkProfiles profile) => RuleTerms.Profiles(profile)[0];

    /// <summary>Shortest literal tokens (<c>Any</c> alone, nothing when empty), then keywords in Windows' spelling.</summary>
    private static IEnumerable<string> Tokens(AddressSet addresses, IReadOnlyList<AddressKeyword> keywords) =>
        [.. addresses.IsEmpty ? [] : addresses.ToTokens(), .. keywords.Select(k => k.ToString())];

    public static string Verdict(AuditVerdict verdict) => Kebab(verdict.ToString());

    /// <summary><c>WiderThanIntended</c> → <c>wider-than-intended</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>
    /// The relaxed encoder keeps text readable but passes U+202E and its kind raw, which make a rule name read other
    /// than it is: they are escaped as the tables escape them. They occur only inside strings, where \uXXXX is valid.
    /// </summary>
    private static string EscapeBidirectionalControls(string json)
    {
        if (!json.Any(IsBidirectionalControl))
        {
            return json;
        }

        var escaped = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            escaped.Append(IsBidirectionalControl(c) ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return escaped.ToString();
    }

    private static bool IsBidirectionalControl(char c) =>
        c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

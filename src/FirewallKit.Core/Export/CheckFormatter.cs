using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.Engine;

namespace FirewallKit.Core.Export;

/// <summary>
/// <c>fwkit check</c>'s output: one line per distinct verdict, such as
/// <c>blocked: TCP 5200 from 10.20.0.99 — rule fwkit-printeron-tcp-5200-block-others (Block)</c>.
/// The firewall profiles are named only when the answer differs between them.
/// </summary>
public static class CheckFormatter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(CheckResult result)
    {
        var text = new StringBuilder();
        var named = result.Verdicts.Count > 1;
        foreach (var (profiles, verdict) in result.Verdicts)
        {
            var where = named ? $" in {string.Join(", ", JsonPlanExporter.ProfileNames(profiles))}" : string.Empty;
            text.Append(OutcomeName(verdict.Outcome)).Append(where).Append(": ")
                .Append(result.Query).Append(" — ").Append(verdict.Reason).Append('\n');
        }

        return text.ToString();
    }

    public static string Json(CheckResult result)
    {
        var json = new JsonObject
        {
            ["from"] = result.Query.Source.ToString(),
            ["port"] = result.Query.Port,
            ["protocol"] = JsonPlanExporter.ProtocolName(result.Query.Protocol),
            ["rules"] = result.RuleSource,
            ["verdicts"] = new JsonArray([.. result.Verdicts.Select(v => (JsonNode)new JsonObject
            {
                ["profiles"] = new JsonArray([.. JsonPlanExporter.ProfileNames(v.Profiles).Select(p => (JsonNode)JsonValue.Create(p)!)]),
                ["outcome"] = OutcomeName(v.Verdict.Outcome),
                ["rule"] = v.Verdict.DecidingRule?.Name,
                ["action"] = v.Verdict.DecidingRule?.Action.ToString(),
                ["reason"] = v.Verdict.Reason,
            })]),
        };
        return json.ToJsonString(Options) + "\n";
    }

    public static string OutcomeName(ConnectionOutcome outcome) => outcome switch
    {
        ConnectionOutcome.Allowed => "allowed",
        ConnectionOutcome.Blocked => "blocked",
        _ => "depends on the machine",
    };
}

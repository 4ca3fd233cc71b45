using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.IO;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary>
/// <c>fwkit check</c>'s output: one line per distinct verdict, such as
/// <c>blocked: TCP 5200 from 10.20.0.99 — rule fwkit-printeron-tcp-5200-block-others (Block)</c>.
/// The firewall profiles are named only when the answer differs between them.
/// </summary>
public static class CheckFormatter
{
    /// <summary>The version of check's JSON form, first in it like every JSON output of fwkit; bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.check/1";

    public static string Text(CheckResult result)
    {
        var text = new StringBuilder();
        var named = result.Verdicts.Count > 1;
        foreach (var (profiles, verdict) in result.Verdicts)
        {
            var where = named ? $" in {string.Join(", ", RuleTerms.Profiles(profiles))}" : string.Empty;
            text.Append(OutcomeName(verdict.Outcome)).Append(where).Append(": ")
                .Append(PrintableText.Escape(QueryText(result.Query))).Append(" — ").Append(PrintableText.Escape(verdict.Reason)).Append('\n');
        }

        return text.ToString();
    }

    public static string Json(CheckResult result)
    {
        var json = new JsonObject
        {
            ["contract"] = ContractVersion,
            ["from"] = result.Query.Source.ToString(),
            ["port"] = result.Query.Port,
            ["protocol"] = RuleTerms.Protocol(result.Query.Protocol),
            ["rules"] = result.RuleSource,
            ["verdicts"] = new JsonArray([.. result.Verdicts.Select(v => (JsonNode)new JsonObject
            {
                ["profiles"] = JsonOutput.Strings(RuleTerms.Profiles(v.Profiles)),
                ["outcome"] = OutcomeName(v.Verdict.Outcome),
                ["rule"] = v.Verdict.DecidingRule?.Id,
                ["action"] = v.Verdict.DecidingRule is { } rule ? RuleTerms.Action(rule.Action) : null,
                ["reason"] = v.Verdict.Reason,
            })]),
        };
        return JsonOutput.Write(json);
    }

    /// <summary>Such as <c>TCP 5200 from 10.20.0.99</c>.</summary>
    public static string QueryText(ConnectionQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"{RuleTerms.Protocol(query.Protocol)} {query.Port} from {query.Source}");

    public static string OutcomeName(ConnectionOutcome outcome) => outcome switch
    {
        ConnectionOutcome.Allowed => "allowed",
        ConnectionOutcome.Blocked => "blocked",
        _ => "depends on the machine",
    };
}

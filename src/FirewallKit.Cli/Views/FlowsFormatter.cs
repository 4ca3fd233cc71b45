using System.Globalization;
using System.Text;
using FirewallKit.Core.Flows;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary><c>fwkit flows</c> for a person: a row per flow, pair of servers and firewall profile, then the blocked ones named.</summary>
public static class FlowsFormatter
{
    public static string Table(FlowReport report, int? width = null)
    {
        var text = new StringBuilder();
        var fromFiles = report.RulesFrom.Where(r => r.Value != "plan").Select(r => $"{r.Key}: {r.Value}").ToList();
        text.AppendLine(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Flows between the servers of profile '{report.ProfileName}' · {report.Hosts.Count} hosts · {report.Flows.Count} flows · rules: {(fromFiles.Count == 0 ? "each host's plan" : "each host's plan, except " + string.Join("; ", fromFiles))}")));
        text.AppendLine();
        var rows = report.Flows.Select(f => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"{RuleTerms.Protocol(f.Protocol)} {f.Port}"),
            PrintableText.Escape(f.Source),
            PrintableText.Escape(f.Destination),
            string.Join(",", RuleTerms.Profiles(f.FirewallProfile)),
            FlowContract.Verdict(f.Outcome),
            PrintableText.Escape(f.Flow),
        }).ToList();
        TextTable.Append(text, ["PORT", "FROM", "TO", "PROFILE", "VERDICT", "FLOW"], rows, width, flexibleColumn: 5);
        text.AppendLine();
        var blocked = report.Flows.Where(f => !f.Admitted).ToList();
        if (blocked.Count == 0)
        {
            text.AppendLine("Every flow the catalog names between these servers is admitted.");
            return text.ToString();
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Blocked ({blocked.Count})"));
        foreach (var f in blocked)
        {
            text.AppendLine(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  ! {RuleTerms.Protocol(f.Protocol)} {f.Port} from {f.Source} ({f.Address}) to {f.Destination} in {string.Join(",", RuleTerms.Profiles(f.FirewallProfile))}: {FlowContract.Verdict(f.Outcome)} by {f.DecidedBy} ({f.Flow})")));
        }

        return text.ToString();
    }
}

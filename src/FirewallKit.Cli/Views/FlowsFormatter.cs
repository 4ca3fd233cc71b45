using System.Globalization;
using System.Text;
using FirewallKit.Core.Flows;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary><c>fwkit flows</c> for a person: a row per flow, pair of servers and firewall profile, then the blocked ones named.</summary>
public static class FlowsFormatter
{
    public static string Table(FlowReport report, int? width = null) => AppendTable(new StringBuilder(), report, width).ToString();

    /// <summary>The table appended to <paramref name="text"/>, which is returned.</summary>
    public static StringBuilder AppendTable(StringBuilder text, FlowReport report, int? width = null)
    {
        var fromFiles = report.RulesFrom.Where(r => r.Value != "plan").Select(r => $"{r.Key}: {r.Value}").ToList();
        text.AppendLine(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Flows between the servers of profile '{report.ProfileName}' · {report.Hosts.Count} hosts · {report.Flows.Count} flows · rules: {(fromFiles.Count == 0 ? "each host's plan" : "each host's plan, except " + string.Join("; ", fromFiles))}")));
        text.AppendLine();
        // A deployment's flows repeat a few ports, servers, profiles and flow names a million times: each text is made once.
        var ports = new Dictionary<(TransportProtocol, int), string>();
        var profiles = new Dictionary<NetworkProfiles, string>();
        var escaped = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = report.Flows.Select(f => new[]
        {
            Cached(ports, (f.Protocol, f.Port), key => string.Create(CultureInfo.InvariantCulture, $"{RuleTerms.Protocol(key.Item1)} {key.Item2}")),
            Cached(escaped, f.Source, PrintableText.Escape),
            Cached(escaped, f.Destination, PrintableText.Escape),
            Cached(profiles, f.FirewallProfile, profile => string.Join(",", RuleTerms.Profiles(profile))),
            FlowContract.Verdict(f.Outcome),
            Cached(escaped, f.Flow, PrintableText.Escape),
        });
        TextTable.Append(text, ["PORT", "FROM", "TO", "PROFILE", "VERDICT", "FLOW"], rows, width, flexibleColumn: 5);
        text.AppendLine();
        var blocked = report.Flows.Where(f => !f.Admitted).ToList();
        if (blocked.Count == 0)
        {
            text.AppendLine("Every flow the catalog names between these servers is admitted.");
            return text;
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Blocked ({blocked.Count})"));
        foreach (var f in blocked)
        {
            text.AppendLine(PrintableText.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  ! {RuleTerms.Protocol(f.Protocol)} {f.Port} from {f.Source} ({f.Address}) to {f.Destination} in {string.Join(",", RuleTerms.Profiles(f.FirewallProfile))}: {FlowContract.Verdict(f.Outcome)} by {f.DecidedBy} ({f.Flow})")));
        }

        return text;
    }

    private static string Cached<TKey>(Dictionary<TKey, string> texts, TKey key, Func<TKey, string> make)
        where TKey : notnull
    {
        if (!texts.TryGetValue(key, out var text))
        {
            texts[key] = text = make(key);
        }

        return text;
    }
}

using System.Text.Json.Nodes;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.IO;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Flows;

/// <summary>The <c>fwkit.flows/1</c> JSON of a <see cref="FlowReport"/> (docs/commands.md describes it).</summary>
public static class FlowContract
{
    public static string Write(FlowReport report) => JsonOutput.Write(new JsonObject
    {
        ["contract"] = FlowReport.ContractVersion,
        ["profile"] = report.ProfileName,
        ["allAdmitted"] = report.AllAdmitted,
        ["hosts"] = new JsonArray([.. report.Hosts.Select(h => (JsonNode)new JsonObject { ["name"] = h, ["rules"] = report.RulesFrom[h] })]),
        ["flows"] = new JsonArray([.. report.Flows.Select(f => (JsonNode)new JsonObject
        {
            ["entry"] = f.EntryId,
            ["flow"] = f.Flow,
            ["protocol"] = RuleTerms.Protocol(f.Protocol),
            ["port"] = f.Port,
            ["from"] = f.Source,
            ["to"] = f.Destination,
            ["firewallProfile"] = RuleTerms.Profiles(f.FirewallProfile).Single(),
            ["address"] = f.Address,
            ["verdict"] = Verdict(f.Outcome),
            ["decidedBy"] = f.DecidedBy,
        })]),
    });

    public static string Verdict(ConnectionOutcome outcome) => outcome switch
    {
        ConnectionOutcome.Allowed => "admitted",
        ConnectionOutcome.Blocked => "blocked",
        _ => "depends-on-machine",
    };
}

using System.Text.Json;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.IO;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Flows;

/// <summary>The <c>fwkit.flows/1</c> JSON of a <see cref="FlowReport"/> (docs/commands.md describes it).</summary>
public static class FlowContract
{
    public static string Write(FlowReport report) => JsonOutput.Write(writer => Write(writer, report));

    /// <summary>The report as UTF-8 JSON, written as it goes: a deployment of a thousand servers has millions of flows.</summary>
    public static void Write(FlowReport report, Stream output) => JsonOutput.Write(output, writer => Write(writer, report));

    private static void Write(Utf8JsonWriter writer, FlowReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("contract", FlowReport.ContractVersion);
        writer.WriteString("profile", report.ProfileName);
        writer.WriteBoolean("allAdmitted", report.AllAdmitted);
        writer.WriteStartArray("hosts");
        foreach (var host in report.Hosts)
        {
            writer.WriteStartObject();
            writer.WriteString("name", host);
            writer.WriteString("rules", report.RulesFrom[host]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("flows");
        foreach (var flow in report.Flows)
        {
            writer.WriteStartObject();
            writer.WriteString("entry", flow.EntryId);
            writer.WriteString("flow", flow.Flow);
            writer.WriteString("protocol", RuleTerms.Protocol(flow.Protocol));
            writer.WriteNumber("port", flow.Port);
            writer.WriteString("from", flow.Source);
            writer.WriteString("to", flow.Destination);
            writer.WriteString("firewallProfile", RuleTerms.Profiles(flow.FirewallProfile).Single());
            writer.WriteString("address", flow.Address);
            writer.WriteString("verdict", Verdict(flow.Outcome));
            writer.WriteString("decidedBy", flow.DecidedBy);
            writer.WriteEndObject();
            JsonOutput.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string Verdict(ConnectionOutcome outcome) => outcome switch
    {
        ConnectionOutcome.Allowed => "admitted",
        ConnectionOutcome.Blocked => "blocked",
        _ => "depends-on-machine",
    };
}

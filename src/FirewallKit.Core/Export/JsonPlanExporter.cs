using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Export;

/// <summary>
/// The plan as the documented, versioned JSON contract (<see cref="RulePlan.ContractVersion"/>)
/// that export, apply and outside tools build on. Field names and forms are the contract; add
/// fields freely, but rename or remove only with a new contract version.
/// </summary>
public sealed class JsonPlanExporter : IPlanExporter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Keep "→" and "–" readable; the output is UTF-8 and not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public string Export(RulePlan plan) => ToJson(plan).ToJsonString(Options) + "\n";

    public static JsonObject ToJson(RulePlan plan) => new()
    {
        ["contract"] = RulePlan.ContractVersion,
        ["hash"] = plan.Hash,
        ["source"] = new JsonObject
        {
            ["product"] = plan.Source.Product,
            ["catalog"] = plan.Source.CatalogId,
            ["catalogVersion"] = plan.Source.CatalogVersion,
            ["profile"] = plan.Source.ProfileName,
            ["productVersion"] = plan.Source.ProductVersion.ToString(3),
            ["topology"] = plan.Source.Topology == Topology.Cluster ? "cluster" : "single",
            ["enforcement"] = plan.Source.Enforcement == Enforcement.Strict ? "strict" : "allowOnly",
            ["ruleGroup"] = plan.Source.RuleGroup,
        },
        ["rules"] = new JsonArray([.. plan.Rules.Select(RuleToJson)]),
        ["ports"] = new JsonArray([.. plan.Ports.Select(PortToJson)]),
        ["warnings"] = new JsonArray([.. plan.Warnings.Select(w => (JsonNode)new JsonObject { ["code"] = w.Code, ["message"] = w.Message })]),
    };

    public static JsonObject RuleToJson(FirewallRule rule) => new()
    {
        ["name"] = rule.Name,
        ["displayName"] = rule.DisplayName,
        ["description"] = rule.Description,
        ["group"] = rule.Group,
        ["direction"] = rule.Direction.ToString(),
        ["action"] = rule.Action.ToString(),
        ["protocol"] = ProtocolName(rule.Protocol),
        ["localPorts"] = Strings(rule.LocalPorts),
        ["remoteAddresses"] = Strings(rule.RemoteAddresses),
        ["profiles"] = Strings(ProfileNames(rule.Profiles)),
        ["enabled"] = rule.Enabled,
    };

    private static JsonObject PortToJson(PortDecision port) => new()
    {
        ["port"] = port.Port,
        ["protocol"] = port.Protocol is { } protocol ? ProtocolName(protocol) : "Any",
        ["entries"] = Strings(port.Entries),
        ["decision"] = DecisionName(port.Decision),
        ["allowedFrom"] = new JsonArray([.. port.AllowedFrom.Select(a => (JsonNode)new JsonObject
        {
            ["audience"] = a.Audience,
            ["flow"] = a.Flow,
            ["addresses"] = Strings(a.Addresses),
        })]),
        ["reason"] = port.Reason,
        ["rules"] = Strings(port.Rules),
    };

    public static string ProtocolName(TransportProtocol protocol) => protocol == TransportProtocol.Tcp ? "TCP" : "UDP";

    public static string DecisionName(Decision decision) => decision switch
    {
        Decision.Open => "open",
        Decision.Restricted => "restricted",
        Decision.Closed => "closed",
        _ => "no-rule",
    };

    /// <summary>Windows' spelling, in Domain, Private, Public order.</summary>
    public static IReadOnlyList<string> ProfileNames(FirewallProfiles profiles) =>
        [.. new[] { FirewallProfiles.Domain, FirewallProfiles.Private, FirewallProfiles.Public }
            .Where(p => profiles.HasFlag(p))
            .Select(p => p.ToString())];

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);

}

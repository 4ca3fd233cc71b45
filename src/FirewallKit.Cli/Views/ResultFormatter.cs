using System.Globalization;
using System.Text.Json.Nodes;
using FirewallKit.Core.IO;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Validation;

namespace FirewallKit.Cli.Views;

/// <summary>
/// The <see cref="OperationReport.ContractVersion"/> summary for the outcomes that are not a firewall
/// operation's report: a validated profile, and any command that failed before it had a report (bad
/// input, exit 2; a bug, exit 10). Same fields as <see cref="OperationFormatter.Json"/>, so a tool reads
/// <c>status</c>, <c>exitCode</c> and <c>problems</c> the same way whatever the command.
/// </summary>
public static class ResultFormatter
{
    public const string Valid = "valid";

    public const string InvalidInput = "invalid-input";

    public const string Failed = "failed";

    /// <summary>The machine cannot do what was asked (exit 3), as an operation's report says it.</summary>
    public const string Blocked = "blocked";

    /// <summary>Such as <c>cluster.json: valid (29 rules, 3 warnings)</c>; a starter with placeholders says it cannot be applied yet.</summary>
    public static string ValidText(string profilePath, PlannedInputs inputs)
    {
        var (plan, placeholders) = (inputs.Plan, inputs.Profile.Placeholders.Count);
        var counts = string.Create(CultureInfo.InvariantCulture, $"{plan.Rules.Count} rules, {plan.Warnings.Count} warnings");
        return placeholders == 0
            ? $"{profilePath}: valid ({counts})\n"
            : string.Create(CultureInfo.InvariantCulture, $"{profilePath}: valid as a starter, not yet deployable: {placeholders} placeholder address(es) to replace; apply and export refuse it until then ({counts})\n");
    }

    public static string ValidJson(string profilePath, PlannedInputs inputs)
    {
        var plan = inputs.Plan;
        var json = Envelope("validate", Valid, ExitCodes.Success);
        json["profile"] = profilePath;
        json["group"] = plan.Source.RuleGroup;
        json["planHash"] = plan.Hash;
        json["rules"] = plan.Rules.Count;
        json["deployable"] = inputs.Profile.Placeholders.Count == 0;
        json["placeholders"] = JsonOutput.Strings(inputs.Profile.Placeholders);
        json["warnings"] = Warnings(plan.Warnings);
        return JsonOutput.Write(json);
    }

    /// <param name="command">The command that failed, such as <c>apply</c>.</param>
    /// <param name="errors">The input errors, each with its file, JSON path and fix (empty for a bug).</param>
    /// <param name="problems">Every problem as one line, as the log says it.</param>
    public static string FailureJson(string command, int exitCode, IReadOnlyList<InputError> errors, IReadOnlyList<string> problems)
    {
        var status = exitCode switch
        {
            ExitCodes.InvalidInput => InvalidInput,
            ExitCodes.Environment => Blocked,
            _ => Failed,
        };
        var json = Envelope(command, status, exitCode);
        json["problems"] = JsonOutput.Strings(problems);
        json["inputErrors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["file"] = e.File,
            ["path"] = e.Path,
            ["message"] = e.Message,
            ["fix"] = e.Fix,
        })]);
        return JsonOutput.Write(json);
    }

    private static JsonObject Envelope(string command, string status, int exitCode) => new()
    {
        ["contract"] = OperationReport.ContractVersion,
        ["operation"] = command,
        ["status"] = status,
        ["exitCode"] = exitCode,
        ["warnings"] = new JsonArray(),
        ["problems"] = new JsonArray(),
    };

    private static JsonArray Warnings(IEnumerable<PlanWarning> warnings) =>
        new([.. warnings.Select(w => (JsonNode)new JsonObject { ["code"] = w.Code, ["message"] = w.Message })]);
}

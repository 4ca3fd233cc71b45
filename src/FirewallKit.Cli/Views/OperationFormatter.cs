using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Cli.Views;

/// <summary>
/// Prints an <see cref="OperationReport"/>: a change list by rule for people, or the versioned
/// JSON summary (<see cref="OperationReport.ContractVersion"/>) for installers. Problems and errors
/// are in the JSON; in text they go to the log, not here.
/// </summary>
public static class OperationFormatter
{
    private const int MaxAddressesShown = 4;

    public static string Text(OperationReport report)
    {
        if (report.Diff is null && report.Status == OperationStatus.Blocked)
        {
            // Nothing was compared: the reason is in the log.
            return string.Empty;
        }

        var text = new StringBuilder();
        var verify = report.Operation == "verify";
        text.Append(CultureInfo.InvariantCulture, $"{report.Operation}: rule group '{PrintableText.Escape(report.Ownership.Group)}'");
        if (report.PlanHash is { } hash)
        {
            text.Append(CultureInfo.InvariantCulture, $", plan {hash[..Math.Min(19, hash.Length)]}");
        }

        if (report.ComparedWithEmptyFirewall)
        {
            text.Append(", compared with an empty firewall (this machine has no Windows Firewall)");
        }

        text.AppendLine();
        if (report.Diff is { } diff)
        {
            // verify lists the drift only; the others list every rule, unchanged ones included.
            var shown = verify ? diff.Changes.Where(c => c.IsWrite).ToList() : diff.Changes.ToList();
            var width = shown.Count == 0 ? 0 : shown.Max(c => PrintableText.Escape(c.Name).Length);
            foreach (var change in shown)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {KindWord(change.Kind, verify),-9}  {PrintableText.Escape(change.Name).PadRight(width)}  {PrintableText.Escape(Detail(change))}").AppendLine();
            }
        }

        if (Summary(report) is { } summary)
        {
            text.AppendLine(PrintableText.Escape(summary));
        }

        return text.ToString();
    }

    public static string Json(OperationReport report, int exitCode)
    {
        var diff = report.Diff;
        var json = new JsonObject
        {
            ["contract"] = OperationReport.ContractVersion,
            ["operation"] = report.Operation,
            ["status"] = StatusName(report.Status),
            ["exitCode"] = exitCode,
            ["dryRun"] = report.DryRun,
            ["group"] = report.Ownership.Group,
            ["namePrefix"] = report.Ownership.NamePrefix,
            ["planHash"] = report.PlanHash,
            ["comparedWithEmptyFirewall"] = report.ComparedWithEmptyFirewall,
            ["backup"] = report.BackupPath,
            ["counts"] = diff is null ? null : new JsonObject
            {
                ["create"] = diff.Count(RuleChangeKind.Create),
                ["update"] = diff.Count(RuleChangeKind.Update),
                ["delete"] = diff.Count(RuleChangeKind.Delete),
                ["unchanged"] = diff.Count(RuleChangeKind.Unchanged),
            },
            ["changes"] = diff is null ? null : new JsonArray([.. diff.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = KindName(c.Kind),
                ["name"] = c.Name,
                ["fields"] = new JsonArray([.. c.Fields.Select(f => (JsonNode)JsonValue.Create(f)!)]),
                ["rules"] = c.Kind == RuleChangeKind.Delete ? c.Current.Count : 1,
            })]),
            ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode)new JsonObject { ["code"] = w.Code, ["message"] = w.Message })]),
            ["problems"] = new JsonArray([.. report.Problems.Select(p => (JsonNode)JsonValue.Create(p)!)]),
            ["error"] = report.Error,
            ["rollbackError"] = report.RollbackError,
        };
        return JsonOutput.Write(json);
    }

    public static string StatusName(OperationStatus status) => status switch
    {
        OperationStatus.Applied => "applied",
        OperationStatus.NoChanges => "no-changes",
        OperationStatus.DryRun => "dry-run",
        OperationStatus.InSync => "in-sync",
        OperationStatus.Drift => "drift",
        OperationStatus.Blocked => "blocked",
        OperationStatus.RolledBack => "rolled-back",
        _ => "rollback-failed",
    };

    public static string KindName(RuleChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static string KindWord(RuleChangeKind kind, bool verify) => (kind, verify) switch
    {
        (RuleChangeKind.Create, true) => "missing",
        (RuleChangeKind.Update, true) => "differs",
        (RuleChangeKind.Delete, true) => "extra",
        _ => KindName(kind),
    };

    private static string? Summary(OperationReport report)
    {
        var diff = report.Diff;
        return report.Status switch
        {
            OperationStatus.Applied => $"Applied: {Counts(diff!, past: true)}; read back and verified.",
            OperationStatus.NoChanges => $"No changes: {Rules(diff!.Count(RuleChangeKind.Unchanged))} already as planned; nothing was written.",
            OperationStatus.DryRun => $"Dry run: {Counts(diff!, past: false)}; nothing was written.",
            OperationStatus.Blocked when diff is not null && report.DryRun => $"Dry run: {Counts(diff, past: false)}; nothing was written.",
            OperationStatus.InSync => $"In sync: the firewall holds exactly the {Rules(diff!.Count(RuleChangeKind.Unchanged))} of the plan.",
            OperationStatus.Drift => $"Drift: {Drift(diff!)}.",
            OperationStatus.Blocked when diff is not null => $"Not applied: {Counts(diff, past: false)}; nothing was written.",
            OperationStatus.RolledBack => $"Failed and rolled back: the firewall holds the owned rules it held before (backup {report.BackupPath}).",
            OperationStatus.RollbackFailed => $"Failed, and the rollback failed too: restore the backup with `fwkit rollback --backup \"{report.BackupPath}\"`.",
            _ => null,
        };
    }

    private static string Counts(RuleDiff diff, bool past)
    {
        var parts = new List<string>();
        void Add(RuleChangeKind kind, string present, string done)
        {
            var count = diff.Count(kind);
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(past ? done : present)}"));
            }
        }

        Add(RuleChangeKind.Create, "to create", "created");
        Add(RuleChangeKind.Update, "to update", "updated");
        Add(RuleChangeKind.Delete, "to delete", "deleted");
        Add(RuleChangeKind.Unchanged, "unchanged", "unchanged");
        return parts.Count == 0 ? "no owned rules" : string.Join(", ", parts);
    }

    private static string Drift(RuleDiff diff)
    {
        var parts = new List<string>();
        void Add(RuleChangeKind kind, string word)
        {
            var count = diff.Count(kind);
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {word}"));
            }
        }

        Add(RuleChangeKind.Create, "missing");
        Add(RuleChangeKind.Update, "different");
        Add(RuleChangeKind.Delete, "extra");
        Add(RuleChangeKind.Unchanged, "as planned");
        return string.Join(", ", parts);
    }

    private static string Rules(int count) => count == 1 ? "1 rule" : string.Create(CultureInfo.InvariantCulture, $"{count} rules");

    private static string Detail(RuleChange change)
    {
        switch (change.Kind)
        {
            case RuleChangeKind.Update:
                return string.Join("; ", change.Fields.Select(f => FieldChange(f, change.Current[0], change.Desired!)));
            case RuleChangeKind.Delete:
                var rule = change.Current[0];
                return change.Current.Count > 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{Describe(rule)} ({change.Current.Count} rules with this name)")
                    : Describe(rule);
            default:
                return Describe(change.Desired!);
        }
    }

    private static string Describe(FirewallRule rule)
    {
        var text = $"{RuleTerms.Action(rule.Action)} {RuleTerms.Protocol(rule.Protocol)} {rule.LocalPorts} from {Addresses(rule.RemoteAddresses.ToTokens())}";
        return rule.Enabled ? text : text + " (disabled)";
    }

    private static string Addresses(IReadOnlyList<string> tokens)
    {
        return tokens.Count <= MaxAddressesShown
            ? string.Join(", ", tokens)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", tokens.Take(MaxAddressesShown - 1))} and {tokens.Count - MaxAddressesShown + 1} more");
    }

    /// <summary>One field's change, from the firewall's value to the desired one.</summary>
    private static string FieldChange(string field, FirewallRule from, FirewallRule to) => field switch
    {
        _ when field == RuleFields.DisplayName.Name => $"displayName '{from.DisplayName}' → '{to.DisplayName}'",
        _ when field == RuleFields.Description.Name => "description changed",
        _ when field == RuleFields.Group.Name => $"group '{from.Group}' → '{to.Group}'",
        _ when field == RuleFields.Action.Name => $"action {RuleTerms.Action(from.Action)} → {RuleTerms.Action(to.Action)}",
        _ when field == RuleFields.Protocol.Name => $"protocol {RuleTerms.Protocol(from.Protocol)} → {RuleTerms.Protocol(to.Protocol)}",
        _ when field == RuleFields.LocalPorts.Name => $"localPorts {from.LocalPorts} → {to.LocalPorts}",
        _ when field == RuleFields.RemoteAddresses.Name => AddressChange(from.RemoteAddresses, to.RemoteAddresses),
        _ when field == RuleFields.Profiles.Name => $"profiles {ProfileText(from)} → {ProfileText(to)}",
        _ when field == RuleFields.Enabled.Name => $"enabled {from.Enabled.ToString().ToLowerInvariant()} → {to.Enabled.ToString().ToLowerInvariant()}",
        _ => field,
    };

    /// <summary>What an update adds to and drops from the addresses: one moved peer reads as one address each way, however long the lists.</summary>
    private static string AddressChange(AddressSet before, AddressSet after)
    {
        if (before.IsAny || after.IsAny)
        {
            return $"remoteAddresses {Addresses(before.ToTokens())} → {Addresses(after.ToTokens())}";
        }

        static IReadOnlyList<string> Gained(AddressSet gaining, AddressSet losing) =>
        [
            .. AddressSet.FromRanges(gaining.Ranges).Except(AddressSet.FromRanges(losing.Ranges)).ToTokens(),
            .. gaining.Keywords.Except(losing.Keywords).Select(k => k.ToString()),
        ];

        var parts = new List<string>();
        if (Gained(after, before) is { Count: > 0 } added)
        {
            parts.Add("adds " + Addresses(added));
        }

        if (Gained(before, after) is { Count: > 0 } dropped)
        {
            parts.Add("drops " + Addresses(dropped));
        }

        return "remoteAddresses " + string.Join(", ", parts);
    }

    private static string ProfileText(FirewallRule rule) => string.Join(",", RuleTerms.Profiles(rule.Profiles));
}

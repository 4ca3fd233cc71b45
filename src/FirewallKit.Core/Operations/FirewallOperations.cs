using System.Globalization;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Operations;

/// <summary>
/// The one call behind each of <c>fwkit apply</c>, <c>verify</c>, <c>remove</c> and <c>rollback</c>:
/// read and validate the inputs through <see cref="Planning"/> (an input error means nothing was touched),
/// check the machine, take the apply lock for writes, then run the <see cref="RuleApplier"/>.
/// </summary>
public static class FirewallOperations
{
    /// <param name="network">The machine's interfaces, read only when an audience is LocalSubnet (see <see cref="Planning.LoadForMachine"/>).</param>
    public static OperationReport Apply(ApplyRequest request, IFirewallEnvironment environment, INetworkInterfaces network, TimeProvider clock)
    {
        var inputs = Planning.LoadForMachine(request.Plan, network);
        if (!request.DryRun)
        {
            PlaceholderCheck.Refuse(inputs.Profile, "apply");
        }

        var (plan, ownership) = (inputs.Plan, inputs.Ownership);
        return Run(new Job("apply", plan.Rules, ownership, plan.Hash, plan.Warnings, request.DryRun, CompareOnly: false, request.BackupDirectory, inputs.Catalog.CatalogVersion), environment, clock);
    }

    public static OperationReport Verify(PlanRequest request, IFirewallEnvironment environment, INetworkInterfaces network)
    {
        var inputs = Planning.LoadForMachine(request, network);
        var (plan, ownership) = (inputs.Plan, inputs.Ownership);
        return Run(new Job("verify", plan.Rules, ownership, plan.Hash, [], DryRun: false, CompareOnly: true, string.Empty), environment, TimeProvider.System);
    }

    public static OperationReport Remove(RemoveRequest request, IFirewallEnvironment environment, TimeProvider clock)
    {
        var catalog = CatalogLoader.LoadOrEmbedded(request.CatalogPath);
        var group = request.Group ?? catalog.DefaultRuleGroup;
        if (!RuleText.IsValidGroup(group))
        {
            throw new RuleGroupException(group, catalog.DefaultRuleGroup);
        }

        var ownership = new RuleOwnership(group, catalog.RuleNamePrefix);
        return Run(new Job("remove", [], ownership, null, [], request.DryRun, CompareOnly: false, request.BackupDirectory, catalog.CatalogVersion), environment, clock);
    }

    public static OperationReport Rollback(RollbackRequest request, IFirewallEnvironment environment, TimeProvider clock)
    {
        var inputs = request.ProfilePath is { } profile ? Planning.Load(new PlanRequest(profile, request.CatalogPath)) : null;
        var catalog = inputs?.Catalog ?? CatalogLoader.LoadOrEmbedded(request.CatalogPath);
        var backup = RuleBackupFile.Reader(catalog.RuleNamePrefix).Load(request.BackupPath);
        RuleBackupFile.CheckScope(
            request.BackupPath,
            backup,
            catalog,
            inputs?.Profile.RuleGroup ?? catalog.DefaultRuleGroup,
            [.. inputs?.Profile.PortOverrides.Values ?? []],
            profileGiven: inputs is not null);

        // A backup is a file anyone may have edited: what it would open beyond the plan is shown, and needs --yes.
        var widening = RollbackWidening.Compute(backup.Rules, inputs?.Plan.Rules);
        var warnings = widening.Count == 0 ? [] : new List<PlanWarning>
        {
            new("rollback-opens-more", inputs is null
                ? $"without --profile the rollback cannot be compared with the current plan; its allow rules open {string.Join("; ", widening)}"
                : $"the rollback opens more than the current plan of profile '{inputs.Profile.Name}': {string.Join("; ", widening)}"),
        };
        if (widening.Count > 0 && !request.DryRun && !request.Yes)
        {
            throw new InputException(request.BackupPath, "$.rules", warnings[0].Message + "; nothing was changed",
                "review it with --dry-run, then pass --yes to restore it anyway" + (inputs is null ? ", or pass --profile to compare it with the deployment's plan" : string.Empty));
        }

        return Run(new Job("rollback", backup.Rules, backup.Ownership, null, [.. warnings], request.DryRun, CompareOnly: false, request.BackupDirectory, catalog.CatalogVersion), environment, clock);
    }

    private sealed record Job(
        string Operation,
        ValueList<FirewallRule> Desired,
        RuleOwnership Ownership,
        string? PlanHash,
        ValueList<PlanWarning> InputWarnings,
        bool DryRun,
        bool CompareOnly,
        string BackupDirectory,
        string? CatalogVersion = null);

    private static OperationReport Run(Job job, IFirewallEnvironment environment, TimeProvider clock)
    {
        var access = job.DryRun || job.CompareOnly ? FirewallAccess.Read : FirewallAccess.Write;
        var targeted = job.Desired.Aggregate(NetworkProfiles.None, (profiles, rule) => profiles | rule.Profiles);
        var report = new OperationReport
        {
            Operation = job.Operation,
            Status = OperationStatus.Blocked,
            DryRun = job.DryRun,
            Ownership = job.Ownership,
            PlanHash = job.PlanHash,
            Warnings = job.InputWarnings,
        };

        FirewallEnvironmentState state;
        try
        {
            state = environment.Probe();
        }
#pragma warning disable CA1031 // Nothing was written: a failed probe is an environment problem to report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return report with { Problems = ["could not read the firewall's settings: " + ex.Message] };
        }

        var assessment = EnvironmentAssessment.Assess(state, targeted, access);
        report = report with { Problems = assessment.Problems, Warnings = [.. job.InputWarnings, .. assessment.Warnings] };
        if (!state.IsWindows)
        {
            // Show what a fresh machine would get, so the plan can be reviewed anywhere.
            return job.DryRun ? report with { Diff = RuleDiff.Compute(job.Desired, []), ComparedWithEmptyFirewall = true } : report;
        }

        if (!assessment.CanProceed)
        {
            return report;
        }

        using var applyLock = access == FirewallAccess.Write ? environment.TryAcquireApplyLock() : null;
        if (access == FirewallAccess.Write && applyLock is null)
        {
            return report with { Problems = [EnvironmentAssessment.LockHeld] };
        }

        if (access == FirewallAccess.Write)
        {
            try
            {
                environment.Folders.Prepare(job.BackupDirectory);
            }
            catch (FileRefusedException ex)
            {
                return report with { Problems = [$"the backup folder is refused: {ex.Problem}; nothing was changed. Fix: {ex.Fix}"] };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return report with { Problems = [$"could not prepare the backup folder '{job.BackupDirectory}' ({ex.Message}); nothing was changed"] };
            }
        }

        IFirewallStore opened;
        try
        {
            opened = environment.OpenStore();
        }
#pragma warning disable CA1031 // Nothing was written: a firewall that cannot be opened is an environment problem.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return report with { Problems = ["could not open the firewall's rules: " + ex.Message] };
        }

        using var store = opened;
        var applier = new RuleApplier(store, clock);
        var result = job.CompareOnly
            ? applier.Compare(job.Desired, job.Ownership)
            : applier.Apply(job.Desired, job.Ownership, job.Operation, job.BackupDirectory, job.DryRun, job.CatalogVersion);
        var warnings = report.Warnings.ToList();
        if (result.ForeignRules.Count > 0)
        {
            warnings.Add(new PlanWarning(
                "foreign-rules-in-group",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{result.ForeignRules.Count} rule(s) in group '{job.Ownership.Group}' were left alone: {string.Join("; ", result.ForeignRules.Select(r => $"'{r.Name}' {r.Reason}"))}")));
        }

        return report with
        {
            Status = result.Status,
            Diff = result.Diff,
            BackupPath = result.BackupPath,
            Warnings = warnings,
            Error = result.Error,
            RollbackError = result.RollbackError,
        };
    }
}

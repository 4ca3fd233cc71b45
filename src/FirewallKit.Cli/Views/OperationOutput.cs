using FirewallKit.Core.Apply;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using Serilog;

namespace FirewallKit.Cli.Views;

/// <summary>Prints an operation's report (text or JSON on stdout, problems and errors in the log) and picks its exit code.</summary>
internal static class OperationOutput
{
    public static int Write(CliHost host, OperationReport report, OutputFormat format, string? outputPath, ILogger log)
    {
        var exitCode = ExitCode(report.Status);
        log.Debug("{Operation} outcome: {Status}, plan {PlanHash}, backup {Backup}", report.Operation, OperationFormatter.StatusName(report.Status), report.PlanHash ?? "none", report.BackupPath ?? "none");
        LogWarnings(report.Warnings, log);
        host.Write(outputPath, format == OutputFormat.Json ? OperationFormatter.Json(report, exitCode) : OperationFormatter.Text(report), log);

        foreach (var problem in report.Problems)
        {
            log.Error("{Problem}", problem);
        }

        switch (report.Status)
        {
            case OperationStatus.Applied:
                log.Information("Backup of the owned rules as they were: {Backup}", report.BackupPath);
                break;
            case OperationStatus.Blocked when report.Error is not null:
                log.Error("{Error}", report.Error);
                break;
            case OperationStatus.RolledBack:
                log.Error("{Operation} failed: {Error}. The backup {Backup} was restored and verified", report.Operation, report.Error, report.BackupPath);
                break;
            case OperationStatus.RollbackFailed:
                log.Error(
                    "{Operation} failed: {Error}. Restoring the backup failed too: {RollbackError}. The owned rules may be half-changed: run `fwkit rollback --backup \"{Backup}\"` once the cause is fixed",
                    report.Operation,
                    report.Error,
                    report.RollbackError,
                    report.BackupPath);
                break;
        }

        return exitCode;
    }

    /// <summary>The plan's warnings on stderr and in the log: a script or a summary written to a file must not hide them.</summary>
    public static void LogWarnings(IEnumerable<PlanWarning> warnings, ILogger log)
    {
        foreach (var warning in warnings)
        {
            log.Warning("{Code}: {Message}", warning.Code, warning.Message);
        }
    }

    public static int ExitCode(OperationStatus status) => status switch
    {
        OperationStatus.Applied or OperationStatus.NoChanges or OperationStatus.DryRun or OperationStatus.InSync => ExitCodes.Success,
        OperationStatus.Drift => ExitCodes.Drift,
        OperationStatus.Blocked => ExitCodes.Environment,
        OperationStatus.RolledBack => ExitCodes.ApplyFailedRolledBack,
        _ => ExitCodes.RollbackFailed,
    };
}

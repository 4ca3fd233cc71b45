using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit export</c>: the plan as a PowerShell script, a netsh .cmd, the plan JSON contract, a Registry.pol or a GPO backup.</summary>
internal static class ExportCommand
{
    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var output = GlobalOptions.Output();
        var format = GlobalOptions.ExportFormat();

        var command = new Command("export", "Write a script that applies exactly the plan (PowerShell, netsh), the plan JSON, or Group Policy's own forms: a Registry.pol or a GPO backup folder.")
        {
            profile, catalog, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var exportFormat = parse.GetValue(format);
            var exported = PlanExports.Export(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog)), exportFormat, ExportFormats.Provenance(exportFormat), host.Clock);
            if (exported.Files.Count > 0)
            {
                host.WriteFiles(parse.GetValue(output), exported.Files, ExportFormats.Name(exportFormat), log);
                log.Debug("Exported plan {PlanHash} as {Format}", exported.PlanHash, ExportFormats.Name(exportFormat));
                OperationOutput.LogWarnings(exported.Warnings, log);
                return ExitCodes.Success;
            }

            // Windows PowerShell 5.1 reads a .ps1 without a byte order mark as ANSI, which would garble
            // the plan's "–" and "→"; a script sent to stdout is plain text for the pipe.
            if (PlanExports.SizeWarning(exported.Content) is { } large)
            {
                log.Warning("{Warning}", large);
            }

            host.Write(parse.GetValue(output), exported.Content, log, byteOrderMark: exportFormat == ExportFormat.PowerShell);
            log.Debug("Exported plan {PlanHash} as {Format}", exported.PlanHash, ExportFormats.Name(exportFormat));
            OperationOutput.LogWarnings(exported.Warnings, log);
            return ExitCodes.Success;
        }));
        return command;
    }
}

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
        var hostName = GlobalOptions.Host();
        var output = GlobalOptions.Output();
        var format = GlobalOptions.ExportFormat();
        var perRole = new Option<bool>("--per-role")
        {
            Description = "Write one export per distinct role set of the deployment's servers into the folder --output names, and index.json saying which host gets which.",
        };

        var command = new Command("export", "Write a script that applies exactly the plan (PowerShell, netsh), the plan JSON, or Group Policy's own forms: a Registry.pol or a GPO backup folder.")
        {
            profile, catalog, hostName, format, output, perRole,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(perRole) is null)
            {
                return;
            }

            if (result.GetResult(output) is null)
            {
                result.AddError("--per-role writes several files: give the folder for them with --output DIR.");
            }
            else if (result.GetResult(hostName) is not null)
            {
                result.AddError("--per-role exports every server's role set: give no --host.");
            }
        });
        command.SetAction(parse => host.Run(parse, log =>
        {
            var exportFormat = parse.GetValue(format);
            if (parse.GetValue(perRole))
            {
                var folder = parse.GetValue(output)!; // the validator asks for --output with --per-role
                var perRoleExport = PlanExports.ExportPerRole(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog)), exportFormat, ExportFormats.Provenance(exportFormat), host.Clock);
                Directory.CreateDirectory(folder);
                foreach (var artefact in perRoleExport.Artefacts)
                {
                    if (artefact.Files.Count > 0)
                    {
                        host.WriteFiles(Path.Combine(folder, artefact.FileName), artefact.Files, ExportFormats.Name(exportFormat), log);
                    }
                    else
                    {
                        host.Write(Path.Combine(folder, artefact.FileName), artefact.Content, log, byteOrderMark: exportFormat == ExportFormat.PowerShell);
                    }

                    log.Information("{File}: roles {Roles}, for {Hosts}", artefact.FileName, artefact.Roles.Count == 0 ? "all" : string.Join(", ", artefact.Roles), string.Join(", ", artefact.Hosts));
                }

                host.Write(Path.Combine(folder, PerRoleExport.IndexFileName), perRoleExport.Index, log);
                OperationOutput.LogWarnings(perRoleExport.Warnings, log);
                return ExitCodes.Success;
            }

            var exported = PlanExports.Export(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(hostName)), exportFormat, ExportFormats.Provenance(exportFormat), host.Clock);
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

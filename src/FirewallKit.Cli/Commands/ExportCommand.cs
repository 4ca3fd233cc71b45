using System.CommandLine;
using FirewallKit.Core.Export;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit export</c>: the plan as a PowerShell script, a netsh .cmd, or the plan JSON contract.</summary>
internal static class ExportCommand
{
    private sealed record Options(string Profile, string? Catalog, ExportFormat Format, string? Output);

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var output = GlobalOptions.Output();
        var format = GlobalOptions.ExportFormat();

        var command = new Command("export", "Write a script that applies exactly the plan: PowerShell, netsh, or the plan JSON.")
        {
            profile, catalog, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var options = new Options(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(format), parse.GetValue(output));
            var content = PlanExports.Export(new PlanRequest(options.Profile, options.Catalog), options.Format, ExportFormats.Provenance(options.Format));
            // Windows PowerShell 5.1 reads a .ps1 without a byte order mark as ANSI, which would garble
            // the plan's "–" and "→"; a script sent to stdout is plain text for the pipe.
            if (PlanExports.SizeWarning(content) is { } large)
            {
                log.Warning("{Warning}", large);
            }

            host.Write(options.Output, content, log, byteOrderMark: options.Format == ExportFormat.PowerShell);
            return ExitCodes.Success;
        }));
        return command;
    }
}

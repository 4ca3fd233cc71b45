using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit validate</c>: check a profile (and catalog) without planning output; exit 2 when invalid.</summary>
internal static class ValidateCommand
{

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var format = GlobalOptions.Format("text (the default) or table, the same one line, or json (the fwkit.result summary, with the problems when invalid).");
        var output = GlobalOptions.Output();
        var command = new Command("validate", "Check a profile against the catalog; exit 0 when valid, 2 with every problem listed when not.")
        {
            profile, catalog, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var inputs = Planning.Load(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog)));
            host.Write(parse.GetValue(output), parse.GetValue(format) == OutputFormat.Json ? ResultFormatter.ValidJson(parse.GetRequiredValue(profile), inputs) : ResultFormatter.ValidText(parse.GetRequiredValue(profile), inputs), log);
            log.Debug("Valid: plan {PlanHash}", inputs.Plan.Hash);
            OperationOutput.LogWarnings(inputs.Plan.Warnings, log);

            return ExitCodes.Success;
        }));
        return command;
    }
}

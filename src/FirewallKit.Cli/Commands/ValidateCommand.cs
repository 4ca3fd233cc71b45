using System.CommandLine;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit validate</c>: check a profile (and catalog) without planning output; exit 2 when invalid.</summary>
internal static class ValidateCommand
{
    private sealed record Options(string Profile, string? Catalog);

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var command = new Command("validate", "Check a profile against the catalog; exit 0 when valid, 2 with every problem listed when not.")
        {
            profile, catalog,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var options = new Options(parse.GetRequiredValue(profile), parse.GetValue(catalog));
            var plan = Planning.Plan(new PlanRequest(options.Profile, options.Catalog));
            host.Out.WriteLine($"{options.Profile}: valid ({plan.Rules.Count} rules, {plan.Warnings.Count} warnings)");
            foreach (var warning in plan.Warnings)
            {
                log.Warning("{Code}: {Message}", warning.Code, warning.Message);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}

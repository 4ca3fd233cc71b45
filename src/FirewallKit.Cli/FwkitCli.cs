using System.CommandLine;
using FirewallKit.Cli.Commands;
using FirewallKit.Cli.Logging;

namespace FirewallKit.Cli;

/// <summary>Builds the command tree and runs it; tests call <see cref="Run"/> in-process with their own writers.</summary>
public static class FwkitCli
{
    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand("fwkit: turn a vendor's port table and a deployment profile into Windows Firewall rules.")
        {
            GlobalOptions.Verbose,
            GlobalOptions.Quiet,
            GlobalOptions.LogFile,
        };
        root.Add(PlanCommand.GetCommand(host));
        root.Add(ValidateCommand.GetCommand(host));
        root.Add(CatalogCommand.GetCommand(host));
        root.Add(ExportCommand.GetCommand(host));
        root.Add(ApplyCommand.GetCommand(host));
        root.Add(VerifyCommand.GetCommand(host));
        root.Add(RemoveCommand.GetCommand(host));
        root.Add(RollbackCommand.GetCommand(host));
        root.Add(CheckCommand.GetCommand(host));
        root.Add(AuditCommand.GetCommand(host));

        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliHost(stdout, stderr));

    public static int Run(string[] args, CliHost host)
    {
        var (stdout, stderr) = (host.Out, host.Error);
        var parse = Build(host).Parse(args);
        if (parse.Errors.Count > 0)
        {
            using var log = LoggingSetup.Create(stderr, verbose: false, quiet: false, logFile: null);
            foreach (var error in parse.Errors)
            {
                log.Error("{Message}", error.Message);
            }

            log.Information("Run 'fwkit --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}

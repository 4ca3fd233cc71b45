using System.CommandLine;
using FirewallKit.Cli.Commands;

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
        root.Add(FlowsCommand.GetCommand(host));
        root.Add(InitCommand.GetCommand(host));
        root.Add(SchemaCommand.GetCommand(host));
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(host);

        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliHost(stdout, stderr));

    public static int Run(string[] args, CliHost host) => host.Invoke(Build(host), args);
}

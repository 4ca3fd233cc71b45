using System.CommandLine;
using FirewallKit.Core.Schemas;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit schema profile|catalog</c>: print the JSON schema this build validates against, for editors.</summary>
internal static class SchemaCommand
{
    public static Command GetCommand(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "profile or catalog." };
        Choices.AcceptOnly(name, JsonSchemas.Names, choice => "fwkit schema " + choice);
        var output = GlobalOptions.Output(hasFormat: false);
        var command = new Command("schema", "Print the JSON schema of the profile or catalog format (embedded in the tool), for editors.")
        {
            name, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            host.Write(parse.GetValue(output), JsonSchemas.Read(parse.GetRequiredValue(name).ToLowerInvariant()), log);
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit catalog</c>: list the product's ports, roles and features as the engine reads them.</summary>
internal static class CatalogCommand
{

    public static Command GetCommand(CliHost host)
    {
        var catalog = GlobalOptions.Catalog();
        var format = GlobalOptions.Format("table (the default) or text, the same for people, or json.");
        var output = GlobalOptions.Output();
        var command = new Command("catalog", "List the catalog's ports, roles, flows and features.")
        {
            catalog, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var loaded = CatalogLoader.LoadOrEmbedded(parse.GetValue(catalog));
            host.Write(parse.GetValue(output), parse.GetValue(format) == OutputFormat.Json ? CatalogFormatter.Json(loaded) : CatalogFormatter.Table(loaded), log);
            return ExitCodes.Success;
        }));
        return command;
    }
}

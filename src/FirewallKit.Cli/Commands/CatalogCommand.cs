using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit catalog</c>: list the product's ports, roles and features as the engine reads them.</summary>
internal static class CatalogCommand
{
    private sealed record Options(string? Catalog, string Format);

    public static Command GetCommand(CliHost host)
    {
        var catalog = GlobalOptions.Catalog();
        var format = GlobalOptions.Format("table or json.", "table", "json");
        var command = new Command("catalog", "List the catalog's ports, roles, flows and features.")
        {
            catalog, format,
        };
        command.SetAction(parse => host.Run(parse, _ =>
        {
            var options = new Options(parse.GetValue(catalog), parse.GetRequiredValue(format));
            var loaded = CatalogLoader.LoadOrEmbedded(options.Catalog);
            host.Out.Write(options.Format == "json" ? CatalogFormatter.Json(loaded) : CatalogFormatter.Table(loaded));
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Cli;

/// <summary>Replaces the parser's --version (the bare assembly version) with the version, commit and embedded catalog.</summary>
internal sealed class VersionAction(CliHost host) : SynchronousCommandLineAction
{
    public static string InformationalVersion { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public override int Invoke(ParseResult parseResult)
    {
        host.Out.Write(VersionFormatter.Text(InformationalVersion, CatalogLoader.LoadEmbedded()));
        host.Out.Flush();
        return ExitCodes.Success;
    }
}

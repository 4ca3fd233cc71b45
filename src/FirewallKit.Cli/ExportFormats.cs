using FirewallKit.Core.Export;
using FirewallKit.Core.IO;

namespace FirewallKit.Cli;

/// <summary>The names <c>--format</c> gives the export formats; the first is the default.</summary>
internal static class ExportFormats
{
    private static readonly (string Name, ExportFormat Format)[] All =
        [("powershell", ExportFormat.PowerShell), ("netsh", ExportFormat.Netsh), ("json", ExportFormat.Json), ("registry-pol", ExportFormat.RegistryPol), ("gpo-backup", ExportFormat.GpoBackup)];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static string Name(ExportFormat format) => All.First(f => f.Format == format).Name;

    /// <summary>The command a script's header tells its reader to run to make it again.</summary>
    public static Provenance Provenance(ExportFormat format) => new($"fwkit export --format {Name(format)}");

    /// <summary>The format named, in any case; the parser has already refused other names.</summary>
    public static ExportFormat Parse(string name) => All.First(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Format;
}

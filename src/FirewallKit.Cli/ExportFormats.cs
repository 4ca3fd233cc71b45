using FirewallKit.Core.Export;

namespace FirewallKit.Cli;

/// <summary>The names <c>--format</c> gives the export formats.</summary>
internal static class ExportFormats
{
    private static readonly (string Name, ExportFormat Format)[] All =
        [("powershell", ExportFormat.PowerShell), ("netsh", ExportFormat.Netsh), ("json", ExportFormat.Json)];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static string Name(ExportFormat format) => All.First(f => f.Format == format).Name;

    public static ExportFormat Parse(string name) => All.First(f => f.Name == name).Format;
}

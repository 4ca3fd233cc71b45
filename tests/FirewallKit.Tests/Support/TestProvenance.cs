using FirewallKit.Cli;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;

namespace FirewallKit.Tests.Support;

/// <summary>The provenance fwkit export passes, for tests that call the exporters directly: their output then matches the golden files the CLI writes.</summary>
public static class TestProvenance
{
    public static Provenance Export(ExportFormat format) => ExportFormats.Provenance(format);

    public static Provenance PowerShell => Export(ExportFormat.PowerShell);

    public static Provenance Netsh => Export(ExportFormat.Netsh);
}

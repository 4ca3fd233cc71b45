using FirewallKit.Core.Engine;

namespace FirewallKit.Core.Export;

/// <summary>What <c>fwkit export</c> does: plan the profile, then write the plan in the format asked for.</summary>
public static class PlanExport
{
    public static IReadOnlyList<IPlanExporter> Exporters { get; } =
        [new PowerShellPlanExporter(), new NetshPlanExporter(), new JsonPlanExporter()];

    public static IReadOnlyList<string> Formats { get; } = [.. Exporters.Select(e => e.Format)];

    public static IPlanExporter For(string format) =>
        Exporters.FirstOrDefault(e => e.Format == format)
        ?? throw new ArgumentException($"Unknown export format '{format}'; use one of {string.Join(", ", Formats)}.", nameof(format));

    public static string Export(string profilePath, string? catalogPath, string format) =>
        For(format).Export(PlanInputs.Plan(profilePath, catalogPath));
}

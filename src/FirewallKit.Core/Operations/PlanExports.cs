using FirewallKit.Core.Export;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit export</c>: plan the profile, then write the plan in the format asked for.</summary>
public static class PlanExports
{
    public static IReadOnlyList<IPlanExporter> Exporters { get; } =
        [new PowerShellPlanExporter(), new NetshPlanExporter(), new JsonPlanExporter()];

    public static IPlanExporter For(ExportFormat format) => Exporters.First(e => e.Format == format);

    public static string Export(PlanRequest request, ExportFormat format) => For(format).Export(Planning.Plan(request));
}

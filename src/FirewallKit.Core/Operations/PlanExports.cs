using FirewallKit.Core.Export;
using FirewallKit.Core.IO;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit export</c>: plan the profile, then write the plan in the format asked for.</summary>
public static class PlanExports
{
    public static IReadOnlyList<IPlanExporter> Exporters { get; } =
        [new PowerShellPlanExporter(), new NetshPlanExporter(), new JsonPlanExporter()];

    public static IPlanExporter For(ExportFormat format) => Exporters.First(e => e.Format == format);

    /// <summary>The plan in <paramref name="format"/>, and its warnings for the user; a profile with placeholder addresses is refused, since the script would apply them.</summary>
    /// <param name="provenance">The command that exports it again, written into a script's header as given.</param>
    public static ExportedPlan Export(PlanRequest request, ExportFormat format, Provenance provenance)
    {
        var inputs = Planning.Load(request);
        PlaceholderCheck.Refuse(inputs.Profile, "export");
        return new ExportedPlan(For(format).Export(inputs.Plan, provenance), inputs.Plan.Hash, inputs.Plan.Warnings);
    }
}

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
    /// <param name="clock">The time a GPO backup records; the system's unless a test hands in its own.</param>
    public static ExportedPlan Export(PlanRequest request, ExportFormat format, Provenance provenance, TimeProvider? clock = null)
    {
        var inputs = Planning.Load(request);
        PlaceholderCheck.Refuse(inputs.Profile, "export");
        var plan = inputs.Plan;
        return format switch
        {
            ExportFormat.RegistryPol => new ExportedPlan(string.Empty, plan.Hash, plan.Warnings) { Files = [new ExportFile(string.Empty, RegistryPolExporter.Export(plan, inputs.Profile.LocalRules, inputs.Profile.NetworkProfiles))] },
            ExportFormat.GpoBackup => new ExportedPlan(string.Empty, plan.Hash, plan.Warnings) { Files = GpoBackupExporter.Export(plan, (clock ?? TimeProvider.System).GetUtcNow(), inputs.Profile.LocalRules, inputs.Profile.NetworkProfiles) },
            _ => new ExportedPlan(For(format).Export(plan, provenance), plan.Hash, plan.Warnings),
        };
    }
}

using System.Text.Json.Nodes;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Validation;

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

    /// <summary>
    /// One export per distinct role set of the deployment's servers, named after the roles (<c>roles-cps</c>,
    /// <c>roles-pas</c>; <c>roles-all</c> for a server that names none), and the index of which host gets which:
    /// the input for one Group Policy object per role.
    /// </summary>
    public static PerRoleExport ExportPerRole(PlanRequest request, ExportFormat format, Provenance provenance)
    {
        var inputs = Planning.Load(request with { Host = null });
        PlaceholderCheck.Refuse(inputs.Profile, "export");
        if (inputs.Profile.Peers.Count == 0)
        {
            throw new InputException(inputs.Profile.Source, "$.peers", "export --per-role writes one artefact per role set of the deployment's servers, and the profile lists none", "list every server of the deployment in peers, with the roles it runs, or export without --per-role");
        }

        var warnings = new List<PlanWarning>(inputs.Plan.Warnings);
        var artefacts = Planning.HostPlans(inputs)
            .GroupBy(h => string.Join("+", h.Roles.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var name = "roles-" + (g.Key.Length == 0 ? "all" : g.Key.Replace('+', '-')) + Extension(format);
                var hosts = g.Select(h => h.Host).ToList();
                var content = For(format).Export(first.Plan, new Provenance($"{provenance.Command} --host {first.Host}"));
                return new RoleArtefact(name, [.. first.Roles.Order(StringComparer.Ordinal)], [.. hosts], content, first.Plan.Hash);
            })
            .ToList();
        var index = new JsonObject
        {
            ["contract"] = PerRoleExport.Contract,
            ["profile"] = inputs.Profile.Name,
            ["artefacts"] = new JsonArray([.. artefacts.Select(a => (JsonNode)new JsonObject
            {
                ["file"] = a.FileName,
                ["roles"] = JsonOutput.Strings(a.Roles),
                ["hosts"] = JsonOutput.Strings(a.Hosts),
                ["planHash"] = a.PlanHash,
            })]),
        };
        return new PerRoleExport([.. artefacts], JsonOutput.Write(index), [.. warnings]);
    }

    private static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.PowerShell => ".ps1",
        ExportFormat.Netsh => ".cmd",
        _ => ".json",
    };
}

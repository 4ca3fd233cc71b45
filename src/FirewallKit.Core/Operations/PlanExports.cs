using System.Text.Json.Nodes;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit export</c>: plan the profile, then write the plan in the format asked for.</summary>
public static class PlanExports
{
    public static IReadOnlyList<IPlanExporter> Exporters { get; } =
        [new PowerShellPlanExporter(), new NetshPlanExporter(), new JsonPlanExporter()];

    /// <summary>
    /// 8 MiB. The shipped profiles export to under 100 KB and 10,000 addresses to a few MB; a 200,000-address plan
    /// exports to 43 MB, which Windows PowerShell 5.1 parses slowly and a change ticket cannot be reviewed in.
    /// </summary>
    public const long LargeScriptBytes = 8L * 1024 * 1024;

    /// <summary>A warning for a script above <see cref="LargeScriptBytes"/>, or null.</summary>
    public static string? SizeWarning(string content)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(content);
        return bytes <= LargeScriptBytes
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"large-export: the export is {bytes / 1024.0 / 1024.0:0.0} MiB, above {LargeScriptBytes / 1024 / 1024} MiB: it is slow to run and hard to review; list subnets and ranges (10.0.0.0/24, 10.0.0.1-10.0.0.9) instead of single addresses where you can");
    }

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

    /// <summary>
    /// One export per distinct role set of the deployment's servers, named after the roles (<c>roles-cps</c>,
    /// <c>roles-pas</c>; <c>roles-all</c> for a server that names none), and the index of which host gets which:
    /// the input for one Group Policy object per role.
    /// </summary>
    public static PerRoleExport ExportPerRole(PlanRequest request, ExportFormat format, Provenance provenance, TimeProvider? clock = null)
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
                var roles = g.Key.Length == 0 ? "all roles" : g.Key;
                var profile = inputs.Profile;
                return format switch
                {
                    ExportFormat.RegistryPol => new RoleArtefact(name, [.. first.Roles.Order(StringComparer.Ordinal)], [.. hosts], string.Empty, first.Plan.Hash)
                    {
                        Files = [new ExportFile(string.Empty, RegistryPolExporter.Export(first.Plan, profile.LocalRules, profile.NetworkProfiles))],
                    },
                    ExportFormat.GpoBackup => new RoleArtefact(name, [.. first.Roles.Order(StringComparer.Ordinal)], [.. hosts], string.Empty, first.Plan.Hash)
                    {
                        Files = GpoBackupExporter.Export(first.Plan, (clock ?? TimeProvider.System).GetUtcNow(), profile.LocalRules, profile.NetworkProfiles, roles),
                    },
                    _ => new RoleArtefact(name, [.. first.Roles.Order(StringComparer.Ordinal)], [.. hosts], For(format).Export(first.Plan, new Provenance($"{provenance.Command} --host {first.Host}")), first.Plan.Hash),
                };
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
        ExportFormat.RegistryPol => ".pol",
        ExportFormat.GpoBackup => string.Empty,
        _ => ".json",
    };
}

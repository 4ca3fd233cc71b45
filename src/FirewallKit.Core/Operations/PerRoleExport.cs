using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>
/// <c>export --per-role</c>: one artefact per distinct role set of the deployment's servers (servers with the same
/// roles share one), and the index (<see cref="IndexFileName"/>, contract <see cref="Contract"/>) of which host gets which.
/// </summary>
public sealed record PerRoleExport(ValueList<RoleArtefact> Artefacts, string Index, ValueList<PlanWarning> Warnings)
{
    public const string Contract = "fwkit.per-role/1";

    public const string IndexFileName = "index.json";
}

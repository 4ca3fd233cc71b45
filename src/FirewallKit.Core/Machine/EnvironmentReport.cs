using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Machine;

/// <summary><see cref="Problems"/> stop the operation (exit 3); <see cref="Warnings"/> do not.</summary>
public sealed record EnvironmentReport(ValueList<string> Problems, ValueList<PlanWarning> Warnings)
{
    public bool CanProceed => Problems.Count == 0;
}

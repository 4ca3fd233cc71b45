using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary><see cref="Problems"/> stop the operation (exit 3); <see cref="Warnings"/> do not.</summary>
public sealed record EnvironmentReport(IReadOnlyList<string> Problems, IReadOnlyList<PlanWarning> Warnings)
{
    public bool CanProceed => Problems.Count == 0;
}

using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;

namespace FirewallKit.Tests.Support;

/// <summary>The plans of the shipped profiles (profiles/*.json) with the embedded catalog.</summary>
public static class ShippedPlans
{
    public static RulePlan Of(string profile) => Planning.Plan(new PlanRequest(RepoPaths.Profile(profile)));
}

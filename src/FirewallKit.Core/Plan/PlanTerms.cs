namespace FirewallKit.Core.Plan;

/// <summary>The plan's words (a port's decision) as text.</summary>
public static class PlanTerms
{
    public static string Decision(Decision decision) => decision switch
    {
        Plan.Decision.Open => "open",
        Plan.Decision.Restricted => "restricted",
        Plan.Decision.Closed => "closed",
        _ => "no-rule",
    };
}

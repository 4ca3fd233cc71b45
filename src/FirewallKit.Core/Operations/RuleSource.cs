namespace FirewallKit.Core.Operations;

/// <summary>Where <c>fwkit check</c> takes its rules from: a profile's plan, or a rule-set file.</summary>
public abstract record RuleSource
{
    private RuleSource()
    {
    }

    /// <summary>The rules of a profile's plan.</summary>
    public sealed record OfPlan(PlanRequest Request) : RuleSource;

    /// <summary>The <c>rules</c> array of a plan in the JSON contract, an export or a backup.</summary>
    public sealed record OfFile(string Path) : RuleSource;
}

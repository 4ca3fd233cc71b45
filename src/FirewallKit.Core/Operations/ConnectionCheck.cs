using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit check</c>'s one call: take the rules from their source and ask whether the connection gets through.</summary>
public static class ConnectionCheck
{
    public static CheckResult Run(CheckRequest request)
    {
        var (rules, source) = request.Rules switch
        {
            RuleSource.OfPlan plan => (Planning.Plan(plan.Request).Rules, $"the plan of {plan.Request.ProfilePath}"),
            RuleSource.OfFile file => (PlanContract.RuleReader.Load(file.Path), file.Path),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Rules, "Unknown rule source."),
        };
        return new CheckResult(request.Query, source, rules.Count, [.. FirewallEvaluator.Of(rules).EvaluateEachProfile(request.Query, request.Only)]);
    }
}

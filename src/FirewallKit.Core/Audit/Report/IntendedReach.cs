using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Audit;

/// <summary>Who the plan means to reach a port: <see cref="Addresses"/> (loopback left out) and any keyword audiences of the profile.</summary>
public sealed record IntendedReach(Decision Decision, AddressBlock Addresses, IReadOnlyList<string> Keywords, IReadOnlyList<string> PlanRules)
{
    /// <summary>The intent of one row of the plan's decision table; null for rows the plan writes no rule for.</summary>
    public static IntendedReach? Of(PortDecision decision)
    {
        var tokens = decision.AllowedFrom.SelectMany(s => s.Addresses).ToList();
        var parsed = tokens.Count == 0 ? new RuleAddresses(AddressBlock.Empty, []) : RuleAddresses.Parse(tokens);
        var addresses = decision.Decision switch
        {
            Decision.Open => AddressBlock.Any,
            Decision.Restricted => parsed.Literal,
            Decision.Closed => AddressBlock.Empty,
            _ => null,
        };
        return addresses is null
            ? null
            : new IntendedReach(decision.Decision, addresses.Except(AddressBlock.Loopback), decision.Decision == Decision.Restricted ? parsed.Keywords : [], decision.Rules);
    }
}

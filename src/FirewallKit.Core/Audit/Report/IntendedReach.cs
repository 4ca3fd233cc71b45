using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Audit;

/// <summary>Who the plan means to reach a port: <see cref="Addresses"/> (literal, loopback and <c>::</c> left out) and any keyword audiences of the profile.</summary>
public sealed record IntendedReach(Decision Decision, AddressSet Addresses, IReadOnlyList<AddressKeyword> Keywords, IReadOnlyList<string> PlanRules)
{
    /// <summary>No one: the intent in a firewall profile the plan writes no rules for.</summary>
    public static readonly IntendedReach Closed = new(Decision.Closed, AddressSet.Empty, [], []);

    /// <summary>The intent of one row of the plan's decision table; null for rows the plan writes no rule for.</summary>
    public static IntendedReach? Of(PortDecision decision)
    {
        // The planner's own union of the row's audiences: the set its rules were written from.
        var allowed = decision.Allowed;
        var addresses = decision.Decision switch
        {
            Decision.Open => AddressSet.Any,
            Decision.Restricted => AuditSets.Literals(allowed),
            Decision.Closed => AddressSet.Empty,
            _ => null,
        };
        return addresses is null
            ? null
            : new IntendedReach(decision.Decision, addresses.Except(OutsideRules.Addresses), decision.Decision == Decision.Restricted ? allowed.Keywords : [], decision.Rules);
    }
}

using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Apply;

/// <summary>
/// What a store holds in one group: the rules it could read into the plan's model, and the ones
/// it could not (<see cref="Unrepresentable"/>), which fwkit reports and never touches.
/// </summary>
public sealed record RuleListing(ValueList<FirewallRule> Rules, ValueList<ForeignRule> Unrepresentable)
{
    public static RuleListing Of(IEnumerable<FirewallRule> rules) => new([.. rules], []);
}

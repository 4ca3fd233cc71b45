using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Apply;

/// <summary>
/// What apply does with one rule name. <see cref="Current"/> holds what the firewall has under the
/// name (several rules when it holds duplicates, which a delete removes together);
/// <see cref="Fields"/> lists what an update changes.
/// </summary>
public sealed record RuleChange(
    RuleChangeKind Kind,
    string Name,
    FirewallRule? Desired,
    ValueList<FirewallRule> Current,
    ValueList<string> Fields)
{
    public bool IsWrite => Kind != RuleChangeKind.Unchanged;

    /// <summary>The rule as it will be after the change, or as it was for a delete.</summary>
    public FirewallRule Subject => Desired ?? Current[0];
}

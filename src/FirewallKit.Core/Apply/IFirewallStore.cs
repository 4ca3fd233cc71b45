using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary>
/// A firewall's rule store, in the plan's typed model: the store turns the firewall's own forms
/// (<c>10.0.0.1/255.255.255.255</c>, <c>*</c>) into typed values, so rules compare by value.
/// Writes touch only the rules named. Disposing releases the connection to the firewall.
/// </summary>
public interface IFirewallStore : IDisposable
{
    /// <summary>Every rule whose group is exactly <paramref name="group"/> (duplicates of a name included).</summary>
    IReadOnlyList<FirewallRule> List(string group);

    /// <summary>Adds the rule, enabled as the rule says.</summary>
    void Add(FirewallRule rule);

    /// <summary>Rewrites the one rule named <c>rule.Name</c> in <c>rule.Group</c> to match <paramref name="rule"/>.</summary>
    void Update(FirewallRule rule);

    /// <summary>Removes every rule named <paramref name="name"/> in <paramref name="group"/>, and no rule of another group.</summary>
    void Remove(string group, string name);
}

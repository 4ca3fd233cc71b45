using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Apply;

/// <summary>
/// A firewall's rule store, in the plan's typed model: the store turns the firewall's own forms
/// (<c>10.0.0.1/255.255.255.255</c>, <c>*</c>) into typed values, so rules compare by value.
/// Writes touch only the rules named, and never a rule the store could not represent.
/// Disposing releases the connection to the firewall.
/// </summary>
public interface IFirewallStore : IDisposable
{
    /// <summary>
    /// Every rule whose group is exactly <paramref name="group"/> (duplicates of a name included);
    /// those the store cannot represent are listed apart, with the reason, and are never fatal.
    /// </summary>
    RuleListing List(string group);

    /// <summary>
    /// <paramref name="desired"/> as this store would hold it and read it back (the same packets
    /// matched, in the store's own forms), so a diff against <see cref="List"/> sees only real
    /// differences. Throws <see cref="FirewallStoreException"/>, naming the rule and the fix, for
    /// a rule the store cannot hold; it is called before anything is written.
    /// </summary>
    IReadOnlyList<FirewallRule> Prepare(IReadOnlyList<FirewallRule> desired);

    /// <summary>Adds the rule, enabled as the rule says.</summary>
    void Add(FirewallRule rule);

    /// <summary>Rewrites the one rule named <c>rule.Name</c> in <c>rule.Group</c> to match <paramref name="rule"/>.</summary>
    void Update(FirewallRule rule);

    /// <summary>Removes every rule named <paramref name="name"/> in <paramref name="group"/>, and no rule of another group.</summary>
    void Remove(string group, string name);
}

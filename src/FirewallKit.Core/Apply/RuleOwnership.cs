using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary>
/// Which rules fwkit may change: those in its rule group whose names start with the catalog's
/// prefix and a dash. Both must hold, so a profile that names someone else's group by mistake
/// still cannot delete their rules, and a rule copied into the group by hand is left alone.
/// </summary>
public sealed record RuleOwnership(string Group, string NamePrefix)
{
    public bool Owns(FirewallRule rule) => rule.Group == Group && OwnsName(rule.Name);

    public bool OwnsName(string name) =>
        name.Length > NamePrefix.Length + 1
        && name.StartsWith(NamePrefix, StringComparison.Ordinal)
        && name[NamePrefix.Length] == '-';
}

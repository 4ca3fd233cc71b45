namespace FirewallKit.Core.Rules;

/// <summary>
/// Where a rule comes from. A Group Policy that does not honour local rules makes Windows ignore
/// <see cref="Local"/> rules; rules from every other store still apply.
/// </summary>
public enum RuleStore
{
    /// <summary>The machine's own store (netsh "Local Setting", PowerShell PolicyStoreSourceType Local).</summary>
    Local,

    /// <summary>Applied by Group Policy.</summary>
    GroupPolicy,

    /// <summary>Another store Windows merges (Dynamic, Generated, Hardcoded, MDM).</summary>
    Other,

    /// <summary>The dump does not say; the rule is treated as applying.</summary>
    Unknown,
}

namespace FirewallKit.Core.Profiles;

/// <summary>
/// What the profile's <c>groupPolicy.localRules</c> asks of Group Policy exports: nothing (the profiles' settings are
/// left alone), or firewall on, inbound Block and local rules merged or ignored (<c>AllowLocalPolicyMerge</c>).
/// </summary>
public enum GroupPolicyLocalRules
{
    /// <summary>No <c>groupPolicy</c> in the profile: the exports hold rules only.</summary>
    NotManaged,

    /// <summary>Local rules still apply beside the GPO's.</summary>
    Merge,

    /// <summary>Windows ignores every local rule; only Group Policy's count.</summary>
    Ignore,
}

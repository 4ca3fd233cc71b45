namespace FirewallKit.Core.Profiles;

/// <summary>How hard the rules hold.</summary>
public enum Enforcement
{
    /// <summary>
    /// Allow rules for who may connect plus block rules for everyone else. Block rules win over
    /// any allow rule, including the broad program rules a product's installer adds.
    /// </summary>
    Strict,

    /// <summary>Allow rules only; relies on the default inbound action (block) for everyone else.</summary>
    AllowOnly,
}

namespace FirewallKit.Core.RuleWords;

/// <summary>The kinds of network interface a rule applies to; <see cref="Any"/> (no bits) is all of them.</summary>
[Flags]
public enum InterfaceTypes
{
    Any = 0,
    Lan = 1,
    Wireless = 2,
    RemoteAccess = 4,
}

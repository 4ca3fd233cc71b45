namespace FirewallKit.Core.RuleWords;

/// <summary>The Windows Firewall network profiles a rule applies to (same bits as the COM API's NET_FW_PROFILE_TYPE2).</summary>
[Flags]
public enum NetworkProfiles
{
    None = 0,
    Domain = 1,
    Private = 2,
    Public = 4,
    All = Domain | Private | Public,
}

using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Registry;

/// <summary>Where Windows keeps firewall rules and profile settings in the registry ([MS-GPFAS] 2.2.1, 2.2.2.19).</summary>
public static class FirewallPolicyKeys
{
    /// <summary>The Group Policy root, in a GPO's Machine\registry.pol and under HKLM.</summary>
    public const string GroupPolicy = @"Software\Policies\Microsoft\WindowsFirewall";

    public const string GroupPolicyRules = GroupPolicy + @"\FirewallRules";

    /// <summary>The local store under HKLM; its private profile's key is StandardProfile.</summary>
    public const string Local = @"SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy";

    public const string RulesKeyName = "FirewallRules";

    public const string EnableFirewall = "EnableFirewall";

    public const string DefaultInboundAction = "DefaultInboundAction";

    public const string AllowLocalPolicyMerge = "AllowLocalPolicyMerge";

    public const string DoNotAllowExceptions = "DoNotAllowExceptions";

    /// <summary>The profile key's name in Group Policy (<c>PrivateProfile</c>) and in the local store and a .wfw (<c>StandardProfile</c>).</summary>
    public static readonly IReadOnlyList<(string Key, RuleWords.NetworkProfiles Profile)> ProfileKeys =
    [
        ("DomainProfile", RuleWords.NetworkProfiles.Domain),
        ("PrivateProfile", RuleWords.NetworkProfiles.Private),
        ("StandardProfile", RuleWords.NetworkProfiles.Private),
        ("PublicProfile", RuleWords.NetworkProfiles.Public),
    ];
}

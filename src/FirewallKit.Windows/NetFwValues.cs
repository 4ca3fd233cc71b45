namespace FirewallKit.Windows;

/// <summary>The values the COM API (icftypes.h) uses for the fields fwkit writes.</summary>
public static class NetFwValues
{
    /// <summary>NET_FW_IP_PROTOCOL: IANA protocol numbers.</summary>
    public const int ProtocolTcp = 6;
    public const int ProtocolUdp = 17;
    public const int ProtocolIcmpV4 = 1;
    public const int ProtocolIcmpV6 = 58;

    /// <summary>NET_FW_IP_PROTOCOL_ANY.</summary>
    public const int ProtocolAny = 256;

    /// <summary>NET_FW_RULE_DIRECTION.</summary>
    public const int DirectionIn = 1;
    public const int DirectionOut = 2;

    /// <summary>NET_FW_ACTION (not the CIM or MS-FASP numbering).</summary>
    public const int ActionBlock = 0;
    public const int ActionAllow = 1;

    /// <summary>NET_FW_PROFILE_TYPE2: the bits match <see cref="Core.RuleWords.NetworkProfiles"/>; All is its own value.</summary>
    public const int ProfileDomain = 0x1;
    public const int ProfilePrivate = 0x2;
    public const int ProfilePublic = 0x4;
    public const int ProfileAll = 0x7FFFFFFF;

    /// <summary>NET_FW_MODIFY_STATE (INetFwPolicy2.LocalPolicyModifyState).</summary>
    public const int ModifyStateOk = 0;
    public const int ModifyStateGroupPolicyOverride = 1;
    public const int ModifyStateInboundBlocked = 2;

    /// <summary>"Any" in address and port lists; it must be the only token.</summary>
    public const string Any = "*";

    /// <summary>What Windows reads back for "every interface type".</summary>
    public const string AllInterfaceTypes = "All";
}

namespace FirewallKit.Core.Addresses;

/// <summary>The remote-address keywords Windows Firewall accepts, spelled as Windows writes them.</summary>
#pragma warning disable CA1707, CA1720 // The members are Windows' own spellings (DNS, WINS), written back verbatim.
public enum AddressKeywordName
{
    Any,
    LocalSubnet,
    DNS,
    DHCP,
    WINS,
    DefaultGateway,
    Internet,
    Intranet,
    IntranetRemoteAccess,
    PlayToDevice,
    CaptivePortal,
}
#pragma warning restore CA1707, CA1720

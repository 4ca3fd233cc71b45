using FirewallKit.Core.RuleWords;

// The NetSecurity module's generated enum types, with the names and CIM values of the real ones
// (reference: netsecurity-cmdlets.md section 2), so the stub cmdlets bind arguments exactly as
// Windows does: -Enabled takes 'True'/'False' or 1/2 and refuses $true.
#pragma warning disable CA1008, CA1028, CA1027, CA1069, CA1711, CA1720, CA1724, CA2217
namespace Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity;

public enum Enabled : ushort
{
    True = 1,
    False = 2,
}

public enum Direction : ushort
{
    Inbound = 1,
    Outbound = 2,
}

public enum Action : ushort
{
    NotConfigured = 0,
    Allow = 2,
    Block = 4,
}

[Flags]
public enum Profile : ushort
{
    Any = 0,
    Domain = 1,
    Private = 2,
    Public = 4,
    NotApplicable = 65535,
}

public enum EdgeTraversal : ushort
{
    Block = 0,
    Allow = 1,
    DeferToUser = 2,
    DeferToApp = 3,
}

public enum DynamicTransport : ushort
{
    Any = 0,
    ProximityApps = 1,
    ProximitySharing = 2,
    WifiDirectPrinting = 3,
    WifiDirectDisplay = 4,
    WifiDirectDevices = 5,
}

public enum InterfaceType : ushort
{
    Any = 0,
    Wired = 1,
    Wireless = 2,
    RemoteAccess = 4,
}

public enum Authentication : ushort
{
    NotRequired = 0,
    Required = 1,
    NoEncap = 2,
}

public enum Encryption : ushort
{
    NotRequired = 0,
    Required = 1,
    Dynamic = 2,
}

public enum PrimaryStatus : ushort
{
    Unknown = 0,
    OK = 1,
    Inactive = 2,
    Error = 3,
}

public enum PolicyStoreType : ushort
{
    None = 0,
    Local = 1,
    GroupPolicy = 2,
    Dynamic = 3,
    Generated = 4,
    Hardcoded = 5,
}

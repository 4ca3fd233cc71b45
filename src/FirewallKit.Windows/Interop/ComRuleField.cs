using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// The INetFwRule3 properties that decide which packets a rule matches or what it does to them,
/// in netfw.h order. Each is one put on the COM object.
/// </summary>
public enum ComRuleField
{
    Name,
    Description,
    ApplicationName,
    ServiceName,
    Protocol,
    LocalPorts,
    RemotePorts,
    LocalAddresses,
    RemoteAddresses,
    IcmpTypesAndCodes,
    Direction,
    Interfaces,
    InterfaceTypes,
    Enabled,
    Grouping,
    Profiles,
    EdgeTraversal,
    Action,
    EdgeTraversalOptions,
    LocalAppPackageId,
    LocalUserOwner,
    LocalUserAuthorizedList,
    RemoteUserAuthorizedList,
    RemoteMachineAuthorizedList,
    SecureFlags,
}

using FirewallKit.Core.RuleWords;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

/// <summary>Rule records for the COM interop tests, in the form Windows reads them back.</summary>
internal static class ComRuleRecords
{
    public const string Group = "FirewallKit";

    /// <summary>An enabled inbound TCP allow rule from <paramref name="remote"/> to <paramref name="port"/>.</summary>
    public static ComRuleRecord Allow(string name, string port = "443", string remote = "10.0.0.0/255.0.0.0") => new()
    {
        Name = name,
        Description = "fwkit rule",
        Grouping = Group,
        Protocol = 6,
        LocalPorts = port,
        RemotePorts = "*",
        LocalAddresses = "*",
        RemoteAddresses = remote,
        Direction = 1,
        InterfaceTypes = "All",
        Enabled = true,
        Profiles = 0x7FFFFFFF,
        Action = 1,
    };

    /// <summary>Every field away from a new rule's default, each already in read-back form.</summary>
    public static ComRuleRecord EveryFieldSet(string name) => Allow(name) with
    {
        ApplicationName = @"%SystemRoot%\System32\svchost.exe",
        ServiceName = "Spooler",
        RemotePorts = "1024-65535",
        LocalAddresses = "192.168.1.10/255.255.255.255",
        RemoteAddresses = "LocalSubnet,DNS,10.0.0.0/255.0.0.0,10.1.1.1-10.1.1.9,fd00::/16",
        IcmpTypesAndCodes = "8:*",
        Interfaces = ["Ethernet", "Wi-Fi"],
        InterfaceTypes = "Lan,Wireless",
        Profiles = 3,
        EdgeTraversal = true,
        EdgeTraversalOptions = 1,
        Action = 0,
        LocalAppPackageId = "S-1-15-2-1",
        LocalUserOwner = "S-1-5-21-1-2-3-1001",
        LocalUserAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001)",
        RemoteUserAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1002)",
        RemoteMachineAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1003)",
        SecureFlags = 2,
    };
}

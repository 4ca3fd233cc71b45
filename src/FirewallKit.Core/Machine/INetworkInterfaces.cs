namespace FirewallKit.Core.Machine;

/// <summary>
/// The network interfaces of the machine fwkit applies rules on: where <c>LocalSubnet</c> is resolved
/// into the prefixes the firewall itself would match. Tests hand in a fixed list.
/// </summary>
public interface INetworkInterfaces
{
    IReadOnlyList<NetworkInterfaceInfo> List();
}

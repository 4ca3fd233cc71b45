namespace FirewallKit.Core.Ports;

/// <summary>
/// The port keywords Windows Firewall resolves at run time to ports its own services use ([MS-FASP] 2.2.14
/// FW_PORT_KEYWORD; spelled as in [MS-GPFAS] 2.2.2.3).
/// </summary>
public enum PortKeyword
{
    Rpc,
    RpcEndpointMapper,
    IpHttps,
    Teredo,
    PlayToDiscovery,
    Dhcp,
    Mdns,
    CortanaOut,
    TcpCdpService,
}

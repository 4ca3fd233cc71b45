namespace FirewallKit.Core.Ports;

/// <summary>The local-port keywords Windows Firewall resolves at run time (RPC endpoints, IP-HTTPS, ...).</summary>
public enum PortKeyword
{
    Rpc,
    RpcEndpointMapper,
    IpHttps,
    Teredo,
    PlayToDiscovery,
}

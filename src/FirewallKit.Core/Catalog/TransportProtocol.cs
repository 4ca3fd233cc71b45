namespace FirewallKit.Core.Catalog;

public enum TransportProtocol
{
    Tcp,
    Udp,
}

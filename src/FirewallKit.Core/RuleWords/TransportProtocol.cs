namespace FirewallKit.Core.RuleWords;

public enum TransportProtocol
{
    Tcp,
    Udp,
}

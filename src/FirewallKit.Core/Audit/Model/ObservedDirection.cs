namespace FirewallKit.Core.Audit;

public enum ObservedDirection
{
    Inbound,
    Outbound,
}

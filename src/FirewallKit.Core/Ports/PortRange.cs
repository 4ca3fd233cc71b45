namespace FirewallKit.Core.Ports;

/// <summary>The port numbers a rule can name: 1 to 65535 (0 is not a port a service listens on).</summary>
public static class PortRange
{
    public const int Min = 1;
    public const int Max = 65535;

    public static bool Contains(int port) => port is >= Min and <= Max;
}

namespace FirewallKit.Core.Addresses;

/// <summary>The IP version of an address range; ranges never mix families.</summary>
public enum IpFamily
{
    V4,
    V6,
}

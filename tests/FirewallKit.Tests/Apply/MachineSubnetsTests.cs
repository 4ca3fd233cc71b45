using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Machine;

namespace FirewallKit.Tests.Apply;

/// <summary>
/// Issue 21.2: LocalSubnet is what Windows' own LocalSubnet is, the on-link routes of the up
/// interfaces, not each address's prefix length; tunnel and loopback interfaces are left out.
/// </summary>
public class MachineSubnetsTests
{
    private static InterfaceAddress A(string address, int prefixLength) => new(IPAddress.Parse(address), prefixLength);

    /// <summary>An Ethernet adapter with a DHCPv6 address, which Windows reports as /128, beside its /64 on-link route.</summary>
    private static NetworkInterfaceInfo DhcpV6Ethernet() => new(
        "Ethernet",
        IsUp: true,
        IsLoopback: false,
        [A("10.60.1.20", 22), A("2001:db8:60:1::25", 128), A("fe80::1:20", 64)],
        IsTunnel: false,
        [A("10.60.0.0", 22), A("10.60.1.20", 32), A("10.60.3.255", 32), A("2001:db8:60:1::", 64), A("2001:db8:60:1::25", 128), A("fe80::", 64), A("224.0.0.0", 4), A("255.255.255.255", 32), A("ff00::", 8)]);

    /// <summary>Teredo, up: its address sits in 2001::/32, and it has an on-link route for it.</summary>
    private static NetworkInterfaceInfo Teredo() => new(
        "Teredo Tunneling Pseudo-Interface",
        IsUp: true,
        IsLoopback: false,
        [A("2001:0:2851:782c:38b2:2b2c:f5ff:fe7d", 32), A("fe80::38b2:2b2c:f5ff:fe7d", 64)],
        IsTunnel: true,
        [A("2001::", 32), A("fe80::", 64)]);

    [Test]
    public void A_DHCPv6_address_reported_as_128_still_gives_its_on_link_64()
    {
        var subnets = MachineSubnets.Of([DhcpV6Ethernet()]);

        Assert.That(subnets.Subnets, Is.EqualTo(AddressSet.Parse("10.60.0.0/22", "2001:db8:60:1::/64", "fe80::/64")));
        Assert.That(subnets.Subnets.Contains(IPAddress.Parse("2001:db8:60:1::99")), Is.True, "a neighbour on the /64 is on the local subnet");
    }

    [Test]
    public void An_up_Teredo_tunnel_does_not_widen_the_local_subnet()
    {
        var subnets = MachineSubnets.Of([DhcpV6Ethernet(), Teredo()]);

        Assert.That(subnets.Subnets, Is.EqualTo(AddressSet.Parse("10.60.0.0/22", "2001:db8:60:1::/64", "fe80::/64")));
        Assert.That(subnets.Interfaces, Is.EqualTo(new[] { "Ethernet" }));
    }

    [Test]
    public void Without_a_route_table_each_address_prefix_stands_in()
    {
        var subnets = MachineSubnets.Of([DhcpV6Ethernet() with { OnLinkPrefixes = null }]);

        Assert.That(subnets.Subnets, Is.EqualTo(AddressSet.Parse("10.60.0.0/22", "2001:db8:60:1::25", "fe80::/64")));
    }

    [Test]
    public void An_on_link_default_route_is_not_a_local_subnet()
    {
        var pointToPoint = new NetworkInterfaceInfo("PPP", true, false, [A("100.64.0.7", 32)], false, [A("0.0.0.0", 0), A("100.64.0.7", 32)]);

        Assert.That(MachineSubnets.Of([pointToPoint]).Subnets, Is.EqualTo(AddressSet.Parse("100.64.0.7")));
    }
}

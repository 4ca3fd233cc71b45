using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.Versioning;
using FirewallKit.Core.Machine;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// GetIpForwardTable2 on the runner: the struct layout <see cref="IpForwardTable"/> assumes reads
/// real routes, and LocalSubnet holds each up Ethernet adapter's IPv4 subnet. Read-only.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
public class LiveRouteTableTests
{
    [Test]
    public void The_real_route_table_gives_each_up_adapters_on_link_IPv4_subnet()
    {
        LiveWindows.RequireSwitch();

        var routes = new IpForwardTable().Read();
        var interfaces = new SystemNetworkInterfaces(new IpForwardTable()).List();
        var subnets = MachineSubnets.Of(interfaces);
        TestContext.Out.WriteLine($"on-link routes: {string.Join(", ", routes.Select(r => $"{r.Destination.Address}/{r.Destination.PrefixLength} (if {r.InterfaceIndex})"))}");
        TestContext.Out.WriteLine($"LocalSubnet: {subnets.Subnets} from {string.Join(", ", subnets.Interfaces)}");

        Assert.That(routes, Is.Not.Empty);
        var ethernet = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType == NetworkInterfaceType.Ethernet)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Where(u => u.Address.AddressFamily == AddressFamily.InterNetwork)
            .ToList();
        Assert.That(ethernet, Is.Not.Empty, "the runner has an up Ethernet adapter with IPv4");
        foreach (var address in ethernet)
        {
            Assert.That(subnets.Subnets.Contains(address.Address), Is.True, $"{address.Address} is on its own local subnet");
        }
    }
}

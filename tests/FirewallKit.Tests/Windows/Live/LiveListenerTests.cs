using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// GetExtendedTcpTable and GetExtendedUdpTable on the runner: a socket this test opens is found with this
/// process's own path, so the row layouts <see cref="SocketTable"/> assumes read real tables. Read-only.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
public class LiveListenerTests
{
    [Test]
    public void A_socket_this_process_listens_on_is_found_with_this_processs_program_and_loopback_ones_are_not()
    {
        LiveWindows.RequireSwitch();
        using var wide = new TcpListener(IPAddress.Any, 0);
        using var v6 = new TcpListener(IPAddress.IPv6Any, 0);
        using var loopback = new TcpListener(IPAddress.Loopback, 0);
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Any, 0));
        wide.Start();
        v6.Start();
        loopback.Start();
        var (widePort, v6Port, loopbackPort) = (((IPEndPoint)wide.LocalEndpoint).Port, ((IPEndPoint)v6.LocalEndpoint).Port, ((IPEndPoint)loopback.LocalEndpoint).Port);
        var udpPort = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;

        var listeners = new WindowsListenerSource().Listeners();

        TestContext.Out.WriteLine($"{listeners.Count} listeners; {listeners.Count(l => l.Program is not null)} with a program");
        var self = Environment.ProcessPath;
        Assert.That(listeners.Single(l => l.Protocol == TransportProtocol.Tcp && l.Port == widePort).Program, Is.EqualTo(self).IgnoreCase);
        Assert.That(listeners.Single(l => l.Protocol == TransportProtocol.Tcp && l.Port == v6Port).LocalAddress, Is.EqualTo(IPAddress.IPv6Any));
        Assert.That(listeners.Single(l => l.Protocol == TransportProtocol.Udp && l.Port == udpPort).Program, Is.EqualTo(self).IgnoreCase);
        Assert.That(listeners.Where(l => l.Port == loopbackPort && l.Protocol == TransportProtocol.Tcp), Is.Empty, "a loopback-only socket is not reachable from the network");
    }
}

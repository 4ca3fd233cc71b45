using System.Buffers.Binary;
using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows;

/// <summary>
/// The tables GetExtendedTcpTable (TCP_TABLE_OWNER_PID_LISTENER) and GetExtendedUdpTable (UDP_TABLE_OWNER_PID)
/// return, built here field by field in the order tcpmib.h and udpmib.h declare them, and parsed where no socket
/// table can be read. The live test reads the runner's own (<see cref="Live.LiveListenerTests"/>).
/// </summary>
public class SocketTableTests
{
    private const int Listen = 2;
    private const int Established = 5;

    /// <summary>dwNumEntries, then each row as a list of DWORDs and 16-byte addresses, as the structs lay them out.</summary>
    private static byte[] Table(params object[][] rows)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes(rows.Length));
        foreach (var field in rows.SelectMany(r => r))
        {
            bytes.AddRange(field switch
            {
                IPAddress address => address.GetAddressBytes(),
                ushort port => [(byte)(port >> 8), (byte)port, 0xEE, 0xEE], // network order in the low 16 bits; the rest is undefined
                int value => BitConverter.GetBytes(value),
                _ => throw new ArgumentException("a DWORD, a port or an address"),
            });
        }

        return [.. bytes];
    }

    private static object[] Tcp4Row(int state, string local, ushort port, int pid) =>
        [state, IPAddress.Parse(local), port, IPAddress.Parse("10.9.9.9"), (ushort)55555, pid];

    private static object[] Tcp6Row(string local, ushort port, int state, int pid) =>
        [IPAddress.Parse(local), 0, port, IPAddress.Parse("fd00::9"), 0, (ushort)55555, state, pid];

    [Test]
    public void The_IPv4_TCP_listener_table_gives_listening_sockets_with_their_process_and_leaves_client_sockets_out()
    {
        var table = Table(Tcp4Row(Listen, "0.0.0.0", 5200, 1234), Tcp4Row(Established, "10.0.0.5", 49877, 99), Tcp4Row(Listen, "10.0.0.5", 443, 4));

        var sockets = SocketTable.Tcp4.Parse(table);

        Assert.That(sockets, Is.EqualTo(new[]
        {
            new OwnedSocket(TransportProtocol.Tcp, IPAddress.Any, 5200, 1234),
            new OwnedSocket(TransportProtocol.Tcp, IPAddress.Parse("10.0.0.5"), 443, 4),
        }));
    }

    [Test]
    public void The_IPv6_TCP_listener_table_is_read_past_its_scope_ids_and_remote_fields()
    {
        var table = Table(Tcp6Row("::", 6310, Listen, 777), Tcp6Row("fd00::5", 8057, Listen, 778), Tcp6Row("fd00::5", 50000, Established, 779));

        var sockets = SocketTable.Tcp6.Parse(table);

        Assert.That(sockets, Is.EqualTo(new[]
        {
            new OwnedSocket(TransportProtocol.Tcp, IPAddress.IPv6Any, 6310, 777),
            new OwnedSocket(TransportProtocol.Tcp, IPAddress.Parse("fd00::5"), 8057, 778),
        }));
    }

    [Test]
    public void The_UDP_tables_give_every_bound_socket_with_its_process()
    {
        var v4 = Table([IPAddress.Any, (ushort)5353, 1500], [IPAddress.Parse("10.0.0.5"), (ushort)137, 4]);
        var v6 = Table([IPAddress.IPv6Any, 0, (ushort)5353, 1500], [IPAddress.Parse("fe80::1"), 7, (ushort)546, 1600]);

        Assert.That(SocketTable.Udp4.Parse(v4), Is.EqualTo(new[]
        {
            new OwnedSocket(TransportProtocol.Udp, IPAddress.Any, 5353, 1500),
            new OwnedSocket(TransportProtocol.Udp, IPAddress.Parse("10.0.0.5"), 137, 4),
        }));
        Assert.That(SocketTable.Udp6.Parse(v6), Is.EqualTo(new[]
        {
            new OwnedSocket(TransportProtocol.Udp, IPAddress.IPv6Any, 5353, 1500),
            new OwnedSocket(TransportProtocol.Udp, IPAddress.Parse("fe80::1"), 546, 1600),
        }));
    }

    [Test]
    public void Loopback_only_sockets_are_left_out_and_each_listener_names_its_processs_program()
    {
        var asked = new List<int>();
        OwnedSocket[] sockets =
        [
            new(TransportProtocol.Tcp, IPAddress.Any, 5200, 1234),
            new(TransportProtocol.Tcp, IPAddress.IPv6Any, 5200, 1234),
            new(TransportProtocol.Tcp, IPAddress.Loopback, 10051, 1234),
            new(TransportProtocol.Tcp, IPAddress.IPv6Loopback, 10051, 1234),
            new(TransportProtocol.Udp, IPAddress.Parse("127.0.0.53"), 53, 2000),
            new(TransportProtocol.Udp, IPAddress.Any, 137, 4),
        ];

        var listeners = SocketTable.Listeners(sockets, pid =>
        {
            asked.Add(pid);
            return pid == 1234 ? @"C:\Program Files\PrinterOn\pas.exe" : null;
        });

        Assert.That(listeners, Is.EqualTo(new[]
        {
            new Listener(TransportProtocol.Tcp, IPAddress.Any, 5200, @"C:\Program Files\PrinterOn\pas.exe"),
            new Listener(TransportProtocol.Tcp, IPAddress.IPv6Any, 5200, @"C:\Program Files\PrinterOn\pas.exe"),
            new Listener(TransportProtocol.Udp, IPAddress.Any, 137),
        }));
        Assert.That(asked, Is.EqualTo(new[] { 1234, 4 }), "each process is looked up once");
    }
}

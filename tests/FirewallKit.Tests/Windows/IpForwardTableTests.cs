using System.Buffers.Binary;
using System.Net;
using FirewallKit.Core.Machine;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows;

/// <summary>
/// GetIpForwardTable2's MIB_IPFORWARD_TABLE2 laid out as on x64, parsed where no route table can
/// be read: only routes with an unspecified next hop are on-link. The live test reads the
/// runner's real table (<see cref="Live.LiveRouteTableTests"/>).
/// </summary>
public class IpForwardTableTests
{
    private static byte[] Table(params (int Index, string Destination, int Length, string NextHop)[] rows)
    {
        var table = new byte[IpForwardTable.FirstRow + (rows.Length * IpForwardTable.RowSize)];
        BinaryPrimitives.WriteInt32LittleEndian(table, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = table.AsSpan(IpForwardTable.FirstRow + (i * IpForwardTable.RowSize), IpForwardTable.RowSize);
            row[..8].Fill(0xAB); // the LUID: anything
            BinaryPrimitives.WriteInt32LittleEndian(row[IpForwardTable.InterfaceIndexOffset..], rows[i].Index);
            WriteAddress(row[IpForwardTable.DestinationOffset..], IPAddress.Parse(rows[i].Destination));
            row[IpForwardTable.PrefixLengthOffset] = (byte)rows[i].Length;
            WriteAddress(row[IpForwardTable.NextHopOffset..], IPAddress.Parse(rows[i].NextHop));
        }

        return table;
    }

    private static void WriteAddress(Span<byte> socketAddress, IPAddress address)
    {
        var v4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        BinaryPrimitives.WriteUInt16LittleEndian(socketAddress, v4 ? (ushort)2 : (ushort)23);
        address.GetAddressBytes().CopyTo(socketAddress[(v4 ? 4 : 8)..]);
    }

    [Test]
    public void Only_routes_with_an_unspecified_next_hop_are_on_link()
    {
        var table = Table(
            (7, "0.0.0.0", 0, "10.60.0.1"),
            (7, "10.60.0.0", 22, "0.0.0.0"),
            (7, "::", 0, "fe80::1"),
            (7, "2001:db8:60:1::", 64, "::"),
            (12, "2001::", 32, "::"));

        var routes = IpForwardTable.Parse(table);

        Assert.That(routes, Is.EqualTo(new[]
        {
            new OnLinkRoute(7, new InterfaceAddress(IPAddress.Parse("10.60.0.0"), 22)),
            new OnLinkRoute(7, new InterfaceAddress(IPAddress.Parse("2001:db8:60:1::"), 64)),
            new OnLinkRoute(12, new InterfaceAddress(IPAddress.Parse("2001::"), 32)),
        }));
    }
}

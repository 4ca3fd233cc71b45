using System.Buffers.Binary;
using System.ComponentModel;
using System.Net;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using FirewallKit.Core.Machine;

namespace FirewallKit.Windows;

/// <summary>
/// The on-link routes of the machine's IPv4 and IPv6 route table, from <c>GetIpForwardTable2</c>
/// (iphlpapi, netioapi.h): the routes whose <c>NextHop</c> is unspecified, which the
/// <c>MIB_IPFORWARD_ROW2</c> documentation says is the case for a route to an address on the
/// local link. Windows' LocalSubnet follows these, not the prefix length each address reports
/// (a DHCPv6 address reports /128).
/// https://learn.microsoft.com/windows/win32/api/netioapi/nf-netioapi-getipforwardtable2,
/// https://learn.microsoft.com/windows/win32/api/netioapi/ns-netioapi-mib_ipforward_row2
/// </summary>
public sealed partial class IpForwardTable : IOnLinkRoutes
{
    /// <summary>sizeof(MIB_IPFORWARD_ROW2) on x64 and arm64: NET_LUID 8, index 4, IP_ADDRESS_PREFIX 32, SOCKADDR_INET 28, then 32 bytes of lifetimes, metric, protocol, flags, age, origin.</summary>
    internal const int RowSize = 104;

    /// <summary>MIB_IPFORWARD_TABLE2: ULONG NumEntries, then the rows at their 8-byte alignment.</summary>
    internal const int FirstRow = 8;

    internal const int InterfaceIndexOffset = 8;
    internal const int DestinationOffset = 12;
    internal const int PrefixLengthOffset = 40;
    internal const int NextHopOffset = 44;

    private const ushort AfInet = 2;
    private const ushort AfInet6 = 23;
    private const ushort AfUnspec = 0;

    [SupportedOSPlatform("windows")]
    public IReadOnlyList<OnLinkRoute> Read()
    {
        var error = GetIpForwardTable2(AfUnspec, out var table);
        if (error != 0)
        {
            throw new Win32Exception(error, "GetIpForwardTable2 could not read the route table");
        }

        try
        {
            var count = Marshal.ReadInt32(table);
            unsafe
            {
                return Parse(new ReadOnlySpan<byte>((void*)table, FirstRow + (count * RowSize)));
            }
        }
        finally
        {
            FreeMibTable(table);
        }
    }

    /// <summary>The on-link routes of a MIB_IPFORWARD_TABLE2 laid out in memory; pure, so the layout is tested anywhere.</summary>
    internal static IReadOnlyList<OnLinkRoute> Parse(ReadOnlySpan<byte> table)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(table);
        var routes = new List<OnLinkRoute>();
        for (var i = 0; i < count; i++)
        {
            var row = table.Slice(FirstRow + (i * RowSize), RowSize);
            if (Address(row[DestinationOffset..]) is not { } destination || Address(row[NextHopOffset..]) is not { } nextHop)
            {
                continue;
            }

            if (nextHop.Equals(IPAddress.Any) || nextHop.Equals(IPAddress.IPv6Any))
            {
                routes.Add(new OnLinkRoute(
                    BinaryPrimitives.ReadInt32LittleEndian(row[InterfaceIndexOffset..]),
                    new InterfaceAddress(destination, row[PrefixLengthOffset])));
            }
        }

        return routes;
    }

    /// <summary>A SOCKADDR_INET: family (little-endian), then sockaddr_in's address at 4 or sockaddr_in6's at 8.</summary>
    private static IPAddress? Address(ReadOnlySpan<byte> socketAddress) => BinaryPrimitives.ReadUInt16LittleEndian(socketAddress) switch
    {
        AfInet => new IPAddress(socketAddress.Slice(4, 4)),
        AfInet6 => new IPAddress(socketAddress.Slice(8, 16)),
        _ => null,
    };

    [LibraryImport("iphlpapi.dll")]
    private static partial int GetIpForwardTable2(ushort family, out nint table);

    [LibraryImport("iphlpapi.dll")]
    private static partial void FreeMibTable(nint memory);
}

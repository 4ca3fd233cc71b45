using System.Buffers.Binary;
using System.Net;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows;

/// <summary>
/// The layouts of the four tables <c>GetExtendedTcpTable</c> (TCP_TABLE_OWNER_PID_LISTENER) and
/// <c>GetExtendedUdpTable</c> (UDP_TABLE_OWNER_PID) return, read from bytes so they are tested anywhere: a DWORD
/// dwNumEntries, then the rows, every field a DWORD or a byte array, so no padding (tcpmib.h, udpmib.h).
/// https://learn.microsoft.com/windows/win32/api/tcpmib/ns-tcpmib-mib_tcprow_owner_pid,
/// https://learn.microsoft.com/windows/win32/api/tcpmib/ns-tcpmib-mib_tcp6row_owner_pid,
/// https://learn.microsoft.com/windows/win32/api/udpmib/ns-udpmib-mib_udprow_owner_pid,
/// https://learn.microsoft.com/windows/win32/api/udpmib/ns-udpmib-mib_udp6row_owner_pid
/// </summary>
internal sealed record SocketTable(TransportProtocol Protocol, int RowSize, int AddressLength, int AddressOffset, int PortOffset, int ProcessIdOffset, int? StateOffset)
{
    internal const int FirstRow = 4;

    /// <summary>MIB_TCP_STATE_LISTEN: the listener class should hold nothing else, but a client socket must never count.</summary>
    internal const int TcpStateListen = 2;

    /// <summary>MIB_TCPROW_OWNER_PID: dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort, dwOwningPid.</summary>
    public static readonly SocketTable Tcp4 = new(TransportProtocol.Tcp, 24, 4, AddressOffset: 4, PortOffset: 8, ProcessIdOffset: 20, StateOffset: 0);

    /// <summary>MIB_TCP6ROW_OWNER_PID: ucLocalAddr[16], dwLocalScopeId, dwLocalPort, ucRemoteAddr[16], dwRemoteScopeId, dwRemotePort, dwState, dwOwningPid.</summary>
    public static readonly SocketTable Tcp6 = new(TransportProtocol.Tcp, 56, 16, AddressOffset: 0, PortOffset: 20, ProcessIdOffset: 52, StateOffset: 48);

    /// <summary>MIB_UDPROW_OWNER_PID: dwLocalAddr, dwLocalPort, dwOwningPid.</summary>
    public static readonly SocketTable Udp4 = new(TransportProtocol.Udp, 12, 4, AddressOffset: 0, PortOffset: 4, ProcessIdOffset: 8, StateOffset: null);

    /// <summary>MIB_UDP6ROW_OWNER_PID: ucLocalAddr[16], dwLocalScopeId, dwLocalPort, dwOwningPid.</summary>
    public static readonly SocketTable Udp6 = new(TransportProtocol.Udp, 28, 16, AddressOffset: 0, PortOffset: 20, ProcessIdOffset: 24, StateOffset: null);

    /// <summary>The listening sockets of a table laid out in memory; a TCP row in any state but LISTEN is a client's and is left out.</summary>
    public IReadOnlyList<OwnedSocket> Parse(ReadOnlySpan<byte> table)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(table);
        var sockets = new List<OwnedSocket>(count);
        for (var i = 0; i < count; i++)
        {
            var row = table.Slice(FirstRow + (i * RowSize), RowSize);
            if (StateOffset is { } state && BinaryPrimitives.ReadInt32LittleEndian(row[state..]) != TcpStateListen)
            {
                continue;
            }

            // The address bytes and the port are in network byte order; the port is the low 16 bits of its DWORD.
            sockets.Add(new OwnedSocket(
                Protocol,
                new IPAddress(row.Slice(AddressOffset, AddressLength)),
                BinaryPrimitives.ReadUInt16BigEndian(row[PortOffset..]),
                BinaryPrimitives.ReadInt32LittleEndian(row[ProcessIdOffset..])));
        }

        return sockets;
    }

    /// <summary>
    /// The listeners the audit adds: loopback-only sockets are left out (no rule filters loopback, and nothing from
    /// the network reaches them), and each keeps the path of the process that bound it, when it can be read.
    /// </summary>
    public static IReadOnlyList<Listener> Listeners(IEnumerable<OwnedSocket> sockets, Func<int, string?> programOf)
    {
        var programs = new Dictionary<int, string?>();
        return
        [
            .. sockets
                .Where(s => !IPAddress.IsLoopback(s.LocalAddress))
                .Select(s => new Listener(s.Protocol, s.LocalAddress, s.Port, Program(s.ProcessId)))
                .Distinct(),
        ];

        string? Program(int processId)
        {
            if (!programs.TryGetValue(processId, out var program))
            {
                program = programOf(processId);
                programs[processId] = program;
            }

            return program;
        }
    }
}

using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows;

/// <summary>
/// This machine's listeners with the program that owns each: the TCP sockets in LISTEN (<c>GetExtendedTcpTable</c>,
/// TCP_TABLE_OWNER_PID_LISTENER) and the bound UDP sockets (<c>GetExtendedUdpTable</c>, UDP_TABLE_OWNER_PID), IPv4
/// and IPv6, each process's image path from <c>QueryFullProcessImageName</c>. With the program known, the evaluator
/// decides a program-scoped rule instead of calling it conditional. UDP has no listening state: every bound UDP
/// socket counts. The service behind a shared svchost is not read, so service-scoped rules stay conditional.
/// https://learn.microsoft.com/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable,
/// https://learn.microsoft.com/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedudptable
/// </summary>
[SupportedOSPlatform("windows")]
public sealed partial class WindowsListenerSource : IListenerSource
{
    private const int AfInet = 2;
    private const int AfInet6 = 23;
    private const int TcpTableOwnerPidListener = 3;
    private const int UdpTableOwnerPid = 1;
    private const int ErrorInsufficientBuffer = 122;
    private const uint ProcessQueryLimitedInformation = 0x1000;

    /// <summary>The longest Win32 path with the \\?\ prefix, in characters.</summary>
    private const int MaxPath = 32767;

    public IReadOnlyList<Listener> Listeners() => SocketTable.Listeners(
        [
            .. Read(SocketTable.Tcp4, AfInet), .. Read(SocketTable.Tcp6, AfInet6),
            .. Read(SocketTable.Udp4, AfInet), .. Read(SocketTable.Udp6, AfInet6),
        ],
        ProgramOf);

    private static IReadOnlyList<OwnedSocket> Read(SocketTable layout, int family)
    {
        // The table may grow between the call that sizes it and the one that fills it: ask again with the new size.
        var size = 0;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var buffer = Marshal.AllocHGlobal(Math.Max(size, SocketTable.FirstRow));
            try
            {
                var error = layout.Protocol == TransportProtocol.Tcp
                    ? GetExtendedTcpTable(buffer, ref size, false, family, TcpTableOwnerPidListener, 0)
                    : GetExtendedUdpTable(buffer, ref size, false, family, UdpTableOwnerPid, 0);
                if (error == ErrorInsufficientBuffer)
                {
                    continue;
                }

                if (error != 0)
                {
                    throw new Win32Exception(error, $"could not read the {layout.Protocol} socket table");
                }

                unsafe
                {
                    return layout.Parse(new ReadOnlySpan<byte>((void*)buffer, size));
                }
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        throw new Win32Exception(ErrorInsufficientBuffer, $"the {layout.Protocol} socket table kept growing while it was read");
    }

    /// <summary>The image path of a process, or null when it cannot be opened (the System process, another user's process without elevation, one that has exited).</summary>
    private static string? ProgramOf(int processId)
    {
        var process = OpenProcess(ProcessQueryLimitedInformation, false, processId);
        if (process == 0)
        {
            return null;
        }

        try
        {
            var path = new char[MaxPath];
            var length = path.Length;
            unsafe
            {
                fixed (char* buffer = path)
                {
                    return QueryFullProcessImageNameW(process, 0, buffer, ref length) ? new string(path, 0, length) : null;
                }
            }
        }
        finally
        {
            CloseHandle(process);
        }
    }

    [LibraryImport("iphlpapi.dll")]
    private static partial int GetExtendedTcpTable(nint table, ref int size, [MarshalAs(UnmanagedType.Bool)] bool order, int family, int tableClass, int reserved);

    [LibraryImport("iphlpapi.dll")]
    private static partial int GetExtendedUdpTable(nint table, ref int size, [MarshalAs(UnmanagedType.Bool)] bool order, int family, int tableClass, int reserved);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inherit, int processId);

    [LibraryImport("kernel32.dll", EntryPoint = "QueryFullProcessImageNameW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool QueryFullProcessImageNameW(nint process, int flags, char* path, ref int length);

    [LibraryImport("kernel32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);
}

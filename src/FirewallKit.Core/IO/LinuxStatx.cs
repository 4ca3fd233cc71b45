using System.Runtime.InteropServices;
using System.Text;

namespace FirewallKit.Core.IO;

/// <summary>
/// statx(2): the only way on Linux to learn a path's file type (device, FIFO, socket) without opening it,
/// and opening a FIFO blocks until someone writes to it. .NET exposes permission bits only
/// (dotnet/runtime#85148). statx's result has the same layout on every architecture, unlike stat's.
/// </summary>
internal static class LinuxStatx
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int DoNotFollowLinks = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint WantTypeAndInode = 0x1 | 0x100; // STATX_TYPE | STATX_INO
    private const int NoSuchFile = 2; // ENOENT
    private const int NotADirectory = 20; // ENOTDIR

    private static bool _unavailable;

    /// <summary>The status of <paramref name="path"/>, or null when statx is not there (an old C library) or fails for another reason than a missing file.</summary>
    public static NativeFileStatus? Query(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() || _unavailable)
        {
            return null;
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        try
        {
            if (Statx(CurrentDirectory, bytes, followLinks ? 0 : DoNotFollowLinks, WantTypeAndInode, out var result) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error is NoSuchFile or NotADirectory ? new NativeFileStatus(FileKind.Missing, 0, 0) : null;
            }

            var device = ((ulong)result.DeviceMajor << 32) | result.DeviceMinor;
            return new NativeFileStatus(KindOf(result.Mode), device, result.Inode);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return null;
        }
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.RegularFile,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, out StatxResult result);

    /// <summary>struct statx from linux/stat.h: 256 bytes, of which only these fields are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxResult
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}

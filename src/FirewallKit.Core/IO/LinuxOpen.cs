using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FirewallKit.Core.IO;

/// <summary>
/// open(2) with O_NOFOLLOW and O_NONBLOCK, which .NET's FileStream cannot ask for: a path swapped for a symbolic
/// link after it was checked fails with ELOOP, and a FIFO without a reader fails with ENXIO instead of waiting.
/// </summary>
internal static class LinuxOpen
{
    private const int WriteOnly = 0x1; // O_WRONLY
    private const int Create = 0x40; // O_CREAT
    private const int Append = 0x400; // O_APPEND
    private const int NonBlocking = 0x800; // O_NONBLOCK
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int ReadWriteForAll = 0x1B6; // 0666, narrowed by the umask as for any new file

    /// <summary>An appending handle, or null where the flag values are not known (another system or architecture).</summary>
    public static SafeFileHandle? ForAppend(string path)
    {
        // O_NOFOLLOW differs by architecture (asm-generic 0x20000, arm64 0x8000).
        int? noFollow = !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 => 0x20000,
            Architecture.Arm64 or Architecture.Arm => 0x8000,
            _ => null,
        };
        if (noFollow is not { } flag)
        {
            return null;
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        var descriptor = Open(bytes, WriteOnly | Create | Append | NonBlocking | CloseOnExec | flag, ReadWriteForAll);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);
}

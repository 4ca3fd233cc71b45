using System.Runtime.InteropServices;

namespace FirewallKit.Windows.Interop;

/// <summary>The COM runtime and OLE Automation entry points fwkit calls (Windows only).</summary>
internal static partial class Ole32
{
    /// <summary>CLSCTX_SERVER: in-process, local or remote, as Activator.CreateInstance asked for.</summary>
    public const uint ClassContextServer = 0x15;

    public const uint MultiThreaded = 0x0;

    [LibraryImport("ole32.dll")]
    public static partial int CoCreateInstance(in Guid classId, nint outer, uint context, in Guid interfaceId, out nint instance);

    [LibraryImport("ole32.dll")]
    public static partial int CoInitializeEx(nint reserved, uint flags);

    [LibraryImport("oleaut32.dll")]
    public static partial int VariantClear(ref OleVariant variant);

    [LibraryImport("oleaut32.dll")]
    public static partial nint SafeArrayCreateVector(ushort elementType, int lowerBound, uint count);
}

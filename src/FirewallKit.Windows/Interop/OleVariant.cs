using System.Runtime.InteropServices;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// The VARIANT layout (oaidl.h): a VARTYPE, three reserved words, then a union as wide as two
/// pointers (16 bytes on 64-bit, 8 on 32-bit, which also covers its 8-byte double and LONGLONG
/// members). Declared here rather than using ComVariant because ComVariant is not blittable
/// unless runtime marshalling is disabled for the whole assembly. Holds no managed references;
/// whoever owns one clears it with <see cref="OleAutomation.Clear"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct OleVariant
{
    public const ushort Empty = 0;
    public const ushort Null = 1;
    public const ushort Int32 = 3;
    public const ushort BStr = 8;
    public const ushort Dispatch = 9;
    public const ushort Boolean = 11;
    public const ushort Variant = 12;
    public const ushort Unknown = 13;
    public const ushort Array = 0x2000;
    public const ushort ByRef = 0x4000;

    // Field order is the native layout.
    /// <summary>The VARTYPE.</summary>
    public ushort VarType;

    private readonly ushort _reserved1;
    private readonly ushort _reserved2;
    private readonly ushort _reserved3;

    /// <summary>The first pointer-sized word of the union: a BSTR, an interface pointer, a SAFEARRAY*, or a 32-bit value in its low half.</summary>
    public nint Value;

    private readonly nint _record;

    public readonly bool IsEmpty => VarType is Empty or Null;
}

using System.Runtime.InteropServices;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// VARIANTs and SAFEARRAYs by hand. On Windows, arrays are made and VARIANTs cleared by
/// oleaut32, so a VARIANT from the firewall is freed by the allocator that made it. Elsewhere
/// (the managed fake on Linux) there is no oleaut32: arrays are laid out the same way in
/// CoTaskMem and cleared here, which is only ever given VARIANTs this class or the runtime's
/// BSTR allocator made.
/// </summary>
public static unsafe class OleAutomation
{
    /// <summary>FADF_VARIANT: the array's elements are VARIANTs.</summary>
    private const ushort FeatureVariant = 0x0800;

    /// <summary>A VT_ARRAY|VT_VARIANT of BSTRs, or VT_EMPTY for null. The caller owns it.</summary>
    public static OleVariant CreateStringArray(IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return default;
        }

        var array = AllocateVariantVector((uint)items.Count);
        var elements = (OleVariant*)((SafeArray*)array)->Data;
        for (var i = 0; i < items.Count; i++)
        {
            elements[i] = new OleVariant { VarType = OleVariant.BStr, Value = Marshal.StringToBSTR(items[i]) };
        }

        return new OleVariant { VarType = OleVariant.Array | OleVariant.Variant, Value = array };
    }

    /// <summary>
    /// The strings of a VT_ARRAY of VARIANT or BSTR, or of a lone BSTR; null for VT_EMPTY or
    /// VT_NULL. Reads without taking ownership.
    /// </summary>
    public static IReadOnlyList<string>? ReadStrings(in OleVariant variant)
    {
        switch (variant.VarType)
        {
            case OleVariant.Empty or OleVariant.Null:
                return null;
            case OleVariant.BStr:
                return [Marshal.PtrToStringBSTR(variant.Value) ?? string.Empty];
            case OleVariant.Array | OleVariant.Variant:
            case OleVariant.Array | OleVariant.BStr:
                break;
            default:
                throw new InvalidDataException($"expected a VARIANT holding strings, found VARTYPE 0x{variant.VarType:X4}");
        }

        var array = (SafeArray*)variant.Value;
        if (array is null)
        {
            return null;
        }

        if (array->Dimensions != 1)
        {
            throw new InvalidDataException($"expected a one-dimensional SAFEARRAY, found {array->Dimensions} dimensions");
        }

        var strings = new string[array->Count];
        for (var i = 0; i < strings.Length; i++)
        {
            if ((variant.VarType & ~OleVariant.Array) == OleVariant.BStr)
            {
                strings[i] = Marshal.PtrToStringBSTR(((nint*)array->Data)[i]) ?? string.Empty;
                continue;
            }

            var element = ((OleVariant*)array->Data)[i];
            strings[i] = element.VarType == OleVariant.BStr
                ? Marshal.PtrToStringBSTR(element.Value) ?? string.Empty
                : throw new InvalidDataException($"expected a BSTR in the array, found VARTYPE 0x{element.VarType:X4}");
        }

        return strings;
    }

    /// <summary>A VT_DISPATCH VARIANT that takes over one reference on <paramref name="dispatch"/>.</summary>
    public static OleVariant FromDispatch(nint dispatch) => new() { VarType = OleVariant.Dispatch, Value = dispatch };

    /// <summary>Frees what the VARIANT owns (strings, arrays, interface references) and leaves it VT_EMPTY.</summary>
    public static void Clear(ref OleVariant variant)
    {
        if (OperatingSystem.IsWindows())
        {
            Marshal.ThrowExceptionForHR(Ole32.VariantClear(ref variant));
            return;
        }

        switch (variant.VarType)
        {
            case OleVariant.BStr:
                Marshal.FreeBSTR(variant.Value);
                break;
            case OleVariant.Dispatch or OleVariant.Unknown:
                if (variant.Value != 0)
                {
                    Marshal.Release(variant.Value);
                }

                break;
            case OleVariant.Array | OleVariant.Variant:
            case OleVariant.Array | OleVariant.BStr:
                FreeEmulatedArray((SafeArray*)variant.Value, variant.VarType);
                break;
            case OleVariant.Empty or OleVariant.Null or OleVariant.Int32 or OleVariant.Boolean:
                break;
            default:
                throw new NotSupportedException($"clearing VARTYPE 0x{variant.VarType:X4} needs oleaut32");
        }

        variant = default;
    }

    private static nint AllocateVariantVector(uint count)
    {
        if (OperatingSystem.IsWindows())
        {
            // A vector made by SafeArrayCreateVector keeps its data right after the descriptor,
            // valid without locking while only this thread knows of it.
            var created = Ole32.SafeArrayCreateVector(OleVariant.Variant, 0, count);
            return created != 0 ? created : throw new OutOfMemoryException("SafeArrayCreateVector failed");
        }

        var array = (SafeArray*)Marshal.AllocCoTaskMem(sizeof(SafeArray));
        *array = new SafeArray
        {
            Dimensions = 1,
            Features = FeatureVariant,
            ElementSize = (uint)sizeof(OleVariant),
            Data = Marshal.AllocCoTaskMem(checked((int)count * sizeof(OleVariant))),
            Count = count,
        };
        new Span<OleVariant>((void*)array->Data, (int)count).Clear();
        return (nint)array;
    }

    private static void FreeEmulatedArray(SafeArray* array, ushort varType)
    {
        if (array is null)
        {
            return;
        }

        for (var i = 0; i < array->Count; i++)
        {
            if (varType == (OleVariant.Array | OleVariant.BStr))
            {
                Marshal.FreeBSTR(((nint*)array->Data)[i]);
            }
            else
            {
                Clear(ref ((OleVariant*)array->Data)[i]);
            }
        }

        Marshal.FreeCoTaskMem(array->Data);
        Marshal.FreeCoTaskMem((nint)array);
    }

    /// <summary>A one-dimensional SAFEARRAY descriptor (oaidl.h); field order is the native layout.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SafeArray
    {
        public ushort Dimensions;
        public ushort Features;
        public uint ElementSize;
        public uint Locks;
        public nint Data;
        public uint Count;
        public int LowerBound;
    }
}

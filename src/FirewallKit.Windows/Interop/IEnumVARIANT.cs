using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>IEnumVARIANT (oaidl.h): what <see cref="INetFwRules.get__NewEnum"/> hands out.</summary>
[GeneratedComInterface]
[Guid("00020404-0000-0000-C000-000000000046")]
public unsafe partial interface IEnumVARIANT
{
    /// <summary>
    /// Writes up to <paramref name="count"/> VARIANTs, each owned by the caller; S_OK when all
    /// were fetched, S_FALSE (1) when the sequence ended first.
    /// </summary>
    [PreserveSig]
    int Next(uint count, OleVariant* variants, uint* fetched);

    [PreserveSig]
    int Skip(uint count);

    [PreserveSig]
    int Reset();

    /// <summary>An owned IEnumVARIANT pointer.</summary>
    nint Clone();
}

using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// The four IDispatch slots that every dual interface of netfw.h starts with. The COM source
/// generator takes only IUnknown-based interfaces, so the dual interfaces derive from this one to
/// keep their own methods at the vtable offsets netfw.h gives them. fwkit never calls these:
/// they are declared for the layout, and return HRESULTs so a fake can answer E_NOTIMPL.
/// </summary>
[GeneratedComInterface]
[Guid("00020400-0000-0000-C000-000000000046")]
public partial interface IDispatch
{
    [PreserveSig]
    int GetTypeInfoCount(out uint count);

    [PreserveSig]
    int GetTypeInfo(uint index, uint localeId, out nint typeInfo);

    [PreserveSig]
    int GetIDsOfNames(nint interfaceId, nint names, uint nameCount, uint localeId, nint dispatchIds);

    [PreserveSig]
    int Invoke(int dispatchId, nint interfaceId, uint localeId, ushort flags, nint parameters, nint result, nint exceptionInfo, nint argumentError);
}

using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>INetFwRules (netfw.h) in header order. Interface pointers are raw, as on <see cref="INetFwPolicy2"/>.</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("9C4C6277-5027-441E-AFAE-CA1F542DA009")]
public partial interface INetFwRules : IDispatch
{
    int get_Count();

    /// <summary>Adds an INetFwRule; the caller keeps its reference.</summary>
    void Add(nint rule);

    /// <summary>Removes one rule of that name, whichever; nothing happens when there is none.</summary>
    void Remove(string? name);

    /// <summary>
    /// An owned INetFwRule pointer. A missing name is the HRESULT
    /// <see cref="ComErrors.FileNotFound"/>, which is an answer, not a failure: hence PreserveSig.
    /// </summary>
    [PreserveSig]
    int Item(string? name, out nint rule);

    /// <summary>An owned IUnknown pointer that answers for <see cref="IEnumVARIANT"/>.</summary>
    nint get__NewEnum();
}

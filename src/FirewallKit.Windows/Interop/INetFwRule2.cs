using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>INetFwRule2 (netfw.h, Windows 7 and later).</summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("9C27C8DA-189B-4DDE-89F7-8B39A316782C")]
public partial interface INetFwRule2 : INetFwRule
{
    /// <summary>NET_FW_EDGE_TRAVERSAL_TYPE: 0 deny, 1 allow, 2 defer to app, 3 defer to user.</summary>
    int get_EdgeTraversalOptions();

    void put_EdgeTraversalOptions(int options);
}

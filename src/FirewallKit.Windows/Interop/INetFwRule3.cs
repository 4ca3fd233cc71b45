using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// INetFwRule3 (netfw.h, Windows 8 / Server 2012 and later): the interface fwkit uses for rules,
/// since the rule object implements all three and this one reaches every field.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("B21563FF-D696-4222-AB46-4E89B73AB34A")]
public partial interface INetFwRule3 : INetFwRule2
{
    string? get_LocalAppPackageId();

    void put_LocalAppPackageId(string? packageId);

    string? get_LocalUserOwner();

    void put_LocalUserOwner(string? userOwner);

    string? get_LocalUserAuthorizedList();

    void put_LocalUserAuthorizedList(string? authorizedList);

    string? get_RemoteUserAuthorizedList();

    void put_RemoteUserAuthorizedList(string? authorizedList);

    string? get_RemoteMachineAuthorizedList();

    void put_RemoteMachineAuthorizedList(string? authorizedList);

    /// <summary>NET_FW_AUTHENTICATE_TYPE.</summary>
    int get_SecureFlags();

    void put_SecureFlags(int flags);
}

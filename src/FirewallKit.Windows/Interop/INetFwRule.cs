using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// INetFwRule (netfw.h): get/put pairs in header order, DISPIDs 1 to 18. Strings are BSTRs and
/// may come back null; booleans are VARIANT_BOOL; enums (direction, action) are their numbers.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("AF230D27-BABA-4E42-ACED-F524F22CFCE2")]
public partial interface INetFwRule : IDispatch
{
    string? get_Name();

    void put_Name(string? name);

    string? get_Description();

    void put_Description(string? description);

    string? get_ApplicationName();

    void put_ApplicationName(string? imageName);

    string? get_ServiceName();

    void put_ServiceName(string? serviceName);

    int get_Protocol();

    void put_Protocol(int protocol);

    string? get_LocalPorts();

    void put_LocalPorts(string? ports);

    string? get_RemotePorts();

    void put_RemotePorts(string? ports);

    string? get_LocalAddresses();

    void put_LocalAddresses(string? addresses);

    string? get_RemoteAddresses();

    void put_RemoteAddresses(string? addresses);

    string? get_IcmpTypesAndCodes();

    void put_IcmpTypesAndCodes(string? codes);

    int get_Direction();

    void put_Direction(int direction);

    /// <summary>A VARIANT the caller owns and must clear (<see cref="OleAutomation.Clear"/>).</summary>
    OleVariant get_Interfaces();

    /// <summary>The callee copies what it needs; the caller still owns and clears the VARIANT.</summary>
    void put_Interfaces(OleVariant interfaces);

    string? get_InterfaceTypes();

    void put_InterfaceTypes(string? types);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_Enabled();

    void put_Enabled([MarshalAs(UnmanagedType.VariantBool)] bool enabled);

    string? get_Grouping();

    void put_Grouping(string? grouping);

    int get_Profiles();

    void put_Profiles(int profiles);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_EdgeTraversal();

    void put_EdgeTraversal([MarshalAs(UnmanagedType.VariantBool)] bool enabled);

    int get_Action();

    void put_Action(int action);
}

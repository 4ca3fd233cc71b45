using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// INetFwPolicy2 (netfw.h), every method in header order after the IDispatch slots. Profile
/// arguments are NET_FW_PROFILE_TYPE2 values: pass one profile, never ALL. Interface pointers
/// travel as raw owned <c>IUnknown*</c> values (wrap them in <see cref="ComReference{T}"/>): the
/// generated marshaller would unwrap a managed fake's pointer back into the managed object and
/// skip the native vtable the fake is there to exercise.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("98325047-C671-4174-8D81-DEFCD3F03186")]
public partial interface INetFwPolicy2 : IDispatch
{
    int get_CurrentProfileTypes();

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_FirewallEnabled(int profileType);

    void put_FirewallEnabled(int profileType, [MarshalAs(UnmanagedType.VariantBool)] bool enabled);

    OleVariant get_ExcludedInterfaces(int profileType);

    void put_ExcludedInterfaces(int profileType, OleVariant interfaces);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_BlockAllInboundTraffic(int profileType);

    void put_BlockAllInboundTraffic(int profileType, [MarshalAs(UnmanagedType.VariantBool)] bool block);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_NotificationsDisabled(int profileType);

    void put_NotificationsDisabled(int profileType, [MarshalAs(UnmanagedType.VariantBool)] bool disabled);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_UnicastResponsesToMulticastBroadcastDisabled(int profileType);

    void put_UnicastResponsesToMulticastBroadcastDisabled(int profileType, [MarshalAs(UnmanagedType.VariantBool)] bool disabled);

    /// <summary>An owned INetFwRules pointer.</summary>
    nint get_Rules();

    /// <summary>An owned INetFwServiceRestriction pointer.</summary>
    nint get_ServiceRestriction();

    void EnableRuleGroup(int profileTypesBitmask, string? group, [MarshalAs(UnmanagedType.VariantBool)] bool enable);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool IsRuleGroupEnabled(int profileTypesBitmask, string? group);

    void RestoreLocalFirewallDefaults();

    /// <summary>NET_FW_ACTION: 0 block, 1 allow.</summary>
    int get_DefaultInboundAction(int profileType);

    void put_DefaultInboundAction(int profileType, int action);

    int get_DefaultOutboundAction(int profileType);

    void put_DefaultOutboundAction(int profileType, int action);

    [return: MarshalAs(UnmanagedType.VariantBool)]
    bool get_IsRuleGroupCurrentlyEnabled(string? group);

    /// <summary>NET_FW_MODIFY_STATE: 0 OK, 1 group policy overrides, 2 inbound blocked.</summary>
    int get_LocalPolicyModifyState();
}

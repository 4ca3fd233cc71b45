using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// INetFwPolicy2 over a <see cref="FakeFirewall"/>. Per-profile members take one profile bit, as
/// the documentation requires; a combination is E_INVALIDARG. Group and service-restriction
/// members fwkit never calls answer E_NOTIMPL.
/// </summary>
[GeneratedComClass]
public sealed partial class FakePolicy(FakeFirewall firewall) : FakeDispatch, INetFwPolicy2
{
    private const string Name = nameof(INetFwPolicy2);

    public int get_CurrentProfileTypes()
    {
        firewall.Enter(Name, nameof(get_CurrentProfileTypes), null, commits: false);
        return firewall.CurrentProfileTypes;
    }

    public bool get_FirewallEnabled(int profileType) => Profile(nameof(get_FirewallEnabled), profileType).FirewallEnabled;

    public void put_FirewallEnabled(int profileType, bool enabled) => Profile(nameof(put_FirewallEnabled), profileType).FirewallEnabled = enabled;

    public OleVariant get_ExcludedInterfaces(int profileType)
    {
        Profile(nameof(get_ExcludedInterfaces), profileType);
        return default;
    }

    public void put_ExcludedInterfaces(int profileType, OleVariant interfaces) => throw NotImplemented(nameof(put_ExcludedInterfaces));

    public bool get_BlockAllInboundTraffic(int profileType) => Profile(nameof(get_BlockAllInboundTraffic), profileType).BlockAllInboundTraffic;

    public void put_BlockAllInboundTraffic(int profileType, bool block) => Profile(nameof(put_BlockAllInboundTraffic), profileType).BlockAllInboundTraffic = block;

    public bool get_NotificationsDisabled(int profileType) => Profile(nameof(get_NotificationsDisabled), profileType).NotificationsDisabled;

    public void put_NotificationsDisabled(int profileType, bool disabled) => Profile(nameof(put_NotificationsDisabled), profileType).NotificationsDisabled = disabled;

    public bool get_UnicastResponsesToMulticastBroadcastDisabled(int profileType) =>
        Profile(nameof(get_UnicastResponsesToMulticastBroadcastDisabled), profileType).UnicastResponsesToMulticastBroadcastDisabled;

    public void put_UnicastResponsesToMulticastBroadcastDisabled(int profileType, bool disabled) =>
        Profile(nameof(put_UnicastResponsesToMulticastBroadcastDisabled), profileType).UnicastResponsesToMulticastBroadcastDisabled = disabled;

    public nint get_Rules()
    {
        firewall.Enter(Name, nameof(get_Rules), null, commits: false);
        return FakeFirewall.Native(new FakeRules(firewall), NetFwClassIds.INetFwRules);
    }

    public nint get_ServiceRestriction() => throw NotImplemented(nameof(get_ServiceRestriction));

    public void EnableRuleGroup(int profileTypesBitmask, string? group, bool enable) => throw NotImplemented(nameof(EnableRuleGroup));

    public bool IsRuleGroupEnabled(int profileTypesBitmask, string? group) => throw NotImplemented(nameof(IsRuleGroupEnabled));

    public void RestoreLocalFirewallDefaults() => throw NotImplemented(nameof(RestoreLocalFirewallDefaults));

    public int get_DefaultInboundAction(int profileType) => Profile(nameof(get_DefaultInboundAction), profileType).DefaultInboundAction;

    public void put_DefaultInboundAction(int profileType, int action) => Profile(nameof(put_DefaultInboundAction), profileType).DefaultInboundAction = action;

    public int get_DefaultOutboundAction(int profileType) => Profile(nameof(get_DefaultOutboundAction), profileType).DefaultOutboundAction;

    public void put_DefaultOutboundAction(int profileType, int action) => Profile(nameof(put_DefaultOutboundAction), profileType).DefaultOutboundAction = action;

    public bool get_IsRuleGroupCurrentlyEnabled(string? group) => throw NotImplemented(nameof(get_IsRuleGroupCurrentlyEnabled));

    public int get_LocalPolicyModifyState()
    {
        firewall.Enter(Name, nameof(get_LocalPolicyModifyState), null, commits: false);
        return firewall.LocalPolicyModifyState;
    }

    private FakeProfileSettings Profile(string member, int profileType)
    {
        firewall.Enter(Name, member, null, commits: false);
        return firewall.Profiles.TryGetValue(profileType, out var settings)
            ? settings
            : throw new COMException($"{member} takes one profile, not 0x{profileType:X}", ComErrors.InvalidArgument);
    }

    private COMException NotImplemented(string member)
    {
        firewall.Enter(Name, member, null, commits: false);
        return new COMException($"the fake does not model {member}", ComErrors.NotImplemented);
    }
}

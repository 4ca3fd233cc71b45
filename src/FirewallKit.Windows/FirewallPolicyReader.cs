using FirewallKit.Core.Machine;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// What INetFwPolicy2 says about the firewall, as the environment's warnings need it. Apart from
/// <see cref="WindowsFirewallEnvironment"/>'s Windows-only parts so the fake policy can drive it anywhere.
/// </summary>
internal static class FirewallPolicyReader
{
    /// <summary>The per-profile settings that decide the warnings, from an open INetFwPolicy2.</summary>
    public static FirewallEnvironmentState Read(INetFwPolicy2 policy, bool elevated)
    {
        var off = NetworkProfiles.None;
        var defaultAllow = NetworkProfiles.None;
        foreach (var profile in new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public })
        {
            // One profile per call: the documentation warns against passing a combination.
            if (!policy.get_FirewallEnabled((int)profile))
            {
                off |= profile;
            }

            if (policy.get_DefaultInboundAction((int)profile) == NetFwValues.ActionAllow)
            {
                defaultAllow |= profile;
            }
        }

        var modifyState = policy.get_LocalPolicyModifyState();
        return new FirewallEnvironmentState(
            IsWindows: true,
            elevated,
            ServiceRunning: true,
            off,
            defaultAllow,
            modifyState == NetFwValues.ModifyStateGroupPolicyOverride,
            modifyState == NetFwValues.ModifyStateInboundBlocked);
    }
}

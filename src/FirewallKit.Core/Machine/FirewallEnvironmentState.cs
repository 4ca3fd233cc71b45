using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Machine;

/// <summary>
/// What a machine's firewall looks like before fwkit touches it. The profile fields are read only
/// when the firewall service runs; elsewhere they stay at their "nothing to warn about" values.
/// </summary>
public sealed record FirewallEnvironmentState(
    bool IsWindows,
    bool IsElevated,
    bool ServiceRunning,
    NetworkProfiles FirewallOff = NetworkProfiles.None,
    NetworkProfiles DefaultInboundAllow = NetworkProfiles.None,
    bool GroupPolicyOverridesLocalRules = false,
    bool InboundBlockedByPolicy = false)
{
    public static readonly FirewallEnvironmentState NotWindows = new(IsWindows: false, IsElevated: false, ServiceRunning: false);
}

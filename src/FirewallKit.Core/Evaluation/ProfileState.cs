using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// One firewall profile's state. <see cref="AllowInboundRules"/> false is netsh's BlockInboundAlways:
/// every inbound connection is blocked, allow rules included. <see cref="AllowLocalRules"/> false means a
/// Group Policy makes Windows ignore the local store's rules. <see cref="Known"/> is false when the dump
/// did not carry the state and Windows' defaults (on, block inbound, local rules honoured) were assumed.
/// </summary>
public sealed record ProfileState(
    NetworkProfiles Profile,
    bool Enabled,
    RuleAction DefaultInboundAction,
    bool AllowInboundRules,
    bool AllowLocalRules,
    bool Known)
{
    public static ProfileState Default(NetworkProfiles profile) => new(profile, true, RuleAction.Block, true, true, Known: false);

    /// <summary>The state of <paramref name="profile"/> among <paramref name="states"/>, or Windows' defaults when they do not carry it.</summary>
    public static ProfileState Of(IReadOnlyList<ProfileState> states, NetworkProfiles profile) =>
        states.FirstOrDefault(p => p.Profile == profile) ?? Default(profile);
}

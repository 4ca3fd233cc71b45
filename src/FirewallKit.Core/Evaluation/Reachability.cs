using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// Who can reach one port in one firewall profile now. <see cref="Certain"/> addresses get in whatever the
/// machine resolves; <see cref="Possible"/> (a superset) may get in, depending on conditions the audit cannot decide
/// offline (the listening program, remote ports, local addresses, interface types, IPsec). Keyword audiences are
/// listed apart: <see cref="MayAlsoReach"/> may get in too, <see cref="MayBeKeptOut"/> may be kept out of
/// <see cref="Certain"/>. Loopback is never filtered and no connection comes from <c>::</c>, so both are left out of every set. <see cref="Effects"/> name the
/// deciding rules.
/// </summary>
public sealed record Reachability(
    NetworkProfiles Profile,
    AddressSet Certain,
    AddressSet Possible,
    IReadOnlyList<KeywordAudience> MayAlsoReach,
    IReadOnlyList<KeywordAudience> MayBeKeptOut,
    IReadOnlyList<RuleEffect> Effects)
{
    /// <summary>Nothing is left to the machine: the reachable set is exactly <see cref="Certain"/>.</summary>
    public bool IsExact => Certain.Equals(Possible) && MayAlsoReach.Count == 0 && MayBeKeptOut.Count == 0;
}

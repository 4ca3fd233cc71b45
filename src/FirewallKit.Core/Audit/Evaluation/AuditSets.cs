using FirewallKit.Core.Addresses;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The audit's reachability sets are the core's <see cref="AddressSet"/>s holding literal addresses only:
/// keywords (LocalSubnet, DNS, ...) are resolved by the machine, so the evaluator carries them apart and
/// never mixes them into a set it takes complements of.
/// </summary>
internal static class AuditSets
{
    /// <summary>Every address but loopback, which Windows Firewall never filters.</summary>
    public static readonly AddressSet Everyone = AddressSet.Any.Except(Loopback.Addresses);

    /// <summary>
    /// The unspecified IPv6 address: never a packet's source, and no rule can hold it ([MS-FASP] 2.2.6), so a block
    /// rule applied through COM leaves it out. It alone reaching a port is therefore never a finding.
    /// </summary>
    public static readonly AddressSet Unspecified = AddressSet.Parse("::");

    /// <summary>The literal addresses of <paramref name="set"/>, its keywords dropped; <c>Any</c> stays Any.</summary>
    public static AddressSet Literals(AddressSet set) => set.IsAny || !set.HasKeywords ? set : AddressSet.FromRanges(set.Ranges);

    /// <summary>The addresses of <paramref name="set"/> that may be filtered: loopback never is.</summary>
    public static AddressSet Filtered(AddressSet set) => Literals(set).Except(Loopback.Addresses);

    public static AddressSet Intersect(AddressSet left, AddressSet right) => left.Except(left.Except(right));

    public static bool Overlaps(AddressSet left, AddressSet right) => !Intersect(left, right).IsEmpty;
}

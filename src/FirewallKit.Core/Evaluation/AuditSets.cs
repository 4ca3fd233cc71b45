using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// The audit's reachability sets are the core's <see cref="AddressSet"/>s holding literal addresses only:
/// keywords (LocalSubnet, DNS, ...) are resolved by the machine, so the evaluator carries them apart and
/// never mixes them into a set it takes complements of.
/// </summary>
internal static class AuditSets
{
    /// <summary>Every address a connection can come from and a rule can name: loopback (never filtered) and '::' (never a source) aside.</summary>
    public static readonly AddressSet Everyone = AddressSet.Any.Except(OutsideRules.Addresses);

    /// <summary>The literal addresses of <paramref name="set"/>, its keywords dropped; <c>Any</c> stays Any.</summary>
    public static AddressSet Literals(AddressSet set) => set.IsAny || !set.HasKeywords ? set : AddressSet.FromRanges(set.Ranges);

    /// <summary>The addresses of <paramref name="set"/> that may be filtered: loopback never is, and no connection comes from '::'.</summary>
    public static AddressSet Filtered(AddressSet set) => Literals(set).Except(OutsideRules.Addresses);

    public static AddressSet Intersect(AddressSet left, AddressSet right) => left.Except(left.Except(right));

    public static bool Overlaps(AddressSet left, AddressSet right) => !Intersect(left, right).IsEmpty;
}

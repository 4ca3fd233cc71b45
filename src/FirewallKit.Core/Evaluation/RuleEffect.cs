using FirewallKit.Core.Addresses;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// Who decides for which addresses: a rule (<see cref="Rule"/> is its label, <see cref="Location"/> where it is in the
/// dump), the profile's default, or the profile's state. <see cref="Conditions"/> are what the audit could not decide;
/// <see cref="Reason"/> says why an <see cref="RuleEffectKind.Ignored"/> or <see cref="RuleEffectKind.Overruled"/> rule does not count.
/// </summary>
public sealed record RuleEffect(
    RuleEffectKind Kind,
    string? Rule,
    string? Location,
    AddressSet Addresses,
    IReadOnlyList<AddressKeyword> Keywords,
    IReadOnlyList<string> Conditions,
    string? Reason = null)
{
    /// <summary>The rule itself, for answers that name it the way its source does (<c>fwkit check</c> names it by ID); null for a default or a profile state.</summary>
    public StoredRule? Stored { get; init; }
}

using System.Text.Json;

namespace FirewallKit.Core.Rules;

/// <summary>
/// One field of a firewall rule, described once (<see cref="RuleFields"/> lists them all): its name in the plan
/// contract and backups, whether the plan sets it, how two rules compare on it, and how every representation spells
/// it. A condition also reads itself from a <see cref="StoredRule"/> as text (null when unset) and writes that text
/// back (null when the text is not a value of the field); the text is what <see cref="FirewallRule.ExtraFields"/>,
/// the plan contract and backups hold.
/// </summary>
public sealed record RuleField
{
    public required string Name { get; init; }

    public required RuleFieldKind Kind { get; init; }

    public required RuleFieldSpelling Spelling { get; init; }

    /// <summary>Whether two rules hold the same value, by meaning (sets by their members, descriptions without regard to line endings).</summary>
    public required Func<StoredRule, StoredRule, bool> Same { get; init; }

    /// <summary>A planned field's value as the plan hash takes it (joined with commas); empty for a condition.</summary>
    public Func<StoredRule, IReadOnlyList<string>> HashTokens { get; init; } = static _ => [];

    /// <summary>
    /// Writes a planned field's value in the plan contract (JSON), straight to the writer: a plan of thousands of
    /// peers holds a hundred thousand addresses. Null for a condition, whose text goes under <c>extraFields</c>.
    /// </summary>
    public Action<Utf8JsonWriter, StoredRule>? WriteJson { get; init; }

    /// <summary>A condition's value as text, or null when the rule does not have it; null for a planned field.</summary>
    public Func<StoredRule, string?> Read { get; init; } = static _ => null;

    /// <summary>The rule with this condition set from <c>text</c>, or null when <c>text</c> is not one of its values.</summary>
    public Func<StoredRule, string, StoredRule?> Write { get; init; } = static (_, _) => null;

    public override string ToString() => Name;
}

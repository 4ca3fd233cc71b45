using System.Globalization;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Apply;

/// <summary>
/// What a backup may carry beyond the planned fields: the conditions of the field table (<see cref="RuleFields"/>),
/// which fwkit reads back from its own rules after a hand edit, each with a value of that condition, printable and
/// of a bounded length. A rollback writes them to the firewall, so nothing else gets through.
/// </summary>
public static class BackupExtraFields
{
    /// <summary>Longest value of a condition (a program path, an SDDL list) fwkit restores.</summary>
    public const int MaxTextLength = 4096;

    private static readonly StoredRule Probe = new() { DisplayName = "backup", Action = RuleAction.Block };

    /// <summary>Every condition a backup may hold, by its name in the field table.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. RuleFields.Conditions.Select(field => field.Name)];

    /// <summary>Why <paramref name="value"/> is not a value fwkit could have read for <paramref name="key"/>, or null when it is.</summary>
    public static string? Problem(string key, string value)
    {
        if (RuleFields.FindCondition(key) is not { } field)
        {
            return $"'{key}' is not a rule field fwkit reads (docs/windows.md lists them)";
        }

        if (value.Length > MaxTextLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the value of '{key}' is {value.Length:N0} characters, more than {MaxTextLength:N0}");
        }

        if (PrintableRuleText.FirstUnprintable(value) is { } character)
        {
            return $"the value of '{key}' contains the character {character}";
        }

        // fwkit's rules are TCP or UDP, which Windows gives no ICMP types; nor can the COM API write a bypass.
        if (field == RuleFields.IcmpTypes)
        {
            return "a TCP or UDP rule has no ICMP types";
        }

        if (field == RuleFields.OverrideBlockRules)
        {
            return "fwkit's rules are allow or block rules, never authenticated-bypass rules";
        }

        return field.Write(Probe, value) is null ? $"{key} '{value}' is not one of its values" : null;
    }
}

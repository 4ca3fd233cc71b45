using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Apply;

/// <summary>
/// Which rules fwkit may change: those in its rule group that either have a name starting with
/// the catalog's prefix and a dash (written by apply) or carry fwkit's marker in their text
/// (written by the exported PowerShell script, whose rules the COM API sees under their display
/// name). The group alone is never enough, so a profile that names someone else's group by
/// mistake still cannot delete their rules, and a rule copied into the group by hand is left alone.
/// </summary>
public sealed record RuleOwnership(string Group, string NamePrefix)
{
    public bool Owns(FirewallRule rule) =>
        rule.Group == Group
        && (OwnsName(rule.Name)
            || rule.Description.Contains(RuleText.ManagedMarker, StringComparison.Ordinal)
            || rule.DisplayName.Contains(RuleText.ManagedMarker, StringComparison.Ordinal));

    public bool OwnsName(string name) =>
        name.Length > NamePrefix.Length + 1
        && name.StartsWith(NamePrefix, StringComparison.Ordinal)
        && name[NamePrefix.Length] == '-';

    /// <summary>
    /// <see cref="Owns"/> in PowerShell, as the exported script runs it: written into every script from here so the
    /// two spellings of the rule change together (the script filters by group before it calls this). A test runs
    /// both over the same rules.
    /// </summary>
    public const string PowerShellTest = """
        function Test-OwnedRule {
            # The ownership test of fwkit apply: a rule is fwkit's when its name starts with the catalog's
            # prefix and a dash, or its text carries fwkit's marker. Being in the group is never enough.
            param($Rule)
            $name = "$($Rule.Name)"
            ($name.Length -gt $NamePrefix.Length + 1 -and $name.StartsWith("$NamePrefix-", [StringComparison]::Ordinal)) -or
                "$($Rule.Description)".Contains($ManagedMarker) -or "$($Rule.DisplayName)".Contains($ManagedMarker)
        }
        """;
}

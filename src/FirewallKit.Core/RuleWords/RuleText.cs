namespace FirewallKit.Core.RuleWords;

/// <summary>What text may go into a firewall rule, and the marker fwkit leaves in the text of its own rules.</summary>
public static class RuleText
{
    /// <summary>Windows Firewall rejects this character in rule names, groups and descriptions.</summary>
    public const char Forbidden = '|';

    /// <summary>Every rule's description says this, so fwkit recognises its rules whichever tool wrote them.</summary>
    public const string ManagedMarker = "Managed by fwkit";

    public static bool IsRefused(string text) => text.Contains(Forbidden, StringComparison.Ordinal);

    /// <summary>A rule group fwkit can own: some text, and no <see cref="Forbidden"/> character.</summary>
    public static bool IsValidGroup(string? group) => !string.IsNullOrWhiteSpace(group) && !IsRefused(group);
}

namespace FirewallKit.Core.RuleWords;

/// <summary>What text may go into a firewall rule, and the marker fwkit leaves in the text of its own rules.</summary>
public static class RuleText
{
    /// <summary>Windows Firewall rejects this character in rule names, groups and descriptions.</summary>
    public const char Forbidden = '|';

    /// <summary>Every rule's description says this, so fwkit recognises its rules whichever tool wrote them.</summary>
    public const string ManagedMarker = "Managed by fwkit";

    /// <summary>
    /// Windows refuses a rule Description of this many characters or more (MSFT_NetFirewallRule,
    /// Description: "must be less than 10,000 characters"); a rule's description holds its display name and text.
    /// </summary>
    public const int DescriptionLimit = 10_000;

    /// <summary>Why a group name Windows would read as something else is refused: '@' starts a resource reference (@FirewallAPI.dll,-28502).</summary>
    public const string ResourceReferenceProblem = "starts with '@', which Windows reads as a resource reference (such as @FirewallAPI.dll,-28502), not as the group's name";

    public const string ResourceReferenceFix = "remove the leading '@'";

    public static bool IsResourceReference(string group) => group.StartsWith('@');

    public static bool IsRefused(string text) => text.Contains(Forbidden, StringComparison.Ordinal);

    /// <summary>A rule group fwkit can own: some text, and no <see cref="Forbidden"/> character.</summary>
    public static bool IsValidGroup(string? group) => !string.IsNullOrWhiteSpace(group) && !IsRefused(group);
}

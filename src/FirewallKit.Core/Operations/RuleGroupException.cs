namespace FirewallKit.Core.Operations;

/// <summary>A rule group asked for that fwkit cannot own (empty, or with a character Windows refuses); nothing was touched.</summary>
public sealed class RuleGroupException(string group, string defaultGroup)
    : Exception($"'{group}' is not a rule group fwkit can own")
{
    public string Group { get; } = group;

    /// <summary>The catalog's default group, the usual right answer.</summary>
    public string DefaultGroup { get; } = defaultGroup;
}

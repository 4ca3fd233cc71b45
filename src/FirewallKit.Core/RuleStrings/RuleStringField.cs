namespace FirewallKit.Core.RuleStrings;

/// <summary>One <c>Key=Value</c> of a rule string, as written; the reader keeps those it does not interpret.</summary>
public sealed record RuleStringField(string Key, string Value)
{
    public override string ToString() => Key + "=" + Value;
}

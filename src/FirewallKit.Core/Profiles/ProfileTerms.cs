using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Profiles;

/// <summary>The deployment profile's words (enforcement) as text and back, exactly as documented.</summary>
public static class ProfileTerms
{
    public static readonly IReadOnlyList<string> EnforcementNames = ["strict", "allowOnly"];

    public static string Enforcement(Enforcement enforcement) => EnforcementNames[(int)enforcement];

    public static bool TryEnforcement(string text, out Enforcement enforcement) =>
        RuleTerms.TryOneOf(text, EnforcementNames, [Profiles.Enforcement.Strict, Profiles.Enforcement.AllowOnly], StringComparison.Ordinal, out enforcement);

    /// <summary>For people: "strict" or "allow-only".</summary>
    public static string EnforcementProse(Enforcement enforcement) => enforcement == Profiles.Enforcement.Strict ? "strict" : "allow-only";
}

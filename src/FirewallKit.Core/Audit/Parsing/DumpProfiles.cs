using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>Fills in the profiles a dump did not describe with Windows' defaults, and says so.</summary>
internal static class DumpProfiles
{
    private static readonly NetworkProfiles[] Each = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    public static IReadOnlyList<ProfileState> Complete(IReadOnlyList<ProfileState> found, List<string> notes, string howToAdd)
    {
        var missing = Each.Where(p => found.All(f => f.Profile != p)).ToList();
        if (missing.Count > 0)
        {
            notes.Add($"the dump does not give the state of the {string.Join(", ", missing.SelectMany(RuleTerms.Profiles))} profile{(missing.Count == 1 ? string.Empty : "s")}: assumed on, default inbound action Block, local rules honoured (add {howToAdd} to the dump to know)");
        }

        return [.. Each.Select(p => found.LastOrDefault(f => f.Profile == p) ?? ProfileState.Default(p))];
    }
}

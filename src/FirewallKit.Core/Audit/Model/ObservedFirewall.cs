using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Everything the audit knows about a machine's firewall: its rules and the state of the three
/// profiles. <see cref="Source"/> names where it came from (a file, or the machine), <see cref="Format"/>
/// how it was read (<c>netsh</c>, <c>powershell-json</c>, <c>live</c>), <see cref="Notes"/> what had to be assumed.
/// </summary>
public sealed record ObservedFirewall(
    string Source,
    string Format,
    IReadOnlyList<StoredRule> Rules,
    IReadOnlyList<ProfileState> Profiles,
    IReadOnlyList<string> Notes)
{
    public ProfileState StateOf(NetworkProfiles profile) =>
        ProfileState.Of(Profiles, profile);
}

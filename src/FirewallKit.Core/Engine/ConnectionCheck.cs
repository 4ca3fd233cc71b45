using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Engine;

/// <summary>
/// <c>fwkit check</c>'s one call: take the rules from a profile's plan or from a rule-set file
/// (a plan in the JSON contract, an export, a backup from apply) and ask whether a connection gets through.
/// </summary>
public static class ConnectionCheck
{
    /// <param name="profilePath">Evaluate the plan of this profile; exactly one of this and <paramref name="rulesPath"/>.</param>
    /// <param name="rulesPath">Evaluate the <c>rules</c> array of this JSON file.</param>
    /// <param name="firewallProfile">domain, private or public; null evaluates all three and groups the ones that agree.</param>
    public static CheckResult Run(string? profilePath, string? rulesPath, string? catalogPath, string from, int port, string protocol, string? firewallProfile)
    {
        if ((profilePath is null) == (rulesPath is null))
        {
            throw new InputException(ConnectionQuery.CommandLine, "--profile", "give either --profile or --rules", "check a profile's plan with --profile, or a rule-set file with --rules");
        }

        var query = ConnectionQuery.Parse(from, port, protocol);
        FirewallProfiles? only = firewallProfile is null ? null : ParseFirewallProfile(firewallProfile);
        IReadOnlyList<FirewallRule> rules;
        string source;
        if (profilePath is not null)
        {
            rules = PlanInputs.Plan(profilePath, catalogPath).Rules;
            source = $"the plan of {profilePath}";
        }
        else
        {
            rules = RuleSetReader.Load(rulesPath!);
            source = rulesPath!;
        }

        return new CheckResult(query, source, rules.Count, new ConnectionEvaluator(rules).EvaluateEachProfile(query, only));
    }

    public static FirewallProfiles ParseFirewallProfile(string name) => name.ToUpperInvariant() switch
    {
        "DOMAIN" => FirewallProfiles.Domain,
        "PRIVATE" => FirewallProfiles.Private,
        "PUBLIC" => FirewallProfiles.Public,
        _ => throw new InputException(ConnectionQuery.CommandLine, "--firewall-profile", $"unknown firewall profile '{name}'", "use domain, private or public"),
    };
}

using System.Security.Cryptography;
using System.Text;

namespace FirewallKit.Core.Plan;

/// <summary>
/// A fingerprint of the rules alone (not of file paths or warnings), so two plans that write the
/// same firewall state have the same hash and a change ticket can quote it.
/// </summary>
public static class PlanHash
{
    public static string Of(IEnumerable<FirewallRule> rules)
    {
        var text = new StringBuilder();
        foreach (var rule in rules)
        {
            text.Append(rule.Name).Append('\n')
                .Append(rule.DisplayName).Append('\n')
                .Append(rule.Description).Append('\n')
                .Append(rule.Group).Append('\n')
                .Append(rule.Direction).Append('\n')
                .Append(rule.Action).Append('\n')
                .Append(rule.Protocol).Append('\n')
                .AppendJoin(',', rule.LocalPorts).Append('\n')
                .AppendJoin(',', rule.RemoteAddresses).Append('\n')
                .Append(rule.Profiles).Append('\n')
                .Append(rule.Enabled).Append("\n\n");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}

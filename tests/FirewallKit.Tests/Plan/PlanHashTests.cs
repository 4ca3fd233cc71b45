using System.Security.Cryptography;
using System.Text;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Plan;

public class PlanHashTests
{
    [Test]
    public void Hash_is_SHA256_of_the_rules_written_out_field_by_field()
    {
        var peers = Enumerable.Range(0, 3000).Select(i => $"10.{i / 200}.{i % 200}.7").ToArray();
        var plan = ProfileBuilder.Cluster(peers).Plan();

        Assert.That(plan.Hash, Is.EqualTo(Reference(plan.Rules)));
    }

    /// <summary>The contract's definition, written the plain way.</summary>
    private static string Reference(IEnumerable<FirewallRule> rules)
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
                .AppendJoin(',', rule.LocalPorts.ToTokens()).Append('\n')
                .AppendJoin(',', rule.RemoteAddresses.ToTokens()).Append('\n')
                .Append(rule.Profiles).Append('\n')
                .Append(rule.Enabled).Append("\n\n");
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Audit;

/// <summary>Every saved dump, in both forms, gives its exact verdict against profiles/cluster.json.</summary>
public class AuditScenarioTests
{
    private static readonly string[] RestrictedPorts = ["443", "631", "5200", "6310", "6789", "8057", "8081", "8090", "9444"];
    /// <summary>Every port of the cluster plan: a closed port for TCP and UDP, an allowed one for its own protocol.</summary>
    private static readonly string[] AllPorts =
    [
        "TCP 80", "UDP 80", "TCP 443", "TCP 631", "TCP 4999", "UDP 4999", "TCP 5000", "UDP 5000", "TCP 5009", "UDP 5009", "TCP 5200",
        "TCP 5353", "UDP 5353", "TCP 5400", "UDP 5400", "TCP 6310", "TCP 6789", "TCP 8009", "UDP 8009", "TCP 8057", "TCP 8080", "UDP 8080",
        "TCP 8081", "TCP 8090", "TCP 8181", "UDP 8181", "TCP 8182", "UDP 8182", "TCP 9444", "TCP 10051", "UDP 10051",
        "TCP 48300", "UDP 48300", "TCP 49300", "UDP 49300", "TCP 50300", "UDP 50300",
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["plan-with-foreign-allow-all"] = [],
            ["foreign-allow-all-in-public"] = [.. AllPorts.Select(p => $"{p} Public wider-than-intended")],
            ["block-others-5200-missing"] = ["TCP 5200 Domain wider-than-intended", "TCP 5200 Private wider-than-intended"],
            ["disabled-allow-rule"] = ["TCP 8057 Domain narrower-than-intended", "TCP 8057 Private narrower-than-intended"],
            ["private-profile-off"] = [.. AllPorts.Select(p => $"{p} Private wider-than-intended")],
            ["domain-default-allow"] = [],
            ["domain-default-allow-5200-block-others-missing"] = ["TCP 5200 Domain wider-than-intended"],
            ["gpo-ignores-local-rules"] =
            [
                .. RestrictedPorts.Take(2).Select(p => $"TCP {p} Domain narrower-than-intended"),
                "TCP 5200 Domain narrower-than-intended",
                "UDP 5353 Domain wider-than-intended (depends on the machine)",
                .. RestrictedPorts.Skip(3).Select(p => $"TCP {p} Domain narrower-than-intended"),
            ],
        };
        foreach (var scenario in DumpScenarios.All)
        {
            foreach (var extension in scenario.JsonOnly ? new[] { ".json" } : [".txt", ".json"])
            {
                yield return new TestCaseData(scenario.Name + extension, expected[scenario.Name]).SetName($"Audit of {scenario.Name}{extension} gives its exact verdict");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Saved_dump_gives_its_exact_verdict(string fileName, string[] expected)
    {
        var report = AuditRunner.Run(new AuditRequest(new RuleDump(DumpScenarios.PathOf(fileName)), DumpScenarios.Cluster));

        var findings = report.Ports.SelectMany(p => p.Profiles.SelectMany(a => a.Findings.Select(f =>
            $"{(p.Protocol == Core.RuleWords.TransportProtocol.Tcp ? "TCP" : "UDP")} {p.Port} {a.Profile} {AuditJsonWriter.Kebab(f.Kind.ToString())}{(f.Certain ? string.Empty : " (depends on the machine)")}")));
        Assert.That(findings, Is.EqualTo(expected));
        Assert.That(report.Verdict, Is.EqualTo(expected.Length == 0 ? AuditVerdict.Matches : AuditVerdict.Differs));
    }

    [TestCase("block-others-5200-missing.txt")]
    [TestCase("block-others-5200-missing.json")]
    public void A_missing_block_others_rule_names_the_foreign_allow_all_as_the_cause(string fileName)
    {
        var report = AuditRunner.Run(new AuditRequest(new RuleDump(DumpScenarios.PathOf(fileName)), DumpScenarios.Cluster));

        var finding = report.Ports.Single(p => p.Port == 5200).Profiles.First().Findings.Single();
        Assert.That(finding.Certain, Is.True);
        Assert.That(finding.Rules, Has.Some.Contains(DumpScenarios.ForeignAllowAll));
        Assert.That(finding.Addresses.Contains(System.Net.IPAddress.Parse("203.0.113.9")), Is.True);
        Assert.That(finding.Addresses.Contains(System.Net.IPAddress.Parse("10.20.0.11")), Is.False, "a peer is intended, so it is not part of the excess");
    }

    [Test]
    public void A_disabled_allow_rule_is_named_as_what_would_have_let_the_peers_in()
    {
        var report = AuditRunner.Run(new AuditRequest(new RuleDump(DumpScenarios.PathOf("disabled-allow-rule.txt")), DumpScenarios.Cluster));

        var finding = report.Ports.Single(p => p.Port == 8057).Profiles.First().Findings.Single();
        Assert.That(finding.Message, Does.Contain("'PrinterOn Configuration Manager – web configuration (TCP 8057)' would, but is disabled"));
        Assert.That(finding.Addresses.ToTokens(), Is.EqualTo(new[] { "10.20.0.11-10.20.0.12", "10.30.0.0/24", "fd00:20::13" }));
    }

    [Test]
    public void A_profile_that_is_off_is_named_as_what_lets_everyone_in()
    {
        var report = AuditRunner.Run(new AuditRequest(new RuleDump(DumpScenarios.PathOf("private-profile-off.txt")), DumpScenarios.Cluster));

        var privateAudit = report.Ports.Single(p => p.Port == 80 && p.Protocol == Core.RuleWords.TransportProtocol.Tcp).Profiles.Single(a => a.Profile == Core.RuleWords.NetworkProfiles.Private);
        Assert.That(privateAudit.Reach.Effects.Single().Kind, Is.EqualTo(RuleEffectKind.ProfileOff));
        Assert.That(AddressText.Of(privateAudit.Reach.Certain), Is.EqualTo("Any"));
    }

    [Test]
    public void Windows_ships_rules_that_reach_none_of_the_product_ports()
    {
        var report = AuditRunner.Run(new AuditRequest(new RuleDump(DumpScenarios.PathOf("domain-default-allow.txt")), DumpScenarios.Cluster));

        var namedRules = report.Ports.SelectMany(p => p.Profiles).SelectMany(a => a.Reach.Effects).Select(e => e.Rule).OfType<string>().Distinct().ToList();
        Assert.That(namedRules.Where(r => !r.Contains("PrinterOn", StringComparison.Ordinal)), Is.EqualTo(new[] { "'mDNS (UDP-In)'" }),
            "only the mDNS rule shares a port (UDP 5353) with the product; RDP, SMB, ICMP, DHCP, WinRM and the RPC/IPHTTPS keyword rules do not");
    }
}

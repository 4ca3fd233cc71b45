using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Registry;

/// <summary>
/// Done-when of issue 20: a Registry.pol built from each real machine's rule strings (../shared/real-windows/gpfas) is
/// audited without refusing, and the Store apps' rules, scoped only by their package, are conditional, never allow-all.
/// </summary>
public sealed class RealMachinesPolicyTests
{
    [Test]
    public void Each_real_machine_s_rules_in_a_Registry_pol_are_audited_and_package_rules_are_scoped()
    {
        var folder = RealWindows.Require("gpfas");
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Path);
        foreach (var tsv in Directory.GetFiles(folder, "*.tsv"))
        {
            var values = File.ReadLines(tsv).Select(line => line.Split('\t', 2)).Select(p => RegistryValue.String(FirewallPolicyKeys.GroupPolicyRules, p[0], p[1])).ToList();
            var pol = Path.Combine(temp.Path, Path.GetFileNameWithoutExtension(tsv) + ".pol");
            File.WriteAllBytes(pol, PolicyFile.Write(values));

            var result = CliRunner.Run("audit", "--rules", pol, "--profile", RepoPaths.Profile("cluster.json"));
            Assert.That(result.ExitCode, Is.AnyOf(0, 1), $"{tsv}: {result.Error}");
            Assert.That(result.Error, Does.Not.Contain("error"), tsv);

            var firewall = new RuleDump(pol).Read();
            Assert.That(firewall.Rules, Has.Count.EqualTo(values.Count), tsv);
            var report = AuditRunner.Run(new AuditRequest(new RuleDump(pol), RepoPaths.Profile("cluster.json"), null, null, null));
            var packageRules = firewall.Rules.Where(r => (r.Package ?? r.PackageFamilyName) is not null && r.Direction == Core.RuleWords.RuleDirection.Inbound && r.Enabled).Select(r => r.Label).ToHashSet();
            var certainByPackage = report.Ports
                .SelectMany(p => p.Profiles)
                .SelectMany(p => p.Reach.Effects)
                .Where(e => e.Rule is not null && packageRules.Contains(e.Rule) && e.Conditions.Count == 0);
            Assert.That(certainByPackage, Is.Empty, $"{tsv}: a package-scoped rule was counted as letting everyone in");
        }
    }
}

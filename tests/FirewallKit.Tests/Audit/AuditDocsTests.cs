using System.Management.Automation.Language;
using FirewallKit.Cli;
using FirewallKit.Core.Audit;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Audit;

public class AuditDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "audit.md"));

    [Test]
    public void The_documented_one_liner_is_valid_PowerShell_and_writes_every_field_the_parser_reads()
    {
        var start = Doc.IndexOf("```powershell\n", StringComparison.Ordinal) + "```powershell\n".Length;
        var oneLiner = Doc[start..Doc.IndexOf("\n```", start, StringComparison.Ordinal)];

        Parser.ParseInput(oneLiner, out _, out var errors);

        Assert.That(errors, Is.Empty);
        Assert.That(oneLiner.Split('\n'), Has.Length.EqualTo(1), "a one-liner");
        foreach (var field in new[] { "Name", "DisplayName", "DisplayGroup", "Enabled", "Direction", "Action", "Profile", "EdgeTraversalPolicy", "PolicyStoreSourceType", "Protocol", "LocalPort", "RemotePort", "LocalAddress", "RemoteAddress", "Program", "Service", "InterfaceType", "Authentication", "DefaultInboundAction", "AllowInboundRules", "AllowLocalFirewallRules" })
        {
            Assert.That(oneLiner, Does.Contain($" {field} = "), field);
        }

        Assert.That(oneLiner, Does.Not.Contain("GPOSession"), "Get-NetFirewallRule has no -GPOSession on Server 2022+");
    }

    [TestCase("plan-with-foreign-allow-all", ExitCodes.Success)]
    [TestCase("block-others-5200-missing", ExitCodes.Drift)]
    public void The_doc_shows_a_current_run_of_audit_on_a_saved_dump(string dump, int exitCode)
    {
        var rules = $"tests/FirewallKit.Tests/Audit/Dumps/{dump}.txt";
        var run = CliRunner.Run("audit", "--rules", Path.Combine(RepoPaths.Root, rules), "--profile", RepoPaths.Profile("cluster.json"));
        // The doc's run was made from the repository root, so the dump is named by its relative path.
        var output = run.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(Path.Combine(RepoPaths.Root, rules), rules, StringComparison.Ordinal);
        var shown = $"$ fwkit audit --rules {rules} --profile profiles/cluster.json\n{output}$ echo $?\n{exitCode}\n";

        Assert.That(run.ExitCode, Is.EqualTo(exitCode));
        Assert.That(Doc.Replace("\r\n", "\n", StringComparison.Ordinal), Does.Contain(shown), $"docs/audit.md's run on {dump} is stale: paste the output of the command it shows");
    }

    [Test]
    public void The_doc_gives_the_netsh_command_the_parser_asks_for()
    {
        Assert.That(Doc, Does.Contain(NetshDumpParser.Command));
        Assert.That(Doc, Does.Contain(AuditReport.ContractVersion));
    }

    [Test]
    public void The_PowerShell_one_liner_parses_and_exports_every_scope_the_JSON_reader_takes()
    {
        var line = Doc.Split('\n').Single(l => l.StartsWith("& { $rules = ", StringComparison.Ordinal));
        var ast = PowerShellHost.Parse(line);
        var keys = ast.FindAll(a => a is System.Management.Automation.Language.HashtableAst, true)
            .Cast<System.Management.Automation.Language.HashtableAst>()
            .SelectMany(h => h.KeyValuePairs.Select(p => p.Item1.Extent.Text))
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(keys, Is.SupersetOf(new[] { "Program", "Package", "Owner", "Service", "InterfaceAlias", "InterfaceType", "Authentication", "Encryption", "LocalUser", "RemoteUser", "RemoteMachine" }));
    }
}

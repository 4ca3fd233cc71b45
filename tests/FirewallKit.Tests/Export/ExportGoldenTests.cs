using System.Management.Automation.Language;
using FirewallKit.Core.Export;
using FirewallKit.Core.Operations;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Export;

/// <summary>
/// The shipped profiles exported in every format, kept in Approved/ so a reviewer sees what a
/// change does to the scripts. Rewrite them with <c>FWKIT_APPROVE=1 dotnet test --filter "FullyQualifiedName~ExportGoldenTests"</c>.
/// </summary>
public sealed class ExportGoldenTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from profile in ExportTestPlans.ShippedProfiles
        from format in new[] { ("powershell", "ps1", ExportFormat.PowerShell), ("netsh", "cmd", ExportFormat.Netsh), ("json", "json", ExportFormat.Json) }
        select new TestCaseData(profile, format.Item1, format.Item2, format.Item3).SetName($"Export_{Path.GetFileNameWithoutExtension(profile)}_as_{format.Item1}");

    [TestCaseSource(nameof(Cases))]
    public void Export_matches_the_approved_file(string profile, string format, string extension, ExportFormat exportFormat)
    {
        var output = PlanExports.Export(new PlanRequest(RepoPaths.Profile(profile)), exportFormat, TestProvenance.Export(exportFormat)).Content;

        if (format == "powershell")
        {
            PowerShellHost.Parse(output);
        }

        Approvals.Verify(output, $"{Path.GetFileNameWithoutExtension(profile)}.{extension}");
    }

    [TestCaseSource(typeof(ExportTestPlans), nameof(ExportTestPlans.ShippedProfiles))]
    public void The_script_uses_no_syntax_Windows_PowerShell_5_1_lacks(string profile)
    {
        var ast = PowerShellHost.Parse(PlanExports.Export(new PlanRequest(RepoPaths.Profile(profile)), ExportFormat.PowerShell, TestProvenance.PowerShell).Content);

        var newer = ast.FindAll(
            a => a is TernaryExpressionAst or PipelineChainAst
                || a is BinaryExpressionAst { Operator: TokenKind.QuestionQuestion }
                || a is AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals }
                || a is MemberExpressionAst { NullConditional: true },
            true);

        Assert.That(newer.Select(a => a.Extent.Text), Is.Empty);
        Assert.That(ast.ScriptRequirements.RequiredPSVersion, Is.EqualTo(new Version(5, 1)));
    }

    [Test]
    public void The_json_export_is_the_plan_contract()
    {
        var profile = RepoPaths.Profile("cluster.json");

        var export = CliRunner.Run("export", "--profile", profile, "--format", "json");
        var plan = CliRunner.Run("plan", "--profile", profile, "--format", "json");

        Assert.That(export.ExitCode, Is.Zero);
        Assert.That(export.Out, Is.EqualTo(plan.Out));
    }
}

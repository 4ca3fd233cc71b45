using System.Management.Automation.Language;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests;

/// <summary>build.ps1 is for Windows users and CI; it cannot run here, but it must parse as Windows PowerShell 5.1 script.</summary>
public class BuildScriptTests
{
    [Test]
    public void Build_script_parses_and_uses_no_syntax_Windows_PowerShell_5_1_lacks()
    {
        var ast = PowerShellHost.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1")));

        var newer = ast.FindAll(
            a => a is TernaryExpressionAst or PipelineChainAst
                || a is BinaryExpressionAst { Operator: TokenKind.QuestionQuestion }
                || a is MemberExpressionAst { NullConditional: true },
            true);
        Assert.That(newer.Select(a => a.Extent.Text), Is.Empty);
    }

    [Test]
    public void Build_script_offers_build_test_publish_and_pack()
    {
        var ast = PowerShellHost.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1")));
        var target = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Target");
        var validateSet = target.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");

        Assert.That(validateSet.PositionalArguments.Select(a => a.SafeGetValue()), Is.EquivalentTo(new[] { "Build", "Test", "Publish", "Pack", "All" }));
    }
}

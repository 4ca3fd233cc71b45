using System.Management.Automation.Language;
using FirewallKit.Core.Export;

namespace FirewallKit.Tests.Export;

/// <summary>The fixed PowerShell that applies a plan, kept as Export/PlanScript.ps1 and embedded in the build.</summary>
public class PlanScriptTests
{
    [Test]
    public void The_script_body_is_valid_PowerShell_that_defines_the_functions_the_export_calls()
    {
        var ast = PowerShellHost.Parse(PowerShellPlanExporter.ScriptBody);

        var functions = ast.FindAll(a => a is FunctionDefinitionAst, searchNestedScriptBlocks: false).Cast<FunctionDefinitionAst>().Select(f => f.Name);
        Assert.That(functions, Is.EquivalentTo(new[] { "ConvertTo-CanonicalAddress", "ConvertTo-CanonicalProfile", "Get-Settings", "ConvertTo-CanonicalAny", "Get-Condition", "Test-OwnedRule", "Get-OwnedRule", "Get-StoredFilter", "Get-RuleValue" }));
    }

    [Test]
    public void Every_export_ends_with_the_script_body_as_it_is_in_the_file()
    {
        var script = new PowerShellPlanExporter().Export(ExportTestPlans.Shipped("cluster.json"), TestProvenance.PowerShell);

        Assert.That(PowerShellPlanExporter.ScriptBody, Does.StartWith("function ConvertTo-CanonicalAddress {\n"));
        Assert.That(script, Does.EndWith(")\n\n" + PowerShellPlanExporter.ScriptBody));
    }
}

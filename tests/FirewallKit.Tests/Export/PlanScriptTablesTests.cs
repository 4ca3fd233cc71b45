using System.Management.Automation.Language;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Export;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Export;

/// <summary>
/// The exported script restates what the C# knows: the address keywords, each condition's default and reset,
/// the rule values it compares, and the ownership test. These are written into it from the C# (PlanScriptTables),
/// and here the script's tables and the code that reads them are checked against the C# field table.
/// </summary>
public class PlanScriptTablesTests
{
    private static readonly ScriptBlockAst Body = PowerShellHost.Parse(PowerShellPlanExporter.ScriptBody);

    [Test]
    public void The_condition_defaults_in_the_script_are_the_field_tables_NetSecurity_defaults_in_its_order()
    {
        var table = Hashtable("ConditionDefault");

        Assert.That(table.Select(e => e.Key), Is.EqualTo(RuleFields.Conditions.SelectMany(f => f.Spelling.Conditions).Select(c => c.Parameter)));
        foreach (var (key, value) in table)
        {
            var condition = RuleFields.Conditions.SelectMany(f => f.Spelling.Conditions).Single(c => c.Parameter == key);
            Assert.That(((ConstantExpressionAst)((CommandExpressionAst)((PipelineAst)value).PipelineElements[0]).Expression).Value, Is.EqualTo(condition.Default), key);
        }
    }

    [Test]
    public void The_condition_resets_in_the_script_are_the_field_tables_resets()
    {
        var table = Hashtable("ConditionReset");
        var conditions = RuleFields.Conditions.SelectMany(f => f.Spelling.Conditions).ToList();

        Assert.That(table.Select(e => e.Key), Is.EquivalentTo(conditions.Select(c => c.Parameter)));
        Assert.That(table.Select(e => (e.Key, e.Value.Extent.Text)), Is.EquivalentTo(conditions.Select(c => (c.Parameter, c.Reset))));
    }

    [Test]
    public void The_script_reads_back_exactly_the_conditions_of_the_field_table()
    {
        var read = HashtableIn("Get-Condition");

        Assert.That(read, Is.EquivalentTo(RuleFields.Conditions.SelectMany(f => f.Spelling.Conditions).Select(c => c.Parameter)));
    }

    [Test]
    public void The_script_compares_exactly_the_planned_fields_it_does_not_key_or_filter_on()
    {
        // The name is the key the script finds a rule by, and the group is the filter it lists rules with.
        var planned = RuleFields.Planned.Where(f => f != RuleFields.Name && f != RuleFields.Group).Select(f => f.Spelling.NetSecurity);

        Assert.That(HashtableIn("Get-Settings"), Is.EquivalentTo(planned));
    }

    [Test]
    public void Every_value_an_exported_rule_block_holds_is_a_planned_field_in_its_NetSecurity_spelling()
    {
        var script = PowerShellHost.Parse(new PowerShellPlanExporter().Export(ExportTestPlans.Shipped("cluster.json"), TestProvenance.PowerShell));
        var plan = (AssignmentStatementAst)script.Find(a => a is AssignmentStatementAst { Left: VariableExpressionAst { VariablePath.UserPath: "Plan" } }, true)!;
        var block = (HashtableAst)plan.Right.Find(a => a is HashtableAst, true)!;

        Assert.That(block.KeyValuePairs.Select(p => ((StringConstantExpressionAst)p.Item1).Value), Is.SubsetOf(RuleFields.Planned.Select(f => f.Spelling.NetSecurity)));
    }

    [Test]
    public void The_address_keywords_the_script_recognises_are_the_ones_fwkit_parses()
    {
        var keywords = (AssignmentStatementAst)Body.Find(a => a is AssignmentStatementAst { Left: VariableExpressionAst { VariablePath.UserPath: "keywords" } }, true)!;
        var values = keywords.Right.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>().Select(s => s.Value);

        Assert.That(values, Is.EqualTo(Enum.GetValues<AddressKeywordName>().Where(k => k != AddressKeywordName.Any).Select(k => k.ToString())));
    }

    [TestCase("fwkit-printeron-tcp-443-allow", "", "", true)]
    [TestCase("fwkit-printeron-", "", "", false)]
    [TestCase("fwkit-printeron", "", "", false)]
    [TestCase("fwkit-printeronX-443", "", "", false)]
    [TestCase("FWKIT-PRINTERON-tcp-443-allow", "", "", false)]
    [TestCase("{5f1c6e2a-guid}", "Managed by fwkit: allows TCP 443", "", true)]
    [TestCase("{5f1c6e2a-guid}", "", "Admin rule (Managed by fwkit)", true)]
    [TestCase("{5f1c6e2a-guid}", "managed by FWKIT", "", false)]
    [TestCase("Admin's web rule", "Opens 443 for the admins", "Admin's web rule", false)]
    public void The_scripts_ownership_test_decides_as_fwkit_apply_does(string name, string description, string displayName, bool expected)
    {
        var ownership = new RuleOwnership("PrinterOn Firewall (fwkit)", "fwkit-printeron");
        var rule = new FirewallRule
        {
            Name = name,
            DisplayName = displayName,
            Description = description,
            Group = ownership.Group,
            Action = Core.RuleWords.RuleAction.Allow,
            Protocol = Core.RuleWords.TransportProtocol.Tcp,
            LocalPorts = Core.Ports.PortSet.Parse("443"),
            RemoteAddresses = AddressSet.Any,
            Profiles = Core.RuleWords.NetworkProfiles.All,
        };
        var script = $$"""
            $NamePrefix = '{{ownership.NamePrefix}}'
            $ManagedMarker = '{{Core.RuleWords.RuleText.ManagedMarker}}'
            {{RuleOwnership.PowerShellTest}}
            Test-OwnedRule ([pscustomobject]@{ Name = '{{name.Replace("'", "''", StringComparison.Ordinal)}}'; Description = '{{description.Replace("'", "''", StringComparison.Ordinal)}}'; DisplayName = '{{displayName.Replace("'", "''", StringComparison.Ordinal)}}' })
            """;

        var owned = (bool)PowerShellHost.Evaluate(script).Single();

        Assert.That(ownership.Owns(rule), Is.EqualTo(expected), "C#");
        Assert.That(owned, Is.EqualTo(expected), "PowerShell");
    }

    [Test]
    public void The_script_file_keeps_no_copy_of_the_tables_the_CSharp_owns()
    {
        var template = PowerShellPlanExporter.ScriptTemplate;

        Assert.That(template, Does.Not.Contain("'LocalSubnet'"), "address keyword list");
        Assert.That(template, Does.Not.Contain("$ConditionDefault = "), "condition defaults");
        Assert.That(template, Does.Not.Contain("$ConditionReset = "), "condition resets");
        Assert.That(template, Does.Not.Contain("function Test-OwnedRule"), "ownership test");
        Assert.That(template, Does.Not.Contain(Core.RuleWords.RuleText.ManagedMarker), "ownership marker");
        Assert.That(PowerShellPlanExporter.ScriptBody, Does.Contain("function Test-OwnedRule"), "the filled body has them");
    }

    private static List<(string Key, StatementAst Value)> Hashtable(string variable)
    {
        var assignment = (AssignmentStatementAst)Body.Find(a => a is AssignmentStatementAst { Left: VariableExpressionAst v } && v.VariablePath.UserPath == variable, false)!;
        var table = (HashtableAst)assignment.Right.Find(a => a is HashtableAst, true)!;
        return [.. table.KeyValuePairs.Select(p => (((StringConstantExpressionAst)p.Item1).Value, (StatementAst)p.Item2))];
    }

    private static IEnumerable<string> HashtableIn(string function)
    {
        var definition = (FunctionDefinitionAst)Body.Find(a => a is FunctionDefinitionAst f && f.Name == function, false)!;
        var table = (HashtableAst)definition.Body.FindAll(a => a is HashtableAst, true).Last();
        return table.KeyValuePairs.Select(p => ((StringConstantExpressionAst)p.Item1).Value);
    }
}

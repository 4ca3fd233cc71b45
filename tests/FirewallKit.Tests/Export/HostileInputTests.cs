using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using FirewallKit.Cli;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support.NetSecurity;
using static FirewallKit.Tests.Support.ExportTestPlans;

namespace FirewallKit.Tests.Export;

/// <summary>Text from a catalog or profile is data in every export, never code.</summary>
public sealed partial class HostileInputTests
{
    private static readonly string[] ExpectedCommands =
    [
        "Get-NetFirewallRule", "Get-NetFirewallPortFilter", "Get-NetFirewallAddressFilter", "New-NetFirewallRule",
        "Set-NetFirewallRule", "Remove-NetFirewallRule", "Open-NetGPO", "Save-NetGPO",
        "Get-NetFirewallApplicationFilter", "Get-NetFirewallServiceFilter", "Get-NetFirewallInterfaceFilter",
        "Get-NetFirewallInterfaceTypeFilter", "Get-NetFirewallSecurityFilter",
        "Set-StrictMode", "Write-Host", "Where-Object", "ForEach-Object", "Sort-Object",
    ];

    [Test]
    public void The_hostile_plan_really_carries_the_hostile_text()
    {
        var plan = HostileInput.Plan();

        Assert.That(plan.Rules.Select(r => r.DisplayName), Has.Some.Contains("$(Invoke-Pwned 'dollar')").And.Some.Contains("\n"));
        Assert.That(plan.Rules.Select(r => r.Description), Has.Some.Contains("Remove-Item").And.Some.Contains("%PATH%").And.Some.Contains("\u2019"));
        Assert.That(plan.Source.RuleGroup, Is.EqualTo(HostileInput.RuleGroup));
    }

    [Test]
    public void Hostile_text_leaves_the_PowerShell_script_structure_unchanged()
    {
        var hostile = HostileInput.Plan();
        var harmless = Harmless(hostile);

        var hostileAst = PowerShellHost.Parse(Script(hostile));
        var harmlessAst = PowerShellHost.Parse(Script(harmless));

        Assert.That(Shape(hostileAst), Is.EqualTo(Shape(harmlessAst)), "only string values may differ: any other difference is text that became code");
        Assert.That(CommandNames(hostileAst).Distinct(), Is.SubsetOf(ExpectedCommands.Concat(FunctionNames(hostileAst))));
    }

    [Test]
    public void Hostile_text_is_in_the_script_as_single_quoted_literals_and_code_points_with_the_exact_value()
    {
        var plan = HostileInput.Plan();
        var ast = PowerShellHost.Parse(Script(plan));

        var strings = ast.FindAll(a => a is StringConstantExpressionAst s && s.Value.Contains("Invoke-Pwned", StringComparison.Ordinal), true).Cast<StringConstantExpressionAst>();
        Assert.That(strings.Select(s => s.StringConstantType), Is.Not.Empty.And.All.EqualTo(StringConstantType.SingleQuoted));
        Assert.That(ast.FindAll(a => a is ExpandableStringExpressionAst e && e.Value.Contains("Invoke-Pwned", StringComparison.Ordinal), true), Is.Empty);

        // The data part of the script, evaluated on its own, gives back every text exactly.
        var data = ast.FindAll(a => a is AssignmentStatementAst { Left: VariableExpressionAst { VariablePath.UserPath: "Plan" or "Group" } }, false).Select(a => a.Extent.Text);
        var values = PowerShellHost.Evaluate(string.Join("\n", data) + "\n$Group\n$Plan | ForEach-Object { $_.DisplayName; $_.Description }");
        Assert.That(values, Is.EqualTo(new[] { plan.Source.RuleGroup }.Concat(plan.Rules.SelectMany(r => new[] { r.DisplayName, r.Description }))));
    }

    [Test]
    public void Running_the_hostile_script_invokes_only_the_expected_commands_and_stores_the_text_intact()
    {
        var plan = HostileInput.Plan();
        using var shell = new PowerShellHost(new FakeFirewall());
        shell.Invoke("function global:Invoke-Pwned { $global:Pwned = $true }; $global:Pwned = $false");
        var script = Script(plan);

        shell.Run(script);
        var afterFirstRun = shell.Firewall.Rules();
        shell.Firewall.Changes.Clear();
        shell.Run(script);

        var allowed = ExpectedCommands.Concat(FunctionNames(PowerShellHost.Parse(script))).Concat(shell.StubCommands);
        var looked = shell.CommandsLookedUp.Where(c => !c.EndsWith(".ps1", StringComparison.Ordinal)).Distinct().ToList();
        Assert.That(looked, Is.SubsetOf(allowed));
        Assert.That(looked, Does.Contain("New-NetFirewallRule").And.Contain("Get-NetFirewallAddressFilter"), "the run really went through the stubs");
        Assert.That(shell.Invoke("$global:Pwned").Single().BaseObject, Is.False);
        Assert.That(FromStore(shell.Firewall.Rules()), Is.EqualTo(FromPlan(plan)), "names, descriptions and the group arrive exactly as planned");
        Assert.That(shell.Firewall.Changes, Is.Empty, "the second run found the rules of the hostile group (wildcards escaped) and changed nothing");
        Assert.That(afterFirstRun, Has.Count.EqualTo(plan.Rules.Count));
    }

    [Test]
    public void The_netsh_export_refuses_a_double_quote_or_a_line_break_with_the_rule_named()
    {
        var plan = HostileInput.Plan();

        var refused = Assert.Throws<ExportRefusedException>(() => new NetshPlanExporter().Export(plan, TestProvenance.Netsh));
        Assert.That(refused!.Refusal, Is.EqualTo(ExportRefusal.RuleText));

        // What the user reads: the CLI names the option to change.
        var problem = OptionErrors.Map(refused)!.Errors.Single();
        Assert.That(problem.Path, Does.Match(@"^\$\.rules\[\d+\]\.(displayName|description)$"));
        Assert.That(problem.Message, Does.Contain("rule 'fwkit-evil-tcp-"));
        Assert.That(problem.Fix, Does.Contain("--format powershell"));
    }

    [Test]
    public void In_the_netsh_export_hostile_text_stays_inside_its_quoted_value()
    {
        var plan = HostileInput.Plan(HostileInput.ForNetsh);

        var lines = new NetshPlanExporter().Export(plan, TestProvenance.Netsh).Split("\r\n");

        Assert.That(lines.All(l => l.All(c => c is >= ' ' and <= '~')), Is.True, "ASCII only, no control characters");
        var adds = lines.Where(l => l.StartsWith("netsh advfirewall firewall add rule ", StringComparison.Ordinal)).ToList();
        Assert.That(adds, Has.Count.EqualTo(plan.Rules.Count));
        for (var i = 0; i < adds.Count; i++)
        {
            var match = AddRule().Match(adds[i]);
            Assert.That(match.Success, Is.True, adds[i]);
            var description = match.Groups["description"].Value;
            Assert.That(PercentsAreDoubled().IsMatch(description.Replace("%%", string.Empty, StringComparison.Ordinal)), Is.False, "every % doubled, so cmd expands nothing");
            var rule = plan.Rules[i];
            Assert.That(description.Replace("%%", "%", StringComparison.Ordinal), Is.EqualTo(CmdQuoting.ToAscii(rule.DisplayName + ": " + rule.Description)));
        }

        foreach (var rem in lines.Where(l => l.StartsWith("rem", StringComparison.Ordinal)))
        {
            Assert.That(rem.Replace("%%", string.Empty, StringComparison.Ordinal), Does.Not.Contain("%"), rem);
            Assert.That(rem, Does.Not.EndWith("^"), rem);
        }
    }

    [Test]
    public void The_json_export_carries_hostile_text_exactly()
    {
        var plan = HostileInput.Plan();

        var rules = PlanContract.RuleReader.Parse("export.json", System.Text.Encoding.UTF8.GetBytes(new JsonPlanExporter().Export(plan)));

        Assert.That(rules.Select(r => (r.Name, r.DisplayName, r.Description, r.Group)), Is.EqualTo(plan.Rules.Select(r => (r.Name, r.DisplayName, r.Description, r.Group))));
    }

    /// <summary>The same plan with every text replaced by harmless text of no structure.</summary>
    private static RulePlan Harmless(RulePlan plan) => plan with
    {
        Rules = [.. plan.Rules.Select(r => r with { DisplayName = "x", Description = "x", Group = "x" })],
        Source = plan.Source with { RuleGroup = "x", ProfileName = "x", Profile = "x.json", Product = "x" },
    };

    /// <summary>The tree with every text value (a single-quoted literal, or literals and [char] code points joined by +) as one node.</summary>
    private static List<string> Shape(Ast ast) =>
        [.. ast.FindAll(a => !HasTextAncestor(a), true).Select(a => IsText(a) ? "text" : a is StringConstantExpressionAst s ? "string:" + s.StringConstantType : a.GetType().Name)];

    private static bool HasTextAncestor(Ast ast)
    {
        for (var parent = ast.Parent; parent is not null; parent = parent.Parent)
        {
            if (IsText(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsText(Ast ast) => ast switch
    {
        StringConstantExpressionAst { StringConstantType: StringConstantType.SingleQuoted } => true,
        ParenExpressionAst { Pipeline: PipelineAst { PipelineElements: [CommandExpressionAst { Expression: BinaryExpressionAst sum }] } } => IsSum(sum),
        _ => false,
    };

    private static bool IsSum(ExpressionAst ast) => ast switch
    {
        BinaryExpressionAst { Operator: TokenKind.Plus } b => IsSum(b.Left) && IsSum(b.Right),
        StringConstantExpressionAst { StringConstantType: StringConstantType.SingleQuoted } => true,
        ConvertExpressionAst { Type.TypeName.Name: "char", Child: ConstantExpressionAst { Value: int } } => true,
        _ => false,
    };

    private static IEnumerable<string> CommandNames(Ast ast) =>
        ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName() ?? "<dynamic>");

    private static IEnumerable<string> FunctionNames(Ast ast) =>
        ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name);

    [GeneratedRegex("^netsh advfirewall firewall add rule name=fwkit-evil-(?<protocol>tcp|udp)-\\d+-[a-z-]+ dir=in action=(allow|block) protocol=\\k<protocol> localport=[0-9,]+ remoteip=(?:[0-9a-f.:/,-]+|any) profile=[a-z,]+ enable=yes description=\"(?<description>[^\"]*)\" >nul$")]
    private static partial Regex AddRule();

    [GeneratedRegex("%")]
    private static partial Regex PercentsAreDoubled();
}

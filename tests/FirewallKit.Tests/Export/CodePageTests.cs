using System.Management.Automation.Language;
using System.Text;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Tests.Support.NetSecurity;
using static FirewallKit.Tests.Support.ExportTestPlans;
using NS = Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity;

namespace FirewallKit.Tests.Export;

/// <summary>
/// An exported script reads the same in every code page a Windows machine may read it in: from cmd.exe,
/// <c>fwkit export &gt; fw.ps1</c> writes UTF-8 without a byte order mark, which Windows PowerShell 5.1
/// reads as ANSI (Windows-125x), and cmd.exe reads a batch file in the OEM code page (437, 850).
/// </summary>
public sealed class CodePageTests
{
    private static readonly int[] CodePages = [1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 437, 850];

    private static readonly FakeRule Foreign = new(
        "RemoteDesktop-UserMode-In-TCP", "Remote Desktop - User Mode (TCP-In)", "Inbound rule for Remote Desktop", "@FirewallAPI.dll,-28752",
        NS.Enabled.True, NS.Profile.Any, NS.Direction.Inbound, NS.Action.Allow, "TCP", ["3389"], ["Any"]);

    static CodePageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string ReadAs(int codePage, string script) => Encoding.GetEncoding(codePage).GetString(new UTF8Encoding(false).GetBytes(script));

    private static IEnumerable<RulePlan> Plans() => [HostileInput.Plan(), Shipped("cluster.json")];

    [TestCaseSource(nameof(CodePages))]
    public void The_PowerShell_script_parses_to_the_same_syntax_tree_in_code_page(int codePage)
    {
        foreach (var plan in Plans())
        {
            var script = Script(plan);

            var asWritten = PowerShellHost.Parse(script);
            var asRead = PowerShellHost.Parse(ReadAs(codePage, script));

            Assert.That(Tree(asRead), Is.EqualTo(Tree(asWritten)));
        }
    }

    [TestCaseSource(nameof(CodePages))]
    public void The_arrow_display_name_stays_inert_in_code_page(int codePage)
    {
        var plan = HostileInput.Plan();
        var script = ReadAs(codePage, Script(plan));
        var firewall = new FakeFirewall();
        firewall.Seed(Foreign);
        using var shell = new PowerShellHost(firewall);
        shell.Invoke("function global:Invoke-Pwned { $global:Pwned = $true }; $global:Pwned = $false");

        shell.Run(script);

        Assert.That(firewall.Changes, Is.EquivalentTo(plan.Rules.Select(r => $"New PersistentStore {r.Name}")), "the planned rules are created, nothing else runs");
        Assert.That(firewall.Rules().Select(r => r.Name), Does.Contain(Foreign.Name));
        Assert.That(shell.Invoke("$global:Pwned").Single().BaseObject, Is.False);
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name != Foreign.Name)), Is.EqualTo(FromPlan(plan)), "the arrow and the accents arrive as written");
    }

    [Test]
    public void The_exported_scripts_are_plain_ASCII()
    {
        foreach (var plan in Plans())
        {
            Assert.That(Script(plan).All(c => AsciiText.IsPrintable(c) || c == '\n'), Is.True);
        }

        var netsh = new NetshPlanExporter().Export(HostileInput.Plan(HostileInput.ForNetsh), TestProvenance.Netsh);
        Assert.That(netsh.All(c => AsciiText.IsPrintable(c) || c is '\r' or '\n'), Is.True);
    }

    [TestCaseSource(nameof(CodePages))]
    public void The_netsh_script_reads_the_same_in_code_page(int codePage)
    {
        var netsh = new NetshPlanExporter().Export(HostileInput.Plan(HostileInput.ForNetsh), TestProvenance.Netsh);

        Assert.That(ReadAs(codePage, netsh), Is.EqualTo(netsh));
    }

    /// <summary>Every node of the tree with its kind and, for constants, its value.</summary>
    private static List<string> Tree(Ast ast) =>
        [.. ast.FindAll(_ => true, true).Select(a => a switch
        {
            StringConstantExpressionAst s => $"string:{s.StringConstantType}:{s.Value}",
            ConstantExpressionAst c => $"constant:{c.Value}",
            CommandAst c => "command:" + (c.GetCommandName() ?? "<dynamic>"),
            _ => a.GetType().Name,
        })];
}

using FirewallKit.Tests.Support;
using FirewallKit.Tests.Support.NetSecurity;
using static FirewallKit.Tests.Support.ExportTestPlans;

namespace FirewallKit.Tests.Export;

/// <summary>
/// docs/export.md shows what the exported script printed in the hosted engine against the stub cmdlets.
/// Its summary lines are pinned here, so a change in the plan or the script cannot leave the page stale.
/// </summary>
public class ExportPageTests
{
    private const string Gpo = "contoso.com\\PrinterOn Firewall";

    private static readonly string Page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "export.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void The_export_page_shows_the_summaries_the_script_prints()
    {
        var script = Script(Shipped("cluster.json"));
        var firewall = new FakeFirewall();
        firewall.AddGpo(Gpo);
        using var shell = new PowerShellHost(firewall);

        string[] printed =
        [
            shell.Run(script, ("WhatIf", null)).Messages[^1],
            shell.Run(script).Messages[^1],
            shell.Run(script).Messages[^1],
            .. shell.Run(script, ("PolicyStore", Gpo)).Messages.TakeLast(2),
        ];

        var transcript = Page[Page.IndexOf("PS> .\\printeron-fw.ps1 -WhatIf\n", StringComparison.Ordinal)..];
        var shown = transcript[..transcript.IndexOf("```", StringComparison.Ordinal)].Split('\n').Where(l => !l.StartsWith("PS> ", StringComparison.Ordinal) && !l.StartsWith("What if: ", StringComparison.Ordinal) && l.Length > 0);
        Assert.That(shown, Is.EqualTo(printed), "docs/export.md's transcript is stale: run the script against the stubs again and paste its summaries");
    }
}

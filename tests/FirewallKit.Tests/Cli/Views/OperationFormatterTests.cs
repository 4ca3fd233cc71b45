using System.Text.Json;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Cli.Views;

public class OperationFormatterTests
{
    private static OperationReport Report(string operation, OperationStatus status, RuleDiff? diff, string? error = null) =>
        new() { Operation = operation, Status = status, Ownership = TestRules.Ownership, Diff = diff, BackupPath = "C:\\backups\\b.json", Error = error };

    [Test]
    public void An_update_says_what_changes_in_words()
    {
        var desired = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8", "LocalSubnet");
        var current = desired with { RemoteAddresses = AddressSet.Parse("10.0.0.0/255.0.0.0", "10.99.0.1", "DNS"), LocalPorts = PortSet.Parse("444"), Enabled = false, Profiles = NetworkProfiles.All };

        var text = OperationFormatter.Text(Report("apply", OperationStatus.DryRun, RuleDiff.Compute([desired], [current])));

        Assert.That(text, Does.Contain("update     fwkit-printeron-tcp-443-allow  localPorts 444 → 443; remoteAddresses adds LocalSubnet, drops DNS; profiles Domain,Private,Public → Domain,Private; enabled false → true"));
        Assert.That(text, Does.EndWith("Dry run: 1 to update; nothing was written.\n"));
    }

    [Test]
    public void Duplicates_are_counted_in_a_delete()
    {
        var rule = TestRules.Block("tcp-80-block", 80);
        var text = OperationFormatter.Text(Report("remove", OperationStatus.Applied, RuleDiff.Compute([], [rule, rule])));
        Assert.That(text, Does.Contain("delete     fwkit-printeron-tcp-80-block  Block TCP 80 from Any (2 rules with this name)"));
    }

    [Test]
    public void Nothing_is_printed_when_nothing_could_be_compared() =>
        Assert.That(OperationFormatter.Text(Report("verify", OperationStatus.Blocked, null)), Is.Empty);

    [Test]
    public void A_rollback_failure_names_the_backup_in_text_and_json()
    {
        var report = Report("apply", OperationStatus.RollbackFailed, RuleDiff.Compute([TestRules.Block("tcp-80-block", 80)], []), "access denied");

        using var json = JsonDocument.Parse(OperationFormatter.Json(report, 5));

        Assert.That(OperationFormatter.Text(report), Does.Contain("fwkit rollback --backup \"C:\\backups\\b.json\""));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("rollback-failed"));
        Assert.That(json.RootElement.GetProperty("backup").GetString(), Is.EqualTo("C:\\backups\\b.json"));
        Assert.That(json.RootElement.GetProperty("error").GetString(), Is.EqualTo("access denied"));
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Export;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Export;

public sealed class RegistryPolExportTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    [Test]
    public void Export_writes_a_Registry_pol_whose_values_are_the_plan_s_rule_strings()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var pol = Path.Combine(folder.Path, "fw.pol");

        var result = CliRunner.Run("export", "--profile", Cluster, "--format", "registry-pol", "--output", pol);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var plan = ShippedPlans.Of("cluster.json");
        var values = PolicyFile.Read(pol, File.ReadAllBytes(pol));
        Assert.That(values.Select(v => v.Name), Is.EqualTo(plan.Rules.Select(r => r.Name)));
        Assert.That(values.Select(v => v.Key).Distinct(), Is.EqualTo(new[] { FirewallPolicyKeys.GroupPolicyRules }));
    }

    [Test]
    public void Export_refuses_to_write_a_Registry_pol_to_the_terminal()
    {
        var result = CliRunner.Run("export", "--profile", Cluster, "--format", "registry-pol");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--output").And.Contain("binary"));
    }

    [Test]
    public void Audit_of_fwkit_s_own_Registry_pol_matches_the_plan()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var pol = Path.Combine(folder.Path, "fw.pol");
        Assert.That(CliRunner.Run("export", "--profile", Cluster, "--format", "registry-pol", "--output", pol).ExitCode, Is.EqualTo(0));

        var result = CliRunner.Run("audit", "--rules", pol, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Out + result.Error);
        Assert.That(result.Out, Does.Contain("(registry-pol, 42 rules)").And.Contain("Verdict: matches the plan"));
    }

    [Test]
    public void A_bar_in_a_rule_s_text_is_refused_naming_the_rule_s_field()
    {
        var plan = ShippedPlans.Of("cluster.json");
        var rules = plan.Rules.ToList();
        rules[3] = rules[3] with { DisplayName = "PrinterOn | CPS" };

        var refused = Assert.Throws<ExportRefusedException>(() => RegistryPolExporter.Export(plan with { Rules = rules }))!;

        Assert.That(refused.Path, Is.EqualTo("$.rules[3].displayName"));
        Assert.That(refused.Refusal, Is.EqualTo(ExportRefusal.RuleText));
        Assert.That(refused.Message, Does.Contain("'|'").And.Contain(rules[3].Name));
    }

    [Test]
    public void A_profile_that_ignores_local_rules_gets_the_profile_settings_and_a_warning_saying_what_it_switches_off()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var profile = Path.Combine(folder.Path, "gpo.json");
        File.WriteAllText(profile, File.ReadAllText(Cluster).Replace("\"name\": \"cluster\",", "\"name\": \"cluster\", \"groupPolicy\": { \"localRules\": \"ignore\" },", StringComparison.Ordinal));
        var pol = Path.Combine(folder.Path, "fw.pol");

        var result = CliRunner.Run("export", "--profile", profile, "--format", "registry-pol", "--output", pol);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Error, Does.Contain("local-rules-ignored").And.Contain("Remote Desktop"));
        var firewall = new Core.Audit.RuleDump(pol).Read();
        Assert.That(firewall.StateOf(NetworkProfiles.Domain), Is.EqualTo(new ProfileState(NetworkProfiles.Domain, true, RuleAction.Block, true, AllowLocalRules: false, Known: true)));
        Assert.That(firewall.StateOf(NetworkProfiles.Public).Known, Is.False, "the plan writes rules for Domain and Private only");
    }

    [Test]
    public void An_unknown_local_rules_value_is_refused_naming_its_path()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var profile = Path.Combine(folder.Path, "gpo.json");
        File.WriteAllText(profile, File.ReadAllText(Cluster).Replace("\"name\": \"cluster\",", "\"name\": \"cluster\", \"groupPolicy\": { \"localRules\": \"drop\" },", StringComparison.Ordinal));

        var result = CliRunner.Run("export", "--profile", profile, "--format", "registry-pol", "--output", Path.Combine(folder.Path, "fw.pol"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("$.groupPolicy.localRules").And.Contain("\"ignore\""));
    }

    /// <summary>
    /// Done-when of issue 20: a PReg and rule-string reader that is not fwkit's (Python, beside this test) reads the export;
    /// the rules it finds, beside a foreign allow-all, let in exactly whom the plan's own rules let in.
    /// </summary>
    [Test]
    public void A_reader_that_is_not_fwkit_s_finds_the_plan_s_intent_beside_a_foreign_allow_all()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var pol = Path.Combine(folder.Path, "fw.pol");
        Assert.That(CliRunner.Run("export", "--profile", Cluster, "--format", "registry-pol", "--output", pol).ExitCode, Is.EqualTo(0));
        var plan = ShippedPlans.Of("cluster.json");

        var records = ReadWithPython(pol);

        var decoded = records.Select(Decode).ToList();
        Assert.That(decoded.Select(r => r.Name), Is.EqualTo(plan.Rules.Select(r => r.Name)), "value names are the rule IDs");
        Assert.That(decoded.Select(r => r.Group).Distinct(), Is.EqualTo(new[] { plan.Source.RuleGroup }), "EmbedCtxt is the group");
        var theirs = ForeignAllowAll.Beside(decoded);
        var ours = ForeignAllowAll.Beside(plan.Rules);
        string[] sources = ["10.0.0.5", "10.20.0.11", "10.20.0.12", "10.20.0.99", "10.30.0.7", "192.0.2.1", "fd00::5", "fd00:20::13", "2001:db8::1"];
        foreach (var port in plan.Ports.SelectMany(p => p.Port.Numbers.Intervals.Take(1).Select(i => (int)i.Start)))
        {
            foreach (var protocol in new[] { TransportProtocol.Tcp, TransportProtocol.Udp })
            {
                foreach (var source in sources)
                {
                    foreach (var profile in RuleTerms.EachNetworkProfile)
                    {
                        var query = new ConnectionQuery(IPAddress.Parse(source), port, protocol);
                        Assert.That(theirs.Evaluate(query, profile).IsAllowed, Is.EqualTo(ours.Evaluate(query, profile).IsAllowed), $"{protocol} {port} from {source} in {profile}");
                    }
                }
            }
        }
    }

    private static List<JsonElement> ReadWithPython(string pol)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "FirewallKit.Tests", "Export", "IndependentReader", "read_pol.py");
        ProcessStartInfo start = new("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(pol);
        Process? python;
        try
        {
            python = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            python = null;
        }

        if (python is null)
        {
            Assert.Ignore("python3 is not installed");
        }

        var output = python!.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.That(python.ExitCode, Is.EqualTo(0), error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray()];
    }

    /// <summary>A rule from the Python reader's fields, by the grammar's keys, with fwkit's address and port types only to compare.</summary>
    private static FirewallRule Decode(JsonElement record)
    {
        var fields = record.GetProperty("fields").EnumerateArray().Select(f => (Key: f[0].GetString()!, Value: f[1].GetString()!)).ToList();
        IEnumerable<string> All(params string[] keys) => fields.Where(f => keys.Contains(f.Key)).Select(f => f.Value);
        string One(string key) => fields.Single(f => f.Key == key).Value;
        var profiles = All("Profile").Select(p => Enum.Parse<NetworkProfiles>(p)).Aggregate(NetworkProfiles.None, (a, b) => a | b);
        var addresses = All("RA4", "RA6").ToList();
        return new FirewallRule
        {
            Name = record.GetProperty("name").GetString()!,
            DisplayName = One("Name"),
            Group = One("EmbedCtxt"),
            Action = One("Action") == "Allow" ? RuleAction.Allow : RuleAction.Block,
            Protocol = One("Protocol") == "6" ? TransportProtocol.Tcp : TransportProtocol.Udp,
            LocalPorts = PortSet.Parse([.. All("LPort", "LPort2_10")]),
            RemoteAddresses = addresses.Count == 0 ? AddressSet.Any : AddressSet.Parse(addresses),
            Profiles = profiles == NetworkProfiles.None ? NetworkProfiles.All : profiles,
            Enabled = One("Active") == "TRUE",
        };
    }
}

using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

/// <summary>
/// The real <see cref="ComFirewallStore"/> against the fake firewall, driven through the same
/// entry points as <c>fwkit apply/verify/remove/rollback</c> (<see cref="FirewallOperations"/>),
/// with the fake's grouped-rule protection (<see cref="FakeFirewall.ProtectGroupedRules"/>) off and on:
/// whether Windows enforces it through COM is not known yet, and fwkit must work either way.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public class ComFirewallStoreTests(bool protectGroupedRules)
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");
    private TempDirectory _backups = null!;
    private FakeFirewall _fake = null!;
    private FakeWindowsMachine _machine = null!;

    [SetUp]
    public void NewMachine()
    {
        _backups = new TempDirectory();
        _fake = new FakeFirewall { ProtectGroupedRules = protectGroupedRules };
        _machine = new FakeWindowsMachine(_fake);
    }

    [TearDown]
    public void DeleteBackups() => _backups.Dispose();

    private OperationReport Apply(string profile) =>
        FirewallOperations.Apply(new ApplyRequest(new PlanRequest(profile), DryRun: false, _backups.Path), _machine, GivenInterfaces.Office, FixedClock.Default);

    private OperationReport Verify(string profile) => FirewallOperations.Verify(new PlanRequest(profile), _machine, GivenInterfaces.Office);

    private OperationReport Remove() => FirewallOperations.Remove(new RemoveRequest(null, null, DryRun: false, _backups.Path), _machine, FixedClock.Default);

    private OperationReport Rollback(string backup) => FirewallOperations.Rollback(new RollbackRequest(backup, DryRun: false, _backups.Path, ProfilePath: Cluster), _machine, FixedClock.Default);

    private List<ComRuleRecord> Records() => [.. _fake.Rules.Select(rule => rule.Record)];

    private FakeRule Stored(string name) => _fake.Rules.Single(rule => rule.Record.Name == name);

    [Test]
    public void Apply_writes_every_planned_rule_enabled_and_verify_is_in_sync()
    {
        var plan = ShippedPlans.Of("cluster.json");

        var applied = Apply(Cluster);
        var verified = Verify(Cluster);

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);
        Assert.That(_fake.Rules.Select(r => r.Record.Name), Is.EquivalentTo(plan.Rules.Select(r => r.Name)));
        Assert.That(_fake.Rules.Select(r => r.Record), Has.All.Matches<ComRuleRecord>(r => r!.Enabled && r.Grouping == TestRules.Group && r.Direction == 1));
        Assert.That(verified.Status, Is.EqualTo(OperationStatus.InSync), string.Join(", ", verified.Diff?.Writes.Select(w => $"{w.Name} {string.Join("/", w.Fields)}") ?? []));
    }

    [Test]
    public void A_second_apply_makes_no_write_at_all()
    {
        Apply(Cluster);
        var writes = _fake.Writes;

        var second = Apply(Cluster);

        Assert.That(second.Status, Is.EqualTo(OperationStatus.NoChanges));
        Assert.That(_fake.Writes - writes, Is.Zero);
    }

    [Test]
    public void A_whole_address_family_is_written_without_loopback_and_stays_in_sync()
    {
        using var profiles = new TempDirectory();
        var everyone = Save(profiles, "everyone.json", ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients("0.0.0.0/0"));

        var applied = Apply(everyone);

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);
        var written = _fake.Rules.Select(r => r.Record.RemoteAddresses).ToList();
        Assert.That(written, Has.None.Contains("/0"), "[MS-FASP] refuses a prefix of 0");
        Assert.That(written, Has.Some.EqualTo("::2-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), "every IPv6 source is blocked, written as a range without '::' and '::1'");
        var allow = _fake.Rules.Single(r => r.Record.Name == "fwkit-printeron-tcp-443-allow").Record.RemoteAddresses!;
        Assert.That(AddressSet.ParseList(allow), Is.EqualTo(AddressSet.Parse("0.0.0.0-126.255.255.255", "128.0.0.0/1")), "every IPv4 source, loopback left out");
        Assert.That(Verify(everyone).Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void A_single_IPv6_peer_reads_back_as_a_range_of_itself_and_a_second_apply_writes_nothing()
    {
        using var profiles = new TempDirectory();
        var cluster = Save(profiles, "cluster.json", ProfileBuilder.Cluster("10.20.0.11", "fd00:20::12"));

        var applied = Apply(cluster);
        var writes = _fake.Writes;
        var second = Apply(cluster);

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);
        Assert.That(_fake.Rules.Select(r => r.Record.RemoteAddresses), Has.Some.Contains("fd00:20::12-fd00:20::12"), "Windows' form of a single IPv6 address");
        Assert.That(second.Status, Is.EqualTo(OperationStatus.NoChanges), string.Join(", ", second.Diff?.Writes.Select(w => $"{w.Name} {string.Join("/", w.Fields)}") ?? []));
        Assert.That(_fake.Writes - writes, Is.Zero);
        Assert.That(Verify(cluster).Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void Keywords_in_Windows_own_spellings_are_no_drift_and_a_newer_keyword_set_by_hand_is_repaired()
    {
        using var profiles = new TempDirectory();
        var keywords = Save(profiles, "keywords.json", ProfileBuilder.SingleServer().Clients("DefaultGateway", "dns"));
        Assert.That(Apply(keywords).Status, Is.EqualTo(OperationStatus.Applied));
        var rule = _fake.Rules.First(r => r.Record.RemoteAddresses!.Contains("DefaultGateway", StringComparison.Ordinal));
        Assert.That(rule.Record.RemoteAddresses, Is.EqualTo("DNS,DefaultGateway"), "read back in Windows' order and spelling");
        var writes = _fake.Writes;

        Assert.That(Apply(keywords).Status, Is.EqualTo(OperationStatus.NoChanges));
        Assert.That(_fake.Writes - writes, Is.Zero);

        // Set by hand on a current Windows: read back as IntrAnet and Ply2Renders, which fwkit reads (and repairs) rather than refuses.
        rule.Load(rule.Record with { RemoteAddresses = "IntrAnet,Ply2Renders" });
        var drift = Verify(keywords);
        Assert.That(drift.Status, Is.EqualTo(OperationStatus.Drift), drift.Error);
        var repaired = Apply(keywords);
        Assert.That(repaired.Status, Is.EqualTo(OperationStatus.Applied), repaired.Error);
        Assert.That(Verify(keywords).Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void An_undocumented_keyword_is_refused_before_anything_is_written()
    {
        using var profiles = new TempDirectory();
        var internet = Save(profiles, "internet.json", ProfileBuilder.SingleServer().Clients("Internet"));

        var report = Apply(internet);

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(report.Error, Does.Contain("'Internet'").And.Contain("rule 'fwkit-printeron-").And.Contain("replace it with addresses").And.Contain("nothing was changed"));
        Assert.That(_fake.Writes, Is.Zero);
        Assert.That(_backups.Files, Is.Empty);
    }

    [Test]
    public void Remove_deletes_only_fwkits_rules_and_rollback_restores_them_exactly()
    {
        Apply(Cluster);
        _fake.Seed(ComRuleRecords.Allow("My own rule") with { Grouping = TestRules.Group });
        var before = Records();

        var removed = Remove();
        var afterRemove = Records();
        var restored = Rollback(removed.BackupPath!);

        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied), removed.Error);
        Assert.That(afterRemove.Select(r => r.Name), Is.EqualTo(new[] { "My own rule" }));
        Assert.That(restored.Status, Is.EqualTo(OperationStatus.Applied), restored.Error);
        Assert.That(Records(), Is.EquivalentTo(before));
    }

    /// <summary>Rules someone else put in fwkit's group: one fwkit does not own, and ones it cannot represent.</summary>
    private static IEnumerable<ComRuleRecord> ForeignRulesInTheGroup() =>
    [
        ComRuleRecords.Allow("Admin's web rule") with { Grouping = TestRules.Group },
        ComRuleRecords.Allow("Outbound to the licence server") with { Grouping = TestRules.Group, Direction = 2 },
        ComRuleRecords.Allow("Ping") with { Grouping = TestRules.Group, Protocol = 1, LocalPorts = "*", IcmpTypesAndCodes = "8:*" },
        ComRuleRecords.Allow("Anything from the jump host") with { Grouping = TestRules.Group, Protocol = 256, LocalPorts = "*" },
        ComRuleRecords.Allow("Print spooler program") with { Grouping = TestRules.Group, LocalPorts = "*", ApplicationName = @"%SystemRoot%\System32\spoolsv.exe" },
        // Even under a name fwkit writes, an outbound rule is not fwkit's to change.
        ComRuleRecords.Allow("fwkit-printeron-tcp-443-allow") with { Grouping = TestRules.Group, Direction = 2 },
    ];

    [Test]
    public void Foreign_rules_in_the_group_are_reported_never_touched_and_never_fatal()
    {
        var foreign = ForeignRulesInTheGroup().ToList();
        foreach (var record in foreign)
        {
            _fake.Seed(record);
        }

        var applied = Apply(Cluster);
        var verified = Verify(Cluster);
        var again = Apply(Cluster);
        var afterApply = Records();
        var removed = Remove();

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);
        Assert.That(verified.Status, Is.EqualTo(OperationStatus.InSync));
        Assert.That(again.Status, Is.EqualTo(OperationStatus.NoChanges));
        if (protectGroupedRules)
        {
            // fwkit's 443 allow rule shares its name with the outbound one, so it can be deleted
            // alone only after a rename, which the protection refuses: remove fails and restores.
            Assert.That(removed.Status, Is.EqualTo(OperationStatus.RolledBack), removed.Error);
            Assert.That(removed.Error, Does.Contain("cannot delete fwkit's rule 'fwkit-printeron-tcp-443-allow' alone").And.Contain("rename or remove the other rule"));
            Assert.That(Records(), Is.EquivalentTo(afterApply), "ends as it began");
        }
        else
        {
            Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied), removed.Error);
            Assert.That(Records(), Is.EquivalentTo(foreign), "exactly the foreign rules are left, unchanged");
        }

        // fwkit's own 443 allow rule shares its name with the outbound one: the records above show which was written.
        Assert.That(Records().Where(r => foreign.Any(f => f.Name == r.Name && f.Direction == r.Direction)), Is.EquivalentTo(foreign), "the foreign rules are unchanged");
        Assert.That(_fake.Calls.Where(call => call.Commits && call.RuleName != "fwkit-printeron-tcp-443-allow" && foreign.Any(f => f.Name == call.RuleName)), Is.Empty, "no write touched a foreign rule");
        var warning = verified.Warnings.Single(w => w.Code == "foreign-rules-in-group").Message;
        Assert.That(warning, Does.StartWith("6 rule(s) in group"));
        Assert.That(warning, Does.Contain("'Outbound to the licence server' is an outbound rule"));
        Assert.That(warning, Does.Contain("'Ping' is an ICMPv4 rule"));
        Assert.That(warning, Does.Contain("'Anything from the jump host' matches any protocol"));
        Assert.That(warning, Does.Contain("'Print spooler program' is not fwkit's"));
        Assert.That(warning, Does.Contain("'Admin's web rule' is not fwkit's"));
    }

    /// <summary>A value for each field the plan leaves unset, as Windows reads it back.</summary>
    public static IEnumerable<TestCaseData> HandEdits()
    {
        var edits = new (string Field, Func<ComRuleRecord, ComRuleRecord> Edit)[]
        {
            ("applicationName", r => r with { ApplicationName = @"C:\Tools\evil.exe" }),
            ("serviceName", r => r with { ServiceName = "Spooler" }),
            ("localAddresses", r => r with { LocalAddresses = "192.168.1.10/255.255.255.255" }),
            ("remotePorts", r => r with { RemotePorts = "1024-65535" }),
            ("icmpTypesAndCodes", r => r with { IcmpTypesAndCodes = "8:*" }),
            ("interfaces", r => r with { Interfaces = ["Ethernet"] }),
            ("interfaceTypes", r => r with { InterfaceTypes = "Wireless" }),
            ("edgeTraversalOptions", r => r with { EdgeTraversal = true, EdgeTraversalOptions = 1 }),
            ("localAppPackageId", r => r with { LocalAppPackageId = "S-1-15-2-1" }),
            ("localUserOwner", r => r with { LocalUserOwner = "S-1-5-21-1-2-3-1001" }),
            ("localUserAuthorizedList", r => r with { LocalUserAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001)" }),
            ("remoteUserAuthorizedList", r => r with { RemoteUserAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1002)" }),
            ("remoteMachineAuthorizedList", r => r with { RemoteMachineAuthorizedList = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1003)" }),
            ("secureFlags", r => r with { SecureFlags = 1 }),
        };
        return edits.Select(e => new TestCaseData(e.Field, e.Edit).SetName($"A_hand_set_{e.Field}_on_a_block_others_rule_is_drift_that_apply_repairs"));
    }

    [TestCaseSource(nameof(HandEdits))]
    public void A_hand_edited_field_is_drift_that_apply_repairs(string field, Func<ComRuleRecord, ComRuleRecord> edit)
    {
        const string blockOthers = "fwkit-printeron-tcp-443-block-others";
        Apply(Cluster);
        var planned = Stored(blockOthers).Record;
        Stored(blockOthers).Load(edit(planned));

        var drift = Verify(Cluster);
        var repaired = Apply(Cluster);

        Assert.That(drift.Status, Is.EqualTo(OperationStatus.Drift));
        Assert.That(drift.Diff!.Writes.Select(w => (w.Name, string.Join(",", w.Fields))), Is.EqualTo(new[] { (blockOthers, field) }));
        Assert.That(repaired.Status, Is.EqualTo(OperationStatus.Applied), repaired.Error);
        Assert.That(Stored(blockOthers).Record, Is.EqualTo(planned));
        Assert.That(Verify(Cluster).Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void A_program_set_on_a_block_others_rule_is_repaired_by_adding_its_replacement_before_removing_it()
    {
        const string blockOthers = "fwkit-printeron-tcp-443-block-others";
        Apply(Cluster);
        var planned = Stored(blockOthers).Record;
        Stored(blockOthers).Load(planned with { ApplicationName = @"C:\Tools\evil.exe" });
        _fake.Calls.Clear();

        var repaired = Apply(Cluster);

        // The program is a field Windows may protect on a grouped rule: never put, the rule is replaced.
        Assert.That(repaired.Status, Is.EqualTo(OperationStatus.Applied), repaired.Error);
        Assert.That(_fake.Calls.Where(c => c.Commits).Select(c => c.ToString().Split('.')[1].Split(' ')[0] + " " + (c.RuleName == blockOthers ? "rule" : "stand-in")), Is.EqualTo(new[]
        {
            "Add stand-in", "Remove rule", "Add rule", "Remove stand-in",
        }));
        Assert.That(Stored(blockOthers).Record, Is.EqualTo(planned));
    }

    [Test]
    public void A_hand_edited_description_on_an_allow_rule_is_repaired_by_removing_it_before_adding_it_again()
    {
        const string allow = "fwkit-printeron-tcp-443-allow";
        Apply(Cluster);
        var planned = Stored(allow).Record;
        Stored(allow).Load(planned with { Description = "Opened for the vendor by hand" });
        _fake.Calls.Clear();

        var repaired = Apply(Cluster);

        Assert.That(repaired.Status, Is.EqualTo(OperationStatus.Applied), repaired.Error);
        Assert.That(_fake.Calls.Where(c => c.Commits).Select(c => c.ToString()), Is.EqualTo(new[] { $"INetFwRules.Remove [{allow}]", $"INetFwRules.Add [{allow}]" }));
        Assert.That(Stored(allow).Record, Is.EqualTo(planned));
    }

    [Test]
    public void A_name_held_twice_by_fwkit_alone_is_removed_by_name_without_a_rename()
    {
        Apply(Cluster);
        _fake.Seed(Stored("fwkit-printeron-tcp-80-block").Record);
        _fake.Calls.Clear();

        var removed = Remove();

        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied), removed.Error);
        Assert.That(_fake.Rules, Is.Empty);
        Assert.That(_fake.Calls.Where(c => c.Commits).Select(c => c.Member), Has.All.EqualTo("Remove"));
    }

    private static string Save(TempDirectory directory, string name, ProfileBuilder profile)
    {
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, profile.ToJson());
        return path;
    }
}

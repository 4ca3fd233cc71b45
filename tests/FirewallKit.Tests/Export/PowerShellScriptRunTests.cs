using FirewallKit.Core.Addresses;
using System.Management.Automation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support.NetSecurity;
using static FirewallKit.Tests.Support.ExportTestPlans;
using NS = Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity;

namespace FirewallKit.Tests.Export;

/// <summary>Exported scripts run in the real PowerShell engine against the stub NetSecurity cmdlets.</summary>
public sealed class PowerShellScriptRunTests
{
    private const string Gpo = @"contoso.com\PrinterOn Firewall";

    private static FakeRule Foreign => new(
        "RemoteDesktop-UserMode-In-TCP", "Remote Desktop - User Mode (TCP-In)", "Inbound rule for Remote Desktop", "@FirewallAPI.dll,-28752",
        NS.Enabled.True, NS.Profile.Any, NS.Direction.Inbound, NS.Action.Allow, "TCP", ["3389"], ["Any"]);

    [TestCaseSource(typeof(ExportTestPlans), nameof(ShippedProfiles))]
    public void First_run_brings_an_empty_store_to_exactly_the_plan(string profile)
    {
        var plan = Shipped(profile);
        using var shell = new PowerShellHost(new FakeFirewall());

        var result = shell.Run(Script(plan));

        Assert.That(FromStore(shell.Firewall.Rules()), Is.EqualTo(FromPlan(plan)));
        Assert.That(result.Messages[^1], Does.StartWith($"Done: {plan.Rules.Count} created, 0 updated, 0 removed"));
    }

    [TestCaseSource(typeof(ExportTestPlans), nameof(ShippedProfiles))]
    public void Second_run_changes_nothing_and_says_so(string profile)
    {
        var plan = Shipped(profile);
        using var shell = new PowerShellHost(new FakeFirewall());
        shell.Run(Script(plan));
        shell.Firewall.Changes.Clear();

        var result = shell.Run(Script(plan));

        Assert.That(shell.Firewall.Changes, Is.Empty, "the second run must not rewrite rules whose values came back in Windows' own forms");
        Assert.That(result.Messages, Has.Exactly(1).StartsWith("No change: all"));
    }

    /// <summary>The shipped cluster and multi-server plans, and a cluster of 1,500 scattered peers.</summary>
    public static IEnumerable<TestCaseData> LargePlans()
    {
        yield return new TestCaseData("cluster.json").SetArgDisplayNames("cluster.json");
        yield return new TestCaseData("multi-server.json").SetArgDisplayNames("multi-server.json");
        yield return new TestCaseData("1500 peers").SetArgDisplayNames("1500 peers");
    }

    private static RulePlan LargePlan(string name) => name.EndsWith(".json", StringComparison.Ordinal)
        ? Shipped(name)
        : ProfileBuilder.Cluster([.. Enumerable.Range(0, 1500).Select(i => $"10.{i / 100}.{2 * (i % 100)}.7")]).Plan();

    /// <summary>The NetSecurity cmdlets the engine looked up (each pipeline that runs one looks it up once).</summary>
    private static int NetSecurityLookups(PowerShellHost shell) =>
        shell.CommandsLookedUp.Count(c => c.Contains("-NetFirewall", StringComparison.OrdinalIgnoreCase) || c.EndsWith("-NetGPO", StringComparison.OrdinalIgnoreCase));

    [TestCaseSource(nameof(LargePlans))]
    public void A_run_that_changes_nothing_reads_the_store_in_at_most_ten_cmdlet_calls_whatever_the_rule_count(string name)
    {
        var plan = LargePlan(name);
        using var shell = new PowerShellHost(new FakeFirewall());
        shell.Run(Script(plan));
        shell.Firewall.Calls.Clear();
        var lookupsBefore = NetSecurityLookups(shell);

        var result = shell.Run(Script(plan));

        var lookups = NetSecurityLookups(shell) - lookupsBefore;
        TestContext.Out.WriteLine($"{plan.Rules.Count} rules: {shell.Firewall.Calls.Count} cmdlet calls, {lookups} NetSecurity lookups");
        Assert.That(result.Messages, Has.Exactly(1).StartsWith("No change: all"));
        Assert.That(shell.Firewall.Calls, Has.Count.LessThanOrEqualTo(10), string.Join("\n", shell.Firewall.Calls.Take(20)));
        Assert.That(lookups, Is.LessThanOrEqualTo(10), "the engine's own record of the commands the script ran");
    }

    [Test]
    public void Against_a_GPO_every_read_names_the_GPO_and_a_second_run_changes_nothing()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        firewall.AddGpo(Gpo);
        using var shell = new PowerShellHost(firewall);
        shell.Run(Script(plan), ("PolicyStore", Gpo));
        firewall.Calls.Clear();
        firewall.Changes.Clear();

        var result = shell.Run(Script(plan), ("PolicyStore", Gpo));

        var reads = firewall.Calls.Where(c => c.Cmdlet.StartsWith("Get-", StringComparison.Ordinal)).ToList();
        Assert.That(reads.Select(c => c.Cmdlet).Distinct(), Has.Member("Get-NetFirewallPortFilter").And.Member("Get-NetFirewallSecurityFilter"));
        Assert.That(reads, Has.All.Property(nameof(FakeFirewall.CmdletCall.PolicyStore)).EqualTo(Gpo), string.Join("\n", reads.Where(c => c.PolicyStore != Gpo).Take(5)));
        Assert.That(firewall.Changes, Is.Empty);
        Assert.That(result.Messages, Has.Exactly(1).StartsWith("No change: all"));
    }

    [Test]
    public void A_first_run_and_Remove_read_no_filters_and_every_read_names_the_store()
    {
        var plan = Shipped("cluster.json");
        using var shell = new PowerShellHost(new FakeFirewall());

        shell.Run(Script(plan));
        var firstRun = shell.Firewall.Calls.Where(c => c.Cmdlet.StartsWith("Get-", StringComparison.Ordinal)).ToList();
        shell.Firewall.Calls.Clear();
        shell.Run(Script(plan), ("Remove", null));
        var remove = shell.Firewall.Calls.Where(c => c.Cmdlet.StartsWith("Get-", StringComparison.Ordinal)).ToList();

        Assert.That(firstRun.Select(c => c.Cmdlet), Is.EqualTo(new[] { "Get-NetFirewallRule", "Get-NetFirewallRule" }), "an empty store has no rule whose conditions to read");
        Assert.That(remove.Select(c => c.Cmdlet), Is.EqualTo(new[] { "Get-NetFirewallRule" }), "-Remove compares nothing");
        Assert.That(firstRun.Concat(remove), Has.All.Property(nameof(FakeFirewall.CmdletCall.PolicyStore)).EqualTo("PersistentStore"));
    }

    [Test]
    public void Stale_rules_of_the_group_are_removed_and_foreign_rules_kept()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        var stale = AsStored(plan.Rules[0]) with { Name = "fwkit-printeron-tcp-9999-block", DisplayName = "Old port 9999" };
        var sameNameOtherGroup = AsStored(plan.Rules[1]) with { Group = "Old group" };
        firewall.Seed(Foreign);
        firewall.Seed(stale);
        firewall.Seed(sameNameOtherGroup);
        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan));

        Assert.That(FromStore(firewall.Rules().Where(r => r.Name != Foreign.Name)), Is.EqualTo(FromPlan(plan)));
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name == Foreign.Name)), Is.EqualTo(FromStore([Foreign])), "a rule outside the group is never touched");
        Assert.That(firewall.Changes, Does.Contain($"Remove PersistentStore {stale.Name}"));
        Assert.That(firewall.Changes, Does.Contain($"Remove PersistentStore {sameNameOtherGroup.Name}"), "a rule's group cannot be changed, so it is removed and created again");
    }

    /// <summary>Someone else's rule, put in fwkit's group by hand: not fwkit's name, no fwkit marker.</summary>
    private static FakeRule Neighbour(RulePlan plan) => new(
        "Contoso-Scanner-In", "Contoso scanner", "Added by the print team", plan.Source.RuleGroup,
        NS.Enabled.True, NS.Profile.Any, NS.Direction.Inbound, NS.Action.Allow, "TCP", ["9100"], ["10.1.2.3"]);

    [Test]
    public void A_foreign_rule_in_the_same_group_survives_apply_a_second_run_and_Remove()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        var neighbour = Neighbour(plan);
        firewall.Seed(neighbour);
        firewall.Seed(Foreign);
        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan));
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name.StartsWith("fwkit-", StringComparison.Ordinal))), Is.EqualTo(FromPlan(plan)));
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name == neighbour.Name)), Is.EqualTo(FromStore([neighbour])), "apply leaves it");

        shell.Run(Script(plan));
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name == neighbour.Name)), Is.EqualTo(FromStore([neighbour])), "a second run leaves it");

        var result = shell.Run(Script(plan), ("Remove", null));
        Assert.That(firewall.Rules().Select(r => r.Name), Is.EquivalentTo(new[] { neighbour.Name, Foreign.Name }), "-Remove takes out fwkit's rules and only those");
        Assert.That(result.Messages[^1], Is.EqualTo($"Done: {plan.Rules.Count} removed from group '{plan.Source.RuleGroup}' in PersistentStore."));
    }

    [Test]
    public void A_rule_of_the_group_with_fwkits_marker_is_fwkits_whatever_its_name()
    {
        var plan = Shipped("single-server.json");
        var firewall = new FakeFirewall();
        var marked = AsStored(plan.Rules[0]) with { Name = "{6f1e2b7a-0000-4000-8000-000000000001}", DisplayName = "Written through COM" };
        var neighbour = Neighbour(plan);
        firewall.Seed(marked);
        firewall.Seed(neighbour);
        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan));

        Assert.That(firewall.Changes, Does.Contain($"Remove PersistentStore {marked.Name}"), "the plan does not have it, and it carries fwkit's marker");
        Assert.That(firewall.Changes, Has.None.Contains(neighbour.Name));
    }

    [Test]
    public void Remove_with_WhatIf_changes_nothing_and_says_what_it_would_remove()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        foreach (var rule in plan.Rules)
        {
            firewall.Seed(AsStored(rule));
        }

        firewall.Seed(Neighbour(plan));
        var before = firewall.Rules();
        using var shell = new PowerShellHost(firewall);

        var result = shell.Run(Script(plan), ("Remove", null), ("WhatIf", null));

        Assert.That(firewall.Rules(), Is.EqualTo(before));
        Assert.That(firewall.Changes, Is.Empty);
        Assert.That(result.Messages[^1], Does.EndWith($"0 removed from group '{plan.Source.RuleGroup}' in PersistentStore; {plan.Rules.Count} not removed (-WhatIf or declined)."));
    }

    [Test]
    public void A_rule_that_differs_is_updated_in_place_and_only_that_rule()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        foreach (var rule in plan.Rules)
        {
            firewall.Seed(AsStored(rule));
        }

        var target = plan.Rules.First(r => r.Action == RuleAction.Allow && r.RemoteAddresses.EntryCount > 1);
        firewall.Seed(AsStored(target) with { Enabled = NS.Enabled.False, RemoteAddress = ["192.168.1.0/24"], Description = "edited by hand" });
        using var shell = new PowerShellHost(firewall);

        var result = shell.Run(Script(plan));

        Assert.That(firewall.Changes, Is.EqualTo(new[] { $"Set PersistentStore {target.Name}" }));
        Assert.That(FromStore(firewall.Rules()), Is.EqualTo(FromPlan(plan)));
        Assert.That(result.Messages, Does.Contain($"Updated   {target.Name} (Description, Enabled, RemoteAddress)"));
    }

    [Test]
    public void Conditions_set_by_hand_on_an_owned_rule_are_reset_and_a_second_run_writes_nothing()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        foreach (var rule in plan.Rules)
        {
            firewall.Seed(AsStored(rule));
        }

        var target = plan.Rules.First(r => r.Action == RuleAction.Block);
        firewall.Seed(AsStored(target) with { Program = @"C:\Tools\listener.exe", InterfaceType = NS.InterfaceType.Wireless });
        firewall.Seed(Foreign with { Program = @"C:\Windows\System32\svchost.exe", InterfaceType = NS.InterfaceType.Wired });
        var foreignBefore = firewall.Rules().Single(r => r.Name == Foreign.Name);
        using var shell = new PowerShellHost(firewall);

        var result = shell.Run(Script(plan));

        Assert.That(firewall.Changes, Is.EqualTo(new[] { $"Set PersistentStore {target.Name}" }));
        var reset = firewall.Rules().Single(r => r.Name == target.Name);
        Assert.That((reset.Program, reset.InterfaceType), Is.EqualTo(("Any", NS.InterfaceType.Any)));
        Assert.That(FromStore(firewall.Rules().Where(r => r.Name != Foreign.Name)), Is.EqualTo(FromPlan(plan)));
        Assert.That(result.Messages, Does.Contain($"Updated   {target.Name} (InterfaceType, Program)"));
        Assert.That(firewall.Rules().Single(r => r.Name == Foreign.Name), Is.SameAs(foreignBefore), "a rule fwkit does not own is never touched");

        firewall.Changes.Clear();
        var second = shell.Run(Script(plan));

        Assert.That(firewall.Changes, Is.Empty);
        Assert.That(second.Messages, Has.Exactly(1).StartsWith("No change: all"));
    }

    [Test]
    public void Every_condition_fwkit_never_sets_is_compared_and_reset()
    {
        var plan = Shipped("single-server.json");
        var firewall = new FakeFirewall();
        foreach (var rule in plan.Rules)
        {
            firewall.Seed(AsStored(rule));
        }

        var target = plan.Rules[0];
        firewall.Seed(AsStored(target) with
        {
            Program = @"C:\Tools\listener.exe",
            Package = "S-1-15-2-1",
            Service = "Spooler",
            LocalAddress = ["10.0.0.0/8"],
            RemotePort = ["1024-65535"],
            InterfaceAlias = ["Ethernet"],
            InterfaceType = NS.InterfaceType.Wired,
            Authentication = NS.Authentication.Required,
            Encryption = NS.Encryption.Required,
            OverrideBlockRules = true,
            LocalUser = "O:LSD:(A;;CC;;;S-1-5-18)",
            RemoteUser = "O:LSD:(A;;CC;;;S-1-5-11)",
            RemoteMachine = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-515)",
            EdgeTraversalPolicy = NS.EdgeTraversal.Allow,
            Owner = "S-1-5-21-1-2-3-1001",
        });
        using var shell = new PowerShellHost(firewall);

        var result = shell.Run(Script(plan));

        var reset = firewall.Rules().Single(r => r.Name == target.Name);
        var untouched = AsStored(target);
        Assert.That(
            new object[]
            {
                reset.Program, reset.Package, reset.Service, reset.LocalAddress, reset.RemotePort, reset.IcmpType, reset.InterfaceAlias, reset.InterfaceType,
                reset.Authentication, reset.Encryption, reset.OverrideBlockRules, reset.LocalUser, reset.RemoteUser, reset.RemoteMachine, reset.EdgeTraversalPolicy, reset.Owner,
            },
            Is.EqualTo(new object[]
            {
                untouched.Program, untouched.Package, untouched.Service, untouched.LocalAddress, untouched.RemotePort, untouched.IcmpType, untouched.InterfaceAlias, untouched.InterfaceType,
                untouched.Authentication, untouched.Encryption, untouched.OverrideBlockRules, untouched.LocalUser, untouched.RemoteUser, untouched.RemoteMachine, untouched.EdgeTraversalPolicy, untouched.Owner,
            }));
        Assert.That(result.Messages, Does.Contain(
            $"Updated   {target.Name} (Authentication, EdgeTraversalPolicy, Encryption, InterfaceAlias, InterfaceType, LocalAddress, LocalUser, OverrideBlockRules, Owner, Package, Program, RemoteMachine, RemotePort, RemoteUser, Service)"));

        firewall.Changes.Clear();
        shell.Run(Script(plan));
        Assert.That(firewall.Changes, Is.Empty);
    }

    [Test]
    public void Addresses_written_in_other_forms_and_orders_count_as_unchanged()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        foreach (var rule in plan.Rules)
        {
            // Reversed, upper-case IPv6, and a profile of all three spelt as Windows may spell it.
            var stored = AsStored(rule) with { RemoteAddress = [.. rule.RemoteAddresses.ToTokens().Reverse().Select(a => a.ToUpperInvariant().Replace("ANY", "*", StringComparison.Ordinal))] };
            firewall.Seed(stored);
        }

        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan));

        Assert.That(firewall.Changes, Is.Empty);
    }

    [Test]
    public void WhatIf_changes_nothing()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        firewall.Seed(Foreign);
        firewall.Seed(AsStored(plan.Rules[0]) with { Name = "fwkit-printeron-tcp-9999-block" });
        firewall.Seed(AsStored(plan.Rules[1]) with { Enabled = NS.Enabled.False });
        var before = firewall.Rules();
        using var shell = new PowerShellHost(firewall);

        var result = shell.Run(Script(plan), ("WhatIf", null));

        Assert.That(firewall.Rules(), Is.EqualTo(before));
        Assert.That(firewall.Changes, Is.Empty);
        Assert.That(result.Messages[^1], Does.Contain($"{plan.Rules.Count + 1} not made (-WhatIf or declined)"));
    }

    [Test]
    public void A_Group_Policy_Object_is_written_once_through_a_session()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        firewall.AddGpo(Gpo);
        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan), ("PolicyStore", Gpo));

        Assert.That(FromStore(firewall.Rules(Gpo)), Is.EqualTo(FromPlan(plan)));
        Assert.That(firewall.GpoWrites, Is.EqualTo(1), "one Save-NetGPO, no write per rule");
        Assert.That(firewall.Rules(), Is.Empty, "the local store is not touched");

        firewall.Changes.Clear();
        shell.Run(Script(plan), ("PolicyStore", Gpo));
        Assert.That(firewall.Changes, Is.Empty);
    }

    [Test]
    public void In_a_GPO_removals_made_before_the_session_survive_its_save()
    {
        var plan = Shipped("cluster.json");
        var firewall = new FakeFirewall();
        firewall.AddGpo(Gpo);
        foreach (var rule in plan.Rules.Skip(1))
        {
            firewall.Seed(AsStored(rule), Gpo);
        }

        firewall.Seed(AsStored(plan.Rules[1]) with { Name = "fwkit-printeron-tcp-9999-block" }, Gpo);
        using var shell = new PowerShellHost(firewall);

        shell.Run(Script(plan), ("PolicyStore", Gpo));

        Assert.That(FromStore(firewall.Rules(Gpo)), Is.EqualTo(FromPlan(plan)));
    }

    [Test]
    public void The_first_failure_stops_the_script_with_the_rule_named()
    {
        var plan = Shipped("single-server.json");
        var failing = plan.Rules[2];
        var firewall = new FakeFirewall { FailOnNew = failing.Name };
        using var shell = new PowerShellHost(firewall);

        var error = Assert.Throws<RuntimeException>(() => shell.Run(Script(plan)));

        Assert.That(error!.Message, Does.StartWith($"fwkit: could not create rule '{failing.Name}'").And.Contain("Access is denied"));
        Assert.That(firewall.Rules().Select(r => r.Name), Is.EquivalentTo(plan.Rules.Take(2).Select(r => r.Name)), "the rules after the failing one are not created");
    }

    [Test]
    public void The_stubs_refuse_a_Boolean_for_Enabled_as_Windows_does()
    {
        using var shell = new PowerShellHost(new FakeFirewall());

        var error = Assert.Catch<ParameterBindingException>(() => shell.Invoke("New-NetFirewallRule -DisplayName x -Enabled $true"));

        Assert.That(error!.Message, Does.Contain("Cannot convert value \"True\" to type \"Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Enabled\""));
    }

    [Test]
    public void The_stubs_give_back_a_subnet_in_mask_form()
    {
        using var shell = new PowerShellHost(new FakeFirewall());

        var output = shell.Invoke("New-NetFirewallRule -Name r -DisplayName r -Protocol TCP -LocalPort 80 -RemoteAddress 10.0.1.0/24, 10.0.0.5/32; Get-NetFirewallRule -Name r | Get-NetFirewallAddressFilter | ForEach-Object RemoteAddress");

        Assert.That(output.Select(o => o.ToString()), Is.EqualTo(new[] { "10.0.1.0/255.255.255.0", "10.0.0.5" }));
    }

    [Test]
    [SetCulture("tr-TR")]
    [SetUICulture("tr-TR")]
    public void Under_a_Turkish_locale_a_second_run_with_address_keywords_changes_nothing()
    {
        // Dotted and dotless i: a culture-sensitive match of Intranet, Internet, WINS or IntranetRemoteAccess fails in tr-TR.
        var cluster = Shipped("cluster.json");
        var keywords = AddressSet.ParseList("Intranet,Internet6,WINS,IntranetRemoteAccess,10.0.0.0/8");
        var plan = cluster with { Rules = [.. cluster.Rules.Select(r => r.Name == "fwkit-printeron-tcp-443-allow" ? r with { RemoteAddresses = keywords } : r)] };
        using var shell = new PowerShellHost(new FakeFirewall());
        shell.Run(Script(plan));
        shell.Firewall.Changes.Clear();

        var result = shell.Run(Script(plan));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(shell.Firewall.Changes, Is.Empty);
        Assert.That(result.Messages, Has.Exactly(1).StartsWith("No change: all"));
    }
}

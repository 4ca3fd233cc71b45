using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Profiles;

public class ProfileValidationTests
{
    private static InputError SingleError(ProfileBuilder profile)
    {
        var error = Assert.Throws<InputException>(() => profile.Build());
        Assert.That(error!.Errors, Has.Count.EqualTo(1), string.Join("\n", error.Errors));
        Assert.That(error.Errors[0].File, Is.EqualTo("test-profile.json"));
        Assert.That(error.Errors[0].Fix, Is.Not.Empty);
        return error.Errors[0];
    }

    private static InputError SingleError(string json)
    {
        var error = Assert.Throws<InputException>(() => ProfileLoader.Reader(TestCatalog.PrinterOn).Parse("test-profile.json", Encoding.UTF8.GetBytes(json)));
        Assert.That(error!.Errors, Has.Count.EqualTo(1), string.Join("\n", error.Errors));
        return error.Errors[0];
    }

    [Test]
    public void Unknown_field_is_named_with_a_suggestion()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Set("featurs", new JsonObject()));

        Assert.That(error.Path, Is.EqualTo("$.featurs"));
        Assert.That(error.Fix, Does.Contain("did you mean 'features'"));
    }

    [Test]
    public void Misspelt_feature_is_named_with_a_suggestion()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Feature("webRelase", true));

        Assert.That(error.Path, Is.EqualTo("$.features.webRelase"));
        Assert.That(error.Message, Does.Contain("unknown feature 'webRelase'"));
        Assert.That(error.Fix, Does.Contain("did you mean 'webRelease'"));
    }

    [Test]
    public void Invalid_address_names_its_index()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Admins("10.30.0.0/24", "10.0.0.256"));

        Assert.That(error.Path, Is.EqualTo("$.addresses.admins[1]"));
        Assert.That(error.Message, Does.Contain("'10.0.0.256' is not an IPv4 address (each part must be 0-255)"));
    }

    [Test]
    public void Cluster_without_peers_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Set("topology", "cluster"));

        Assert.That(error.Path, Is.EqualTo("$.peers"));
        Assert.That(error.Message, Does.Contain("a cluster needs its peers"));
    }

    [Test]
    public void Cluster_with_an_empty_peer_list_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Set("topology", "cluster").Set("peers", new JsonArray()));

        Assert.That(error.Path, Is.EqualTo("$.peers"));
    }

    [TestCase("Any")]
    [TestCase("0.0.0.0/0")]
    [TestCase("::/0")]
    [TestCase("LocalSubnet")]
    public void Peer_that_would_open_cluster_ports_to_everyone_is_refused(string address)
    {
        var error = SingleError(ProfileBuilder.Cluster("10.20.0.11").Peer("bad", [address]));

        Assert.That(error.Path, Is.EqualTo("$.peers[1].addresses[0]"));
    }

    [Test]
    public void Port_override_that_collides_with_another_port_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().MovePort("pds-alternate", 631));

        Assert.That(error.Path, Is.EqualTo("$.portOverrides['pds-alternate']"));
        Assert.That(error.Message, Does.Contain("collides with 'pds-ipp'"));
    }

    [Test]
    public void Two_overrides_on_one_port_are_rejected()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().MovePort("pds-alternate", 9090).MovePort("pdg-ipp-alternate", 9090).Build());

        Assert.That(error!.Errors.Select(e => e.Path), Does.Contain("$.portOverrides['pds-alternate']"));
    }

    [TestCase(0)]
    [TestCase(70000)]
    public void Port_override_out_of_range_is_rejected(int port)
    {
        var error = SingleError(ProfileBuilder.SingleServer().MovePort("pds-alternate", port));

        Assert.That(error.Message, Does.Contain("out of range"));
    }

    [Test]
    public void Overriding_a_port_the_vendor_does_not_call_configurable_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().MovePort("pds-ipp", 1631));

        Assert.That(error.Message, Does.Contain("not document 'pds-ipp' as configurable"));
    }

    [Test]
    public void Version_that_is_not_a_version_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Version("5.1.x"));

        Assert.That(error.Path, Is.EqualTo("$.productVersion"));
    }

    [Test]
    public void Feature_needing_a_switched_off_feature_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().Without("pdg").With("airPrintDiscovery"));

        Assert.That(error.Message, Does.Contain("'airPrintDiscovery' needs 'pdg'"));
    }

    [Test]
    public void Print_delivery_hub_without_its_port_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().With("pdh"));

        Assert.That(error.Path, Is.EqualTo("$.portOverrides.pdh"));
    }

    [Test]
    public void Unknown_firewall_profile_is_rejected()
    {
        var error = SingleError(ProfileBuilder.SingleServer().NetworkProfiles("Domain", "Office"));

        Assert.That(error.Path, Is.EqualTo("$.firewallProfiles[1]"));
    }

    [Test]
    public void Peers_on_a_single_server_are_rejected()
    {
        var error = SingleError(ProfileBuilder.Cluster("10.20.0.11").Set("topology", "single"));

        Assert.That(error.Path, Is.EqualTo("$.peers"));
    }

    [Test]
    public void Unknown_server_role_is_rejected()
    {
        var error = SingleError(ProfileBuilder.Cluster("10.20.0.11").Peer("pas-2", ["10.20.0.12"], "pass"));

        Assert.That(error.Path, Is.EqualTo("$.peers[1].roles[0]"));
        Assert.That(error.Fix, Does.Contain("did you mean 'pas'"));
    }

    [Test]
    public void Wrong_type_is_named()
    {
        var error = SingleError("""{ "productVersion": "5.1.2", "topology": "single", "features": { "pdg": "yes" } }""");

        Assert.That(error.Path, Is.EqualTo("$.features.pdg"));
        Assert.That(error.Message, Does.Contain("expected true or false but found the string \"yes\""));
    }

    [Test]
    public void Duplicate_key_is_rejected()
    {
        var error = SingleError("""{ "productVersion": "5.1.2", "topology": "single", "topology": "cluster" }""");

        Assert.That(error.Path, Is.EqualTo("$.topology"));
        Assert.That(error.Message, Does.Contain("appears more than once"));
    }

    [Test]
    public void Truncated_json_names_line_and_column()
    {
        var error = SingleError("{ \"productVersion\": \"5.1.2\",\n  \"topology\": ");

        Assert.That(error.Path, Does.StartWith("line 2"));
        Assert.That(error.Message, Does.Contain("not valid JSON"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Version("five").Feature("nope", true).Admins("300.1.1.1").Build());

        Assert.That(error!.Errors.Select(e => e.Path), Is.EquivalentTo(new[] { "$.productVersion", "$.features.nope", "$.addresses.admins[0]" }));
    }

    [Test]
    public void Utf8_byte_order_mark_is_accepted()
    {
        var json = ProfileBuilder.SingleServer().ToJson();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        Assert.DoesNotThrow(() => ProfileLoader.Reader(TestCatalog.PrinterOn).Parse("bom.json", bytes));
    }

    [Test]
    public void Defaults_come_from_the_catalog_and_the_profile()
    {
        var profile = ProfileBuilder.SingleServer().Build();

        Assert.Multiple(() =>
        {
            Assert.That(profile.RuleGroup, Is.EqualTo("PrinterOn Firewall (fwkit)"));
            Assert.That(profile.Enforcement, Is.EqualTo(Enforcement.Strict));
            Assert.That(profile.NetworkProfiles, Is.EqualTo(NetworkProfiles.All));
            Assert.That(profile.IsOn("pdg"), Is.True);
            Assert.That(profile.AddressSet("clients").IsAny, Is.True);
            Assert.That(profile.AddressSet("admins").IsEmpty, Is.True);
        });
    }

    [TestCase("::ffff:10.0.0.5", "10.0.0.5")]
    [TestCase("::ffff:10.0.0.0/104", "10.0.0.0/8")]
    public void An_IPv4_mapped_IPv6_address_is_refused_with_its_IPv4_form_as_the_fix(string mapped, string ipv4)
    {
        var error = SingleError(ProfileBuilder.SingleServer().Admins("10.30.0.0/24", mapped));

        Assert.That(error.Path, Is.EqualTo("$.addresses.admins[1]"));
        Assert.That(error.Message, Does.Contain($"'{mapped}' is an IPv4-mapped IPv6 address"));
        Assert.That(error.Fix, Does.Contain($"write {ipv4}"));
    }

    [TestCase("name", TextLimits.Name)]
    [TestCase("description", TextLimits.Description)]
    [TestCase("ruleGroup", TextLimits.Name)]
    public void A_text_field_over_its_documented_limit_is_refused_while_reading_without_costing_gigabytes(string field, int limit)
    {
        var json = ProfileBuilder.SingleServer().Set(field, new string('x', 20 * 1024 * 1024)).ToJson();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = SingleError(json);

        Assert.That(error.Path, Is.EqualTo($"$.{field}"));
        Assert.That(error.Message, Is.EqualTo($"the text is 20,971,520 characters long, more than the {limit:N0} allowed"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(400L * 1024 * 1024), "reading must not cost more than a few copies of the file");
    }

    [Test]
    public void An_address_list_over_its_documented_limit_is_refused()
    {
        var addresses = Enumerable.Range(0, TextLimits.ListItems + 1).Select(i => $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}").ToArray();

        var error = SingleError(ProfileBuilder.SingleServer().Admins(addresses).ToJson());

        Assert.That(error.Path, Is.EqualTo("$.addresses.admins"));
        Assert.That(error.Message, Does.StartWith($"the list has {TextLimits.ListItems + 1:N0} entries, more than the {TextLimits.ListItems:N0} allowed"));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Catalog;

public class CatalogLoaderTests
{
    private static JsonObject MinimalCatalog() => new()
    {
        ["id"] = "demo",
        ["product"] = "Demo Server",
        ["defaultRuleGroup"] = "Demo (fwkit)",
        ["ruleNamePrefix"] = "fwkit-demo",
        ["features"] = new JsonArray(new JsonObject { ["name"] = "web", ["default"] = true }),
        ["entries"] = new JsonArray(Entry("web", 8443, "optional", "web")),
    };

    private static JsonObject Entry(string id, int port, string role, string? feature = null)
    {
        var entry = new JsonObject
        {
            ["id"] = id,
            ["ports"] = new JsonArray(port),
            ["protocol"] = "TCP",
            ["component"] = "Demo",
            ["role"] = role,
            ["displayName"] = $"Demo {id}",
            ["origin"] = "outside-vendor-table",
            ["reachedBy"] = role == "localIpc" ? new JsonArray() : new JsonArray(new JsonObject { ["from"] = "clients", ["flow"] = "clients → demo" }),
        };
        if (feature is not null)
        {
            entry["feature"] = feature;
        }

        return entry;
    }

    private static PortCatalog Load(JsonObject json) => CatalogLoader.Reader.Parse("demo.catalog.json", Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static InputError SingleError(JsonObject json)
    {
        var error = Assert.Throws<InputException>(() => Load(json));
        Assert.That(error!.Errors, Has.Count.EqualTo(1), string.Join("\n", error.Errors));
        return error.Errors[0];
    }

    [Test]
    public void Another_products_catalog_loads_from_its_own_file()
    {
        var catalog = Load(MinimalCatalog());

        Assert.That(catalog.Product, Is.EqualTo("Demo Server"));
        Assert.That(catalog.Entries.Single().Ports, Is.EqualTo(new[] { 8443 }));
    }

    [Test]
    public void A_port_listed_under_two_roles_is_rejected()
    {
        var json = MinimalCatalog();
        ((JsonArray)json["entries"]!).Add(Entry("admin", 8443, "admin"));

        var error = SingleError(json);

        Assert.That(error.Path, Is.EqualTo("$.entries[1].role"));
        Assert.That(error.Message, Does.Contain("port 8443/TCP is listed as 'admin' here and as 'optional' in entry 'web'"));
    }

    [Test]
    public void An_unknown_role_is_rejected_with_a_suggestion()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!["role"] = "clent";

        var error = SingleError(json);

        Assert.That(error.Path, Is.EqualTo("$.entries[0].role"));
        Assert.That(error.Fix, Does.Contain("did you mean 'client'"));
    }

    [Test]
    public void An_unknown_audience_is_rejected()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!["reachedBy"]![0]!["from"] = "peers:printers";

        var error = SingleError(json);

        Assert.That(error.Path, Is.EqualTo("$.entries[0].reachedBy[0].from"));
    }

    [Test]
    public void A_local_ipc_port_reached_from_the_network_is_rejected()
    {
        var json = MinimalCatalog();
        var entry = Entry("ipc", 9000, "localIpc");
        entry["reachedBy"] = new JsonArray(new JsonObject { ["from"] = "clients", ["flow"] = "x" });
        ((JsonArray)json["entries"]!).Add(entry);

        Assert.That(SingleError(json).Path, Is.EqualTo("$.entries[1].reachedBy"));
    }

    [Test]
    public void An_optional_port_without_a_feature_is_rejected()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!.AsObject().Remove("feature");

        Assert.That(SingleError(json).Path, Is.EqualTo("$.entries[0].feature"));
    }

    [Test]
    public void A_pipe_in_a_display_name_is_rejected_because_windows_refuses_it()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!["displayName"] = "Demo | web";

        Assert.That(SingleError(json).Path, Is.EqualTo("$.entries[0].displayName"));
    }

    [Test]
    public void A_pipe_in_a_flow_is_rejected_because_it_reaches_the_rule_description()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!["reachedBy"]![0]!["flow"] = "clients | browsers";

        Assert.That(SingleError(json).Path, Is.EqualTo("$.entries[0].reachedBy[0].flow"));
    }

    [Test]
    public void A_vendor_table_entry_without_the_vendors_words_is_rejected()
    {
        var json = MinimalCatalog();
        json["entries"]![0]!.AsObject().Remove("origin");

        Assert.That(SingleError(json).Path, Is.EqualTo("$.entries[0].vendor"));
    }
}

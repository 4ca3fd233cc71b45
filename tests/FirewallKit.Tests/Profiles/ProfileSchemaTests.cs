using System.Text.Json.Nodes;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Profiles;

/// <summary>The editor schema must say what the loader accepts, or editors mislead users.</summary>
public class ProfileSchemaTests
{
    private static JsonNode Schema() => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "profile.schema.json")))!;

    private static IEnumerable<string> Names(JsonNode? properties) => properties!.AsObject().Select(p => p.Key);

    [Test]
    public void Schema_lists_every_catalog_feature_and_nothing_else()
    {
        Assert.That(Names(Schema()["properties"]!["features"]!["properties"]), Is.EquivalentTo(TestCatalog.PrinterOn.Features.Select(f => f.Name)));
    }

    [Test]
    public void Schema_lists_every_configurable_entry_as_a_port_override()
    {
        Assert.That(
            Names(Schema()["properties"]!["portOverrides"]!["properties"]),
            Is.EquivalentTo(TestCatalog.PrinterOn.Entries.Where(e => e.Configurable).Select(e => e.Id)));
    }

    [Test]
    public void Schema_lists_every_server_role()
    {
        var roles = Schema()["properties"]!["peers"]!["items"]!["properties"]!["roles"]!["items"]!["enum"]!.AsArray().Select(r => r!.GetValue<string>());

        Assert.That(roles, Is.EquivalentTo(TestCatalog.PrinterOn.ServerRoles.Select(r => r.Name)));
    }

    [Test]
    public void Every_field_the_schema_allows_is_accepted_by_the_loader()
    {
        var profile = ProfileBuilder.SingleServer();
        foreach (var field in Names(Schema()["properties"]).Where(f => f is not ("$schema" or "productVersion" or "topology" or "peers")))
        {
            profile.Set(field, null);
        }

        Assert.DoesNotThrow(() => profile.Build());
    }
}

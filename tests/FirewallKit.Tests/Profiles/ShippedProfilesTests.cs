using FirewallKit.Core.Engine;
using FirewallKit.Core.Profiles;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Profiles;

/// <summary>Every profile shipped in profiles/ loads, validates and plans.</summary>
public class ShippedProfilesTests
{
    private static IEnumerable<string> ShippedProfiles() =>
        Directory.EnumerateFiles(RepoPaths.Profiles, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Test]
    public void The_three_documented_profiles_are_shipped()
    {
        Assert.That(ShippedProfiles(), Is.SupersetOf(new[] { "cluster.json", "pdg-disabled.json", "single-server.json" }));
    }

    [TestCaseSource(nameof(ShippedProfiles))]
    public void Shipped_profile_is_valid_and_plans(string fileName)
    {
        var catalog = TestCatalog.PrinterOn;
        var profile = ProfileLoader.Reader(catalog).Load(RepoPaths.Profile(fileName));

        var plan = RulePlanner.Plan(catalog, profile);

        Assert.That(plan.Rules, Is.Not.Empty);
        Assert.That(plan.Rules.Select(r => r.Name), Is.Unique);
        Assert.That(plan.Rules.All(r => r.RemoteAddresses.EntryCount <= RulePlanner.MaxAddressesPerRule), Is.True);
    }

    [TestCaseSource(nameof(ShippedProfiles))]
    public void Shipped_profile_points_at_the_schema(string fileName)
    {
        var text = File.ReadAllText(RepoPaths.Profile(fileName));

        Assert.That(text, Does.Contain("\"$schema\": \"../schemas/profile.schema.json\""));
    }
}

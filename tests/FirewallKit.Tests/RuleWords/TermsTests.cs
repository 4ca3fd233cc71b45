using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.RuleWords;

public class TermsTests
{
    [TestCase("Domain", NetworkProfiles.Domain)]
    [TestCase("private", NetworkProfiles.Private)]
    [TestCase("PUBLIC", NetworkProfiles.Public)]
    public void Firewall_profiles_are_read_in_any_case_as_Windows_reads_them(string text, NetworkProfiles expected)
    {
        Assert.That(RuleTerms.TryProfile(text, out var profile), Is.True);
        Assert.That(profile, Is.EqualTo(expected));
    }

    [TestCase("All")]
    [TestCase("1")]
    [TestCase("Domain,Private")]
    [TestCase("")]
    public void Only_one_named_profile_is_a_profile(string text) =>
        Assert.That(RuleTerms.TryProfile(text, out _), Is.False);

    [Test]
    public void Profiles_are_written_in_Windows_order_and_spelling() =>
        Assert.That(RuleTerms.Profiles(NetworkProfiles.Public | NetworkProfiles.Domain), Is.EqualTo(new[] { "Domain", "Public" }));

    [Test]
    public void Every_topology_enforcement_and_role_reads_back_as_written()
    {
        foreach (var topology in Enum.GetValues<Topology>())
        {
            Assert.That(CatalogTerms.TryTopology(CatalogTerms.Topology(topology), out var read) && read == topology, Is.True, topology.ToString());
        }

        foreach (var enforcement in Enum.GetValues<Enforcement>())
        {
            Assert.That(ProfileTerms.TryEnforcement(ProfileTerms.Enforcement(enforcement), out var read) && read == enforcement, Is.True, enforcement.ToString());
        }

        foreach (var role in Enum.GetValues<PortRole>())
        {
            Assert.That(CatalogTerms.TryRole(CatalogTerms.Role(role), out var read) && read == role, Is.True, role.ToString());
        }
    }

    [TestCase("Cluster")]
    [TestCase("allowonly")]
    public void The_words_of_fwkits_own_files_are_read_exactly(string text)
    {
        Assert.That(CatalogTerms.TryTopology(text, out _), Is.False);
        Assert.That(ProfileTerms.TryEnforcement(text, out _), Is.False);
    }
}

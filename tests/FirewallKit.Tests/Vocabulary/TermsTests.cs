using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Tests.Vocabulary;

public class TermsTests
{
    [TestCase("Domain", FirewallProfiles.Domain)]
    [TestCase("private", FirewallProfiles.Private)]
    [TestCase("PUBLIC", FirewallProfiles.Public)]
    public void Firewall_profiles_are_read_in_any_case_as_Windows_reads_them(string text, FirewallProfiles expected)
    {
        Assert.That(Terms.TryProfile(text, out var profile), Is.True);
        Assert.That(profile, Is.EqualTo(expected));
    }

    [TestCase("All")]
    [TestCase("1")]
    [TestCase("Domain,Private")]
    [TestCase("")]
    public void Only_one_named_profile_is_a_profile(string text) =>
        Assert.That(Terms.TryProfile(text, out _), Is.False);

    [Test]
    public void Profiles_are_written_in_Windows_order_and_spelling() =>
        Assert.That(Terms.Profiles(FirewallProfiles.Public | FirewallProfiles.Domain), Is.EqualTo(new[] { "Domain", "Public" }));

    [Test]
    public void Every_topology_enforcement_and_role_reads_back_as_written()
    {
        foreach (var topology in Enum.GetValues<Topology>())
        {
            Assert.That(Terms.TryTopology(Terms.Topology(topology), out var read) && read == topology, Is.True, topology.ToString());
        }

        foreach (var enforcement in Enum.GetValues<Enforcement>())
        {
            Assert.That(Terms.TryEnforcement(Terms.Enforcement(enforcement), out var read) && read == enforcement, Is.True, enforcement.ToString());
        }

        foreach (var role in Enum.GetValues<PortRole>())
        {
            Assert.That(Terms.TryRole(Terms.Role(role), out var read) && read == role, Is.True, role.ToString());
        }
    }

    [TestCase("Cluster")]
    [TestCase("allowonly")]
    public void The_words_of_fwkits_own_files_are_read_exactly(string text)
    {
        Assert.That(Terms.TryTopology(text, out _), Is.False);
        Assert.That(Terms.TryEnforcement(text, out _), Is.False);
    }
}

using System.Net;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

/// <summary>Addresses are formatted by hand for speed; they must read exactly as IPAddress writes them.</summary>
public class AddressFormattingTests
{
    [Test]
    public void Formatted_addresses_match_IPAddress_for_random_IPv4_and_IPv6_with_zero_runs()
    {
        var random = new Random(5952);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[i % 4 == 0 ? 4 : 16];
            random.NextBytes(bytes);
            // Zero out random groups so that runs of zeros (and ties between runs) are common.
            for (var j = 0; j < bytes.Length; j += 2)
            {
                if (random.Next(3) == 0)
                {
                    bytes[j] = 0;
                    if (j + 1 < bytes.Length)
                    {
                        bytes[j + 1] = 0;
                    }
                }
            }

            var address = new IPAddress(bytes);
            var (family, value) = AddressRange.ToInteger(address);
            if (address.IsIPv4MappedToIPv6)
            {
                continue; // read back as IPv4 by design
            }

            Assert.That(AddressRange.FormatAddress(family, value), Is.EqualTo(address.ToString()), $"bytes {Convert.ToHexString(bytes)}");
        }
    }

    [TestCase("fd00::", "fd00::")]
    [TestCase("::", "::")]
    [TestCase("::1", "::1")]
    [TestCase("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
    [TestCase("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [TestCase("fd00:20::13", "fd00:20::13")]
    [TestCase("10.20.0.11", "10.20.0.11")]
    [TestCase("255.255.255.255", "255.255.255.255")]
    public void Addresses_format_in_their_shortest_form(string text, string expected)
    {
        var (family, value) = AddressRange.ToInteger(IPAddress.Parse(text));

        Assert.That(AddressRange.FormatAddress(family, value), Is.EqualTo(expected));
    }

    [TestCase("10.0.0.0/24", "10.0.0.0/24")]
    [TestCase("10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9")]
    [TestCase("10.0.1.0/255.255.255.0", "10.0.1.0/24")]
    [TestCase("fd00::/64", "fd00::/64")]
    [TestCase("fd00::1-fd00::9", "fd00::1-fd00::9")]
    [TestCase("::/0", "::/0")]
    public void Ranges_format_as_an_address_a_subnet_or_a_range(string token, string expected)
    {
        Assert.That(AddressParser.Parse(token).Range!.Value.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Chunks_keep_every_range_and_keyword_in_order_and_respect_the_cap()
    {
        var tokens = Enumerable.Range(0, 2500).Select(i => $"10.{i / 250}.{i % 250}.1").Append("LocalSubnet").Append("DNS").ToArray();
        var set = AddressSet.Parse(tokens);

        var chunks = set.Chunk(1000);

        Assert.That(chunks.Select(c => c.EntryCount), Is.EqualTo(new[] { 1000, 1000, 502 }));
        Assert.That(chunks.SelectMany(c => c.ToTokens()), Is.EqualTo(set.ToTokens()));
        Assert.That(AddressSet.Union(chunks), Is.EqualTo(set));
        Assert.That(chunks.Select(c => AddressSet.Parse(c.ToTokens())), Is.EqualTo(chunks));
    }

    [Test]
    public void Union_of_many_sets_equals_folding_the_pairwise_union()
    {
        var random = new Random(7);
        var sets = Enumerable.Range(0, 300)
            .Select(_ => AddressSet.Parse($"10.0.{random.Next(4)}.{random.Next(256)}", $"fd00::{random.Next(512):x}"))
            .ToList();

        Assert.That(AddressSet.Union(sets), Is.EqualTo(sets.Aggregate(AddressSet.Empty, (a, b) => a.Union(b))));
    }
}

using System.Net;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

public class AddressSetTests
{
    [Test]
    public void Adjacent_and_overlapping_ranges_merge_into_the_fewest()
    {
        var set = AddressSet.Parse("10.0.0.0/25", "10.0.0.128/25", "10.0.0.5", "10.0.2.0-10.0.2.9", "10.0.2.10");

        Assert.That(set.ToTokens(), Is.EqualTo(new[] { "10.0.0.0/24", "10.0.2.0-10.0.2.10" }));
    }

    [Test]
    public void Complement_of_a_single_address_covers_both_families()
    {
        var complement = AddressSet.Parse("10.20.0.11").Complement();

        Assert.That(complement.ToTokens(), Is.EqualTo(new[] { "0.0.0.0-10.20.0.10", "10.20.0.12-255.255.255.255", "::/0" }));
    }

    [Test]
    public void All_of_ipv4_and_ipv6_is_any()
    {
        Assert.That(AddressSet.Parse("0.0.0.0/0", "::/0").IsAny, Is.True);
    }

    [Test]
    public void A_set_with_keywords_has_no_complement()
    {
        Assert.Throws<InvalidOperationException>(() => AddressSet.Parse("LocalSubnet").Complement());
    }

    [Test]
    public void Except_removes_loopback_from_a_complement()
    {
        var others = AddressSet.Parse("10.0.0.1").Complement().Except(AddressSet.Parse("127.0.0.0/8", "::1"));

        Assert.That(others.Contains(IPAddress.Loopback), Is.False);
        Assert.That(others.Contains(IPAddress.IPv6Loopback), Is.False);
        Assert.That(others.Contains(IPAddress.Parse("10.0.0.2")), Is.True);
        Assert.That(others.Contains(IPAddress.Parse("::2")), Is.True);
    }

    [Test]
    public void Chunks_hold_at_most_the_limit_and_lose_nothing()
    {
        var tokens = Enumerable.Range(0, 2500).Select(i => $"10.{i / 250}.{i % 250}.1").ToArray();
        var set = AddressSet.Parse(tokens);

        var chunks = set.Chunk(1000);

        Assert.That(chunks.Select(c => c.EntryCount), Is.EqualTo(new[] { 1000, 1000, 500 }));
        Assert.That(chunks.Aggregate(AddressSet.Empty, (all, c) => all.Union(c)), Is.EqualTo(set));
    }

    // Property tests: random sets with a fixed seed, so a failure reproduces.
    private static readonly int[] Seeds = [1, 2, 3, 4, 5, 6, 7, 8];

    [TestCaseSource(nameof(Seeds))]
    public void An_address_is_in_the_complement_exactly_when_it_is_in_no_entry(int seed)
    {
        var random = new Random(seed);
        var tokens = RandomTokens(random, random.Next(1, 40));
        var entries = tokens.Select(t => AddressSet.Parse(t)).ToList();
        var complement = AddressSet.Parse(tokens).Complement();

        foreach (var probe in Probes(random, entries, 400))
        {
            var inSomeEntry = entries.Any(e => e.Contains(probe));
            Assert.That(complement.Contains(probe), Is.EqualTo(!inSomeEntry), $"seed {seed}, probe {probe}, set {string.Join(",", tokens)}");
        }
    }

    [TestCaseSource(nameof(Seeds))]
    public void Merging_never_changes_membership(int seed)
    {
        var random = new Random(seed);
        var tokens = RandomTokens(random, random.Next(1, 60));
        var entries = tokens.Select(t => AddressSet.Parse(t)).ToList();
        var merged = AddressSet.Parse(tokens);

        Assert.That(merged.EntryCount, Is.LessThanOrEqualTo(tokens.Count));
        foreach (var probe in Probes(random, entries, 400))
        {
            Assert.That(merged.Contains(probe), Is.EqualTo(entries.Any(e => e.Contains(probe))), $"seed {seed}, probe {probe}");
        }

        // Re-parsing the merged tokens is a fixed point: the normal form is canonical.
        Assert.That(AddressSet.Parse(merged.ToTokens()), Is.EqualTo(merged));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Complement_twice_is_the_set(int seed)
    {
        var random = new Random(seed);
        var set = AddressSet.Parse(RandomTokens(random, random.Next(1, 30)));

        Assert.That(set.Complement().Complement(), Is.EqualTo(set));
    }

    /// <summary>Addresses near the generated entries' edges, where off-by-one errors live, plus random ones.</summary>
    private static IEnumerable<IPAddress> Probes(Random random, List<AddressSet> entries, int count)
    {
        foreach (var range in entries.SelectMany(e => e.Ranges))
        {
            foreach (var value in new[] { range.Start, range.End })
            {
                yield return AddressRange.ToAddress(range.Family, value);
                if (value > UInt128.Zero)
                {
                    yield return AddressRange.ToAddress(range.Family, value - 1);
                }

                if (value < AddressRange.MaxOf(range.Family))
                {
                    yield return AddressRange.ToAddress(range.Family, value + 1);
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            yield return random.Next(2) == 0 ? RandomV4(random, 10) : RandomV6(random);
        }
    }

    private static List<string> RandomTokens(Random random, int count)
    {
        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var v4 = RandomV4(random, 10);
            var v6 = RandomV6(random);
            tokens.Add(random.Next(7) switch
            {
                0 => v4.ToString(),
                1 => $"{v4}/{random.Next(8, 33)}",
                2 => $"{v4}-{Offset(v4, random.Next(0, 5000))}",
                3 => v6.ToString(),
                4 => $"{v6}/{random.Next(100, 129)}",
                5 => $"{RandomV4(random, 10)}/255.255.{255 - ((1 << random.Next(0, 8)) - 1)}.0",
                _ => $"{v4}/{random.Next(24, 33)}",
            });
        }

        return tokens;
    }

    private static IPAddress RandomV4(Random random, int firstOctet) =>
        new([(byte)firstOctet, (byte)random.Next(0, 4), (byte)random.Next(256), (byte)random.Next(256)]);

    private static IPAddress RandomV6(Random random)
    {
        var bytes = new byte[16];
        bytes[0] = 0xfd;
        bytes[15] = (byte)random.Next(256);
        bytes[14] = (byte)random.Next(4);
        return new IPAddress(bytes);
    }

    private static IPAddress Offset(IPAddress start, int offset)
    {
        var (family, value) = AddressRange.ToInteger(start);
        var end = UInt128.Min(value + (UInt128)offset, AddressRange.MaxOf(family));
        return AddressRange.ToAddress(family, end);
    }
}

using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

/// <summary>The allocation-free read of the common IPv4 forms agrees with the general parse on every token it takes.</summary>
public class PlainIPv4ParseTests
{
    private static readonly string[] Parts = ["0", "1", "9", "10", "01", "00", "99", "100", "127", "192", "255", "256", "999", "0255", "", "a", " 1"];

    private static readonly string[] Masks =
        ["255.255.255.0", "255.255.255.255", "0.0.0.0", "255.0.0.0", "255.255.128.0", "255.0.255.0", "255.255.255.01", "128.0.0.0", "255.255.255", "1.2.3.4"];

    [Test]
    public void Every_token_the_fast_read_takes_parses_to_the_same_range_the_general_parse_gives()
    {
        var random = new Random(20231);
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var token = Token(random);
            if (!AddressParser.TryParsePlainIPv4(token.AsSpan().Trim(), out var fast))
            {
                continue;
            }

            taken++;
            Assert.That(AddressParser.TryParseAnyForm(token, out var general, out var reason), Is.True, $"'{token}': {reason}");
            Assert.That(general.Range, Is.EqualTo(fast), token);
        }

        Assert.That(taken, Is.GreaterThan(500), "the generator must produce plenty of tokens the fast read takes");
    }

    [TestCase("10.0.0.5")]
    [TestCase("10.0.1.77/24")]
    [TestCase("10.0.1.0/255.255.255.0")]
    [TestCase("10.0.0.1-10.0.0.9")]
    [TestCase(" 10.0.0.5 ")]
    public void The_common_forms_are_taken(string token) =>
        Assert.That(AddressParser.TryParsePlainIPv4(token.AsSpan().Trim(), out _), Is.True);

    [TestCase("010.0.0.5")]
    [TestCase("10.0.0.5/33")]
    [TestCase("10.0.0.5/024")]
    [TestCase("10.0.0.0/255.0.255.0")]
    [TestCase("10.0.0.9-10.0.0.1")]
    [TestCase("10.0.0.1 - 10.0.0.9")]
    [TestCase("10.0.0")]
    [TestCase("fd00::5")]
    [TestCase("LocalSubnet")]
    [TestCase("")]
    public void Anything_unusual_is_left_to_the_general_parse(string token) =>
        Assert.That(AddressParser.TryParsePlainIPv4(token.AsSpan().Trim(), out _), Is.False);

    private static string Token(Random random)
    {
        string Address() => string.Join(".", Enumerable.Range(0, random.Next(10) == 0 ? random.Next(3, 6) : 4).Select(_ => Parts[random.Next(Parts.Length)]));

        return random.Next(5) switch
        {
            0 => Address(),
            1 => Address() + "/" + random.Next(-1, 40),
            2 => Address() + "/" + Masks[random.Next(Masks.Length)],
            3 => Address() + "-" + Address(),
            _ => (random.Next(2) == 0 ? " " : string.Empty) + Address() + (random.Next(3) == 0 ? "/0" + random.Next(10) : string.Empty),
        };
    }
}

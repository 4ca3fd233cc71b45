using System.Net;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

/// <summary>
/// A bare IPv4 or IPv6 address is read by a short path that allocates nothing (a profile may list ten thousand
/// peers); these check it gives what Windows' own parser gives, and leaves every other form to the full reading.
/// </summary>
public class AddressParserPlainFormTests
{
    [Test]
    public void Random_IPv4_and_IPv6_addresses_read_as_the_address_IPAddress_reads()
    {
        var random = new Random(23);
        var bytes4 = new byte[4];
        var bytes6 = new byte[16];
        for (var i = 0; i < 20_000; i++)
        {
            var v4 = i % 2 == 0;
            var raw = v4 ? bytes4 : bytes6;
            random.NextBytes(raw);
            if (!v4 && i % 7 == 1)
            {
                raw.AsSpan(0, 8 + random.Next(8)).Clear();
            }

            var address = new IPAddress(raw);
            var text = i % 3 == 0 ? address.ToString().ToUpperInvariant() : address.ToString();
            if (text.Contains('.') && !v4)
            {
                continue;
            }

            var token = AddressParser.Parse(text);

            Assert.That(token.Range, Is.EqualTo(AddressRange.OfAddress(address)), text);
        }
    }

    [TestCase("010.0.0.1", "leading zero")]
    [TestCase("10.0.0", "four numbers")]
    [TestCase("10.0.0.256", "0-255")]
    [TestCase("10..0.1", "0-255")]
    [TestCase("10.0.0.1.", "four numbers")]
    [TestCase("1000.0.0.1", "0-255")]
    [TestCase("fd00::1::2", "not an IPv6 address")]
    [TestCase("fd00:::1", "not an IPv6 address")]
    public void A_plain_looking_token_that_is_not_an_address_keeps_the_full_readings_message(string token, string expected)
    {
        Assert.That(AddressParser.TryParse(token, out _, out var reason), Is.False);

        Assert.That(AddressParser.Describe(token, reason!), Does.Contain(expected));
    }

    [TestCase("0.0.0.0", "0.0.0.0")]
    [TestCase("255.255.255.255", "255.255.255.255")]
    [TestCase("10.0.0.0", "10.0.0.0")]
    [TestCase(" 10.0.0.5 ", "10.0.0.5")]
    [TestCase("::", "::")]
    [TestCase("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    [TestCase("FD00::A", "fd00::a")]
    public void Edge_forms_read_as_before(string token, string expected)
    {
        Assert.That(AddressSet.Parse(token).ToString(), Is.EqualTo(expected));
    }
}

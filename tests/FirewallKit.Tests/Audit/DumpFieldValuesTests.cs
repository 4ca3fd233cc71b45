using FirewallKit.Core.Audit;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Audit;

/// <summary>The netsh parser's remembered and fast-read field values are the values the general reads give.</summary>
public class DumpFieldValuesTests
{
    private static readonly string[] AddressTokens =
        ["10.0.0.5", "10.0.1.0/24", "10.0.1.7/255.255.255.0", "10.0.0.1-10.0.0.9", "fd00::/16", "LocalSubnet", "Any", "010.0.0.1", "10.0.0.0/33", " 192.168.1.1 ", "", "host.example"];

    private static readonly string[] PortTokens = ["80", "0080", "0", "65535", "65536", "5000-5010", "RPC", "Any", "", " 443", "x"];

    [Test]
    public void Addresses_read_as_the_general_parse_reads_them_and_bad_ones_are_reported_every_time()
    {
        var random = new Random(42);
        var values = new DumpFieldValues();
        for (var i = 0; i < 3_000; i++)
        {
            var text = string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => AddressTokens[random.Next(AddressTokens.Length)]));
            var (expectedErrors, actualErrors) = (new InputErrors("dump.txt"), new InputErrors("dump.txt"));

            var expected = DumpValues.Addresses(Split(text), expectedErrors, "line 7");
            var actual = values.Addresses(text, actualErrors, 7);

            Assert.That(actual, Is.EqualTo(expected), text);
            Assert.That(actualErrors.Count, Is.EqualTo(expectedErrors.Count), text);
        }
    }

    [Test]
    public void Ports_read_as_the_general_parse_reads_them_and_bad_ones_are_reported_every_time()
    {
        var random = new Random(43);
        var values = new DumpFieldValues();
        for (var i = 0; i < 3_000; i++)
        {
            var text = string.Join(",", Enumerable.Range(0, random.Next(1, 3)).Select(_ => PortTokens[random.Next(PortTokens.Length)]));
            var (expectedErrors, actualErrors) = (new InputErrors("dump.txt"), new InputErrors("dump.txt"));

            var expected = DumpValues.Ports(Split(text), expectedErrors, "line 7");
            var actual = values.Ports(text, actualErrors, 7);

            Assert.That(actual, Is.EqualTo(expected), text);
            Assert.That(actualErrors.Count, Is.EqualTo(expectedErrors.Count), text);
        }
    }

    [Test]
    public void Equal_texts_share_one_string()
    {
        var values = new DumpFieldValues();

        Assert.That(values.Text("Domain,Private".AsSpan()), Is.SameAs(values.Text("Domain,Private".ToCharArray())));
    }

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

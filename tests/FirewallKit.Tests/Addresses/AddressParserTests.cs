using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

public class AddressParserTests
{
    [TestCase("10.0.0.5", "10.0.0.5")]
    [TestCase("10.0.1.0/24", "10.0.1.0/24")]
    [TestCase("10.0.1.77/24", "10.0.1.0/24")]
    [TestCase("10.0.1.0/255.255.255.0", "10.0.1.0/24")]
    [TestCase("10.0.0.5/255.255.255.255", "10.0.0.5")]
    [TestCase("10.0.0.5/32", "10.0.0.5")]
    [TestCase("10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9")]
    [TestCase("FD00::0013", "fd00::13")]
    [TestCase("fd00::/64", "fd00::/64")]
    [TestCase("fd00::1-fd00::9", "fd00::1-fd00::9")]
    [TestCase("fd00::5/128", "fd00::5")]
    public void Every_windows_form_parses_to_its_shortest_form(string input, string expected)
    {
        var set = AddressSet.Parse(input);

        Assert.That(set.ToString(), Is.EqualTo(expected));
    }

    [TestCase("localsubnet", "LocalSubnet")]
    [TestCase("LOCALSUBNET4", "LocalSubnet4")]
    [TestCase("dns6", "DNS6")]
    [TestCase("*", "Any")]
    [TestCase("any", "Any")]
    [TestCase("Ply2Renders", "PlayToDevice")]
    [TestCase("Ply2Renders4", "PlayToDevice4")]
    [TestCase("ply2renders6", "PlayToDevice6")]
    [TestCase("RmtIntranet", "IntranetRemoteAccess")]
    [TestCase("RmtIntrAnet6", "IntranetRemoteAccess6")]
    [TestCase("IntrAnet", "Intranet")]
    [TestCase("IntErnet4", "Internet4")]
    [TestCase("defaultgateway", "DefaultGateway")]
    [TestCase("DEFAULTGATEWAY6", "DefaultGateway6")]
    [TestCase("CaptivePortal", "CaptivePortal")]
    [TestCase("captiveportal4", "CaptivePortal4")]
    public void Keywords_are_spelled_canonically(string input, string expected)
    {
        Assert.That(AddressSet.Parse(input).ToString(), Is.EqualTo(expected));
    }

    [TestCase("010.020.000.011", "'010.020.000.011' has a part with a leading zero ('010'), which other tools read as an octal number: write 10.20.0.11")]
    [TestCase("10.0.0.01/24", "leading zero ('01')")]
    [TestCase("10.0.0.1-10.0.0.09", "leading zero ('09')")]
    [TestCase("10.0.0.5\n[12:00:00 INF] forged", "'10.0.0.5\n[12:00:00 INF] forged' is not a valid address: it contains a line break")]
    [TestCase("10.0.0.5\r\nerror: x", "it contains a line break")]
    [TestCase("10.0.0.5\u001B[2J", "it contains the character U+001B, which no address has")]
    [TestCase("10.0.0.5\u202E", "it contains the character U+202E")]
    public void Invalid_tokens_are_rejected_with_the_real_cause(string input, string reason)
    {
        var error = Assert.Throws<AddressParseException>(() => AddressParser.Parse(input));

        Assert.That(error!.Message, Does.Contain(reason).And.Not.Contain("IPv6"));
    }

    [TestCase("0.0.0.0")]
    [TestCase("10.0.0.0/8")]
    [TestCase("10.0.0.1 - 10.0.0.9")]
    public void Zero_parts_and_spaced_ranges_are_still_read(string input)
    {
        Assert.That(AddressParser.TryParse(input, out _, out var reason), Is.True, reason);
    }

    [TestCase("10.0.0.256", "each part must be 0-255")]
    [TestCase("10.0.0", "four numbers")]
    [TestCase("10.0.0.0/33", "prefix length must be 0 to 32")]
    [TestCase("fd00::/129", "prefix length must be 0 to 128")]
    [TestCase("10.0.0.0/255.0.255.0", "not contiguous")]
    [TestCase("10.0.0.9-10.0.0.1", "reversed")]
    [TestCase("10.0.0.1-fd00::1", "cannot mix IPv4 and IPv6")]
    [TestCase("fd00::1::2", "not an IPv6 address")]
    [TestCase("fe80::1%4", "zone indexes")]
    [TestCase("printserver.example.com", "is a host name, but Windows Firewall rules hold addresses, not names")]
    [TestCase("", "empty")]
    [TestCase("LocalSubnet7", "not an IPv4 address")]
    public void Invalid_tokens_are_rejected_with_the_reason(string input, string reason)
    {
        var error = Assert.Throws<AddressParseException>(() => AddressParser.Parse(input));

        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public void Read_back_forms_compare_equal_to_the_planned_form()
    {
        var planned = AddressSet.Parse("10.0.1.0/24", "10.20.0.11", "fd00:20::13");
        var readBack = AddressSet.ParseList("fd00:20::13/128,10.20.0.11/255.255.255.255,10.0.1.0/255.255.255.0");

        Assert.That(readBack, Is.EqualTo(planned));
    }
}

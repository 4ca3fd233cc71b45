using FirewallKit.Core.Addresses;

namespace FirewallKit.Tests.Addresses;

public class DocumentationRangesTests
{
    [TestCase("192.0.2.0/24", true)]
    [TestCase("198.51.100.7", true)]
    [TestCase("203.0.113.0/28", true)]
    [TestCase("2001:db8::/32", true)]
    [TestCase("2001:db8:100::/48", true)]
    [TestCase("192.0.2.0/23", false)]
    [TestCase("192.0.3.1", false)]
    [TestCase("2001:db8::/31", false)]
    [TestCase("10.0.0.0/8", false)]
    public void Only_ranges_wholly_inside_a_documentation_block_are_placeholders(string range, bool placeholder)
    {
        Assert.That(DocumentationRanges.Contain(AddressRange.Parse(range, null)), Is.EqualTo(placeholder));
    }
}

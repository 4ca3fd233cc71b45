using System.Globalization;
using FirewallKit.Core.Catalog;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Catalog;

/// <summary>
/// The vendor's port table (kept verbatim in TestData) against the embedded catalog: a port,
/// its required flag or its owner missing or different in the catalog fails here.
/// </summary>
public class VendorTableTests
{
    private sealed record VendorTableRow(IReadOnlyList<int> Ports, string PortText, bool Required, string Description, string Owner, string ToDisable);

    private static List<VendorTableRow> ReadVendorTable()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "printeron-vendor-port-table.txt");
        return File.ReadAllLines(path)
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 5 && cells[0].Length > 0 && char.IsAsciiDigit(cells[0][0]))
            .Select(cells => new VendorTableRow(
                cells[0].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToList(),
                cells[0],
                cells[1] switch { "Yes" => true, "No" => false, _ => throw new FormatException($"Required? is '{cells[1]}'") },
                cells[2],
                cells[3],
                cells[4]))
            .ToList();
    }

    [Test]
    public void The_vendor_table_has_the_rows_we_expect_to_check()
    {
        var rows = ReadVendorTable();

        Assert.That(rows, Has.Count.EqualTo(20));
        Assert.That(rows.Count(r => r.Ports.Contains(5200)), Is.EqualTo(2), "5200 is listed twice by the vendor");
    }

    [Test]
    public void Every_vendor_row_is_in_the_catalog_with_its_ports_required_flag_and_owner()
    {
        var catalog = TestCatalog.PrinterOn;
        foreach (var row in ReadVendorTable())
        {
            var matches = catalog.Entries.Where(e => e.Vendor is { } v && v.Port == row.PortText && v.Description == row.Description).ToList();

            Assert.That(matches, Has.Count.EqualTo(1), $"vendor row {row.PortText} '{row.Description}' should be in exactly one catalog entry");
            var entry = matches[0];
            Assert.Multiple(() =>
            {
                Assert.That(entry.Ports, Is.EqualTo(row.Ports), $"{entry.Id}: ports");
                Assert.That(entry.Required, Is.EqualTo(row.Required), $"{entry.Id}: required flag");
                Assert.That(entry.Vendor!.Required, Is.EqualTo(row.Required ? "Yes" : "No"), $"{entry.Id}: vendor's required text");
                Assert.That(entry.Vendor.Owner, Is.EqualTo(row.Owner), $"{entry.Id}: owner");
                Assert.That(entry.Vendor.ToDisable, Is.EqualTo(row.ToDisable), $"{entry.Id}: to disable");
            });
        }
    }

    [Test]
    public void Every_catalog_entry_from_the_vendor_table_has_a_vendor_row()
    {
        var rows = ReadVendorTable();
        var fromTable = TestCatalog.PrinterOn.Entries.Where(e => e.FromVendorTable).ToList();

        Assert.That(fromTable, Has.Count.EqualTo(rows.Count));
        foreach (var entry in fromTable)
        {
            Assert.That(rows.Any(r => r.PortText == entry.Vendor!.Port && r.Description == entry.Vendor.Description), Is.True, $"{entry.Id} claims a vendor row that is not in the table");
        }
    }

    [Test]
    public void Entries_from_outside_the_vendor_table_say_so_in_their_note()
    {
        foreach (var entry in TestCatalog.PrinterOn.Entries.Where(e => !e.FromVendorTable))
        {
            Assert.That(entry.Note, Does.Contain("Not in the vendor table"), entry.Id);
        }
    }

    [TestCase(4999, "3.2.3")]
    [TestCase(5000, "3.2.4")]
    [TestCase(5009, "5.1.0")]
    [TestCase(5400, "5.1.0")]
    public void Deprecated_ports_carry_their_deprecation_version(int port, string version)
    {
        var entry = TestCatalog.PrinterOn.Entries.Single(e => e.Ports.Contains(port));

        Assert.That(entry.DeprecatedIn, Is.EqualTo(Version.Parse(version)));
    }

    [Test]
    public void Port_5200_has_a_deprecated_and_an_active_entry()
    {
        var entries = TestCatalog.PrinterOn.Entries.Where(e => e.Ports.Contains(5200)).ToList();

        Assert.That(entries.Select(e => e.DeprecatedIn?.ToString(3)), Is.EquivalentTo(new[] { "5.1.0", null }));
    }

    [TestCase(8080)]
    [TestCase(8081)]
    public void Configurable_ports_are_marked_configurable(int port)
    {
        Assert.That(TestCatalog.PrinterOn.Entries.Single(e => e.Ports.Contains(port)).Configurable, Is.True);
    }

    [TestCase(80, PortRole.Optional)]
    [TestCase(443, PortRole.Client)]
    [TestCase(631, PortRole.Client)]
    [TestCase(6310, PortRole.Optional)]
    [TestCase(8009, PortRole.Optional)]
    [TestCase(8057, PortRole.Admin)]
    [TestCase(8080, PortRole.Optional)]
    [TestCase(8081, PortRole.Optional)]
    [TestCase(8181, PortRole.Optional)]
    [TestCase(8182, PortRole.Optional)]
    [TestCase(9444, PortRole.Optional)]
    [TestCase(10051, PortRole.LocalIpc)]
    [TestCase(48300, PortRole.LocalIpc)]
    [TestCase(49300, PortRole.LocalIpc)]
    [TestCase(50300, PortRole.LocalIpc)]
    [TestCase(6789, PortRole.Cluster)]
    public void Each_port_has_the_role_the_vendor_describes(int port, PortRole role)
    {
        Assert.That(TestCatalog.PrinterOn.Entries.Where(e => e.Ports.Contains(port)).Select(e => e.Role).Distinct(), Is.EqualTo(new[] { role }));
    }
}

using FirewallKit.Core.Operations;

namespace FirewallKit.Tests.Export;

public class ExportSizeTests
{
    [Test]
    public void An_export_above_the_size_limit_is_warned_about()
    {
        var warning = PlanExports.SizeWarning(new string('x', (int)PlanExports.LargeScriptBytes + 1));

        Assert.That(warning, Does.StartWith("large-export: the export is 8.0 MiB, above 8 MiB"));
    }

    [Test]
    public void The_shipped_profiles_export_without_a_size_warning()
    {
        foreach (var profile in Support.ExportTestPlans.ShippedProfiles)
        {
            Assert.That(PlanExports.SizeWarning(Support.ExportTestPlans.Script(Support.ExportTestPlans.Shipped(profile))), Is.Null, profile);
        }
    }
}

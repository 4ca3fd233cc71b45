using FirewallKit.Core.Export;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Export;

/// <summary>
/// The shipped profiles exported in every format, kept in Approved/ so a reviewer sees what a
/// change does to the scripts. Rewrite them with <c>FWKIT_APPROVE=1 dotnet test --filter "FullyQualifiedName~ExportGoldenTests"</c>.
/// </summary>
public sealed class ExportGoldenTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from profile in ExportTestPlans.ShippedProfiles
        from format in new[] { ("powershell", "ps1"), ("netsh", "cmd"), ("json", "json") }
        select new TestCaseData(profile, format.Item1, format.Item2).SetName($"Export_{Path.GetFileNameWithoutExtension(profile)}_as_{format.Item1}");

    [TestCaseSource(nameof(Cases))]
    public void Export_matches_the_approved_file(string profile, string format, string extension)
    {
        var output = PlanExport.Export(RepoPaths.Profile(profile), null, format);

        if (format == "powershell")
        {
            PowerShellHost.Parse(output);
        }

        Approvals.Verify(output, $"{Path.GetFileNameWithoutExtension(profile)}.{extension}");
    }

    [Test]
    public void The_json_export_is_the_plan_contract()
    {
        var profile = RepoPaths.Profile("cluster.json");

        var export = CliRunner.Run("export", "--profile", profile, "--format", "json");
        var plan = CliRunner.Run("plan", "--profile", profile, "--format", "json");

        Assert.That(export.ExitCode, Is.Zero);
        Assert.That(export.Out, Is.EqualTo(plan.Out));
    }
}

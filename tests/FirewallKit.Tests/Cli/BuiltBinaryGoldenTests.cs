namespace FirewallKit.Tests.Cli;

/// <summary>
/// plan, export and check for every shipped profile, run through <see cref="CliRunner.RunBuilt"/>:
/// in-process normally, and against the Native AOT binary when .ci/run sets <c>FWKIT_EXE</c>.
/// Each output must equal the in-process (JIT) run's, exit code included, and the golden files
/// where there are some; so the native build prints exactly what the tested build prints.
/// </summary>
[Category(Category)]
public class BuiltBinaryGoldenTests
{
    public const string Category = "CliGolden";

    private static readonly string[] Profiles = ["cluster.json", "multi-server.json", "pdg-disabled.json", "single-server.json"];

    private static IEnumerable<TestCaseData> Commands()
    {
        foreach (var profile in Profiles)
        {
            var path = RepoPaths.Profile(profile);
            var name = Path.GetFileNameWithoutExtension(profile).Replace('-', '_');
            yield return Case($"plan_{name}", "plan", "--profile", path);
            yield return Case($"plan_{name}_json", "plan", "--profile", path, "--format", "json");
            foreach (var format in new[] { "powershell", "netsh", "json" })
            {
                yield return Case($"export_{name}_{format}", "export", "--profile", path, "--format", format);
            }

            yield return Case($"check_{name}_peer_port", "check", "--profile", path, "--from", "10.20.0.99", "--port", "5200");
            yield return Case($"check_{name}_client_port", "check", "--profile", path, "--from", "10.1.2.3", "--port", "443", "--firewall-profile", "domain");
            yield return Case($"check_{name}_json", "check", "--profile", path, "--from", "fd00:20::13", "--port", "8057", "--format", "json");
        }
    }

    private static TestCaseData Case(string name, params string[] args) => new TestCaseData((object)args).SetName($"Built_fwkit_{name}_prints_what_the_tested_build_prints");

    [TestCaseSource(nameof(Commands))]
    public void Built_fwkit_prints_what_the_tested_build_prints(string[] args)
    {
        var built = CliRunner.RunBuilt(args);
        var tested = CliRunner.Run(args);

        Assert.That(built.ExitCode, Is.EqualTo(tested.ExitCode), built.Error);
        Assert.That(built.Out, Is.EqualTo(tested.Out), $"{CliRunner.Executable ?? "in-process"}: {string.Join(' ', args)}");
        Assert.That(built.Out, Is.Not.Empty);
    }

    [Test]
    public void The_cluster_plan_table_matches_the_approved_output() =>
        Approvals.Verify(CliRunner.RunBuilt("plan", "--profile", RepoPaths.Profile("cluster.json")).Out, "cluster.plan.txt");
}

using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Audit;

/// <summary>The saved dumps are what <see cref="DumpScenarios"/> writes, fwkit's part from the current plan; FWKIT_APPROVE=1 rewrites them.</summary>
public class SavedDumpsTests
{
    private static IEnumerable<TestCaseData> Files() =>
        DumpScenarios.All.SelectMany(s => s.JsonOnly
            ? new[] { new TestCaseData(s.Name + ".json", s.JsonText).SetName($"Saved dump {s.Name}.json is current") }
            : [new TestCaseData(s.Name + ".txt", s.NetshText).SetName($"Saved dump {s.Name}.txt is current"), new TestCaseData(s.Name + ".json", s.JsonText).SetName($"Saved dump {s.Name}.json is current")]);

    [TestCaseSource(nameof(Files))]
    public void Saved_dump_holds_the_current_plan(string fileName, string expected)
    {
        var path = DumpScenarios.PathOf(fileName);
        if (Environment.GetEnvironmentVariable(Approvals.RewriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
            Assert.Pass($"Rewrote {path}");
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with {Approvals.RewriteVariable}=1 to write it");
        Assert.That(File.ReadAllText(path), Is.EqualTo(expected), $"{path} is stale; if the plan changed on purpose, rerun with {Approvals.RewriteVariable}=1 and review the diff");
    }
}

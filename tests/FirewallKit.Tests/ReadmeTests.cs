using FirewallKit.Tests.Support;

namespace FirewallKit.Tests;

/// <summary>The README shows real output; these fail when the output changes and the README does not.</summary>
public class ReadmeTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void Readme_starts_with_the_two_commands_a_newcomer_runs()
    {
        var firstBlock = Readme().Split("```")[1];

        Assert.That(firstBlock.Trim(), Is.EqualTo("dotnet run --project src/FirewallKit.Cli -- plan --profile profiles/cluster.json\ndotnet test"));
    }

    [Test]
    public void Readme_shows_the_current_plan_of_the_cluster_profile()
    {
        var output = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json")).Out.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

        Assert.That(Readme(), Does.Contain(output), "README's plan output is stale: paste the output of the first README command");
    }

    [Test]
    public void Readme_shows_the_current_rules_of_the_multi_server_profile()
    {
        var output = CliRunner.Run("plan", "--profile", RepoPaths.Profile("multi-server.json")).Out.Replace("\r\n", "\n", StringComparison.Ordinal);
        var rules = output[output.IndexOf("Rules (inbound", StringComparison.Ordinal)..output.IndexOf("Warnings", StringComparison.Ordinal)].TrimEnd();

        Assert.That(Readme(), Does.Contain(rules), "README's multi-server rules are stale");
    }
}

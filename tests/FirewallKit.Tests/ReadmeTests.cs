using System.Text.RegularExpressions;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests;

/// <summary>The README is a front page: short, says how to get fwkit and what has run where, and links pages that exist. Its runs are pinned by <see cref="DocsTests"/>.</summary>
public partial class ReadmeTests
{
    private static string Readme() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void Readme_is_a_front_page_of_at_most_200_lines()
    {
        Assert.That(Readme().Split('\n'), Has.Length.LessThanOrEqualTo(200));
    }

    [Test]
    public void Readme_shows_how_to_get_a_fwkit_command()
    {
        Assert.That(Readme(), Does.Contain("dotnet pack src/FirewallKit.Cli -c Release -o artifacts/packages"));
        Assert.That(Readme(), Does.Contain("dotnet tool install FirewallKit --version 0.1.0 --tool-path ~/.fwkit --add-source \"$PWD/artifacts/packages\""));
        Assert.That(Readme(), Does.Contain(".\\build.ps1 -Target Publish"));
    }

    [Test]
    public void Readme_says_what_has_run_on_real_windows()
    {
        Assert.That(Readme(), Does.Contain("**What has run on real Windows: nothing yet.**"));
    }

    [Test]
    public void Every_page_the_readme_links_exists()
    {
        var links = MarkdownLink().Matches(Readme()).Select(m => m.Groups[1].Value).Where(l => !l.StartsWith("http", StringComparison.Ordinal)).ToList();

        Assert.That(links, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(links.Where(l => !File.Exists(Path.Combine(RepoPaths.Root, l))), Is.Empty);
    }

    [Test]
    public void The_shipped_package_carries_the_readme_and_the_licence()
    {
        var project = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "FirewallKit.Cli", "FirewallKit.Cli.csproj"));

        Assert.That(project, Does.Contain("PackageReadmeFile>README.md<"));
        Assert.That(project, Does.Contain("PackageLicenseExpression>MIT<"));
        Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Root, "LICENSE")), Does.StartWith("MIT License\n\nCopyright (c) 2026 FirewallKit contributors"));
    }

    [Test]
    public void Readme_audit_excerpt_is_real_output_with_only_matching_rows_left_out()
    {
        const string Rules = "tests/FirewallKit.Tests/Audit/Dumps/block-others-5200-missing.txt";
        var readme = Readme();
        Assert.That(readme, Does.Contain($"fwkit audit --rules {Rules} --profile profiles/cluster.json --firewall-profile Domain\n"));
        var intro = ReadmeAuditExcerpt().Match(readme);
        Assert.That(intro.Success, "the README introduces its audit excerpt with the number of rows it leaves out");
        var start = readme.IndexOf("```\n", intro.Index, StringComparison.Ordinal) + 4;
        var excerpt = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].TrimEnd('\n').Split('\n');

        var run = CliRunner.Run("audit", "--rules", Path.Combine(RepoPaths.Root, Rules), "--profile", RepoPaths.Profile("cluster.json"), "--firewall-profile", "Domain");
        var printed = run.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(Path.Combine(RepoPaths.Root, Rules), Rules, StringComparison.Ordinal).TrimEnd('\n').Split('\n');

        Assert.That(run.ExitCode, Is.EqualTo(FirewallKit.Cli.ExitCodes.Drift));
        // Walk both: a shown line must be the next printed line; an ellipsis stands for printed rows that match the plan.
        var left = new List<string>();
        var at = 0;
        foreach (var line in excerpt)
        {
            if (line == "…")
            {
                while (at < printed.Length && printed[at].Contains("  matches  ", StringComparison.Ordinal))
                {
                    left.Add(printed[at++]);
                }

                continue;
            }

            Assert.That(at, Is.LessThan(printed.Length), $"the README shows a line audit no longer prints: {line}");
            Assert.That(printed[at], Is.EqualTo(line), "the README's audit excerpt is stale: run the command it shows and paste again");
            at++;
        }

        Assert.That(printed.Skip(at).Where(l => l.Length > 0 && l != "Notes" && !l.StartsWith("  - ", StringComparison.Ordinal)), Is.Empty, "the excerpt leaves out only the notes after the findings");
        if (printed.Skip(at).Contains("Notes"))
        {
            Assert.That(intro.Value, Does.Contain("`Notes`"), "the README says it leaves out the report's Notes section");
        }

        Assert.That(left, Has.Count.EqualTo(int.Parse(intro.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"with the (\d+) rows that match the plan (?:.+? )?left out")]
    private static partial Regex ReadmeAuditExcerpt();

    [GeneratedRegex(@"\]\(([^)#]+)\)")]
    private static partial Regex MarkdownLink();
}

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
        Assert.That(Readme(), Does.Contain("dotnet tool install FirewallKit --tool-path ~/.fwkit --add-source artifacts/packages"));
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

    [GeneratedRegex(@"\]\(([^)#]+)\)")]
    private static partial Regex MarkdownLink();
}

using System.Text.RegularExpressions;
using FirewallKit.Cli;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Machine;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests;

/// <summary>
/// Every <c>$ fwkit ...</c> line in the README and the docs runs as written, from a scratch folder holding
/// <c>profiles/</c> and the files the page gives (<c>&lt;!-- file: NAME --&gt;</c> before a block), and prints
/// exactly the lines under it (stdout and stderr in the order written, as a terminal shows them). The pages were
/// pasted from runs of the installed tool in /tmp/newuser, so that folder stands for the scratch one.
/// </summary>
public partial class DocsTests
{
    private const string PastedFolder = "/tmp/newuser";

    private static readonly string[] Pages = ["README.md", "docs/commands.md", "docs/profile.md", "docs/export.md", "docs/apply.md", "docs/gpo.md"];

    private sealed record Example(string Command, string Expected);

    private sealed record Page(List<(string Name, string Content)> Files, List<Example> Examples);

    private static string Read(string page) => File.ReadAllText(Path.Combine(RepoPaths.Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);

    [TestCaseSource(nameof(Pages))]
    public void Every_example_prints_what_the_page_shows(string page)
    {
        var parsed = Parse(Read(page));
        Assert.That(parsed.Examples, Is.Not.Empty, "a page listed here shows runs");
        using var scratch = new TempDirectory();
        Directory.CreateDirectory(scratch.Path);
        CopyFolder(RepoPaths.Profiles, Path.Combine(scratch.Path, "profiles"));
        foreach (var (name, content) in parsed.Files)
        {
            File.WriteAllText(Path.Combine(scratch.Path, name), content);
        }

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = scratch.Path;
        try
        {
            foreach (var example in parsed.Examples)
            {
                var printed = Normalise(Run(example.Command).Replace(scratch.Path, PastedFolder, StringComparison.Ordinal));
                Assert.That(printed, Is.EqualTo(Normalise(example.Expected)), $"{page}: `{example.Command}` prints something else now: run it again and paste its output");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void The_export_page_shows_the_script_header_as_exported()
    {
        var script = Run("fwkit export --profile " + RepoPaths.Profile("cluster.json") + " --format powershell").Replace("\r\n", "\n", StringComparison.Ordinal);
        var header = script[..(script.IndexOf("Set-StrictMode -Version 3.0", StringComparison.Ordinal) + "Set-StrictMode -Version 3.0".Length)];

        Assert.That(Read("docs/export.md"), Does.Contain(header));
    }

    [Test]
    public void The_export_page_shows_netsh_lines_as_exported()
    {
        var script = Run("fwkit export --profile " + RepoPaths.Profile("cluster.json") + " --format netsh").Split('\n').Select(l => l.TrimEnd('\r')).ToHashSet();
        var page = Read("docs/export.md");
        var block = page[(page.IndexOf("```bat", StringComparison.Ordinal) + 7)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        Assert.That(block.TrimEnd('\n').Split('\n'), Is.SubsetOf(script));
    }

    /// <summary>The "fake>" runs on the apply page are the approved outputs of the in-process runs against the fake firewall.</summary>
    [Test]
    public void The_apply_page_shows_the_approved_runs_against_the_fake_firewall()
    {
        var approved = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "FirewallKit.Tests", "Cli", "Commands", "Approved"))
            .SelectMany(f => File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            .ToHashSet();
        // Distinct: NUnit's subset counts repeats, and the runs share lines.
        var shown = FakeRuns().Where(l => l.Trim() != "…").Distinct().ToList();

        Assert.That(shown, Has.Count.GreaterThan(30));
        Assert.That(shown, Is.SubsetOf(approved));
    }

    private static IEnumerable<string> FakeRuns()
    {
        var inFake = false;
        foreach (var line in Read("docs/apply.md").Split('\n'))
        {
            if (line.StartsWith("fake> ", StringComparison.Ordinal))
            {
                inFake = true;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFake = false;
            }
            else if (inFake)
            {
                yield return line;
            }
        }
    }

    private static string Run(string command)
    {
        var args = command["fwkit ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var terminal = new StringWriter();
        FwkitCli.Run(args, new CliHost(terminal, terminal, new UnsupportedPlatformEnvironment(), FixedClock.Default, ConsoleTarget.Plain));
        return terminal.ToString();
    }

    /// <summary>
    /// A build from a tree without .git (a release tarball, "Download ZIP", git archive) prints the commit as
    /// unknown; the page shows a build from a clone. Both are the same example.
    /// </summary>
    [Test]
    public void The_version_example_matches_a_build_from_a_tree_without_git()
    {
        var page = Parse(Read("docs/commands.md")).Examples.Single(e => e.Command == "fwkit --version");
        var withoutGit = VersionFormatter.Text(typeof(FwkitCli).Assembly.GetName().Version!.ToString(3), CatalogLoader.LoadEmbedded());

        Assert.That(Normalise(withoutGit), Is.EqualTo(Normalise(page.Expected)));
    }

    /// <summary>Line ends, trailing blanks, and the commit --version names, which changes with every commit (or is unknown outside git).</summary>
    private static string Normalise(string text) =>
        CommitLine().Replace(string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n'), "commit   <commit>");

    private static Page Parse(string markdown)
    {
        var files = new List<(string, string)>();
        var examples = new List<Example>();
        var lines = markdown.Split('\n');
        string? fileName = null;
        var inBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (FileMarker().Match(line) is { Success: true } marker)
            {
                fileName = marker.Groups[1].Value;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (!inBlock && fileName is not null)
                {
                    var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                    files.Add((fileName, string.Join('\n', lines[(i + 1)..end]) + "\n"));
                    (i, fileName) = (end, null);
                    continue;
                }

                inBlock = !inBlock;
            }
            else if (inBlock && line.StartsWith("$ fwkit ", StringComparison.Ordinal))
            {
                var output = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal) && !l.StartsWith("```", StringComparison.Ordinal)).ToList();
                examples.Add(new Example(line[2..], string.Join('\n', output)));
            }
        }

        return new Page(files, examples);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    [GeneratedRegex(@"^<!-- file: (\S+) -->$")]
    private static partial Regex FileMarker();

    [GeneratedRegex(@"^commit   ([0-9a-f]+|unknown \(built outside a git checkout; [^)]*\))$", RegexOptions.Multiline)]
    private static partial Regex CommitLine();
}
